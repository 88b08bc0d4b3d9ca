/** `retort import --database-url URL | --sql FILE`: design.json and a baseline revision from an existing schema. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RetortError } from '@retort/core';
import { Command } from 'commander';
import { type CommandContext, optionsOf } from '../command-context';
import { projectDir, withDatabase } from '../context';

export function importCommand(context: CommandContext): Command {
  return new Command('import')
    .description('write design.json and a baseline revision for an existing database or SQL file')
    .option('--sql <file>', 'a file of CREATE statements to import instead of a database')
    .option('--force', 'replace an existing design.json')
    .action(async (_options, command: Command) => {
      const options = optionsOf<{ sql?: string; force?: boolean }>(command);
      const { io } = context;
      const { importDatabase, importSql } = await import('@retort/migrate');
      const dir = projectDir(options, io);
      if (options.sql !== undefined) {
        const path = resolve(io.cwd, options.sql);
        const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new RetortError(`Cannot read ${options.sql} (${error.code}).`, 'not_found');
        });
        const result = await importSql(dir, text, { force: Boolean(options.force) });
        io.stdout(`Imported ${options.sql}: ${summary(result)}\n`);
        return;
      }
      if (!options.databaseUrl && !io.env.DATABASE_URL) {
        throw new RetortError(
          'Pass --database-url URL or --sql FILE to say what to import.',
          'invalid_input',
        );
      }
      const result = await withDatabase(options, io, (db) =>
        importDatabase(db, dir, { force: Boolean(options.force) }),
      );
      io.stdout(`Imported the database: ${summary(result)}\n`);
    });
}

function summary(result: { design: { tables: unknown[] }; revision: { id: string } }): string {
  return `${result.design.tables.length} tables written to design.json, baseline revision ${result.revision.id}.`;
}
