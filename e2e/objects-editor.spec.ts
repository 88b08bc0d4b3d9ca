/**
 * Views written in the SQL editor: checked on the server's scratch Postgres (a refusal marked
 * at its line), drawn on the canvas with an edge to the table they read, applied, and carried
 * through a change of that table's column by a revision that drops the view and creates it
 * again around the change. The database's catalog is read after each apply.
 */
import type { Page } from '@playwright/test';
import { openExample, row } from './editor-page';
import { expect, type RetortServer, test } from './fixtures';
import { connectToProjectDatabase } from './project-database';

interface ProjectInfo {
  database: { kind: string; description: string };
  current: string | null;
  head: string | null;
  drift: { differences: string[] } | null;
}

const view = (page: Page, name: string) =>
  page.locator(`[data-testid="view-node"][data-view-name="${name}"]`);

/** Replaces the SQL editor's text, as typing it would. */
async function writeSql(page: Page, sql: string) {
  const editor = page.getByTestId('object-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

/** What the database says about the view, and the type of the column it reads. */
async function catalog(retort: RetortServer) {
  const project = await retort.api<ProjectInfo>('GET', '/api/project');
  if (project.database.kind !== 'postgres') return { project, view: null, type: null };
  const db = await connectToProjectDatabase(project.database.description);
  try {
    const views = await db.query<{ definition: string }>(
      "SELECT definition FROM pg_views WHERE schemaname = 'public' AND viewname = 'recent_orders'",
    );
    const type = await db.query<{ type: string }>(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
        WHERE attrelid = 'orders'::regclass AND attname = 'created_at'`,
    );
    return { project, view: views.rows[0]?.definition ?? null, type: type.rows[0]?.type ?? null };
  } finally {
    await db.end();
  }
}

async function applyPending(page: Page, message: string) {
  await page.getByLabel('Revision message').fill(message);
  await page.getByRole('button', { name: 'Create revision' }).click();
  await expect(page.getByTestId('no-pending')).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  const dialog = page.getByTestId('run-dialog');
  await expect(dialog.getByTestId('code-run-sql')).toBeVisible();
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('run-outcome')).toContainText('Upgraded');
}

test('a view written in the SQL editor is drawn with its edge, applied, and dropped and created again around a change of its table', async ({
  page,
  retort,
}, info) => {
  await openExample(page);
  await page.getByRole('tab', { name: 'Objects' }).click();
  await page.getByLabel('Kind of new object').selectOption('view');
  await page.getByRole('button', { name: 'New…' }).click();
  const editor = page.getByTestId('object-editor');
  await expect(editor.locator('.cm-content')).toContainText('CREATE VIEW');

  // Postgres' refusal stays in the editor, marked at the line it points at.
  await writeSql(
    page,
    "CREATE VIEW recent_orders AS\nSELECT order_id, user_id, placed_at\n  FROM orders\n WHERE created_at > now() - interval '7 days';",
  );
  await editor.getByRole('button', { name: 'Check and save' }).click();
  await expect(page.getByTestId('object-editor-error')).toHaveText(
    'Postgres refused the statement at line 2: column "placed_at" does not exist.',
  );
  await expect(editor.locator('.cm-lint-marker-error')).toHaveCount(1);
  await page.screenshot({ path: `test-results/objects-editor-refusal-${info.project.name}.png` });

  await writeSql(
    page,
    "CREATE VIEW recent_orders AS\nSELECT order_id, user_id, created_at\n  FROM orders\n WHERE created_at > now() - interval '7 days';",
  );
  await editor.getByRole('button', { name: 'Check and save' }).click();
  await expect(editor).toHaveCount(0);

  // On the canvas, with a dashed edge to the table it reads; in the inspector as Postgres prints it.
  await expect(view(page, 'recent_orders')).toBeVisible();
  await expect(view(page, 'recent_orders')).toContainText('VIEW');
  await expect(page.locator('.react-flow__edge.reads-edge')).toHaveCount(1);
  const inspector = page.getByTestId('object-inspector');
  await expect(inspector.getByTestId('object-name')).toHaveText('public.recent_orders');
  await expect(inspector.getByRole('list', { name: 'Depends on' })).toHaveText('table orders');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.screenshot({ path: `test-results/objects-editor-canvas-${info.project.name}.png` });

  // The find palette finds it; the Objects tab lists it.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await page.keyboard.press('/');
  await page.getByRole('combobox', { name: 'Find a table, column, area or note' }).fill('recent');
  await expect(page.getByTestId('find-result').first()).toHaveText(/view\s*recent_orders/);
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Objects' }).click();
  await expect(page.getByRole('list', { name: 'Views' })).toContainText('recent_orders');

  // Review and apply: the view is created on the database.
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(
    page.getByTestId('operation').filter({ hasText: 'Create view public.recent_orders' }),
  ).toHaveCount(1);
  await applyPending(page, 'recent orders view');
  const created = await catalog(retort);
  expect(created.project.current).toBe(created.project.head);
  expect(created.project.drift?.differences ?? []).toEqual([]);
  if (created.project.database.kind === 'postgres') {
    expect(created.view).toContain('FROM orders');
    expect(created.type).toBe('timestamp without time zone');
  }

  // A change to the column the view reads: dropped before, created again after.
  await row(page, 'orders', 'created_at').click();
  const type = page.getByLabel('Column type');
  await type.fill('TIMESTAMPTZ');
  await type.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByRole('tab', { name: 'Review' }).click();
  const operations = page.getByTestId('operation');
  await expect(operations.nth(0)).toContainText('Drop view public.recent_orders (to change');
  await expect(operations.nth(1)).toContainText(
    'Change type of orders.created_at from TIMESTAMP to TIMESTAMPTZ',
  );
  await expect(operations.nth(2)).toContainText('Create again view public.recent_orders');
  await page.screenshot({ path: `test-results/objects-editor-review-${info.project.name}.png` });
  await applyPending(page, 'orders in time zones');
  const changed = await catalog(retort);
  expect(changed.project.current).toBe(changed.project.head);
  expect(changed.project.drift?.differences ?? []).toEqual([]);
  if (changed.project.database.kind === 'postgres') {
    expect(changed.view).toContain('FROM orders');
    expect(changed.type).toBe('timestamp with time zone');
  }
  await expect(view(page, 'recent_orders')).toBeVisible();
});
