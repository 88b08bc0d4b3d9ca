import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Design } from '@retort/core';
import { validateDesign } from '@retort/core';
import type { Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { clearFit } from './readable-fit';
import { TABLE_WIDTH, tableHeight } from './table-size';

const shopFile = fileURLToPath(new URL('../../../../examples/shop/design.json', import.meta.url));
const shop = (): Design => validateDesign(JSON.parse(readFileSync(shopFile, 'utf8'))).design!;

const nodesOf = (design: Design): Node[] =>
  design.tables.map((t) => ({
    id: t.id,
    position: t.position!,
    data: {},
    width: TABLE_WIDTH,
    height: tableHeight(t.columns.length),
  }));

const beside = { top: 24, right: 232, bottom: 24, left: 56 };
const above = { top: 24, right: 24, bottom: 182, left: 24 };

describe('clearFit', () => {
  it('fits a wide diagram above the minimap, where it is shown larger than beside it', () => {
    const design = shop(); // 1080 wide, about 230 high
    const { insets } = clearFit(
      design,
      nodesOf(design),
      { width: 880, height: 756 },
      [beside, above],
      0.5,
    );
    expect(insets).toBe(above);
  });

  it('fits a tall diagram beside the minimap', () => {
    const design = shop();
    const tall = {
      ...design,
      tables: design.tables.map((t, i) => ({ ...t, position: { x: 0, y: i * 260 } })),
    };
    const { insets } = clearFit(
      tall,
      nodesOf(tall),
      { width: 880, height: 756 },
      [beside, above],
      0.5,
    );
    expect(insets).toBe(beside);
  });
});
