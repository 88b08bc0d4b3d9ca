import type { Page } from '@playwright/test';
import { openExample as open, row, table } from './editor-page';
import { expect, test } from './fixtures';

interface DesignDocument {
  design: {
    tables: {
      id: string;
      name: string;
      position: { x: number; y: number };
      columns: { name: string }[];
    }[];
  };
  version: string;
}

async function rename(page: Page, from: string, to: string) {
  await table(page, from).first().locator('.table-node__header').click();
  const name = page.getByLabel('Table name');
  await name.fill(to);
  await name.press('Enter');
}

test('an invalid design and a valid edit after it survive a reload, restored under a banner; design.json stays valid', async ({
  page,
  retort,
}, info) => {
  await open(page);
  await rename(page, 'orders', 'users');
  await expect(page.getByTestId('save-status')).toHaveText('Invalid');
  await row(page, 'users', 'username').first().click();
  const column = page.getByLabel('Column name');
  await column.fill('handle');
  await column.press('Enter');
  await expect(row(page, 'users', 'handle')).toHaveCount(1);
  await page.getByRole('button', { name: 'Invalid' }).click();
  await expect(page.getByRole('dialog', { name: 'Problems' })).toContainText(
    'your edits are kept as a draft in this browser',
  );

  // Leaving asks first; the person leaves anyway.
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);

  const banner = page.getByTestId('draft-banner');
  await expect(banner).toContainText('Restored your unsaved edits');
  await expect(banner).toContainText('design.json keeps its last valid version');
  await expect(table(page, 'users')).toHaveCount(2);
  await expect(row(page, 'users', 'handle')).toHaveCount(1);
  await expect(page.getByTestId('save-status')).toHaveText('Invalid');
  const onDisk = await retort.api<DesignDocument>('GET', '/api/design');
  expect(onDisk.design.tables.map((t) => t.name).sort()).toEqual([
    'order_products',
    'orders',
    'products',
    'users',
  ]);
  await page.screenshot({ path: `test-results/draft-restored-light-${info.project.name}.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `test-results/draft-restored-dark-${info.project.name}.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  // Fixed, it is saved, and the next load has nothing to restore.
  await table(page, 'users')
    .filter({ has: page.locator('[data-column-name="order_id"]') })
    .locator('.table-node__header')
    .click();
  const name = page.getByLabel('Table name');
  await name.fill('purchases');
  await name.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const saved = await retort.api<DesignDocument>('GET', '/api/design');
  expect(saved.design.tables.map((t) => t.name).sort()).toEqual([
    'order_products',
    'products',
    'purchases',
    'users',
  ]);
  const users = saved.design.tables.find((t) => t.name === 'users')!;
  expect(users.columns.map((c) => c.name)).toContain('handle');
  await page.reload();
  await expect(page.getByTestId('table-node')).toHaveCount(4);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(page.getByTestId('draft-banner')).toHaveCount(0);
  expect(asked).toEqual(['beforeunload']);
});

test('discarding a restored draft goes back to design.json', async ({ page }) => {
  await open(page);
  await rename(page, 'orders', 'users');
  await expect(page.getByTestId('save-status')).toHaveText('Invalid');
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByTestId('draft-banner')).toBeVisible();
  await page.getByRole('button', { name: 'Discard the edits' }).click();
  await expect(page.getByTestId('draft-banner')).toHaveCount(0);
  await expect(table(page, 'orders')).toHaveCount(1);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByTestId('table-node')).toHaveCount(4);
  await expect(page.getByTestId('draft-banner')).toHaveCount(0);
});

test('arrow keys nudge a table, and the nudge is saved like a drag', async ({ page, retort }) => {
  await open(page);
  const before = await retort.api<DesignDocument>('GET', '/api/design');
  const start = before.design.tables.find((t) => t.name === 'products')!.position;
  await table(page, 'products').locator('.table-node__header').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect
    .poll(async () => {
      const now = await retort.api<DesignDocument>('GET', '/api/design');
      return now.design.tables.find((t) => t.name === 'products')!.position;
    })
    .not.toEqual(start);
  const after = await retort.api<DesignDocument>('GET', '/api/design');
  const moved = after.design.tables.find((t) => t.name === 'products')!.position;
  expect(moved.x).toBeGreaterThan(start.x);
  expect(moved.y).toBeGreaterThan(start.y);
  await page.reload();
  await expect(page.getByTestId('table-node')).toHaveCount(4);
  await expect(page.getByTestId('draft-banner')).toHaveCount(0);
});
