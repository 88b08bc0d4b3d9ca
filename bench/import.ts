/**
 * `retort import` and `retort check` of a database with a real one's richness (two schemas,
 * identities, generated columns, partial expression and gin indexes, deferrable cross-schema
 * keys, stacked views), as whole commands, at 100 and 1000 tables, beside `pg_dump
 * --schema-only` of the same database; and the number of catalog queries introspection sends,
 * which must not grow with the table count. Needs the server (TEST_DATABASE_URL); `import
 * --sql` of that pg_dump file runs on the embedded PGlite.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@retort/migrate';
import { createServerDatabase, serverUrl } from '@retort/testing';
import { pgDump, psqlFile } from '@retort/testing/pg-dump';
import { countedIntrospection } from '@retort/testing/query-count';
import { richSchemaSql } from '@retort/testing/rich-schema';
import { type Measurement, timed } from './timing';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'packages/cli/bin/retort.js');
const SIZES = process.env.RETORT_BENCH_QUICK === '1' ? [20, 200] : [100, 1000];

const retort = (args: string[], cwd: string) => timed(process.execPath, [BIN, ...args], cwd);

/** How many statements introspection sends to read the whole database. */
async function catalogQueries(url: string): Promise<number> {
  const db = await openDatabase({ url });
  try {
    return (await countedIntrospection(db)).queries;
  } finally {
    await db.close();
  }
}

async function atSize(tables: number, dir: string): Promise<Measurement[]> {
  const database = await createServerDatabase('retort_bench_import');
  try {
    const sqlFile = join(dir, `rich-${tables}.sql`);
    writeFileSync(sqlFile, richSchemaSql(tables));
    await psqlFile(database.url, sqlFile);
    const queries = await catalogQueries(database.url);
    const dumpStart = performance.now();
    const dump = await pgDump(database.url);
    const dumpMs = performance.now() - dumpStart;
    const dumpFile = join(dir, `rich-${tables}.dump.sql`);
    writeFileSync(dumpFile, dump);

    const project = join(dir, `server-${tables}`);
    const imported = retort(['import', '--database-url', database.url, '--project', project], dir);
    if (!imported.stdout.includes(`${tables} tables`)) {
      throw new Error(`import of ${tables} tables said: ${imported.stdout}`);
    }
    const checked = retort(['check', '--database-url', database.url, '--project', project], dir);
    if (!checked.stdout.includes('No drift')) {
      throw new Error(`check right after import of ${tables} tables said: ${checked.stdout}`);
    }
    const fromDump = retort(
      ['import', '--sql', dumpFile, '--project', join(dir, `sql-${tables}`)],
      dir,
    );
    return [
      { name: `catalog queries, ${tables} rich tables`, value: queries, unit: 'queries' },
      {
        name: `retort import --database-url, ${tables} rich tables`,
        value: imported.ms,
        unit: 'ms',
      },
      { name: `retort check (No drift), ${tables} rich tables`, value: checked.ms, unit: 'ms' },
      { name: `pg_dump --schema-only, ${tables} rich tables`, value: dumpMs, unit: 'ms' },
      {
        name: `retort import --sql (PGlite), ${tables} rich tables`,
        value: fromDump.ms,
        unit: 'ms',
      },
    ];
  } finally {
    await database.drop();
  }
}

export async function benchImport(): Promise<Measurement[]> {
  if (!serverUrl()) {
    console.error('bench import: skipped, TEST_DATABASE_URL is not set');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'retort-bench-import-'));
  try {
    const out: Measurement[] = [];
    for (const tables of SIZES) out.push(...(await atSize(tables, dir)));
    const [small, large] = SIZES.map(
      (n) => out.find((m) => m.name === `catalog queries, ${n} rich tables`)!.value,
    );
    if (small !== large) {
      throw new Error(
        `introspection sent ${small} queries for ${SIZES[0]} tables and ${large} for ${SIZES[1]}`,
      );
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
