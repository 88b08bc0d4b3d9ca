/**
 * How objects are grouped and named in lists (the Objects tab, a table's inspector, the find
 * palette): by kind, in the order a reader meets them, each named as a sentence would.
 */
import { bareName, type Design, type DesignObject, OBJECT_KIND_WORDS } from '@retort/core';

export interface ObjectGroup {
  title: string;
  objects: DesignObject[];
}

const GROUPS: readonly { title: string; kinds: readonly DesignObject['kind'][] }[] = [
  { title: 'Views', kinds: ['view', 'materialized_view', 'index'] },
  { title: 'Functions', kinds: ['function'] },
  { title: 'Procedures', kinds: ['procedure'] },
  { title: 'Aggregates', kinds: ['aggregate'] },
  { title: 'Triggers', kinds: ['trigger'] },
  { title: 'Rules', kinds: ['rule'] },
  { title: 'Policies', kinds: ['policy'] },
  { title: 'Row-level security', kinds: ['row_security', 'force_row_security'] },
  { title: 'Event triggers', kinds: ['event_trigger'] },
];

/**
 * The design's objects by kind, each group sorted by name; empty groups left out, and a kind
 * no group names listed last rather than hidden.
 */
export function objectGroups(design: Design): ObjectGroup[] {
  const objects = design.objects ?? [];
  const grouped = new Set(GROUPS.flatMap((g) => g.kinds));
  const groups = [
    ...GROUPS,
    {
      title: 'Other objects',
      kinds: [...new Set(objects.map((o) => o.kind))].filter((k) => !grouped.has(k)),
    },
  ];
  return groups.flatMap(({ title, kinds }) => {
    const list = objects
      .filter((o) => kinds.includes(o.kind))
      .sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
    return list.length > 0 ? [{ title, objects: list }] : [];
  });
}

/** `orders_touch on orders`, `add(a integer)`, `row-level security on accounts`. */
export function objectLabel(design: Design, object: DesignObject): string {
  const owner =
    object.table === null
      ? null
      : (design.tables.find((t) => t.id === object.table)?.name ??
        design.objects?.find((o) => o.id === object.table)?.name ??
        object.table);
  if (object.kind === 'row_security' || object.kind === 'force_row_security') {
    return `${OBJECT_KIND_WORDS[object.kind]} on ${owner ?? object.name}`;
  }
  return owner === null ? object.name : `${object.name} on ${owner}`;
}

/** The name find and sorting go by: a function's without its arguments. */
export function searchName(object: DesignObject): string {
  return bareName(object);
}
