/**
 * Pictures of the diagram, as people paste into docs: a PNG of the whole example in the dark
 * theme and of one selected table in the light one, decoded and measured; an SVG parsed,
 * with the tables' names found in it.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { openExample, table } from './editor-page';
import { expect, test } from './fixtures';

async function exportPicture(page: Page, choices: string[]) {
  await page.getByRole('button', { name: 'Picture' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a picture' });
  for (const choice of choices) await dialog.getByLabel(choice).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const file = await download;
  await expect(dialog).toHaveCount(0);
  const bytes = await readFile((await file.path())!);
  await test.info().attach(file.suggestedFilename(), { body: bytes });
  return { name: file.suggestedFilename(), bytes };
}

/** Share of pixels that differ clearly from the picture's top-left (background) pixel. */
function drawnShare(png: PNG): number {
  const [r, g, b] = png.data;
  let drawn = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const d =
      Math.abs(png.data[i]! - r!) +
      Math.abs(png.data[i + 1]! - g!) +
      Math.abs(png.data[i + 2]! - b!);
    if (d > 24) drawn += 1;
  }
  return drawn / (png.width * png.height);
}

test('PNG pictures: the whole diagram in the dark theme, one selected table in the light one', async ({
  page,
}) => {
  await openExample(page);
  const all = await exportPicture(page, ['PNG', 'Dark', 'The whole diagram']);
  expect(all.name).toBe('shop.png');
  const dark = PNG.sync.read(all.bytes);
  // Three tables side by side at least, drawn at twice the size.
  expect(dark.width).toBeGreaterThan(2 * 3 * 280);
  expect(dark.height).toBeGreaterThan(2 * 300);
  expect([...dark.data.subarray(0, 3)]).toEqual([0x15, 0x18, 0x1d]);
  expect(drawnShare(dark)).toBeGreaterThan(0.15);

  await table(page, 'users').locator('.table-node__header').click();
  const one = await exportPicture(page, ['Light', 'The selected table (1)']);
  expect(one.name).toBe('shop-selection.png');
  const light = PNG.sync.read(one.bytes);
  // users: 280 wide, a 36px header and six 28px rows (+2 border), 32px around, twice the size.
  expect(light.width).toBe(2 * (280 + 64));
  expect(light.height).toBe(2 * (36 + 6 * 28 + 2 + 64));
  expect([...light.data.subarray(0, 3)]).toEqual([0xf7, 0xf8, 0xfa]);
  // White table on a near-white page: the text, borders and header tint count.
  expect(drawnShare(light)).toBeGreaterThan(0.1);
});

test('SVG pictures hold the tables by name: all four, or only the selected ones', async ({
  page,
}) => {
  await openExample(page);
  const parseNames = (text: string) =>
    page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      if (doc.querySelector('parsererror') || doc.documentElement.localName !== 'svg') return null;
      return [...doc.querySelectorAll('[data-table-name]')]
        .map((e) => e.getAttribute('data-table-name'))
        .sort();
    }, text);

  const all = await exportPicture(page, ['SVG', 'Light', 'The whole diagram']);
  expect(all.name).toBe('shop.svg');
  const text = all.bytes.toString('utf8');
  expect(await parseNames(text)).toEqual(['order_products', 'orders', 'products', 'users']);
  expect(text).toContain('telegram_id');

  await table(page, 'orders').locator('.table-node__header').click();
  await table(page, 'products')
    .locator('.table-node__header')
    .click({ modifiers: ['Shift'] });
  const two = await exportPicture(page, ['SVG', 'Dark', 'The selected tables (2)']);
  expect(await parseNames(two.bytes.toString('utf8'))).toEqual(['orders', 'products']);
});
