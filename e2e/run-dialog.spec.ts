import type { Page } from '@playwright/test';
import type pg from 'pg';
import { openExample as open, row } from './editor-page';
import { expect, type RetortServer, test } from './fixtures';
import { connectToProjectDatabase } from './project-database';

interface ProjectInfo {
  database: { kind: string; description: string };
  current: string | null;
  head: string | null;
}

/** On the real Postgres, rows put in from outside; PGlite's tables stay empty. */
async function withRows(retort: RetortServer): Promise<pg.Client | null> {
  const project = await retort.api<ProjectInfo>('GET', '/api/project');
  if (project.database.kind !== 'postgres') return null;
  const db = await connectToProjectDatabase(project.database.description);
  await db.query(`INSERT INTO users (telegram_id, full_name, language_code)
    VALUES (1, 'Ann', 'en'), (2, 'Bo', 'de')`);
  await db.query(
    `INSERT INTO products (title, description) VALUES ('tea', 'green'), ('cup', NULL)`,
  );
  return db;
}

async function tables(db: pg.Client | null): Promise<string[] | null> {
  if (!db) return null;
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
     AND table_name <> 'alembic_version' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

const shopTables = ['order_products', 'orders', 'products', 'users'];

async function screenshots(page: Page, name: string, project: string) {
  await page.screenshot({ path: `test-results/${name}-light-${project}.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `test-results/${name}-dark-${project}.png` });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a downgrade to base lists the tables and rows it drops, cancel keeps them, typing the database name drops them', async ({
  page,
  retort,
}, info) => {
  const db = await withRows(retort);
  try {
    const before = await retort.api<ProjectInfo>('GET', '/api/project');
    expect(before.current).toBe(before.head);
    await open(page);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page
      .getByTestId('revision-base')
      .getByRole('button', { name: 'Downgrade to here' })
      .click();

    const dialog = page.getByRole('dialog', { name: 'Downgrade to base' });
    const losses = dialog.getByTestId('data-loss');
    await expect(losses).toHaveCount(4);
    const users = db ? '2 rows' : '0 rows';
    const products = db ? '2 rows' : '0 rows';
    await expect(losses.filter({ hasText: 'table users' })).toHaveText(`table users (${users})`);
    await expect(losses.filter({ hasText: 'table products' })).toHaveText(
      `table products (${products})`,
    );
    await expect(dialog).toContainText('Dropped data does not come back.');
    await expect(dialog.getByTestId('code-run-sql')).toContainText('DROP TABLE users');
    await expect(dialog.getByLabel('Lock timeout')).toHaveValue('5s');
    const confirm = dialog.getByRole('button', { name: 'Downgrade', exact: true });
    await expect(confirm).toBeDisabled();
    await screenshots(page, 'downgrade-base-dialog', info.project.name);

    // Cancel: nothing changed.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    const cancelled = await retort.api<ProjectInfo>('GET', '/api/project');
    expect(cancelled.current).toBe(before.head);
    expect(await tables(db)).toEqual(db ? shopTables : null);
    if (db) {
      expect((await db.query('SELECT count(*)::int AS n FROM users')).rows).toEqual([{ n: 2 }]);
    }
    await expect(page.getByTestId('database-badge')).toContainText(before.head ?? '');

    // Escape cancels too; a wrong name keeps the button disabled; the right one runs it.
    await page
      .getByTestId('revision-base')
      .getByRole('button', { name: 'Downgrade to here' })
      .click();
    await expect(losses).toHaveCount(4);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page
      .getByTestId('revision-base')
      .getByRole('button', { name: 'Downgrade to here' })
      .click();
    const name = (await dialog.locator('.run-dialog__field code').textContent()) ?? '';
    expect(name.length).toBeGreaterThan(0);
    const typed = dialog.getByLabel(/Type the database name/);
    await typed.fill(`${name}x`);
    await expect(confirm).toBeDisabled();
    await typed.fill(name);
    await confirm.click();
    await expect(page.getByTestId('run-outcome')).toContainText('Downgraded');
    await expect(page.getByTestId('database-badge')).toContainText('base');
    const after = await retort.api<ProjectInfo>('GET', '/api/project');
    expect(after.current).toBeNull();
    expect(await tables(db)).toEqual(db ? [] : null);
  } finally {
    await db?.end();
  }
});

test('dropping a column with values asks for the database name; the lock timeout is said and used', async ({
  page,
  retort,
}, info) => {
  const db = await withRows(retort);
  try {
    await open(page);
    await row(page, 'products', 'description').click();
    await page.getByRole('button', { name: 'Delete column' }).click();
    await expect(row(page, 'products', 'description')).toHaveCount(0);
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    await page.getByRole('tab', { name: 'Review' }).click();
    await page.getByLabel('Revision message').fill('drop description');
    await page.getByRole('button', { name: 'Create revision' }).click();
    await expect(page.getByTestId('no-pending')).toBeVisible();

    await page.getByRole('button', { name: 'Apply' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply: upgrade to head' });
    await expect(dialog.getByTestId('data-loss')).toHaveText(
      `column products.description (${db ? '1 stored value' : '0 stored values'})`,
    );
    await expect(dialog).toContainText('Dropped data does not come back.');
    await expect(dialog).toContainText('If another session holds a table for longer than this');
    await screenshots(page, 'apply-drop-column-dialog', info.project.name);
    const apply = dialog.getByRole('button', { name: 'Apply', exact: true });
    const typed = dialog.getByLabel(/Type the database name/);
    if (db) {
      await expect(apply).toBeDisabled();
      await typed.fill((await dialog.locator('.run-dialog__field code').textContent()) ?? '');
    } else {
      // Nothing is lost from an empty table: no name to type.
      await expect(typed).toHaveCount(0);
    }
    const lockTimeout = dialog.getByLabel('Lock timeout');
    await lockTimeout.fill('soon');
    await expect(apply).toBeDisabled();
    await lockTimeout.fill('2s');
    await apply.click();
    await expect(page.getByTestId('run-outcome')).toContainText('Upgraded');
    const project = await retort.api<ProjectInfo>('GET', '/api/project');
    expect(project.current).toBe(project.head);
    if (db) {
      const { rows } = await db.query(
        `SELECT column_name FROM information_schema.columns
         WHERE table_name = 'products' AND column_name = 'description'`,
      );
      expect(rows).toEqual([]);
    }
  } finally {
    await db?.end();
  }
});

test.describe('lock timeout @server-database', () => {
  test('a run waiting longer than the dialog’s lock timeout for a busy table stops and changes nothing', async ({
    page,
    retort,
  }) => {
    const project = await retort.api<ProjectInfo>('GET', '/api/project');
    const holder = await connectToProjectDatabase(project.database.description);
    try {
      await open(page);
      await page.getByRole('tab', { name: 'Timeline' }).click();
      await page
        .getByTestId('revision-base')
        .getByRole('button', { name: 'Downgrade to here' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Downgrade to base' });
      await dialog.getByLabel('Lock timeout').fill('300ms');
      await dialog
        .getByLabel(/Type the database name/)
        .fill((await dialog.locator('.run-dialog__field code').textContent()) ?? '');
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE products IN ACCESS SHARE MODE');
      await dialog.getByRole('button', { name: 'Downgrade', exact: true }).click();
      await expect(page.getByTestId('run-outcome')).toContainText(
        'could not lock a table within the lock timeout',
      );
      await holder.query('ROLLBACK');
      const after = await retort.api<ProjectInfo>('GET', '/api/project');
      expect(after.current).toBe(project.head);
    } finally {
      await holder.end();
    }
  });
});
