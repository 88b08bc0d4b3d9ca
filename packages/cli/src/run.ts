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
    // usage errors need no parser, so it loads only once a command is about to run.
    .hook('preAction', () => loadExpressionParser());
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
