import { type Design, diff } from '@retort/core';
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { tutorialChanges, tutorialRevisions } from '@retort/testing/tutorial';
import { describe, expect, it } from 'vitest';
import { quirksDesign } from '../interop/quirks-design';
import { goldenFolder } from '../testing/golden';
import { emitSql, quoteName, renderMigrationSql, renderOperationSql } from '.';

const expectGolden = goldenFolder(new URL('./golden/', import.meta.url));

function migrationText(sql: { upgrade: string[]; downgrade: string[] }): string {
  const block = (title: string, list: string[]) =>
    `-- ${title}\n\n${list.map((s) => `${s};\n`).join('\n')}`;
  return `${block('upgrade', sql.upgrade)}\n${block('downgrade', sql.downgrade)}`;
}

describe('emitSql', () => {
  it('writes the shop as the tutorial’s tables, each key named as Postgres names it', () => {
    expectGolden('shop.sql', emitSql(loadShopDesign()));
  });

  it('writes every feature: enums first, tables in key order, the cycle keys after', () => {
    const sql = emitSql(everyFeatureDesign);
    expectGolden('every-feature.sql', sql);
    expect(sql.indexOf('CREATE TYPE')).toBeLessThan(sql.indexOf('CREATE TABLE'));
    expect(sql).toMatch(
      /ALTER TABLE \w+ ADD CONSTRAINT (teams_lead_member_id_fkey|members_team_id_fkey) FOREIGN KEY/,
    );
  });

  it('quotes only the names that need it', () => {
    const sql = emitSql(quirksDesign);
    expectGolden('quirks.sql', sql);
    expect(sql).toContain('class TEXT NOT NULL');
    expect(sql).toContain('"from" INTEGER');
    expect(sql).toContain('CREATE TABLE index (');
    expect(quoteName('users')).toBe('users');
    expect(quoteName('Users')).toBe('"Users"');
    expect(quoteName('order')).toBe('"order"');
    expect(quoteName('time')).toBe('"time"');
    expect(quoteName('a"b')).toBe('"a""b"');
  });
});

describe('the tutorial’s evolution', () => {
  const shop = loadShopDesign();

  it('the first revision creates the four tables', () => {
    const [first] = tutorialRevisions(shop);
    expect(first!.operations.map((op) => op.kind)).toEqual([
      'create_table',
      'create_table',
      'create_table',
      'create_table',
    ]);
    expectGolden('tutorial-initial.sql', migrationText(renderMigrationSql(first!.operations)));
  });

  it('the second has exactly two type changes and one added column', () => {
    const ops = diff(shop, tutorialChanges(shop));
    expect(ops.map((op) => op.kind).sort()).toEqual(['add_column', 'alter_column', 'alter_column']);
    const sql = renderMigrationSql(ops);
    expect(sql.upgrade).toContain('ALTER TABLE users ALTER COLUMN language_code TYPE VARCHAR(10)');
    expect(sql.upgrade).toContain(
      'ALTER TABLE products ALTER COLUMN description TYPE VARCHAR(3000)',
    );
    expect(sql.upgrade).toContain('ALTER TABLE users ADD COLUMN phone_number VARCHAR(50)');
    expect(sql.downgrade).toContain('ALTER TABLE products ALTER COLUMN description TYPE TEXT');
    expect(sql.downgrade).toContain('ALTER TABLE users DROP COLUMN phone_number');
    expectGolden('tutorial-second.sql', migrationText(sql));
  });
});

describe('renderOperationSql', () => {
  const column = {
    name: 'code',
    type: 'VARCHAR(40)',
    nullable: true,
    default: "'x'",
    autoincrement: false,
    comment: null,
  };

  it('casts with USING where Postgres cannot, and drops a default it could not cast', () => {
    expect(
      renderOperationSql({
        kind: 'alter_column',
        table: 'items',
        before: column,
        after: { ...column, type: 'INTEGER', default: '0' },
      }),
    ).toEqual([
      'ALTER TABLE items ALTER COLUMN code DROP DEFAULT',
      'ALTER TABLE items ALTER COLUMN code TYPE INTEGER USING code::INTEGER',
      'ALTER TABLE items ALTER COLUMN code SET DEFAULT 0',
    ]);
  });

  it('adds enum values in place, keeping their order', () => {
    expect(
      renderOperationSql({
        kind: 'alter_enum',
        name: 'status',
        before: ['new', 'done'],
        after: ['draft', 'new', 'paid', 'done'],
        renames: [],
        usages: [],
      }),
    ).toEqual([
      "ALTER TYPE status ADD VALUE 'draft' BEFORE 'new'",
      "ALTER TYPE status ADD VALUE 'paid' AFTER 'new'",
    ]);
  });

  it('renames an enum value, and recreates the type when values go', () => {
    expect(
      renderOperationSql({
        kind: 'alter_enum',
        name: 'status',
        before: ['new', 'done'],
        after: ['new', 'closed'],
        renames: [{ from: 'done', to: 'closed' }],
        usages: [],
      }),
    ).toEqual(["ALTER TYPE status RENAME VALUE 'done' TO 'closed'"]);
    expect(
      renderOperationSql({
        kind: 'alter_enum',
        name: 'status',
        before: ['new', 'done', 'old'],
        after: ['done', 'new'],
        renames: [],
        usages: [{ table: 'orders', column: 'state', default: "'new'", array: false }],
      }),
    ).toEqual([
      "CREATE TYPE status_new AS ENUM ('done', 'new')",
      'ALTER TABLE orders ALTER COLUMN state DROP DEFAULT',
      'ALTER TABLE orders ALTER COLUMN state TYPE status_new USING state::text::status_new',
      'DROP TYPE status',
      'ALTER TYPE status_new RENAME TO status',
      "ALTER TABLE orders ALTER COLUMN state SET DEFAULT 'new'",
    ]);
  });

  it('brings a renamed table’s default key names along', () => {
    const a: Design = loadShopDesign();
    const b = structuredClone(a);
    b.tables.find((t) => t.name === 'products')!.name = 'goods';
    // Either order is valid: the constraint is renamed through whichever table name is current.
    expect(renderMigrationSql(diff(a, b)).upgrade).toEqual([
      'ALTER TABLE products RENAME CONSTRAINT products_pkey TO goods_pkey',
      'ALTER TABLE products RENAME TO goods',
    ]);
    expect(renderMigrationSql(diff(b, a)).upgrade).toEqual([
      'ALTER TABLE goods RENAME TO products',
      'ALTER TABLE products RENAME CONSTRAINT goods_pkey TO products_pkey',
    ]);
  });
});
