/** `retort revision -m MSG [--autogenerate]`: the next revision, from the head snapshot to the design. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { type CommandContext, optionsOf } from '../command-context';
import { loadProject, projectDir } from '../context';
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
      const pending = await project.pending();
      if (pending.operations.length === 0) {
        io.stdout('No changes since head.\n');
        return;
      }
      const revision = await project.createRevision(options.message.trim());
      if (!revision) {
        io.stdout('No changes since head.\n');
        return;
      }
      io.stdout(
        `Created revision ${revision.id} (${revision.operations.length} operations): ${await revisionFile(projectDir(options, io), revision.id)}\n`,
      );
      for (const line of describeLint(pending.lint)) io.stdout(`${line}\n`);
    });
}

/** The file the project store wrote the revision to (`revisions/<id>_<slug>.json`). */
async function revisionFile(dir: string, id: string): Promise<string> {
  const name = (await readdir(join(dir, 'revisions'))).find((file) => file.startsWith(`${id}_`));
  return join('revisions', name ?? `${id}.json`);
}
