/**
 * New columns in one table, with the real `retort` executable on the embedded database:
 * the revision it writes verifies, so history, upgrade and the next revision work, and the
 * database holds the columns in the order the revision's snapshot records.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@retort/migrate';
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, describe, expect, test } from 'vitest';
import { retort } from './testing/retort-process';

interface ColumnJson {
  id: string;
  name: string;
  type: string;
  nullable?: boolean;
}
interface DesignJson {
  tables: { name: string; columns: ColumnJson[] }[];
}

function editUsers(dir: string, edit: (columns: ColumnJson[]) => void): void {
  const path = join(dir, 'design.json');
  const design = JSON.parse(readFileSync(path, 'utf8')) as DesignJson;
  edit(design.tables.find((t) => t.name === 'users')!.columns);
  writeFileSync(path, `${JSON.stringify(design, null, 2)}\n`);
}

const column = (name: string, type: string): ColumnJson => ({
  id: `c_users_${name}`,
  name,
  type,
  nullable: true,
});

async function databaseColumns(dir: string, table: string): Promise<string[]> {
  const db = await openDatabase({ url: undefined, projectDir: dir });
  try {
    const { rows } = await db.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
      [table],
    );
    return rows.map((r) => r.name);
  } finally {
    await db.close();
  }
}

describe('new columns in one table', () => {
  let project: ProjectCopy | undefined;
  afterAll(() => project?.remove());

  test('two, then three new columns, then columns placed before others: history, upgrade and the next revision succeed', async () => {
    project = copyProject('retort-columns-');
    const dir = project.dir;
    const run = (...args: string[]) => retort(args, { cwd: dir });
    expect((await run('revision', '-m', 'initial')).code).toBe(0);
    const original = (
      JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8')) as DesignJson
    ).tables
      .find((t) => t.name === 'users')!
      .columns.map((c) => c.name);

    const edits: ((columns: ColumnJson[]) => void)[] = [
      (columns) => columns.push(column('phone_number', 'VARCHAR(20)'), column('email', 'TEXT')),
      (columns) =>
        columns.push(column('nickname', 'TEXT'), column('city', 'TEXT'), column('zip', 'TEXT')),
      (columns) => {
        columns.splice(1, 0, column('title', 'TEXT'));
        columns.splice(3, 0, column('middle_name', 'TEXT'));
        columns.push(
          columns.splice(
            columns.findIndex((c) => c.name === 'username'),
            1,
          )[0]!,
        );
      },
    ];
    for (const [i, edit] of edits.entries()) {
      editUsers(dir, edit);
      const revision = await run('revision', '-m', `columns ${i + 1}`);
      expect(revision.stdout).toMatch(/Created revision [0-9a-f]{12}/);
      expect(revision.code).toBe(0);
      const history = await run('history');
      expect(history.stderr).toBe('');
      expect(history.stdout.split('\n').filter(Boolean)).toHaveLength(i + 2);
    }
    const upgrade = await run('upgrade');
    expect(upgrade.stderr).toBe('');
    expect(upgrade.code).toBe(0);
    expect(await run('revision', '-m', 'again')).toMatchObject({
      code: 0,
      stdout: 'No changes since head.\n',
    });
    expect(await databaseColumns(dir, 'users')).toEqual([
      ...original,
      ...['phone_number', 'email', 'nickname', 'city', 'zip', 'title', 'middle_name'],
    ]);
    expect(await run('check')).toMatchObject({ code: 0, stdout: 'No drift.\n' });
  }, 400_000);
});
