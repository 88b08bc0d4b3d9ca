/**
 * Generated models run by the real Python tools in tests: fresh server databases and
 * temporary model files, all removed after each test, and a script run over a models file
 * with the database's URL as SQLAlchemy spells it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServerDatabase, PYTHON, type ServerDatabase } from '@retort/testing';
import { afterEach } from 'vitest';

/** `fixtures/create_all.py`: imports a models file and runs `Base.metadata.create_all`. */
export const CREATE_ALL_SCRIPT = new URL('../interop/fixtures/create_all.py', import.meta.url)
  .pathname;

/** `fixtures/drop_all.py`: imports a models file and runs `Base.metadata.drop_all`. */
export const DROP_ALL_SCRIPT = new URL('../interop/fixtures/drop_all.py', import.meta.url).pathname;

export function psycopg2Url(url: string): string {
  return url.replace(/^postgres(ql)?:\/\//, 'postgresql+psycopg2://');
}

/** Call once at a test file's top level; `prefix` names its databases and folders. */
export function pythonModels(prefix: string) {
  const databases: ServerDatabase[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((db) => db.drop()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const fresh = async (): Promise<ServerDatabase> => {
    const db = await createServerDatabase(`retort_${prefix}`);
    databases.push(db);
    return db;
  };
  /** Writes `text` to a file of that name in a new temporary folder. */
  const tempFile = (name: string, text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), `retort-${prefix}-`));
    dirs.push(dir);
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  /** Runs `script` over the models `source` against the database at `url`; its stdout. */
  const runScript = (script: string, source: string, url: string): string =>
    execFileSync(PYTHON, [script, tempFile('models.py', source)], {
      env: { ...process.env, RETORT_SQLALCHEMY_URL: psycopg2Url(url) },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  return { fresh, tempFile, runScript };
}
