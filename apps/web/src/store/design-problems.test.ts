import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Design } from '@retort/core';
import { deleteTable, moveTable, updateColumn, validateDesign } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { designProblems, indexProblems, problemsAt, rebaseProblems } from './design-problems';

const shopFile = fileURLToPath(new URL('../../../../examples/shop/design.json', import.meta.url));
const shop = (): Design => validateDesign(JSON.parse(readFileSync(shopFile, 'utf8'))).design!;

describe('design problems', () => {
  it('an unknown type is a problem of its table and of its column', () => {
    const design = updateColumn(shop(), 't_orders', 'c_orders_created_at', { type: 'timestamp(' });
    const problems = designProblems(design);
    expect(problems.map((p) => p.path)).toEqual(['tables[1].columns[2].type']);
    const index = indexProblems(design, problems);
    expect([...index.byTable.keys()]).toEqual(['t_orders']);
    expect([...index.byColumn.keys()]).toEqual(['c_orders_created_at']);
    expect(problemsAt(problems, 'tables[1].columns[2]')).toHaveLength(1);
    expect(problemsAt(problems, 'tables[1].columns[20]')).toHaveLength(0);
  });

  it('moving a table reuses the problems instead of validating again', () => {
    const design = updateColumn(shop(), 't_orders', 'c_orders_created_at', { type: 'timestamp(' });
    const before = designProblems(design);
    const moved = moveTable(design, 't_users', { x: 999, y: 999 });
    expect(designProblems(moved)).toBe(before);
  });

  it('problems follow their objects to the new paths after an earlier table is deleted', () => {
    const design = updateColumn(shop(), 't_order_products', 'c_order_products_quantity', {
      type: 'integer(',
    });
    const problems = designProblems(design);
    expect(problems.map((p) => p.path)).toEqual(['tables[3].columns[2].type']);
    const withoutUsers = deleteTable(design, 't_users');
    const rebased = rebaseProblems(design, withoutUsers, problems);
    expect(rebased.map((p) => p.path)).toEqual(['tables[2].columns[2].type']);
    expect(rebased).toEqual(designProblems(withoutUsers));
    expect(rebaseProblems(design, deleteTable(design, 't_order_products'), problems)).toEqual([]);
  });
});
