import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Design } from '@retort/core';
import { validateDesign } from '@retort/core';
import { getNodesBounds, type Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { clearFit } from './readable-fit';
import { TABLE_WIDTH, tableBoxHeight } from './table-size';

const shopFile = fileURLToPath(new URL('../../../../examples/shop/design.json', import.meta.url));
const shop = (): Design => validateDesign(JSON.parse(readFileSync(shopFile, 'utf8'))).design!;

const nodesOf = (design: Design): Node[] =>
  design.tables.map((t) => ({
    id: t.id,
    position: t.position!,
    data: {},
    width: TABLE_WIDTH,
    height: tableBoxHeight(t),
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

describe('readableFit', () => {
  it('fits the densest screenful of a large diagram, not one table alone', async () => {
    const { relationalDesign } = await import('@retort/testing/large-design');
    const design = relationalDesign(150);
    // A sparse grid with one dense corner, where the fit should land.
    const laidOut = {
      ...design,
      tables: design.tables.map((t, i) => ({
        ...t,
        position:
          i < 12
            ? { x: 6000 + (i % 4) * 280, y: 6000 + Math.floor(i / 4) * 320 }
            : { x: (i % 14) * 420, y: Math.floor(i / 14) * 460 },
      })),
    };
    const view = { width: 880 - 56 - 232, height: 756 - 48 };
    const { fit } = clearFit(
      laidOut,
      nodesOf(laidOut),
      view,
      [{ top: 0, right: 0, bottom: 0, left: 0 }],
      0.5,
    );
    expect(fit.nodes?.length).toBeGreaterThanOrEqual(8);
    expect(fit.nodes!.every((n) => n.position.x >= 6000)).toBe(true);
    expect(fit.maxZoom).toBe(0.5);
    const bounds = getNodesBounds(fit.nodes!);
    expect(Math.min(view.width / bounds.width, view.height / bounds.height)).toBeGreaterThanOrEqual(
      0.5,
    );
  });
});
