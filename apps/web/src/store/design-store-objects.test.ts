import { objectFromCatalog } from '@retort/core';
import { objectsDesign } from '@retort/testing/objects-design';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDesignStore, type DesignStoreApi } from './design-store';

let store: DesignStoreApi;
const state = () => store.getState();
const objects = () => state().design!.objects!;
const history = () => store.temporal.getState();

beforeEach(() => {
  store = createDesignStore();
  const design = objectsDesign();
  state().loadDesign({
    ...design,
    tables: design.tables.map((t) => ({ ...t, position: { x: 0, y: 0 } })),
  });
});

describe('objects in the store', () => {
  it('a new view is put in as one undo step, drawn beside what it reads, and selected', () => {
    const view = objectFromCatalog(state().design!, {
      kind: 'view',
      schema: 'public',
      name: 'owners',
      table: null,
      definition: ' SELECT accounts.owner_id\n   FROM accounts;',
      comment: null,
      dependsOn: ['table:accounts'],
    });
    state().putObject(view);
    const added = objects().find((o) => o.name === 'owners')!;
    expect(added.dependsOn).toEqual(['t_accounts']);
    expect(added.position!.x).toBeGreaterThan(280);
    expect(state().selection).toEqual({ kind: 'object', id: view.id });
    expect(history().pastStates).toHaveLength(1);
    history().undo();
    expect(objects().some((o) => o.name === 'owners')).toBe(false);
    history().redo();
    expect(objects().some((o) => o.name === 'owners')).toBe(true);
  });

  it('a changed definition replaces the object in place, undoably', () => {
    const before = objects().find((o) => o.id === 'o_rich')!;
    state().putObject({ ...before, definition: ' SELECT 1 AS id;', dependsOn: [] });
    expect(objects().find((o) => o.id === 'o_rich')!.definition).toBe(' SELECT 1 AS id;');
    expect(objects().length).toBe(objectsDesign().objects!.length);
    history().undo();
    expect(objects().find((o) => o.id === 'o_rich')).toEqual(before);
  });

  it('deleting an object another needs is refused with why; deleting a view clears its selection', () => {
    expect(state().deleteObject('o_rich')).toBe(
      'view richest_accounts depends on it; delete or change that first.',
    );
    expect(history().pastStates).toHaveLength(0);
    state().select({ kind: 'object', id: 'o_richest' });
    expect(state().deleteObject('o_richest')).toBeNull();
    expect(state().selection).toBeNull();
    expect(objects().some((o) => o.id === 'o_richest')).toBe(false);
  });

  it('moving a view is a canvas move like a table, one undo step', () => {
    state().moveCanvasItems({ o_rich: { x: 640, y: 96 }, t_accounts: { x: 16, y: 16 } });
    expect(objects().find((o) => o.id === 'o_rich')!.position).toEqual({ x: 640, y: 96 });
    expect(state().design!.tables[0]!.position).toEqual({ x: 16, y: 16 });
    expect(history().pastStates).toHaveLength(1);
  });

  it('row-level security switches off and back on in one undo step each', () => {
    state().setRowSecurity('t_accounts', { enabled: false, forced: false });
    expect(
      objects().some((o) => o.kind === 'row_security' || o.kind === 'force_row_security'),
    ).toBe(false);
    state().setRowSecurity('t_accounts', { enabled: true, forced: false });
    expect(
      objects()
        .filter((o) => o.table === 't_accounts')
        .map((o) => o.kind),
    ).toContain('row_security');
    expect(history().pastStates).toHaveLength(2);
    history().undo();
    history().undo();
    expect(objects()).toEqual(objectsDesign().objects);
  });
});
