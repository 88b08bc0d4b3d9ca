import { objectsDesign } from '@retort/testing/objects-design';
import { describe, expect, it } from 'vitest';
import type { CatalogObject } from '../../objects/types';
import { validateDesign } from '../validate';
import { deleteTable } from './edits';
import {
  deleteObject,
  moveObjects,
  objectDependents,
  objectFromCatalog,
  putObject,
  setRowSecurity,
  tableObjects,
} from './object-edits';

const checked: CatalogObject = {
  kind: 'view',
  schema: 'public',
  name: 'poorest_rich',
  table: null,
  definition: ' SELECT rich_accounts.id\n   FROM rich_accounts;',
  comment: null,
  dependsOn: ['table:accounts', 'view:public.rich_accounts', 'view:public.gone'],
};

describe('object edits', () => {
  it('a checked object gets a new id, and its table and dependencies as the design ids', () => {
    const design = objectsDesign();
    const view = objectFromCatalog(design, {
      ...checked,
      columns: [{ name: 'id', type: 'integer' }],
    });
    expect(view.columns).toEqual([{ name: 'id', type: 'integer' }]);
    expect(view.id).toMatch(/^o_[a-z0-9]{6}$/);
    expect(view.dependsOn).toEqual(['t_accounts', 'o_rich']);
    const trigger = objectFromCatalog(design, {
      ...checked,
      kind: 'trigger',
      name: 'stamp',
      table: 'accounts',
      dependsOn: ['table:accounts', 'function:public.touch()'],
    });
    expect(trigger).toMatchObject({ table: 't_accounts', dependsOn: ['t_accounts', 'o_touch'] });
    const next = putObject(design, view);
    expect(validateDesign(next).problems).toEqual([]);
    expect(next.objects!.at(-1)).toBe(view);
  });

  it('replacing an object keeps its id, where it is drawn and what depends on it', () => {
    const design = moveObjects(objectsDesign(), { o_rich: { x: 10.4, y: 20.6 } });
    expect(design.objects!.find((o) => o.id === 'o_rich')!.position).toEqual({ x: 10, y: 21 });
    const changed = objectFromCatalog(
      design,
      { ...checked, name: 'rich_accounts', dependsOn: ['table:accounts'] },
      'o_rich',
    );
    const next = putObject(design, changed);
    const rich = next.objects!.find((o) => o.id === 'o_rich')!;
    expect(rich.definition).toBe(checked.definition);
    expect(rich.position).toEqual({ x: 10, y: 21 });
    expect(next.objects!.find((o) => o.id === 'o_richest')!.dependsOn).toEqual(['o_rich']);
    expect(putObject(next, { ...changed })).toBe(next);
  });

  it('an object others depend on is not deleted; one nothing needs is', () => {
    const design = objectsDesign();
    expect(objectDependents(design, 'o_rich').map((o) => o.id)).toEqual(['o_richest']);
    expect(deleteObject(design, 'o_rich')).toBe(design);
    const without = deleteObject(deleteObject(design, 'o_richest'), 'o_rich');
    expect(without.objects!.map((o) => o.id)).not.toContain('o_rich');
    expect(validateDesign(without).problems).toEqual([]);
  });

  it('deleting a table drops its triggers, policies and row-level security with it', () => {
    const design = objectsDesign();
    expect(tableObjects(design, 't_accounts').map((o) => o.kind)).toEqual([
      'policy',
      'row_security',
      'force_row_security',
      'trigger',
    ]);
    const next = deleteTable(design, 't_accounts');
    expect(next.objects!.map((o) => o.id)).toEqual([
      'o_current_owner',
      'o_touch',
      'o_rich',
      'o_richest',
    ]);
  });

  it('row-level security is switched on, forced and off as the objects import reads back', () => {
    const design = objectsDesign();
    const off = setRowSecurity(design, 't_accounts', { enabled: false, forced: false });
    expect(tableObjects(off, 't_accounts').map((o) => o.kind)).toEqual(['policy', 'trigger']);
    const forced = setRowSecurity(off, 't_accounts', { enabled: false, forced: true });
    const added = tableObjects(forced, 't_accounts').filter((o) => o.kind.endsWith('row_security'));
    expect(added.map((o) => [o.kind, o.name, o.definition, o.dependsOn])).toEqual([
      [
        'row_security',
        'accounts',
        'ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;',
        ['t_accounts'],
      ],
      [
        'force_row_security',
        'accounts',
        'ALTER TABLE public.accounts FORCE ROW LEVEL SECURITY;',
        ['t_accounts'],
      ],
    ]);
    expect(validateDesign(forced).problems).toEqual([]);
    expect(setRowSecurity(design, 't_accounts', { enabled: true, forced: true })).toBe(design);
  });

  it('only views and materialized views are moved', () => {
    const design = objectsDesign();
    expect(moveObjects(design, { o_touch: { x: 1, y: 1 } })).toBe(design);
  });
});
