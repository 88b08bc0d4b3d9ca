/**
 * Identity, generated and collated columns set in the column inspector, shown in the review
 * as the SQL that will run, applied, and found in the database as designed.
 */
import type { Page } from '@playwright/test';
import { clickEdge, confirmRun, openExample as open, row, table } from './editor-page';
import { expect, test } from './fixtures';
import { connectToProjectDatabase } from './project-database';

async function addColumn(page: Page, tableName: string, name: string, type: string) {
  await table(page, tableName).locator('.table-node__header').click();
  await page.getByRole('button', { name: 'Add column' }).click();
  const columnName = page.getByLabel('Column name');
  await columnName.fill(name);
  await columnName.press('Enter');
  const columnType = page.getByLabel('Column type');
  await columnType.fill(type);
  await columnType.press('Enter');
  await expect(row(page, tableName, name).locator('.column-row__type')).toHaveText(type);
}

async function commit(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Enter');
}

interface SavedDesign {
  design: { tables: { name: string; columns: { name: string; identity?: unknown }[] }[] };
}

test('identity, generated and collated columns are designed, reviewed and applied', async ({
  page,
  retort,
}, info) => {
  await open(page);
  await addColumn(page, 'users', 'invoice_no', 'BIGINT');
  await page.getByLabel('Identity', { exact: true }).selectOption('ALWAYS');
  await commit(page, 'Identity start', '1000');
  await page.screenshot({
    path: `test-results/column-features-inspector-${info.project.name}.png`,
  });
  await addColumn(page, 'order_products', 'note', 'TEXT');
  await commit(page, 'Collation', 'C');
  await addColumn(page, 'products', 'title_length', 'INTEGER');
  await commit(page, 'Generated expression', 'length(title)');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.getByRole('tab', { name: 'Review' }).click();
  const sql = page.getByTestId('code-sql');
  await expect(sql).toContainText('GENERATED ALWAYS AS IDENTITY (START WITH 1000)');
  await expect(sql).toContainText('COLLATE "C"');
  await expect(sql).toContainText('GENERATED ALWAYS AS (length(title)) STORED');
  await page.screenshot({ path: `test-results/column-features-review-${info.project.name}.png` });

  await page.getByLabel('Revision message').fill('invoice numbers, notes, title lengths');
  await page.getByRole('button', { name: 'Create revision' }).click();
  await expect(page.getByTestId('no-pending')).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await confirmRun(page);
  await expect(page.getByTestId('run-outcome')).toContainText('Upgraded');
  const project = await retort.api<{
    drift: { differences: unknown[] } | null;
    database: { kind: string; description: string };
  }>('GET', '/api/project');
  expect(project.drift?.differences).toEqual([]);
  if (project.database.kind === 'postgres') {
    const db = await connectToProjectDatabase(project.database.description);
    try {
      const columns = await db.query(
        `SELECT c.relname AS "table", a.attname AS "column", a.attidentity AS identity,
                a.attgenerated AS generated, co.collname AS collation
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100
          WHERE a.attname IN ('invoice_no', 'note', 'title_length') ORDER BY 2`,
      );
      expect(columns.rows).toEqual([
        { table: 'users', column: 'invoice_no', identity: 'a', generated: '', collation: null },
        { table: 'order_products', column: 'note', identity: '', generated: '', collation: 'C' },
        {
          table: 'products',
          column: 'title_length',
          identity: '',
          generated: 's',
          collation: null,
        },
      ]);
    } finally {
      await db.end();
    }
  }

  // Back to a plain column: the identity leaves the file, not just the form.
  await row(page, 'users', 'invoice_no').click();
  await page.getByLabel('Identity', { exact: true }).selectOption('');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const saved = await retort.api<SavedDesign>('GET', '/api/design');
  const invoice = saved.design.tables
    .find((t) => t.name === 'users')
    ?.columns.find((c) => c.name === 'invoice_no');
  expect(invoice).toBeDefined();
  expect(invoice && 'identity' in invoice).toBe(false);
});

test('index method and partial WHERE, and deferrable foreign key options, reach the review', async ({
  page,
}) => {
  await open(page);
  await table(page, 'orders').locator('.table-node__header').click();
  await page.getByRole('button', { name: 'Add index' }).click();
  const editor = page.getByTestId('index-editor').last();
  await editor.getByLabel('Index method').selectOption('brin');
  const where = editor.getByLabel('Index where');
  await where.fill('created_at IS NOT NULL');
  await where.press('Enter');

  await clickEdge(page);
  const fk = page.getByTestId('foreign-key-inspector');
  await expect(fk).toBeVisible();
  await expect(fk.getByLabel('Initially deferred')).toBeDisabled();
  await fk.getByLabel('Deferrable').check();
  await fk.getByLabel('Initially deferred').check();
  await fk.getByLabel('Match').selectOption('FULL');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.getByRole('tab', { name: 'Review' }).click();
  const sql = page.getByTestId('code-sql');
  await expect(sql).toContainText('USING brin');
  await expect(sql).toContainText('WHERE created_at IS NOT NULL');
  await expect(sql).toContainText('MATCH FULL');
  await expect(sql).toContainText('DEFERRABLE INITIALLY DEFERRED');
});

test('a NOT VALID check and an index comment reach the review', async ({ page }) => {
  await open(page);
  await table(page, 'orders').locator('.table-node__header').click();
  await page.getByRole('button', { name: 'Add index' }).click();
  const comment = page.getByTestId('index-editor').last().getByLabel('Index comment');
  await comment.fill('Orders by day');
  await comment.press('Enter');
  await page.getByRole('button', { name: 'Add check' }).click();
  const check = page.getByTestId('check-editor').last();
  const expression = check.getByLabel('Check expression');
  await expression.fill('created_at IS NOT NULL');
  await expression.press('Enter');
  await check.getByLabel('Check NOT VALID').check();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.getByRole('tab', { name: 'Review' }).click();
  const sql = page.getByTestId('code-sql');
  await expect(sql).toContainText("IS 'Orders by day'");
  await expect(sql).toContainText('CHECK (created_at IS NOT NULL) NOT VALID');
});
