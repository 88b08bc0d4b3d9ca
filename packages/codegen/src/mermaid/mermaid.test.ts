import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { awkwardDesign } from '../testing/awkward-design';
import { goldenFolder } from '../testing/golden';
import { designToMermaid } from './emit';

const expectGolden = goldenFolder(new URL('./golden/', import.meta.url));

describe('designToMermaid', () => {
  it('renders the shop example as the golden erDiagram', () => {
    expectGolden('shop.mmd', designToMermaid(loadShopDesign()));
  });

  it('renders the every-feature design as the golden erDiagram', () => {
    expectGolden('every-feature.mmd', designToMermaid(everyFeatureDesign));
  });

  it('spells awkward names as Mermaid words and keeps the real name in the comment', () => {
    const out = designToMermaid(awkwardDesign);
    expectGolden('awkward.mmd', out);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the name holds a literal ${x}
    expect(out).toContain('        text _2fa_code "2fa code; back`tick ${x}"');
  });

  it('marks keys and draws cardinality from nullability and uniqueness', () => {
    const out = designToMermaid(loadShopDesign());
    expect(out.startsWith('erDiagram\n')).toBe(true);
    expect(out).toMatch(/^ {8}bigint telegram_id PK$/m);
    expect(out).toMatch(/^ {4}users \|\|\.\.o\{ orders : "user_id"$/m);
  });
});
