/** `retort check`: the live database against the snapshot of the revision it is at. */
import { Command } from 'commander';
import { type CommandContext, optionsOf } from '../command-context';
import { loadProject, withDatabase } from '../context';
import { EXIT_FAILURE } from '../failure';

export function checkCommand(context: CommandContext): Command {
  return new Command('check')
    .description('compare the live database with its current revision (exit 1 on drift)')
    .action(async (_options, command: Command) => {
      const options = optionsOf(command);
      const { io } = context;
      const { checkDrift } = await import('@retort/migrate');
      const revisions = await (await loadProject(options, io)).revisions();
      const drift = await withDatabase(options, io, (db) => checkDrift(db, revisions));
      if (drift.differences.length === 0) {
        io.stdout('No drift.\n');
        return;
      }
      io.stdout(
        `The database differs from revision ${drift.revision ?? 'base'} in ${drift.differences.length} ${
          drift.differences.length === 1 ? 'place' : 'places'
        }:\n`,
      );
      for (const difference of drift.differences) io.stdout(`  - ${difference}\n`);
      context.exit(EXIT_FAILURE);
    });
}
