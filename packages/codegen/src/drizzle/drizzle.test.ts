import { toCatalog } from '@retort/core';
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { objectsDesign, withViewColumns } from '@retort/testing/objects-design';
import { describe, expect, it } from 'vitest';
import { awkwardDesign } from '../testing/awkward-design';
import { columnFeaturesDesign } from '../testing/column-features-design';
import { goldenFolder } from '../testing/golden';
import { emitDrizzle } from './emit';

const expectGolden = goldenFolder(new URL('./golden/', import.meta.url));

describe('emitDrizzle', () => {
  it('renders identity, generated and collated columns, with a comment for what it cannot say', () => {
    expectGolden('column-features.schema.ts', emitDrizzle(columnFeaturesDesign));
  });

  it('renders views with the columns Postgres reported (or none known), and a comment for the other objects', () => {
    expectGolden('objects.schema.ts', emitDrizzle(withViewColumns(objectsDesign())));
  });

  it('renders the shop example as the golden schema.ts', () => {
    expectGolden('shop.schema.ts', emitDrizzle(loadShopDesign()));
  });

  it('renders the every-feature design as the golden schema.ts', () => {
    expectGolden('every-feature.schema.ts', emitDrizzle(everyFeatureDesign));
  });

  it('renders awkward names as quoted strings and safe identifiers', () => {
    expectGolden('awkward.schema.ts', emitDrizzle(awkwardDesign));
  });

  it("names every constraint and index with Retort's resolved name", () => {
    const out = emitDrizzle(everyFeatureDesign);
    for (const table of toCatalog(everyFeatureDesign).tables) {
      const names = [
        ...(table.primaryKey && table.primaryKey.columns.length > 1 ? [table.primaryKey.name] : []),
        ...table.foreignKeys.map((c) => c.name),
        ...table.uniques.map((c) => c.name),
        ...table.indexes.map((c) => c.name),
        ...table.checks.map((c) => c.name),
      ];
      for (const name of names) expect(out).toContain(`'${name}'`);
    }
  });

  it('declares a foreign key with its actions and leaves NO ACTION unsaid', () => {
    const out = emitDrizzle(everyFeatureDesign);
    expect(out).toContain(
      "foreignKey({\n      name: 'shipments_customer_email_fk',\n      columns: [t.customerEmail],\n      foreignColumns: [customers.email],\n    }).onDelete('set default').onUpdate('cascade'),",
    );
    expect(out).not.toContain("'no action'");
  });

  it('refers to its own columns through the callback argument in a self-reference', () => {
    expect(emitDrizzle(loadShopDesign())).toContain('foreignColumns: [t.telegramId],');
  });

  it('annotates the constraints callback of tables in a foreign-key cycle only', () => {
    const out = emitDrizzle(everyFeatureDesign);
    expect(out.match(/\(t\): PgTableExtraConfigValue\[\] =>/g)).toHaveLength(2);
    expect(out).toContain("'teams',");
  });
});
