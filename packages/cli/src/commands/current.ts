/** `retort current`: the revision the database is at, as recorded in alembic_version. */
import { Command } from 'commander';
import { type CommandContext, optionsOf } from '../command-context';
import { loadProject, withDatabase } from '../context';

export function currentCommand(context: CommandContext): Command {
  return new Command('current')
    .description('show the revision the database is at')
    .action(async (_options, command: Command) => {
      const options = optionsOf(command);
      const { io } = context;
      const { currentRevision } = await import('@retort/migrate');
      const revisions = await (await loadProject(options, io)).revisions();
      const current = await withDatabase(options, io, currentRevision);
      if (current === null) {
        io.stdout('No revision applied (base).\n');
        return;
      }
      const head = revisions.at(-1)?.id;
      io.stdout(`${current}${current === head ? ' (head)' : ''}\n`);
    });
}
