import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { objectsDesign, withViewColumns } from '@retort/testing/objects-design';
import { describe, expect, it } from 'vitest';
import { awkwardDesign } from '../testing/awkward-design';
import { columnFeaturesDesign } from '../testing/column-features-design';
import { goldenFolder } from '../testing/golden';
import { emitKysely } from './emit';

const expectGolden = goldenFolder(new URL('./golden/', import.meta.url));

describe('emitKysely', () => {
  it('renders identity, generated and collated columns, with a comment for what it cannot say', () => {
    expectGolden('column-features.database.ts', emitKysely(columnFeaturesDesign));
  });

  it('renders views with the columns Postgres reported (or none known), and a comment for the other objects', () => {
    expectGolden('objects.database.ts', emitKysely(withViewColumns(objectsDesign())));
  });

  it('renders the shop example as the golden database.ts', () => {
    expectGolden('shop.database.ts', emitKysely(loadShopDesign()));
  });

  it('renders the every-feature design as the golden database.ts', () => {
    expectGolden('every-feature.database.ts', emitKysely(everyFeatureDesign));
  });

  it('renders awkward names as quoted property keys', () => {
    expectGolden('awkward.database.ts', emitKysely(awkwardDesign));
  });

  it('keys the Database interface by table name and the tables by column name', () => {
    const out = emitKysely(loadShopDesign());
    expect(out).toContain(
      'export interface Database {\n  order_products: OrderProduct;\n  orders: Order;',
    );
    expect(out).toContain('  telegram_id: Int8;\n  full_name: string;\n  username: string | null;');
  });

  it('marks serials and server defaults Generated, and nothing else', () => {
    const out = emitKysely(everyFeatureDesign);
    expect(out).toContain(
      '  order_id: Generated<number>;\n  customer_id: Int8;\n  status: Generated<OrderStatus>;',
    );
    expect(out).toContain('  current_mood: Generated<Mood | null>;');
    expect(out).toContain('  notes: string | null;');
  });

  it('declares only the helper types it uses', () => {
    const out = emitKysely(loadShopDesign());
    expect(out).not.toContain('export type Json');
    expect(out).not.toContain('export type Numeric');
    expect(out).toContain(
      'export type Timestamp = ColumnType<Date, Date | string, Date | string>;',
    );
  });
});
