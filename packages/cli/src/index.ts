/** The `retort` command line, callable in-process: `run(argv, io)` returns the exit code. */
export type { Io } from './io';
export { processIo } from './io';
export { run } from './run';
