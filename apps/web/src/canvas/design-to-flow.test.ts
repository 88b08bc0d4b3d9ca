import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Design } from '@retort/core';
import { updateColumn, validateDesign } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { designProblems } from '../store/design-problems';
import {
  designToFlow as deriveFlow,
  type ForeignKeyFlowEdge,
  type TableFlowNode,
} from './design-to-flow';

/** The shop has no views: every node is a table, every edge a foreign key. */
const designToFlow = (...args: Parameters<typeof deriveFlow>) =>
  deriveFlow(...args) as { nodes: TableFlowNode[]; edges: ForeignKeyFlowEdge[] };

const shopFile = fileURLToPath(new URL('../../../../examples/shop/design.json', import.meta.url));
const shop = (): Design => validateDesign(JSON.parse(readFileSync(shopFile, 'utf8'))).design!;

describe('designToFlow', () => {
  it('derives the same node and edge objects again when nothing changed', () => {
    const design = shop();
    const first = designToFlow(design, [], null);
    const again = designToFlow(design, [], null, { previous: first });
    for (const [i, node] of again.nodes.entries()) expect(node).toBe(first.nodes[i]);
    for (const [i, edge] of again.edges.entries()) expect(edge).toBe(first.edges[i]);
    expect(again.edges.map((e) => e.label)).toEqual([
      'ON DELETE SET NULL',
      'ON DELETE CASCADE',
      'ON DELETE CASCADE',
      'ON DELETE RESTRICT',
    ]);
  });

  it('the tutorial shop is four table nodes and four foreign-key edges between column handles', () => {
    const design = shop();
    const { nodes, edges } = designToFlow(design, [], null);
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ['t_users', 'table', { x: 0, y: 40 }],
      ['t_orders', 'table', { x: 400, y: 0 }],
      ['t_products', 'table', { x: 400, y: 240 }],
      ['t_order_products', 'table', { x: 800, y: 0 }],
    ]);
    // Edges leave and enter on the sides of the tables that face each other; a table that
    // references itself loops on its right.
    expect(edges.map((e) => [e.source, e.sourceHandle, e.target, e.targetHandle])).toEqual([
      ['t_users', 'c_users_referrer_id', 't_users', 'c_users_telegram_id@right'],
      ['t_orders', 'c_orders_user_id@left', 't_users', 'c_users_telegram_id@right'],
      ['t_order_products', 'c_order_products_order_id@left', 't_orders', 'c_orders_order_id@right'],
      [
        't_order_products',
        'c_order_products_product_id@left',
        't_products',
        'c_products_product_id@right',
      ],
    ]);
    expect(edges.every((e) => e.type === 'foreignKey' && e.className === 'fk-edge')).toBe(true);
    expect(edges.map((e) => e.label)).toEqual([
      'ON DELETE SET NULL',
      'ON DELETE CASCADE',
      'ON DELETE CASCADE',
      'ON DELETE RESTRICT',
    ]);
    expect(nodes[1]!.data.foreignKeyColumns).toEqual(['c_orders_user_id']);
  });

  it('the selection marks its node, row or edge', () => {
    const design = shop();
    const byTable = designToFlow(design, [], { kind: 'table', id: 't_orders' });
    expect(byTable.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['t_orders']);
    const byColumn = designToFlow(design, [], {
      kind: 'column',
      tableId: 't_users',
      id: 'c_users_username',
    });
    expect(byColumn.nodes[0]!.data.selectedColumnId).toBe('c_users_username');
    expect(byColumn.nodes.some((n) => n.selected)).toBe(false);
    const fkId = design.tables[1]!.foreignKeys[0]!.id;
    const byEdge = designToFlow(design, [], { kind: 'foreignKey', tableId: 't_orders', id: fkId });
    expect(byEdge.edges.filter((e) => e.selected).map((e) => e.id)).toEqual([fkId]);
  });

  it('problems land on the table that holds them and on the offending row', () => {
    const design = updateColumn(shop(), 't_users', 'c_users_username', { type: 'varchar(10' });
    const problems = designProblems(design);
    expect(problems.length).toBeGreaterThan(0);
    const { nodes } = designToFlow(design, problems, null);
    const users = nodes.find((n) => n.id === 't_users')!;
    expect(users.data.problems.map((p) => p.path)).toContain('tables[0].columns[2].type');
    expect(users.data.columnProblems.c_users_username).toHaveLength(1);
    expect(nodes.filter((n) => n.data.problems.length > 0).map((n) => n.id)).toEqual(['t_users']);
  });

  it('an edge to a table on the right leaves from the right and enters on the left', () => {
    const design = shop();
    const moved = {
      ...design,
      tables: design.tables.map((t) =>
        t.id === 't_users' ? { ...t, position: { x: 800, y: 400 } } : t,
      ),
    };
    const edge = designToFlow(moved, [], null).edges.find((e) => e.source === 't_orders')!;
    expect([edge.sourceHandle, edge.targetHandle]).toEqual([
      'c_orders_user_id',
      'c_users_telegram_id',
    ]);
  });

  it('a foreign key with a type mismatch is drawn as a problem edge', () => {
    const mismatched = updateColumn(shop(), 't_orders', 'c_orders_user_id', { type: 'TEXT' });
    const { edges } = designToFlow(mismatched, designProblems(mismatched), null);
    expect(edges.find((e) => e.source === 't_orders')!.className).toBe('fk-edge fk-edge--problem');
  });

  it('editing one table reuses every other node and edge object', () => {
    const design = shop();
    const first = designToFlow(design, [], null);
    const edited = updateColumn(design, 't_products', 'c_products_title', { name: 'name' });
    const second = designToFlow(edited, [], null, { previous: first });
    const reused = second.nodes.filter((n, i) => n === first.nodes[i]).map((n) => n.id);
    expect(reused).toEqual(['t_users', 't_orders', 't_order_products']);
    expect(second.edges.every((e, i) => e === first.edges[i])).toBe(true);
    const third = designToFlow(edited, [], { kind: 'table', id: 't_users' }, { previous: second });
    expect(third.nodes.filter((n, i) => n !== second.nodes[i]).map((n) => n.id)).toEqual([
      't_users',
    ]);
  });

  it('each node declares its size and a left target and right source handle per column', () => {
    const orders = designToFlow(shop(), [], null).nodes[1]!;
    expect(orders.measured).toEqual({ width: 280, height: 36 + 3 * 28 + 2 });
    const handles = orders.handles!.map((h) => [h.id, h.type, h.position]);
    expect(handles).toEqual([
      ['c_orders_order_id', 'target', 'left'],
      ['c_orders_order_id', 'source', 'right'],
      ['c_orders_order_id@right', 'target', 'right'],
      ['c_orders_user_id', 'target', 'left'],
      ['c_orders_user_id', 'source', 'right'],
      ['c_orders_user_id@left', 'source', 'left'],
      ['c_orders_created_at', 'target', 'left'],
      ['c_orders_created_at', 'source', 'right'],
    ]);
    expect(orders.handles!.map((h) => h.y)).toEqual([45, 45, 45, 73, 73, 73, 101, 101]);
  });

  it('read-only nodes are neither draggable nor connectable', () => {
    const { nodes } = designToFlow(shop(), [], null, { readOnly: true });
    expect(
      nodes.every((n) => n.draggable === false && n.connectable === false && n.data.readOnly),
    ).toBe(true);
  });

  it('tables without a position get distinct fallback positions', () => {
    const design = shop();
    const unplaced = { ...design, tables: design.tables.map((t) => ({ ...t, position: null })) };
    const positions = designToFlow(unplaced, [], null).nodes.map(
      (n) => `${n.position.x},${n.position.y}`,
    );
    expect(new Set(positions).size).toBe(4);
  });
});
