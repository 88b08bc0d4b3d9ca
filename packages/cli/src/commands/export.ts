/** `retort export alembic DIR [--force]`: a runnable Alembic project with the same revision ids. */
import { resolve } from 'node:path';
import { alembicProjectFiles } from '@retort/codegen';
import { Command } from 'commander';
import { writeFolder } from '../atomic-files';
import { type CommandContext, optionsOf } from '../command-context';
import { loadProject } from '../context';

export function exportCommand(context: CommandContext): Command {
  const exportAlembic = new Command('alembic')
    .description('write alembic.ini, env.py, script.py.mako, models.py and versions/ into DIR')
    .argument('<dir>', 'the folder to write (must be empty or missing unless --force)')
    .option('--force', 'write into a folder that is not empty')
    .action(async (dir: string, _options, command: Command) => {
      const options = optionsOf<{ force?: boolean }>(command);
      const { io } = context;
      const project = await loadProject(options, io);
      const { design } = await project.readDesign();
      const revisions = await project.revisions();
      const files = alembicProjectFiles({ name: design.name, design, revisions });
      await writeFolder(resolve(io.cwd, dir), files, { force: Boolean(options.force) });
      io.stdout(
        `Wrote the Alembic project (${revisions.length} revisions, ${Object.keys(files).length} files) to ${dir}\n`,
      );
    });
  return new Command('export')
    .description('export the project for another tool')
    .addCommand(exportAlembic);
}
