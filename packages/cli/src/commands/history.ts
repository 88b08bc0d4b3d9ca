/** `retort history [--verbose]`: the chain, newest first, as Alembic prints it. */
import { Command } from 'commander';
import { type CommandContext, optionsOf } from '../command-context';
import { loadProject } from '../context';

export function historyCommand(context: CommandContext): Command {
  return new Command('history')
    .description('list the revisions, newest first')
    .option('-v, --verbose', 'show each revision in full')
    .action(async (_options, command: Command) => {
      const options = optionsOf<{ verbose?: boolean }>(command);
      const { io } = context;
      const revisions = await (await loadProject(options, io)).revisions();
      const head = revisions.at(-1)?.id;
      for (const revision of [...revisions].reverse()) {
        const mark = revision.id === head ? ' (head)' : '';
        const parent = revision.parent ?? '<base>';
        if (!options.verbose) {
          io.stdout(`${parent} -> ${revision.id}${mark}, ${revision.message}\n`);
          continue;
        }
        io.stdout(
          [
            `Rev: ${revision.id}${mark}`,
            `Parent: ${parent}`,
            `Created: ${revision.createdAt}`,
            `Operations: ${revision.operations.length}`,
            '',
            `    ${revision.message}`,
            '',
            '',
          ].join('\n'),
        );
      }
    });
}
