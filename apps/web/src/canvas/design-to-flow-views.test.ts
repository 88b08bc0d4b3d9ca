import type { Design } from '@retort/core';
import { objectsDesign } from '@retort/testing/objects-design';
import { describe, expect, it } from 'vitest';
import {
  DEPENDENCY_IN,
  DEPENDENCY_OUT,
  designToFlow,
  type TableFlowNode,
  type ViewFlowNode,
} from './design-to-flow';

const design = (): Design => {
  const d = objectsDesign();
  return {
    ...d,
    tables: d.tables.map((t) => ({ ...t, position: { x: 0, y: 0 } })),
    objects: d.objects!.map((o) =>
      o.id === 'o_rich'
        ? { ...o, position: { x: 400, y: 0 } }
        : o.id === 'o_richest'
          ? { ...o, position: { x: 800, y: 0 } }
          : o,
    ),
  };
};

describe('designToFlow with views', () => {
  it('draws each view as a view node, after the tables; functions and triggers are not drawn', () => {
    const { nodes } = designToFlow(design(), [], null);
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      ['t_accounts', 'table'],
      ['o_rich', 'view'],
      ['o_richest', 'view'],
    ]);
    const rich = nodes[1] as ViewFlowNode;
    expect(rich.position).toEqual({ x: 400, y: 0 });
    expect(rich.data.view.name).toBe('rich_accounts');
    expect(rich.data.read).toBe(true);
    expect((nodes[2] as ViewFlowNode).data.read).toBe(false);
  });

  it('joins each view to what it reads by a dependency edge, on the facing sides', () => {
    const { nodes, edges } = designToFlow(design(), [], null);
    const reads = edges.filter((e) => e.type === 'dependency');
    expect(reads.map((e) => [e.source, e.target, e.sourceHandle, e.targetHandle])).toEqual([
      ['o_rich', 't_accounts', `${DEPENDENCY_OUT}-left`, `${DEPENDENCY_IN}-right`],
      ['o_richest', 'o_rich', `${DEPENDENCY_OUT}-left`, `${DEPENDENCY_IN}-right`],
    ]);
    expect(reads.every((e) => e.className === 'reads-edge')).toBe(true);
    const table = nodes[0] as TableFlowNode;
    expect(table.data.readByView).toBe(true);
    expect(table.handles!.map((h) => h.id)).toContain(`${DEPENDENCY_IN}-left`);
  });

  it('reuses unchanged nodes and edges, and rebuilds only the view that moved or is selected', () => {
    const first = designToFlow(design(), [], null);
    const d = design();
    const again = designToFlow(d, [], null, { previous: first });
    // New design objects with equal content are new data: only the identical ones are reused.
    const sameInputs = designToFlow(d, [], null, { previous: again });
    for (const [i, n] of sameInputs.nodes.entries()) expect(n).toBe(again.nodes[i]);
    for (const [i, e] of sameInputs.edges.entries()) expect(e).toBe(again.edges[i]);
    const selected = designToFlow(d, [], { kind: 'object', id: 'o_rich' }, { previous: again });
    expect(selected.nodes.filter((n, i) => n !== again.nodes[i]).map((n) => n.id)).toEqual([
      'o_rich',
    ]);
    expect(selected.nodes[1]!.selected).toBe(true);
  });

  it('a design without views draws what it drew before', () => {
    const { objects: _none, ...plain } = design();
    const graph = designToFlow(plain, [], null);
    expect(graph.nodes.map((n) => n.type)).toEqual(['table']);
    expect((graph.nodes[0] as TableFlowNode).data.readByView).toBe(false);
    expect(graph.edges).toEqual([]);
  });
});
