/** `retort upgrade [TARGET]` and `retort downgrade TARGET`. */
import { Command } from 'commander';
import { type CommandContext, optionsOf } from '../command-context';
import { loadProject, withDatabase } from '../context';
import { describeRun, runAsSql } from '../render-run';

interface RunOptions {
  dryRun?: boolean;
  force?: boolean;
  sql?: boolean;
  lockTimeout?: string;
}

function runCommand(
  context: CommandContext,
  name: 'upgrade' | 'downgrade',
  targetSpec: string,
  describe: string,
): Command {
  return new Command(name)
    .description(describe)
    .argument(targetSpec, 'head, base, +N, -N, a revision id or a unique prefix')
    .option('--dry-run', 'print the statements and the preflight; change nothing')
    .option('--force', 'apply even when preflight finds rows the run would break')
    .option('--sql', 'print the SQL script only; change nothing')
    .option(
      '--lock-timeout <duration>',
      'fail instead of waiting longer for a busy table (5s, 500ms)',
    )
    .action(async (target: string | undefined, _options, command: Command) => {
      const options = optionsOf<RunOptions>(command);
      const { io } = context;
      const migrate = await import('@retort/migrate');
      const apply = name === 'upgrade' ? migrate.upgrade : migrate.downgrade;
      const lockTimeout = migrate.checkLockTimeout(options.lockTimeout) ?? undefined;
      const revisions = await (await loadProject(options, io)).revisions();
      const dryRun = Boolean(options.dryRun || options.sql);
      const result = await withDatabase(options, io, (db) =>
        apply(db, revisions, target ?? 'head', {
          dryRun,
          force: Boolean(options.force),
          lockTimeout,
        }),
      );
      const lines = options.sql ? runAsSql(result, revisions) : describeRun(result, revisions);
      for (const line of lines) io.stdout(`${line}\n`);
    });
}

export function upgradeCommand(context: CommandContext): Command {
  return runCommand(context, 'upgrade', '[target]', 'apply revisions up to TARGET (default head)');
}

export function downgradeCommand(context: CommandContext): Command {
  return runCommand(context, 'downgrade', '<target>', 'revert revisions down to TARGET');
}
