import type { Page } from '@playwright/test';
import { confirmRun, openExample as open, row, table } from './editor-page';
import { expect, test } from './fixtures';

async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

async function setColumn(page: Page, tableName: string, column: string, type: string) {
  await row(page, tableName, column).click();
  const input = page.getByLabel('Column type');
  await input.fill(type);
  await input.press('Enter');
  await expect(row(page, tableName, column).locator('.column-row__type')).toHaveText(type);
}

test('the example opens with its 4 tables and 4 foreign keys', async ({ page, retort }, info) => {
  await open(page);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  for (const name of ['users', 'orders', 'products', 'order_products']) {
    await expect(table(page, name)).toBeVisible();
  }
  await expect(page.getByTestId('project-name')).toHaveText('shop');
  const { head } = await retort.api<{ head: string }>('GET', '/api/project');
  await expect(page.getByTestId('database-badge')).toContainText(head);
  await page.getByRole('tab', { name: 'Code' }).click();
  await expect(page.getByTestId('code-sqlalchemy')).toContainText('class User');
  await page.screenshot({ path: `test-results/open-example-${info.project.name}.png` });
});

test('a table, a column and a foreign key drawn by dragging, undone and redone', async ({
  page,
  retort,
}, info) => {
  await open(page);
  await page.getByRole('button', { name: 'Add table' }).click();
  await expect(page.getByTestId('table-node')).toHaveCount(5);
  const added = page.locator('[data-testid="table-node"]').last();
  const tableName = await added.getAttribute('data-table-name');
  expect(tableName).toBeTruthy();
  const nameInput = page.getByLabel('Table name');
  await nameInput.fill('reviews');
  await nameInput.press('Enter');
  await expect(table(page, 'reviews')).toBeVisible();

  await page.getByRole('button', { name: 'Add column' }).click();
  const columnName = page.getByLabel('Column name');
  await columnName.fill('user_id');
  await columnName.press('Enter');
  const columnType = page.getByLabel('Column type');
  await columnType.fill('BIGINT');
  await columnType.press('Enter');
  await expect(row(page, 'reviews', 'user_id').locator('.column-row__type')).toHaveText('BIGINT');

  // Drag from reviews.user_id's right handle to users.telegram_id's left handle.
  const source = row(page, 'reviews', 'user_id').locator(
    '.column-handle--right:not(.column-handle--route)',
  );
  const target = row(page, 'users', 'telegram_id').locator(
    '.column-handle--left:not(.column-handle--route)',
  );
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('The column handles are not on screen.');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await expect(row(page, 'reviews', 'user_id').locator('.marker--fk')).toBeVisible();
  await waitSaved(page);
  const saved = await retort.api<{
    design: { tables: { name: string; foreignKeys: unknown[] }[] };
  }>('GET', '/api/design');
  expect(saved.design.tables.find((t) => t.name === 'reviews')?.foreignKeys).toHaveLength(1);

  // Undo with the keyboard (focus on the canvas, not in a field), then redo.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(row(page, 'reviews', 'user_id').locator('.marker--fk')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await page.keyboard.press('Control+y');
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await waitSaved(page);
  await page.screenshot({ path: `test-results/draw-foreign-key-${info.project.name}.png` });
});

test("the tutorial's three changes: reviewed, revised, applied, downgraded, and still there after a reload", async ({
  page,
  retort,
}, info) => {
  await open(page);
  await setColumn(page, 'users', 'language_code', 'VARCHAR(10)');
  await setColumn(page, 'products', 'description', 'VARCHAR(3000)');
  await table(page, 'users').locator('.table-node__header').click();
  await page.getByRole('button', { name: 'Add column' }).click();
  const columnName = page.getByLabel('Column name');
  await columnName.fill('phone_number');
  await columnName.press('Enter');
  const columnType = page.getByLabel('Column type');
  await columnType.fill('VARCHAR(50)');
  await columnType.press('Enter');
  await expect(row(page, 'users', 'phone_number')).toBeVisible();
  await waitSaved(page);

  await page.getByRole('tab', { name: 'Review' }).click();
  const operations = page.getByTestId('operation');
  await expect(operations).toHaveCount(3);
  const narrowing = operations.filter({
    hasText: 'Change type of users.language_code from VARCHAR(255) to VARCHAR(10)',
  });
  await expect(narrowing).toHaveCount(1);
  await expect(
    narrowing.locator('[data-testid="lint-finding"][data-level="warning"]').first(),
  ).toBeVisible();
  await expect(
    operations.filter({
      hasText: 'Change type of products.description from TEXT to VARCHAR(3000)',
    }),
  ).toHaveCount(1);
  await expect(
    operations.filter({ hasText: 'Add column users.phone_number VARCHAR(50)' }),
  ).toHaveCount(1);
  await expect(page.getByTestId('code-sql')).toContainText('ALTER TABLE');
  await page.screenshot({ path: `test-results/review-${info.project.name}.png` });

  await page.getByLabel('Revision message').fill('shorter language code, phone number');
  await page.getByRole('button', { name: 'Create revision' }).click();
  await expect(page.getByTestId('no-pending')).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await confirmRun(page);
  await expect(page.getByTestId('run-outcome')).toContainText('Upgraded');

  const { revisions, head } = await retort.api<{ revisions: { id: string }[]; head: string }>(
    'GET',
    '/api/revisions',
  );
  expect(revisions).toHaveLength(2);
  const first = revisions[0]?.id ?? '';
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const items = page.getByTestId('revision');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('shorter language code, phone number');
  await expect(items.first().getByTestId('current-badge')).toBeVisible();
  await expect(page.getByTestId('database-badge')).toContainText(head);
  await page.screenshot({ path: `test-results/timeline-at-head-${info.project.name}.png` });

  // Downgrade one step: to the first revision.
  await items.nth(1).getByRole('button', { name: 'Downgrade to here' }).click();
  await confirmRun(page, 'Downgrade');
  await expect(page.getByTestId('run-outcome')).toContainText('Downgraded');
  await expect(items.nth(1).getByTestId('current-badge')).toBeVisible();
  await expect(items.first().getByTestId('current-badge')).toHaveCount(0);
  await expect(page.getByTestId('database-badge')).toContainText(first);

  // The schema as it was at the first revision, read-only.
  await items.nth(1).locator('.timeline__body').click();
  await expect(page.getByTestId('viewing')).toBeVisible();
  await expect(row(page, 'users', 'language_code').locator('.column-row__type')).toHaveText(
    'VARCHAR(255)',
  );
  await expect(row(page, 'users', 'phone_number')).toHaveCount(0);
  await page.screenshot({ path: `test-results/timeline-viewing-${info.project.name}.png` });
  await page.getByRole('button', { name: 'Back to editing' }).first().click();

  await page.reload();
  await expect(page.getByTestId('table-node')).toHaveCount(4);
  await expect(row(page, 'users', 'language_code').locator('.column-row__type')).toHaveText(
    'VARCHAR(10)',
  );
  await expect(row(page, 'products', 'description').locator('.column-row__type')).toHaveText(
    'VARCHAR(3000)',
  );
  await expect(row(page, 'users', 'phone_number').locator('.column-row__type')).toHaveText(
    'VARCHAR(50)',
  );
  await expect(page.getByTestId('database-badge')).toContainText(first);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByTestId('revision').nth(1).getByTestId('current-badge')).toBeVisible();
  await page.screenshot({ path: `test-results/after-reload-${info.project.name}.png` });
});
