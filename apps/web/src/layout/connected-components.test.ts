import { FOREIGN_KEY_DEFAULTS } from '@retort/core';
import { relationalDesign } from '@retort/testing/large-design';
import { describe, expect, it } from 'vitest';
import { connectedComponents } from './connected-components';

const table = (id: string, references: string[] = []) => ({
  id,
  foreignKeys: references.map((target, i) => ({
    id: `${id}_fk${i}`,
    name: null,
    columns: [],
    references: { table: target, columns: [] },
    onDelete: null,
    onUpdate: null,
    ...FOREIGN_KEY_DEFAULTS,
  })),
});

describe('connectedComponents', () => {
  it('groups tables joined by foreign keys in either direction, largest group first', () => {
    const groups = connectedComponents([
      table('a'),
      table('b', ['c']),
      table('c'),
      table('d', ['c', 'e']),
      table('e'),
      table('f', ['missing']),
    ]);
    expect(groups.map((g) => g.map((t) => t.id))).toEqual([['b', 'c', 'd', 'e'], ['a'], ['f']]);
  });

  it('lets the apart tables join nothing', () => {
    const groups = connectedComponents(
      [table('hub'), table('x', ['hub']), table('y', ['hub']), table('z', ['y'])],
      new Set(['hub']),
    );
    expect(groups.map((g) => g.map((t) => t.id))).toEqual([['y', 'z'], ['hub'], ['x']]);
  });

  it('keeps every table of a generated schema exactly once', () => {
    const design = relationalDesign(150);
    const ids = connectedComponents(design.tables).flatMap((g) => g.map((t) => t.id));
    expect(ids.sort()).toEqual(design.tables.map((t) => t.id).sort());
  });
});
