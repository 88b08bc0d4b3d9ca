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
