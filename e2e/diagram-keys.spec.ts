/**
 * The diagram's keys are listed in Help, and the ones added for finding, focusing, pictures,
 * notes and areas do what Help says.
 */
import { openExample, table } from './editor-page';
import { expect, test } from './fixtures';

test('Help lists the diagram keys; N, I, Shift+Ctrl+E and Esc do what it says', async ({
  page,
}) => {
  await openExample(page);
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const keys of [
    'Ctrl+K or /',
    'I',
    'F',
    'N',
    'G',
    'Shift+Ctrl+E',
    'Ctrl+A',
    'Ctrl+D',
    'Ctrl+C / Ctrl+V',
    'Ctrl+Z',
    'Esc',
  ]) {
    await expect(
      help.locator('kbd', { hasText: new RegExp(`^${keys.replace(/[+/?]/g, '\\$&')}$`) }),
    ).toHaveCount(1);
  }
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('n');
  await expect(page.getByTestId('note-node')).toHaveCount(1);
  await expect(page.getByTestId('note-inspector')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('note-node')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('note-node')).toHaveCount(1);

  // I opens the import, ready for pasted text; typed into, the letter stays text.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await page.keyboard.press('i');
  const importing = page.getByRole('dialog', { name: 'Import SQL / DBML' });
  await expect(importing).toBeVisible();
  const text = importing.getByLabel('SQL or DBML to import');
  await text.click();
  await page.keyboard.type('i');
  await expect(text).toHaveValue('i');
  await page.keyboard.press('Escape');
  await expect(importing).toHaveCount(0);

  await table(page, 'users').locator('.table-node__header').click();
  await page.keyboard.press('Shift+Control+E');
  const picture = page.getByRole('dialog', { name: 'Export a picture' });
  await expect(picture).toBeVisible();
  await expect(picture.getByLabel('The selected table (1)')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(picture).toHaveCount(0);
});
