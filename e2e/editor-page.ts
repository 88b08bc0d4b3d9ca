/** Locators and steps shared by the browser tests, named as a person sees the editor. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const table = (page: Page, name: string) =>
  page.locator(`[data-testid="table-node"][data-table-name="${name}"]`);

export const row = (page: Page, tableName: string, column: string) =>
  table(page, tableName).locator(`[data-testid="column-row"][data-column-name="${column}"]`);

/** Opens the example project and waits until its four tables are drawn and saved. */
export async function openExample(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('table-node')).toHaveCount(4);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

/** Confirms the run dialog that Apply, Upgrade and Downgrade open, once its dry run is shown. */
export async function confirmRun(page: Page, button: 'Apply' | 'Downgrade' | 'Upgrade' = 'Apply') {
  const dialog = page.getByTestId('run-dialog');
  await expect(dialog.getByTestId('code-run-sql')).toBeVisible();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** Clicks the middle of a foreign key's line, read from the drawing. */
export async function clickEdge(page: Page, index = 0) {
  const edge = page.locator('.react-flow__edge').nth(index);
  const point = await edge.locator('path.react-flow__edge-path').evaluate((path) => {
    const line = path as SVGPathElement;
    const middle = line.getPointAtLength(line.getTotalLength() / 2);
    const matrix = line.getScreenCTM();
    if (!matrix) throw new Error('The key is not drawn.');
    return {
      x: middle.x * matrix.a + middle.y * matrix.c + matrix.e,
      y: middle.x * matrix.b + middle.y * matrix.d + matrix.f,
    };
  });
  await page.mouse.click(point.x, point.y);
}
