import type { Page } from '@playwright/test';
import { row } from './editor-page';
import { expect, test } from './fixtures';

interface DesignDocument {
  design: { tables: { id: string; name: string }[] };
  version: string;
}

test('a design changed elsewhere is never overwritten: Conflict, then Reload shows the other change', async ({
  page,
  retort,
}, info) => {
  await page.goto('/');
  await expect(page.getByTestId('table-node')).toHaveCount(4);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Someone else renames products to items while this page is open.
  const current = await retort.api<DesignDocument>('GET', '/api/design');
  const renamed = {
    ...current.design,
    tables: current.design.tables.map((t) => (t.name === 'products' ? { ...t, name: 'items' } : t)),
  };
  await retort.api('PUT', '/api/design', { design: renamed, version: current.version });

  await row(page, 'users', 'username').click();
  const type = page.getByLabel('Column type');
  await type.fill('VARCHAR(100)');
  await type.press('Enter');
  await expect(page.getByTestId('save-status')).toContainText('Conflict');
  const onServer = await retort.api<DesignDocument>('GET', '/api/design');
  expect(onServer.design.tables.map((t) => t.name)).toContain('items');
  await page.screenshot({ path: `test-results/autosave-conflict-${info.project.name}.png` });

  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(page.locator('[data-testid="table-node"][data-table-name="items"]')).toBeVisible();
  await expect(row(page, 'users', 'username').locator('.column-row__type')).toHaveText(
    'VARCHAR(255)',
  );
});

/** Opens the shop and names `orders` `users`, which the server refuses; the name field stays open. */
async function renameOrdersToUsers(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page
    .locator('[data-testid="table-node"][data-table-name="orders"] .table-node__header')
    .click();
  const name = page.getByLabel('Table name');
  await name.fill('users');
  await name.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Invalid');
  return name;
}

test('an invalid design is not saved but kept, and the problems are shown', async ({
  page,
  retort,
}, info) => {
  const name = await renameOrdersToUsers(page);
  await page.getByRole('button', { name: 'Invalid' }).click();
  await expect(page.getByRole('dialog', { name: 'Problems' })).toContainText('users');
  const onServer = await retort.api<DesignDocument>('GET', '/api/design');
  expect(onServer.design.tables.map((t) => t.name)).toContain('orders');
  await expect(page.locator('[data-testid="table-node"][data-table-name="users"]')).toHaveCount(2);
  await page.screenshot({ path: `test-results/autosave-invalid-${info.project.name}.png` });

  // Fixing it saves it.
  await name.fill('purchases');
  await name.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const fixed = await retort.api<DesignDocument>('GET', '/api/design');
  expect(fixed.design.tables.map((t) => t.name)).toContain('purchases');
});

test('undoing an edit the server refused leaves the saved design, with nothing invalid and no draft', async ({
  page,
  retort,
}) => {
  await renameOrdersToUsers(page);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('[data-testid="table-node"][data-table-name="orders"]')).toHaveCount(1);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  // The page reloaded finds no draft to restore: the server's design is the one shown.
  await page.reload();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(page.locator('[data-testid="table-node"][data-table-name="orders"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="table-node"][data-table-name="users"]')).toHaveCount(1);
  const onServer = await retort.api<DesignDocument>('GET', '/api/design');
  expect(onServer.design.tables.map((t) => t.name)).toContain('orders');
});

test('the help overlay lists the shortcuts; ? opens it and Esc closes it', async ({
  page,
}, info) => {
  await page.goto('/');
  await expect(page.getByTestId('table-node')).toHaveCount(4);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Undo');
  await expect(help).toContainText('Double-click the canvas');
  await page.screenshot({ path: `test-results/help-${info.project.name}.png` });
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(help).toBeVisible();
});
