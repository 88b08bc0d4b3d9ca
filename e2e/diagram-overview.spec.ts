/**
 * The overview in the corner of the canvas: it shows every table and the part in view,
 * dragging in it pans the diagram and its wheel zooms it.
 */
import type { Page } from '@playwright/test';
import { openExample as open } from './editor-page';
import { expect, test } from './fixtures';

const viewport = (page: Page) =>
  page.evaluate(() => {
    const transform =
      document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    const [, x, y, zoom] =
      /translate\((-?[0-9.]+)px, (-?[0-9.]+)px\) scale\(([0-9.]+)\)/.exec(transform) ?? [];
    return { x: Number(x), y: Number(y), zoom: Number(zoom) };
  });

test('the overview draws the four tables; dragging in it pans the diagram, its wheel zooms it', async ({
  page,
}) => {
  await open(page);
  const overview = page.getByRole('img', { name: 'Overview of the diagram' });
  await expect(overview).toBeVisible();
  // One outline per table, all in one path.
  const outlines = await overview.locator('.retort-overview__nodes').first().getAttribute('d');
  expect(outlines?.match(/M/g)).toHaveLength(4);

  const box = await overview.boundingBox();
  if (!box) throw new Error('The overview is not on screen.');
  const before = await viewport(page);
  // Dragging right and down in the overview moves the view right and down over the diagram.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await viewport(page)).x).toBeLessThan(before.x - 10);
  const panned = await viewport(page);
  expect(panned.y).toBeLessThan(before.y - 5);
  expect(panned.zoom).toBe(before.zoom);

  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(before.zoom);
});
