import type { Locator, Page } from '@playwright/test';
import { openExample as open, row, table } from './editor-page';
import { expect, type RetortServer, test } from './fixtures';

interface SavedDesign {
  design: {
    tables: {
      id: string;
      name: string;
      comment: string | null;
      columns: { id: string; name: string }[];
      foreignKeys: { columns: string[]; references: { table: string; columns: string[] } }[];
    }[];
  };
}

const centre = async (locator: Locator) => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('Not on screen.');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** Drags from a column's right-hand dot to a point, the way a person draws a key. */
async function dragFromColumn(page: Page, from: Locator, to: { x: number; y: number }) {
  const start = await centre(from.locator('.column-handle--right:not(.column-handle--route)'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + to.x) / 2, (start.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
}

/** The saved design's foreign keys of a table, as "table.column -> table.column". */
async function keysOf(page: Page, retort: RetortServer, tableName: string) {
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const { design } = await retort.api<SavedDesign>('GET', '/api/design');
  const names = new Map(
    design.tables.flatMap((t) => t.columns.map((c) => [c.id, `${t.name}.${c.name}`] as const)),
  );
  return (design.tables.find((t) => t.name === tableName)?.foreignKeys ?? []).map(
    (fk) => `${names.get(fk.columns[0] ?? '')} -> ${names.get(fk.references.columns[0] ?? '')}`,
  );
}

test('a foreign key is drawn by dropping on a row or a header; a drop on the empty canvas says so', async ({
  page,
  retort,
}) => {
  await open(page);
  const quantity = row(page, 'order_products', 'quantity');
  const edges = page.locator('.react-flow__edge');
  await expect(edges).toHaveCount(4);

  // Anywhere on the row, far from its dot.
  await dragFromColumn(page, quantity, await centre(row(page, 'products', 'title')));
  await expect(
    page
      .getByTestId('toast')
      .filter({ hasText: 'quantity is INTEGER but products.title is VARCHAR(255)' }),
  ).toBeVisible();
  await expect(edges).toHaveCount(4);
  await dragFromColumn(page, quantity, await centre(row(page, 'products', 'product_id')));
  await expect(edges).toHaveCount(5);
  expect(await keysOf(page, retort, 'order_products')).toContain(
    'order_products.quantity -> products.product_id',
  );

  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(edges).toHaveCount(4);

  // The header stands for the table's primary key.
  await dragFromColumn(
    page,
    quantity,
    await centre(table(page, 'orders').locator('.table-node__header')),
  );
  await expect(edges).toHaveCount(5);
  expect(await keysOf(page, retort, 'order_products')).toContain(
    'order_products.quantity -> orders.order_id',
  );

  // Nowhere: nothing drawn, and the toast says where to drop.
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('No canvas.');
  await dragFromColumn(page, quantity, { x: pane.x + 30, y: pane.y + pane.height - 30 });
  await expect(
    page.getByTestId('toast').filter({ hasText: 'No foreign key drawn: drop on a column' }),
  ).toBeVisible();
  await expect(edges).toHaveCount(5);
  expect(await keysOf(page, retort, 'order_products')).toHaveLength(3);
});

test('a new table and a new column are named from the keyboard; Enter commits; a comment keeps no trailing newline', async ({
  page,
  retort,
}) => {
  await open(page);
  await page.getByRole('button', { name: 'Add table' }).click();
  await expect(page.getByLabel('Table name')).toBeFocused();
  await page.keyboard.type('reviews');
  await page.keyboard.press('Enter');
  await expect(table(page, 'reviews')).toBeVisible();

  await page.getByRole('button', { name: 'Add column' }).click();
  await expect(page.getByLabel('Column name')).toBeFocused();
  await page.keyboard.type('rating');
  await page.keyboard.press('Enter');
  await expect(row(page, 'reviews', 'rating')).toBeVisible();

  await table(page, 'reviews').locator('.table-node__header').click();
  await page.getByLabel('Comment', { exact: true }).click();
  await page.keyboard.type('What buyers say');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(table(page, 'reviews').locator('.table-node__header')).toHaveAttribute(
    'title',
    'What buyers say',
  );
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const { design } = await retort.api<SavedDesign>('GET', '/api/design');
  const reviews = design.tables.find((t) => t.name === 'reviews');
  expect(reviews?.comment).toBe('What buyers say');
  expect(reviews?.columns.map((c) => c.name)).toEqual(['id', 'rating']);
});
