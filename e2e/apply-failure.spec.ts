import { readFile } from 'node:fs/promises';
import { openExample as open, row } from './editor-page';
import { expect, test } from './fixtures';
import { connectToProjectDatabase } from './project-database';

// PGlite is embedded in the running server, which holds its only handle, and the editor
// offers no way to insert rows: only the real Postgres can receive the row from outside, so
// the pglite project leaves out tests tagged @server-database (playwright.config.ts).
test.describe('preflight @server-database', () => {
  test('an apply that would cut a stored value is refused with its row count, and nothing changes', async ({
    page,
    retort,
  }, info) => {
    const project = await retort.api<{
      database: { kind: string; description: string };
      head: string;
    }>('GET', '/api/project');
    expect(project.database.kind).toBe('postgres');
    const first = project.head;
    const db = await connectToProjectDatabase(project.database.description);
    try {
      await db.query(
        `INSERT INTO users (telegram_id, full_name, language_code) VALUES (1, 'Ada', 'pt-BR-x-long-tag')`,
      );

      await open(page);
      await row(page, 'users', 'language_code').click();
      const input = page.getByLabel('Column type');
      await input.fill('VARCHAR(10)');
      await input.press('Enter');
      await expect(row(page, 'users', 'language_code').locator('.column-row__type')).toHaveText(
        'VARCHAR(10)',
      );
      await expect(page.getByTestId('save-status')).toHaveText('Saved');

      // Review warns before the revision exists: the database is at head, so preflight counts.
      await page.getByRole('tab', { name: 'Review' }).click();
      const operation = page.getByTestId('operation');
      await expect(operation).toHaveCount(1);
      await expect(operation).toContainText(
        'Change type of users.language_code from VARCHAR(255) to VARCHAR(10)',
      );
      await expect(operation.getByTestId('preflight-finding')).toContainText('1 row');
      await expect(operation.getByTestId('preflight-finding')).toContainText(
        'longer than 10 characters',
      );

      await page.getByLabel('Revision message').fill('shorter language code');
      await page.getByRole('button', { name: 'Create revision' }).click();
      await expect(page.getByTestId('no-pending')).toBeVisible();
      const { head } = await retort.api<{ head: string }>('GET', '/api/project');
      expect(head).not.toBe(first);

      // Apply asks first: its dry run found the row, so it shows its key and a SELECT for all.
      await page.getByRole('button', { name: 'Apply' }).click();
      const dialog = page.getByTestId('run-dialog');
      const breaking = dialog.getByTestId('breaking-rows');
      await expect(breaking).toHaveCount(1);
      await expect(breaking).toContainText(
        '1 row of users holds a value in language_code longer than 10 characters',
      );
      await expect(breaking.getByTestId('breaking-keys')).toHaveText('First one: telegram_id = 1');
      const select = (await breaking.getByTestId('breaking-query').textContent()) ?? '';
      expect(select).toMatch(/^SELECT \* FROM users WHERE/);
      expect((await db.query(select.replace(/;$/, ''))).rows).toHaveLength(1);
      await expect(dialog.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();
      await page.screenshot({ path: `test-results/apply-refused-${info.project.name}.png` });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toHaveCount(0);

      // Force is behind its own checkbox; Postgres then refuses the statement and rolls back.
      await page.getByRole('button', { name: 'Apply' }).click();
      await dialog.getByRole('checkbox', { name: /Run with force anyway/ }).check();
      // Its dry run already hears Postgres refuse the statement.
      await expect(dialog.getByTestId('run-dialog-error')).toContainText(
        'The dry run with force failed',
      );
      await dialog.getByRole('button', { name: 'Apply with force' }).click();
      const outcome = page.getByTestId('run-outcome');
      await expect(outcome.locator('strong')).toHaveText('Upgrade failed and was rolled back.');
      await expect(outcome).toContainText('Nothing was changed');
      await expect(outcome).toContainText(head);
      // The sentence is shown once: in the outcome, not again in the error toast.
      const errorToast = page.locator('[data-testid="toast"][role="alert"]');
      await expect(errorToast).toHaveCount(1);
      await expect(errorToast).toHaveText(/Upgrade to head failed; the panel says why/);
      await expect(errorToast).not.toContainText('Nothing was changed');

      // The database stayed at the first revision...
      await expect(page.getByTestId('database-badge')).toContainText(first);
      await expect(page.getByTestId('database-badge')).not.toContainText(head);
      await page.getByRole('tab', { name: 'Timeline' }).click();
      const items = page.getByTestId('revision');
      await expect(items).toHaveCount(2);
      await expect(items.first()).toContainText('shorter language code');
      await expect(items.first().getByTestId('current-badge')).toHaveCount(0);
      await expect(items.nth(1).getByTestId('current-badge')).toBeVisible();

      // ...and so did its catalog, its version table and the row.
      const column = await db.query<{ data_type: string; character_maximum_length: number }>(
        `SELECT data_type, character_maximum_length FROM information_schema.columns
       WHERE table_name = 'users' AND column_name = 'language_code'`,
      );
      expect(column.rows).toEqual([
        { data_type: 'character varying', character_maximum_length: 255 },
      ]);
      const version = await db.query<{ version_num: string }>(
        'SELECT version_num FROM alembic_version',
      );
      expect(version.rows).toEqual([{ version_num: first }]);
      const users = await db.query('SELECT telegram_id, full_name, language_code FROM users');
      expect(users.rows).toEqual([
        { telegram_id: '1', full_name: 'Ada', language_code: 'pt-BR-x-long-tag' },
      ]);
      await page.screenshot({
        path: `test-results/apply-refused-timeline-${info.project.name}.png`,
      });
    } finally {
      await db.end();
    }
  });
});

const formats = [
  { id: 'sqlalchemy', tab: 'SQLAlchemy', file: 'models.py', marker: 'class User(Base)' },
  { id: 'sqlalchemy2', tab: 'SQLAlchemy 2.0', file: 'models.py', marker: 'Mapped[' },
  { id: 'sql', tab: 'SQL', file: 'schema.sql', marker: 'CREATE TABLE users' },
  { id: 'drizzle', tab: 'Drizzle', file: 'schema.ts', marker: 'pgTable(' },
  { id: 'typeorm', tab: 'TypeORM', file: 'entities.ts', marker: '@Entity(' },
  { id: 'kysely', tab: 'Kysely', file: 'database.ts', marker: 'export interface Database' },
] as const;

test.describe('the Code panel', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('every format shows its code, downloads it under its file name and copies it', async ({
    page,
    retort,
  }, info) => {
    await open(page);
    await page.getByRole('tab', { name: 'Code' }).click();
    const tabs = page.getByRole('tablist', { name: 'Code format' });
    for (const format of formats) {
      await tabs.getByRole('tab', { name: format.tab, exact: true }).click();
      await expect(tabs.getByRole('tab', { name: format.tab, exact: true })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      // The browser emits the code itself; the server's emitter is the same code on the same design.
      const { code } = await retort.api<{ code: string }>('GET', `/api/models?format=${format.id}`);
      expect(code).toContain(format.marker);
      const view = page.getByTestId(`code-${format.id}`);
      await expect(view).toContainText(format.marker);
      const firstLine = code.split('\n').find((line) => line.trim() !== '') ?? '';
      await expect(view.locator('.cm-line').first()).toHaveText(firstLine);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download ${format.file}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(format.file);
      const downloaded = await readFile(await download.path(), 'utf8');
      expect(downloaded).toBe(code);

      await page.evaluate(() => navigator.clipboard.writeText(''));
      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      await expect(
        page.getByTestId('toast').filter({ hasText: `Copied the ${format.tab} code.` }),
      ).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(code);
    }
    await page.screenshot({ path: `test-results/code-panel-${info.project.name}.png` });
  });
});
