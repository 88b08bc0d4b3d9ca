/**
 * Working on many tables at once on the example: shift-click and box selection, moving,
 * deleting, duplicating, select all, and copy/paste between two tabs; each one undo step.
 */
import type { Page } from '@playwright/test';
import { openExample, table } from './editor-page';
import { expect, test } from './fixtures';

const selected = (page: Page) => page.locator('.table-node--selected');

async function boxAround(page: Page, names: string[]) {
  const boxes = await Promise.all(names.map((n) => table(page, n).boundingBox()));
  const left = Math.min(...boxes.map((b) => b!.x)) - 24;
  const top = Math.min(...boxes.map((b) => b!.y)) - 24;
  const right = Math.max(...boxes.map((b) => b!.x + b!.width)) + 24;
  const bottom = Math.max(...boxes.map((b) => b!.y + b!.height)) + 24;
  await page.keyboard.down('Shift');
  await page.mouse.move(left, top);
  await page.mouse.down();
  await page.mouse.move(right, bottom, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
}

test('shift-click selects two tables; dragging one moves both; one undo puts both back', async ({
  page,
}) => {
  await openExample(page);
  await table(page, 'users').locator('.table-node__header').click();
  await table(page, 'products')
    .locator('.table-node__header')
    .click({ modifiers: ['Shift'] });
  await expect(selected(page)).toHaveCount(2);
  await expect(page.getByTestId('selected-tables')).toContainText('2 tables selected');

  const users = (await table(page, 'users').boundingBox())!;
  const products = (await table(page, 'products').boundingBox())!;
  const header = table(page, 'users').locator('.table-node__header');
  const grip = (await header.boundingBox())!;
  await page.mouse.move(grip.x + 30, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + 30 + 80, grip.y + grip.height / 2 + 64, { steps: 10 });
  await page.mouse.up();
  await expect
    .poll(async () => (await table(page, 'products').boundingBox())!.y)
    .toBeGreaterThan(products.y + 30);
  expect((await table(page, 'users').boundingBox())!.y).toBeGreaterThan(users.y + 30);

  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => Math.round((await table(page, 'products').boundingBox())!.y))
    .toBe(Math.round(products.y));
  expect(Math.round((await table(page, 'users').boundingBox())!.y)).toBe(Math.round(users.y));

  // Shift-click again takes a table out of the selection.
  await table(page, 'products')
    .locator('.table-node__header')
    .click({ modifiers: ['Shift'] });
  await expect(selected(page)).toHaveCount(1);
});

test('a box drawn with shift selects the tables inside; Delete removes them; undo brings them back', async ({
  page,
}) => {
  await openExample(page);
  await boxAround(page, ['orders', 'order_products']);
  await expect(selected(page)).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('table-node')).toHaveCount(2);
  await expect(table(page, 'orders')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('table-node')).toHaveCount(4);
  await expect(table(page, 'order_products')).toBeVisible();
});

test('select all and duplicate: four copies, one undo step', async ({ page }) => {
  await openExample(page);
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+a');
  await expect(selected(page)).toHaveCount(4);
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('table-node')).toHaveCount(8);
  await expect(table(page, 'orders_copy')).toBeVisible();
  // The copies are selected, ready to be moved away together.
  await expect(selected(page)).toHaveCount(4);
  await expect(table(page, 'orders_copy')).toHaveClass(/table-node--selected/);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('table-node')).toHaveCount(4);
});

test('tables copied in one tab are pasted in another through the clipboard', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openExample(page);
  await table(page, 'orders').locator('.table-node__header').click();
  await table(page, 'order_products')
    .locator('.table-node__header')
    .click({
      modifiers: ['Shift'],
    });
  await page.keyboard.press('Control+c');
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain('"retort.tables/1"');

  const other = await context.newPage();
  await openExample(other);
  await other.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await other.keyboard.press('Control+v');
  await expect(other.getByTestId('table-node')).toHaveCount(6);
  await expect(table(other, 'orders_copy')).toBeVisible();
  await expect(table(other, 'order_products_copy')).toBeVisible();
  await expect(other.getByTestId('save-status')).toHaveText('Saved');
  await other.keyboard.press('Control+z');
  await expect(other.getByTestId('table-node')).toHaveCount(4);
});
