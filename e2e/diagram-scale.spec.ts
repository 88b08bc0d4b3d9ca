/**
 * The diagram on schemas of real size: a 150-table schema that was never laid out (as an
 * import leaves it) and a 1000-table one, served by the real `retort serve`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { Design } from '@retort/core';
import { largeDesign, relationalDesign } from '@retort/testing/large-design';
import { scratch, startRetort } from './retort-server';

const test = base.extend<{ open: (design: Design) => Promise<void> }>({
  open: async ({ page }, use) => {
    const stops: (() => Promise<void>)[] = [];
    await use(async (design) => {
      const projectDir = await mkdtemp(path.join(scratch, 'retort-e2e-scale-'));
      await writeFile(path.join(projectDir, 'design.json'), JSON.stringify(design));
      const server = await startRetort(projectDir, { DATABASE_URL: '' }, 180_000);
      stops.push(async () => {
        await server.stop();
        await rm(projectDir, { recursive: true, force: true });
      });
      await page.goto(server.url);
    });
    for (const stop of stops) await stop();
  },
});

const zoom = (page: Page) =>
  page.evaluate(() => {
    const transform =
      document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    return Number(/scale\(([0-9.]+)\)/.exec(transform)?.[1] ?? 'NaN');
  });

/** Turns the mouse wheel over the middle of the canvas: positive `notches` zoom out. */
async function wheel(page: Page, notches: number) {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('The canvas is not on screen.');
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let i = 0; i < Math.abs(notches); i++) {
    await page.mouse.wheel(0, Math.sign(notches) * 250);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(300);
}

/** The zoom at which fitting stops shrinking (`READABLE_ZOOM` in canvas/level-of-detail.ts). */
const READABLE_ZOOM = 0.5;

/**
 * At least five tables lie wholly in the canvas, drawn with their columns, and their names
 * are at least 6 px high on screen.
 */
async function expectSeveralReadableTables(page: Page) {
  await expect
    .poll(async () => {
      const pane = (await page.locator('.react-flow__pane').boundingBox())!;
      return page.locator('[data-detail="full"] .table-node__name').evaluateAll(
        (names, view) =>
          names.filter((name) => {
            const box = name.closest('[data-testid="table-node"]')!.getBoundingClientRect();
            const text = name.getBoundingClientRect();
            return (
              box.left >= view.x &&
              box.top >= view.y &&
              box.right <= view.x + view.width &&
              box.bottom <= view.y + view.height &&
              text.height >= 6
            );
          }).length,
        pane,
      );
    })
    .toBeGreaterThanOrEqual(5);
}

test('a 150-table schema without a layout opens laid out, on its most connected part, readable', async ({
  page,
  open,
}, info) => {
  await open(relationalDesign(150));
  const tables = page.getByTestId('table-node');
  await expect(tables.first()).toBeVisible({ timeout: 120_000 });
  // Laid out and saved: every table got a position in design.json.
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 120_000 });
  await expect.poll(() => zoom(page)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  await expect(page.locator('[data-detail="full"]').first()).toBeVisible();
  await expect(page.getByTestId('column-row').first()).toBeVisible();
  await expectSeveralReadableTables(page);
  await page.screenshot({ path: info.outputPath('layout-150-opened.png') });

  // The fit button fits the same readable part, never the whole grey carpet.
  await wheel(page, 10);
  expect(await zoom(page)).toBeLessThan(0.2);
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect.poll(() => zoom(page)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  await expectSeveralReadableTables(page);
});

test('zoomed out, tables become title bars and then blocks; zoomed in, columns come back', async ({
  page,
  open,
}, info) => {
  const design = largeDesign(1000);
  await open(design);
  await expect(page.getByTestId('table-node').first()).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('[data-detail="full"]').first()).toBeVisible();

  await wheel(page, 1);
  await expect.poll(() => zoom(page)).toBeLessThan(0.45);
  await expect(page.locator('[data-detail="title"]').first()).toBeVisible();
  await expect(page.locator('[data-detail="full"]')).toHaveCount(0);
  await expect(page.getByTestId('column-row')).toHaveCount(0);
  await expect(page.locator('.table-node__outline-name').first()).toHaveText(/^table_\d{4}$/);
  await page.screenshot({ path: info.outputPath('titles-1000.png') });

  await wheel(page, 3);
  await expect.poll(() => zoom(page)).toBeLessThan(0.2);
  await expect(page.locator('[data-detail="block"]').first()).toBeVisible();
  await expect(page.locator('[data-detail="title"]')).toHaveCount(0);
  // Edges lose their labels below full detail.
  await expect(page.locator('.react-flow__edge-text')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('blocks-1000.png') });

  // A table can still be dragged as a block: the move lands in the design.
  const block = page.locator('[data-detail="block"]').first();
  const name = await block.getAttribute('data-table-name');
  const before = await block.boundingBox();
  if (!before || !name) throw new Error('No block on screen.');
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 + 60, before.y + before.height / 2 + 40, {
    steps: 8,
  });
  await page.mouse.up();
  const after = await page.locator(`[data-table-name="${name}"]`).boundingBox();
  expect(after!.x).toBeGreaterThan(before.x + 30);

  await wheel(page, -6);
  await expect.poll(() => zoom(page)).toBeGreaterThanOrEqual(0.45);
  await expect(page.getByTestId('column-row').first()).toBeVisible();
});
