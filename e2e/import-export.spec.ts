/**
 * Bringing a schema in through the editor and taking it out as text: a 150-table SQL file
 * (several clusters of tables joined by foreign keys, as a real application has) pasted into
 * the import dialog, then auto layout, with edge crossings counted before and after; a DBML
 * file chosen from disk and merged into the example; DBML and Mermaid downloaded and copied.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { emitSql } from '@retort/codegen';
import type { Design } from '@retort/core';
import { relationalDesign } from '@retort/testing/large-design';
import { edgeCrossings } from '../apps/web/src/layout/edge-crossings';
import { openExample, table } from './editor-page';
import { expect, test } from './fixtures';

const designOnDisk = async (projectDir: string): Promise<Design> =>
  JSON.parse(await readFile(path.join(projectDir, 'design.json'), 'utf8'));

/** The box around every table drawn, in page pixels. */
const drawnBox = (page: Page) =>
  page.evaluate(() => {
    const boxes = [...document.querySelectorAll('[data-testid="table-node"]')].map((e) =>
      e.getBoundingClientRect(),
    );
    return {
      left: Math.min(...boxes.map((b) => b.left)),
      top: Math.min(...boxes.map((b) => b.top)),
      right: Math.max(...boxes.map((b) => b.right)),
      bottom: Math.max(...boxes.map((b) => b.bottom)),
    };
  });

/**
 * A picture of the whole diagram, below the zoom fit-to-view allows: wheel out, drag the
 * drawing to the middle, then wheel in while it still fits.
 */
async function overview(page: Page, file: string) {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  for (let i = 0; i < 14; i++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(300);
  let box = await drawnBox(page);
  const grip = { x: pane.x + 12, y: pane.y + 12 };
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(
    grip.x + centre.x - (box.left + box.right) / 2,
    grip.y + centre.y - (box.top + box.bottom) / 2,
    { steps: 12 },
  );
  await page.mouse.up();
  await page.mouse.move(centre.x, centre.y);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(200);
    box = await drawnBox(page);
    const fits =
      box.left >= pane.x &&
      box.top >= pane.y &&
      box.right <= pane.x + pane.width &&
      box.bottom <= pane.y + pane.height;
    if (!fits) {
      await page.mouse.wheel(0, 100);
      await page.waitForTimeout(300);
      break;
    }
  }
  await page.screenshot({ path: file });
}

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import…' }).click();
  return page.getByRole('dialog', { name: 'Import SQL / DBML' });
}

test('a 150-table SQL file is previewed, imported as a new design, and auto layout untangles it', async ({
  page,
  retort,
}, info) => {
  test.setTimeout(400_000);
  const sql = emitSql(relationalDesign(150));
  await openExample(page);
  const dialog = await openImport(page);
  await dialog.getByRole('textbox', { name: 'SQL or DBML to import' }).fill(sql);
  await expect(dialog.getByRole('radio', { name: 'SQL' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const summary = dialog.getByTestId('import-summary');
  await expect(summary).toContainText('150 tables', { timeout: 120_000 });
  await expect(summary).toContainText(/\d+ columns to add/);
  await expect(dialog.getByTestId('import-left-out')).toHaveText(/^Nothing is left out/);
  await page.screenshot({ path: info.outputPath('import-preview-sql-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: info.outputPath('import-preview-sql-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // As `retort import --sql` would leave it: on the import's own grid, not laid out.
  await dialog.getByRole('radio', { name: /As a new design/ }).check();
  await dialog.getByRole('checkbox', { name: /Lay out the imported tables/ }).uncheck();
  await dialog.getByRole('button', { name: 'Import 150 tables' }).click();
  await expect(dialog).toHaveCount(0);
  // Fit view shows the densest readable part of the 150 tables, which need not hold `users`;
  // the canvas draws only what is in view.
  await expect(page.getByTestId('table-node').first()).toBeVisible();
  await expect(table(page, 'order_products')).toHaveCount(0);
  await expect.poll(async () => (await designOnDisk(retort.projectDir)).tables.length).toBe(150);
  const imported = await designOnDisk(retort.projectDir);
  expect(imported.tables.map((t) => t.name)).toContain('users');
  expect(imported.tables.map((t) => t.name)).not.toContain('order_products');
  const before = edgeCrossings(imported, {});
  await page.screenshot({ path: info.outputPath('import-150-before-layout.png') });
  await overview(page, info.outputPath('import-150-before-layout-overview.png'));

  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect
    .poll(
      async () => {
        const saved = await designOnDisk(retort.projectDir);
        return JSON.stringify(saved.tables.map((t) => t.position));
      },
      { timeout: 120_000 },
    )
    .not.toBe(JSON.stringify(imported.tables.map((t) => t.position)));
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const laidOut = await designOnDisk(retort.projectDir);
  const after = edgeCrossings(laidOut, {});
  info.annotations.push({
    type: 'edge crossings',
    description: `${before} before, ${after} after`,
  });
  console.log(`150-table SQL import: ${before} edge crossings before auto layout, ${after} after`);
  expect(after).toBeLessThan(before);
  await page.screenshot({ path: info.outputPath('import-150-after-layout-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: info.outputPath('import-150-after-layout-dark.png') });
  await overview(page, info.outputPath('import-150-after-layout-overview-dark.png'));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: info.outputPath('import-150-after-layout-overview-light.png') });
});

const DBML = `Project shop_extras {
  database_type: 'PostgreSQL'
}

Enum visit_kind {
  walk_in
  online
}

Table users {
  id bigint [pk, increment]
  email varchar(320) [not null, unique]
}

Table places {
  id integer [pk, increment]
  name text [not null, note: 'as shown on the map']
  outline gis.geometry
}

Table visits {
  id bigint [pk, increment]
  place_id integer [not null, ref: > places.id]
  user_id bigint [ref: > users.id]
  kind visit_kind [not null, default: 'walk_in']
  at timestamptz [not null, default: \`now()\`]
}
`;

test('a DBML file is chosen, previewed with its conflicts and what it leaves out, merged, and undone in one step', async ({
  page,
  retort,
}, info) => {
  const file = info.outputPath('extras.dbml');
  await writeFile(file, DBML);
  await openExample(page);
  const dialog = await openImport(page);
  await dialog.getByLabel('Choose a file to import').setInputFiles(file);
  await expect(dialog.getByTestId('import-file-name')).toHaveText('extras.dbml');
  await expect(dialog.getByRole('radio', { name: 'DBML' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  // The first DBML read loads the DBML parser on the server.
  await expect(dialog.getByTestId('import-summary')).toHaveText(
    '3 tables, 1 enum, 9 columns to add.',
    { timeout: 120_000 },
  );
  await expect(dialog.getByTestId('import-conflicts')).toContainText(
    'table users is added as users_1',
  );
  await expect(dialog.getByTestId('import-left-out')).toContainText(
    'column places.outline: type gis.geometry is in schema gis; left out',
  );
  await page.screenshot({ path: info.outputPath('import-preview-dbml-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: info.outputPath('import-preview-dbml-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await expect(dialog.getByRole('radio', { name: 'Merge into the current design' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Import 3 tables' }).click();
  await expect(dialog).toHaveCount(0);
  // The view goes to the imported tables.
  for (const name of ['users_1', 'places', 'visits']) await expect(table(page, name)).toBeVisible();
  await expect
    .poll(async () => (await designOnDisk(retort.projectDir)).tables.map((t) => t.name))
    .toEqual(['users', 'orders', 'products', 'order_products', 'users_1', 'places', 'visits']);
  const saved = await designOnDisk(retort.projectDir);
  const visits = saved.tables.find((t) => t.name === 'visits')!;
  const users1 = saved.tables.find((t) => t.name === 'users_1')!;
  expect(visits.foreignKeys.map((fk) => fk.references.table)).toContain(users1.id);
  expect(saved.enums.map((e) => e.name)).toContain('visit_kind');
  // Placed on free canvas, right of every table that was there.
  const right = Math.max(...saved.tables.slice(0, 4).map((t) => t.position!.x));
  for (const t of saved.tables.slice(4)) expect(t.position!.x).toBeGreaterThan(right);
  await page.screenshot({ path: info.outputPath('import-dbml-merged.png') });

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(table(page, 'visits')).toHaveCount(0);
  await expect.poll(async () => (await designOnDisk(retort.projectDir)).tables.length).toBe(4);
});

test('the design downloads as DBML and Mermaid, and copies as Mermaid', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openExample(page);
  const exportMenu = page.getByRole('button', { name: 'Export ▾' });

  await exportMenu.click();
  const dbmlDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download DBML (schema.dbml)' }).click();
  const dbml = await dbmlDownload;
  expect(dbml.suggestedFilename()).toBe('schema.dbml');
  const dbmlText = await readFile((await dbml.path())!, 'utf8');
  expect(dbmlText).toContain('Table users {\n  telegram_id bigint [pk]\n');
  expect(dbmlText).toMatch(/^Ref: orders\.user_id > users\.telegram_id/m);

  await exportMenu.click();
  const mermaidDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download Mermaid (schema.mmd)' }).click();
  const mermaid = await readFile((await (await mermaidDownload).path())!, 'utf8');
  expect(mermaid.startsWith('erDiagram\n')).toBe(true);
  expect(mermaid).toContain('    users ||..o{ orders : "user_id"');

  await exportMenu.press('Enter');
  await page.getByRole('menuitem', { name: 'Copy Mermaid' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(mermaid);
});
