/** `run(argv, io)`: the whole CLI as a function returning its exit code. */
import { loadExpressionParser } from '@retort/core';
import { Command } from 'commander';
import type { CommandContext } from './command-context';
import { checkCommand } from './commands/check';
import { currentCommand } from './commands/current';
import { exportCommand } from './commands/export';
import { historyCommand } from './commands/history';
import { importCommand } from './commands/import';
import { modelsCommand } from './commands/models';
import { revisionCommand } from './commands/revision';
import { downgradeCommand, upgradeCommand } from './commands/run';
import { serveCommand } from './commands/serve';
import { reportFailure } from './failure';
import type { Io } from './io';

/** Commands whose designs are all read through the project, which awaits the parser itself. */
const PROJECT_ONLY_COMMANDS = new Set(['revision', 'history', 'current', 'check']);

function program(context: CommandContext): Command {
  const root = new Command('retort')
    .description(
      'Design PostgreSQL schemas; emit SQLAlchemy and TypeScript models; migrate like Alembic.',
    )
    .option('--project <dir>', 'the project folder (default: the current folder)')
    .option(
      '--database-url <url>',
      'a Postgres URL (default: DATABASE_URL, else the embedded PGlite)',
    )
    .showSuggestionAfterError(true)
    // Every command reads designs, whose expressions Postgres' parser checks; help and
    // usage errors need no parser, so it loads only once a command is about to run. The
    // commands that only read the project start it and go on: the project awaits it before
    // the first parse, so the parser compiles while design.json and revisions are read.
    .hook('preAction', (_root, action) => {
      const loading = loadExpressionParser();
      if (!PROJECT_ONLY_COMMANDS.has(action.name())) return loading;
      // The project's own await reports a failure to load.
      loading.catch(() => {});
    });
  const commands = [
    modelsCommand,
    revisionCommand,
    upgradeCommand,
    downgradeCommand,
    currentCommand,
    historyCommand,
    checkCommand,
    exportCommand,
    importCommand,
    serveCommand,
  ];
  for (const make of commands) root.addCommand(make(context));
  // Commander's own messages become one `retort: ...` line in reportFailure.
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
      outputError: () => {},
    });
    for (const sub of command.commands) configure(sub);
  };
  configure(root);
  return root;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const context: CommandContext = {
    io,
    exit: (code) => {
      exitCode = code;
    },
  };
  try {
    await program(context).parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportFailure(error, io);
  }
}
