import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { awkwardDesign } from '../testing/awkward-design';
import { goldenFolder } from '../testing/golden';
import { designToDbml } from './emit';

const expectGolden = goldenFolder(new URL('./golden/', import.meta.url));

describe('designToDbml', () => {
  it('renders the shop example as the golden schema.dbml', () => {
    expectGolden('shop.dbml', designToDbml(loadShopDesign()));
  });

  it('renders the every-feature design as the golden schema.dbml', () => {
    expectGolden('every-feature.dbml', designToDbml(everyFeatureDesign));
  });

  it('quotes awkward names and says which expressions DBML cannot hold', () => {
    const out = designToDbml(awkwardDesign);
    expectGolden('awkward.dbml', out);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the name holds a literal ${x}
    expect(out).toContain('  "2fa code" text [note: \'back`tick ${x}\']');
    expect(out).toContain('    // check not expressible in DBML (it holds a backquote)');
  });

  it('writes foreign keys as Ref lines with their actions, one-to-one when the key is unique', () => {
    const out = designToDbml(everyFeatureDesign);
    expect(out).toMatch(/^Ref: orders\.customer_id > customers\.id \[delete: cascade\]$/m);
    expect(out).not.toMatch(/^Ref.*<>/m);
    const shop = loadShopDesign();
    const orders = shop.tables.find((t) => t.name === 'orders')!;
    const userId = orders.columns.find((c) => c.name === 'user_id')!;
    userId.unique = true;
    expect(designToDbml(shop)).toMatch(/^Ref: orders\.user_id - users\.telegram_id/m);
  });
});
