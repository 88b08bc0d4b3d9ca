/**
 * The column type picker offers the design's domains and composite types by their qualified
 * names, beside its enums; choosing one makes the column of that type.
 */
import { row } from './editor-page';
import { expect, test } from './fixtures';

interface DesignDocument {
  design: Record<string, unknown> & { tables: { name: string }[] };
  version: string;
}

test('the type picker offers domains and composite types', async ({ page, retort }) => {
  const current = await retort.api<DesignDocument>('GET', '/api/design');
  await retort.api('PUT', '/api/design', {
    design: {
      ...current.design,
      domains: [
        {
          id: 'd_cents',
          name: 'positive_cents',
          schema: 'billing',
          type: 'BIGINT',
          checks: [{ id: 'ck_cents', name: null, expression: 'VALUE >= 0' }],
        },
      ],
      compositeTypes: [
        { id: 'ct_address', name: 'postal_address', attributes: [{ name: 'city', type: 'TEXT' }] },
      ],
    },
    version: current.version,
  });
  await page.goto('/');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await row(page, 'users', 'username').click();
  const type = page.getByLabel('Column type');
  const listId = await type.getAttribute('list');
  const options = page.locator(`datalist[id="${listId}"] option`);
  await expect(options.filter({ hasText: 'domain over BIGINT' })).toHaveAttribute(
    'value',
    'billing.positive_cents',
  );
  await expect(options.filter({ hasText: 'composite type' })).toHaveAttribute(
    'value',
    'postal_address',
  );
  await type.fill('billing.positive_cents');
  await type.press('Enter');
  await expect(row(page, 'users', 'username').locator('.column-row__type')).toHaveText(
    'billing.positive_cents',
  );
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const saved = await retort.api<DesignDocument>('GET', '/api/design');
  expect(JSON.stringify(saved.design)).toContain('"type":"billing.positive_cents"');
});
