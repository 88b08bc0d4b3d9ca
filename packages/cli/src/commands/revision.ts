/** `retort revision -m MSG [--autogenerate]`: the next revision, from the head snapshot to the design. */
import { join } from 'node:path';
import { Command } from 'commander';
import { type CommandContext, optionsOf } from '../command-context';
import { loadProject } from '../context';
import { describeLint } from '../render-run';

export function revisionCommand(context: CommandContext): Command {
  return new Command('revision')
    .description('write the next revision from the changes since the head revision')
    .requiredOption('-m, --message <message>', 'what the revision does')
    .option('--autogenerate', 'accepted for Alembic users; Retort always compares the design')
    .action(async (_options, command: Command) => {
      const options = optionsOf<{ message: string }>(command);
      const { io } = context;
      const project = await loadProject(options, io);
      const written = await project.writeNextRevision(options.message.trim());
      if (!written) {
        io.stdout('No changes since head.\n');
        return;
      }
      const { revision, file, lint } = written;
      io.stdout(
        `Created revision ${revision.id} (${revision.operations.length} operations): ${join('revisions', file.slice('revisions/'.length))}\n`,
      );
      for (const line of describeLint(lint)) io.stdout(`${line}\n`);
    });
}
