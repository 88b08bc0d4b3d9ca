/**
 * `retort import --database-url URL | --sql FILE`: design.json and a baseline revision from an
 * existing schema. Every object Retort does not model is listed at once; without
 * `--allow-partial` nothing is written. `--sql` with `--database-url` loads the file into a
 * scratch database on that server instead of the embedded PGlite.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RetortError } from '@retort/core';
import type { ImportResult } from '@retort/migrate';
import { Command } from 'commander';
import { type CommandContext, optionsOf } from '../command-context';
import { databaseUrl, projectDir, withDatabase } from '../context';
import type { Io } from '../io';

interface ImportFlags {
  sql?: string;
  force?: boolean;
  allowPartial?: boolean;
  schema: string[];
}

export function importCommand(context: CommandContext): Command {
  return new Command('import')
    .description('write design.json and a baseline revision for an existing database or SQL file')
    .option('--sql <file>', 'a SQL file (a pg_dump --schema-only, or CREATE statements) to import')
    .option(
      '--schema <name>',
      'a schema to read (repeatable); every non-system schema by default',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--allow-partial', 'import what Retort models and list the rest, instead of refusing')
    .option('--force', 'replace an existing design.json')
    .action(async (_options, command: Command) => {
      const options = optionsOf<ImportFlags>(command);
      const { io } = context;
      const { importDatabase, importSql } = await import('@retort/migrate');
      const dir = projectDir(options, io);
      const common = {
        force: Boolean(options.force),
        allowPartial: Boolean(options.allowPartial),
        schemas: options.schema.length > 0 ? options.schema : undefined,
      };
      if (options.sql !== undefined) {
        const path = resolve(io.cwd, options.sql);
        const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new RetortError(`Cannot read ${options.sql} (${error.code}).`, 'not_found');
        });
        const result = await importSql(dir, text, {
          ...common,
          serverUrl: databaseUrl(options, io),
        });
        for (const note of result.notes) io.stderr(`note: ${note}\n`);
        io.stdout(`Imported ${options.sql}: ${summary(result)}\n`);
        listLeftOut(result, io);
        return;
      }
      if (!databaseUrl(options, io)) {
        throw new RetortError(
          'Pass --database-url URL or --sql FILE to say what to import.',
          'invalid_input',
        );
      }
      const result = await withDatabase(options, io, (db) => importDatabase(db, dir, common));
      io.stdout(`Imported the database: ${summary(result)}\n`);
      listLeftOut(result, io);
    });
}

function summary(result: ImportResult): string {
  return `${result.design.tables.length} tables written to design.json, baseline revision ${result.revision.id}.`;
}

function listLeftOut(result: ImportResult, io: Io): void {
  const left = result.unmodelled;
  if (left.length === 0) return;
  io.stdout(
    `Left out ${left.length} ${left.length === 1 ? 'object' : 'objects'} Retort does not model:\n`,
  );
  for (const item of left) io.stdout(`  ${item.kind} ${item.name}: ${item.why}\n`);
}
