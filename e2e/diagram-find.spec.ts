/**
 * Finding things on the example: the palette (Ctrl+K or /) jumps to a table or a column by
 * name, centring and highlighting it, and to a subject area or a note; focus mode keeps a table and its neighbours and fades
 * the rest, one or two foreign-key hops away, until Esc.
 */
import type { Page } from '@playwright/test';
import { openExample, table } from './editor-page';
import { expect, test } from './fixtures';

/** React Flow's wrapper around a table, which carries the view's classes. */
const node = (page: Page, name: string) =>
  page.locator('.react-flow__node', { has: table(page, name) });

async function panAway(page: Page) {
  const pane = (await page.getByTestId('canvas').boundingBox())!;
  await page.mouse.move(pane.x + 40, pane.y + pane.height - 40);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width - 40, pane.y + 40, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(pane.x + pane.width - 40, pane.y + pane.height - 40);
  await page.mouse.down();
  await page.mouse.move(pane.x + 40, pane.y + 40, { steps: 8 });
  await page.mouse.up();
}

test('Ctrl+K finds a table and / finds a column; the canvas centres and highlights it', async ({
  page,
}) => {
  await openExample(page);
  await panAway(page);
  await expect(table(page, 'order_products')).not.toBeInViewport();

  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Find a table, column, area or note' });
  await expect(search).toBeFocused();
  await page.keyboard.type('order');
  const results = page.getByTestId('find-result');
  await expect(results.first()).toContainText('orders');
  await expect(results.nth(1)).toContainText('order_products');
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  await expect(search).toHaveCount(0);
  await expect(table(page, 'order_products')).toBeInViewport({ ratio: 0.9 });
  await expect(node(page, 'order_products')).toHaveClass(/table-node-wrapper--highlight/);
  await expect(page.getByLabel('Table name')).toHaveValue('order_products');

  await page.keyboard.press('/');
  await page.keyboard.type('users.lang');
  await expect(results).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('column-inspector')).toBeVisible();
  await expect(page.getByLabel('Column name')).toHaveValue('language_code');
  await expect(node(page, 'users')).toHaveClass(/table-node-wrapper--highlight/);
  await expect(page.locator('.table-node-wrapper--highlight')).toHaveCount(1);
  await expect(table(page, 'users')).toBeInViewport();
  await expect(table(page, 'users').locator('[data-column-name="language_code"]')).toHaveClass(
    /column-row--selected/,
  );

  // Esc closes the palette without jumping.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('prod');
  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);
  await expect(page.getByLabel('Column name')).toHaveValue('language_code');
});

test.describe('on a wide screen, where every table stays drawn', () => {
  test.use({ viewport: { width: 1920, height: 1000 } });

  test('focus mode fades what is more than one or two foreign-key hops away; Esc shows all', async ({
    page,
  }) => {
    await openExample(page);
    const opacity = (name: string) =>
      node(page, name).evaluate((element) => Number(getComputedStyle(element).opacity));

    await table(page, 'orders').locator('.table-node__header').click();
    await page.keyboard.press('f');
    await expect(page.getByTestId('focus-bar')).toContainText('Focus on orders');
    await expect(node(page, 'products')).toHaveClass(/is-faded/);
    await expect.poll(() => opacity('products')).toBeLessThan(0.3);
    for (const name of ['orders', 'users', 'order_products']) {
      await expect(node(page, name)).not.toHaveClass(/is-faded/);
      expect(await opacity(name)).toBe(1);
    }

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('focus-bar')).toHaveCount(0);
    await expect(page.locator('.react-flow__node.is-faded')).toHaveCount(0);

    // The button does the same; two hops reach the tables behind the neighbours.
    await table(page, 'users').locator('.table-node__header').click();
    await page.getByRole('button', { name: 'Focus on users' }).click();
    await expect(node(page, 'order_products')).toHaveClass(/is-faded/);
    await expect(node(page, 'products')).toHaveClass(/is-faded/);
    await page.getByRole('button', { name: '2 hops' }).click();
    await expect(node(page, 'order_products')).not.toHaveClass(/is-faded/);
    await expect(node(page, 'products')).toHaveClass(/is-faded/);
    await expect(page.locator('.react-flow__edge.is-faded')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(page.locator('.react-flow__node.is-faded')).toHaveCount(0);
  });
});

test('the palette finds a subject area by name and a note by a word of its text', async ({
  page,
}) => {
  await openExample(page);
  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByTestId('note-node');
  await note.dblclick();
  await page.keyboard.type('Refunds go through finance.');
  await page.keyboard.press('Control+Enter');
  await expect(note).toHaveText('Refunds go through finance.');

  await table(page, 'products').locator('.table-node__header').click();
  await page.keyboard.press('g');
  const name = page.getByLabel('Area name');
  await name.fill('Catalogue');
  await name.press('Enter');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await panAway(page);
  await expect(note).not.toBeInViewport();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('finance');
  const results = page.getByTestId('find-result');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveText(/note\s*Refunds go through finance\./);
  await page.keyboard.press('Enter');
  await expect(note).toBeInViewport();
  await expect(page.getByTestId('note-inspector')).toBeVisible();

  await page.keyboard.press('/');
  await page.keyboard.type('catal');
  await expect(results.first()).toHaveText(/area\s*Catalogue/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('area-node')).toBeInViewport();
  await expect(page.getByLabel('Area name')).toHaveValue('Catalogue');
});
