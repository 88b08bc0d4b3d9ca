/** The `retort` executable: runs the CLI on this process and exits with its code. */
import { processIo } from './io';
import { run } from './run';

const code = await run(process.argv.slice(2), processIo());
// Pipes are synchronous on Linux, so nothing written is lost; exiting also ends any pool
// or timer a library left open.
process.exit(code);
