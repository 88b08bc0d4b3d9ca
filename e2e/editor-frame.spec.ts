import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { clickEdge, confirmRun, openExample as open, row, table } from './editor-page';
import { expect, test } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('Not on screen.');
  return box;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function screenshots(page: Page, name: string, project: string) {
  await page.screenshot({ path: `test-results/${name}-light-${project}.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `test-results/${name}-dark-${project}.png` });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('fit view leaves every table clear of the zoom controls and the minimap; toasts clear the minimap, which is opaque', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('button', { name: 'Fit view' }).click();
  const minimap = await boxOf(page.locator('.react-flow__minimap'));
  const controls = await boxOf(page.locator('.react-flow__controls'));
  // Fit view moves the view with a short animation; the tables' boxes are read once it stops.
  await expect
    .poll(async () => {
      const boxes = await Promise.all(
        (await page.getByTestId('table-node').all()).map((node) => boxOf(node)),
      );
      return boxes.filter((box) => overlap(box, minimap) || overlap(box, controls)).length;
    })
    .toBe(0);
  const background = await page
    .locator('.react-flow__minimap')
    .evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).toMatch(/^rgb\(/);

  // A toast (here: what Copy says) sits beside the minimap, not on it.
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  const toast = page.getByTestId('toast').first();
  await expect(toast).toBeVisible();
  expect(overlap(await boxOf(toast), minimap)).toBe(false);
});

test('the side panel is resized by its edge, keeps its width after a reload, and folds away', async ({
  page,
}) => {
  await open(page);
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
  const canvas = page.getByTestId('canvas');
  const handle = page.getByRole('separator', { name: 'Resize the side panel' });
  const width = async () => Math.round((await boxOf(sidebar)).width);
  expect(await width()).toBe(400);
  const edge = await boxOf(handle);
  await page.mouse.move(edge.x + edge.width / 2, edge.y + 300);
  await page.mouse.down();
  await page.mouse.move(800, edge.y + 300, { steps: 5 });
  await page.mouse.move(680, edge.y + 300, { steps: 5 });
  await page.mouse.up();
  // The window is 1280px wide: the edge now at x = 680 leaves the panel 600px.
  await expect(handle).toHaveAttribute('aria-valuenow', '600');
  await expect.poll(width).toBeGreaterThanOrEqual(598);

  await page.reload();
  await expect(page.getByTestId('table-node')).toHaveCount(4);
  await expect(handle).toHaveAttribute('aria-valuenow', '600');
  await expect.poll(width).toBeGreaterThanOrEqual(598);

  await page.getByRole('button', { name: 'Hide the side panel' }).click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveCount(0);
  await expect.poll(async () => Math.round((await boxOf(canvas)).width)).toBe(1280 - 32);
  await page.getByRole('button', { name: 'Show the side panel' }).click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toBeVisible();
  await expect(handle).toHaveAttribute('aria-valuenow', '600');
});

test('selecting a table, a column or a key on the canvas opens the inspector from any tab', async ({
  page,
}) => {
  await open(page);
  const inspector = page.getByRole('tab', { name: 'Inspector' });

  await page.getByRole('tab', { name: 'Review' }).click();
  await table(page, 'products').locator('.table-node__header').click();
  await expect(inspector).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Table name')).toHaveValue('products');

  await page.getByRole('tab', { name: 'Code' }).click();
  await row(page, 'users', 'username').click();
  await expect(inspector).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Column name')).toHaveValue('username');

  await page.getByRole('tab', { name: 'Timeline' }).click();
  // The middle of the orders -> users key's line.
  await clickEdge(page);
  await expect(inspector).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('foreign-key-inspector')).toBeVisible();
});

test('a database at base says what that means and offers the first apply', async ({
  page,
  retort,
}, info) => {
  await retort.api('POST', '/api/downgrade', { target: 'base', force: true });
  await open(page);
  const banner = page.getByTestId('base-banner');
  await expect(banner).toContainText('The database is at base');
  await expect(banner).toContainText('has none of these tables yet');
  await screenshots(page, 'base-banner', info.project.name);
  await banner.getByRole('button', { name: 'Apply…' }).click();
  await confirmRun(page);
  await expect(banner).toHaveCount(0);
  const project = await retort.api<{ current: string | null; head: string }>('GET', '/api/project');
  expect(project.current).toBe(project.head);
});

test('the Alembic project downloads from the timeline, with every revision', async ({
  page,
  retort,
}) => {
  await open(page);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download Alembic project' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('shop-alembic.zip');
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const { head } = await retort.api<{ head: string }>('GET', '/api/project');
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(['alembic.ini', 'env.py', 'models.py']),
  );
  const versions = Object.keys(files).filter((name) => name.startsWith('versions/'));
  expect(versions.some((name) => name.includes(head))).toBe(true);
});

test('a review finding explains itself in a line; the downgrade says dropped data does not come back; a new revision clears the last run', async ({
  page,
  retort,
}, info) => {
  await open(page);
  await row(page, 'products', 'description').click();
  await page.getByRole('button', { name: 'Delete column' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByRole('tab', { name: 'Review' }).click();
  const finding = page.getByTestId('lint-finding').first();
  await expect(finding).toContainText('DS103');
  await expect(finding.getByTestId('lint-explanation')).toHaveText(/\w+ \w+/);
  await screenshots(page, 'review', info.project.name);
  // At the narrowest side panel the statement wraps: nothing runs past the view's edge.
  await page.getByRole('separator', { name: 'Resize the side panel' }).focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('separator', { name: 'Resize the side panel' })).toHaveAttribute(
    'aria-valuenow',
    '280',
  );
  const scroller = page.getByTestId('code-sql').locator('.cm-scroller');
  await expect(scroller).toContainText('ALTER TABLE products DROP COLUMN description;');
  const fits = await scroller.evaluate((e) => e.scrollWidth <= e.clientWidth);
  expect(fits).toBe(true);
  const lineHeight = await page
    .getByTestId('code-sql')
    .locator('.cm-line')
    .first()
    .evaluate((e) => e.getBoundingClientRect().height);
  expect(lineHeight).toBeGreaterThan(20);
  await page.getByRole('tab', { name: 'SQL downgrade' }).click();
  await expect(page.getByTestId('downgrade-note')).toContainText('Dropped data does not come back');

  await page.getByLabel('Revision message').fill('drop the description');
  await page.getByRole('button', { name: 'Create revision' }).click();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await confirmRun(page);
  await expect(page.getByTestId('run-outcome')).toContainText('Upgraded');

  await row(page, 'products', 'title').click();
  await page.getByRole('button', { name: 'Delete column' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByRole('tab', { name: 'Review' }).click();
  await page.getByLabel('Revision message').fill('drop the title');
  await page.getByRole('button', { name: 'Create revision' }).click();
  await expect(page.getByTestId('no-pending')).toBeVisible();
  await expect(page.getByTestId('run-outcome')).toHaveCount(0);
  const { revisions } = await retort.api<{ revisions: unknown[] }>('GET', '/api/revisions');
  expect(revisions).toHaveLength(3);
});
