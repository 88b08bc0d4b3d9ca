/**
 * The oracle for "the same schema": what `pg_dump --schema-only --no-owner --no-privileges`
 * prints, compared object by object. pg_dump heads every object with
 * `-- Name: …; Type: …; Schema: …; Owner: -`; the text under a header up to the next one is
 * that object. Comment lines, blank lines and psql meta-commands (`\restrict KEY`, whose key
 * is new in every dump) are not part of any object.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** A SQL file from `packages/testing/fixtures`. */
export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

/** `pg_dump --schema-only --no-owner --no-privileges` of the database at `url`. */
export async function pgDump(url: string): Promise<string> {
  const { stdout } = await run(
    'pg_dump',
    ['--schema-only', '--no-owner', '--no-privileges', '--dbname', url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/** Runs a SQL file the way a person restoring a dump does: `psql -f`, stopping at the first error. */
export async function psqlFile(url: string, file: string): Promise<void> {
  await run('psql', [
    '--quiet',
    '--no-psqlrc',
    '-v',
    'ON_ERROR_STOP=1',
    '--dbname',
    url,
    '-f',
    file,
  ]);
}

const HEADER = /^-- Name: (.*); Type: (.*); Schema: (.*); Owner: .*$/;

/** Each object of a dump under the key `TYPE schema.name` (`TYPE name` for schemaless ones). */
export function dumpObjects(dump: string): Map<string, string> {
  const objects = new Map<string, string>();
  let key: string | null = null;
  let body: string[] = [];
  const flush = () => {
    if (key !== null) objects.set(key, body.join('\n').trim());
  };
  for (const line of dump.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      flush();
      const [, name, type, schema] = header;
      key = schema === '-' ? `${type} ${name}` : `${type} ${schema}.${name}`;
      body = [];
      continue;
    }
    if (line.startsWith('--') || line.startsWith('\\') || line.trim() === '') continue;
    body.push(line);
  }
  flush();
  return objects;
}

export interface DumpComparison {
  /** One line per object that is missing, extra or printed differently. */
  differences: string[];
  /** How many objects the expected dump has. */
  objects: number;
}

/**
 * `expected` and `actual` dumps object by object: what is missing, extra, or different.
 * Objects keyed in `options.ignore` (`TABLE public.alembic_version`) count on neither side.
 */
export function compareDumps(
  expected: string,
  actual: string,
  options: { ignore?: readonly string[] } = {},
): DumpComparison {
  const ignored = new Set(options.ignore);
  const kept = (dump: string) =>
    new Map([...dumpObjects(dump)].filter(([key]) => !ignored.has(key)));
  const want = kept(expected);
  const got = kept(actual);
  const differences: string[] = [];
  for (const [key, body] of want) {
    const other = got.get(key);
    if (other === undefined) differences.push(`missing ${key}`);
    else if (other !== body)
      differences.push(`different ${key}:\n${body}\n  --- became ---\n${other}`);
  }
  for (const key of got.keys()) if (!want.has(key)) differences.push(`extra ${key}`);
  return { differences, objects: want.size };
}
