import type { Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { frameOf, outlines } from './overview-geometry';

const node = (id: string, x: number, y: number, extra: Partial<Node> = {}): Node => ({
  id,
  position: { x, y },
  data: {},
  measured: { width: 280, height: 100 },
  ...extra,
});

describe('overview geometry', () => {
  const nodes = [node('a', 0, 0), node('b', 1000, 500), node('c', 400, 200, { selected: true })];

  it('frames the nodes together with the view, wherever the view is', () => {
    // The view (1280 by 800 pixels at zoom 0.5) holds every node: the frame is the view.
    const frame = frameOf({ transform: [100, 50, 0.5], width: 1280, height: 800, nodes });
    expect(frame.view).toEqual({ x: -200, y: -100, width: 2560, height: 1600 });
    expect(frame.bounds).toEqual({ x: -200, y: -100, width: 2560, height: 1600 });
    // Zoomed in on the middle: the nodes' bounds (0,0 to 1280,600) alone.
    const inside = frameOf({ transform: [-500, -300, 2], width: 100, height: 50, nodes });
    expect(inside.bounds).toEqual({ x: 0, y: 0, width: 1280, height: 600 });
  });

  it('frames the view alone when no node has a size yet', () => {
    const unmeasured = [{ id: 'x', position: { x: 0, y: 0 }, data: {} }];
    const frame = frameOf({ transform: [0, 0, 1], width: 200, height: 100, nodes: unmeasured });
    expect(frame.bounds).toEqual(frame.view);
  });

  it('draws one outline per visible node, the selected ones apart', () => {
    const { plain, selected } = outlines([...nodes, node('hidden', 5, 5, { hidden: true })]);
    expect(plain.match(/M/g)).toHaveLength(2);
    expect(selected.match(/M/g)).toHaveLength(1);
    expect(plain.startsWith('M6,0h268a6,6 0 0 1 6,6v88')).toBe(true);
    expect(selected.startsWith('M406,200')).toBe(true);
  });
});
