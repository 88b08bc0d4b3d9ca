/**
 * Organising the example's diagram: a table colour, a note and a subject area. Dragging the
 * area by its name moves the tables inside it. All of it is saved in design.json, survives
 * a reload and never makes a revision: the Review has nothing and the API's pending
 * operations are empty.
 */
import type { Design } from '@retort/core';
import { openExample, table } from './editor-page';
import { expect, test } from './fixtures';

test('a colour, a note and an area are saved, survive a reload and never make a revision', async ({
  page,
  retort,
}) => {
  await openExample(page);

  await table(page, 'users').locator('.table-node__header').click();
  await page
    .getByRole('group', { name: 'Table colour' })
    .getByRole('button', { name: 'Orange' })
    .click();
  await expect(table(page, 'users')).toHaveClass(/table-node--coloured/);
  await expect(table(page, 'users')).toHaveAttribute('style', /--table-color: ?#f97316/);

  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByTestId('note-node');
  await expect(note).toHaveCount(1);
  await note.dblclick();
  await page.keyboard.type('Orders are never deleted.');
  await page.keyboard.press('Control+Enter');
  await expect(note).toHaveText('Orders are never deleted.');

  await table(page, 'orders').locator('.table-node__header').click();
  await table(page, 'order_products')
    .locator('.table-node__header')
    .click({ modifiers: ['Shift'] });
  await page.keyboard.press('g');
  const area = page.getByTestId('area-node');
  await expect(area).toHaveAttribute('data-area-name', 'Area 1');
  const name = page.getByLabel('Area name');
  await name.fill('Sales');
  await name.press('Enter');
  await expect(area).toHaveAttribute('data-area-name', 'Sales');

  // Dragging the area by its name carries the two tables inside it; users stays.
  const orders = (await table(page, 'orders').boundingBox())!;
  const users = (await table(page, 'users').boundingBox())!;
  const title = (await area.locator('.area-node__title').boundingBox())!;
  await page.mouse.move(title.x + 20, title.y + title.height / 2);
  await page.mouse.down();
  await page.mouse.move(title.x + 20 + 90, title.y + title.height / 2 + 120, { steps: 10 });
  await page.mouse.up();
  await expect
    .poll(async () => (await table(page, 'orders').boundingBox())!.y)
    .toBeGreaterThan(orders.y + 60);
  expect(Math.round((await table(page, 'users').boundingBox())!.y)).toBe(Math.round(users.y));

  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const { design } = await retort.api<{ design: Design }>('GET', '/api/design');
  expect(design.tables.find((t) => t.name === 'users')!.color).toBe('#f97316');
  expect(design.canvas!.notes.map((n) => n.text)).toEqual(['Orders are never deleted.']);
  const [sales] = design.canvas!.areas;
  expect(sales!.name).toBe('Sales');
  const moved = design.tables.find((t) => t.name === 'orders')!.position!;
  expect(moved.y).toBeGreaterThan(sales!.position.y);
  const pending = await retort.api<{ operations: unknown[] }>('GET', '/api/pending');
  expect(pending.operations).toEqual([]);

  await page.reload();
  await expect(page.getByTestId('table-node')).toHaveCount(4);
  await expect(table(page, 'users')).toHaveClass(/table-node--coloured/);
  await expect(page.getByTestId('note-node')).toHaveText('Orders are never deleted.');
  await expect(page.getByTestId('area-node')).toHaveAttribute('data-area-name', 'Sales');
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.getByText('No changes since the head revision.')).toBeVisible();
});
