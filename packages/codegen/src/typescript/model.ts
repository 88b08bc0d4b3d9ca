/**
 * The names a TypeScript model uses for a catalog: one class / const per table, one property
 * per column, and the two ends of every foreign key (`order.user` and `user.orders`).
 * Drizzle and TypeORM share it, so both speak of the same `referrer` and `usersByReferrer`.
 */
import type { Catalog, CatalogForeignKey, CatalogTable } from '@retort/core';
import { camelCase, pascalCase } from '../names/case';
import { classNames } from '../names/class-name';
import { uniqueIdentifier } from './identifier';

export interface TableNames {
  table: CatalogTable;
  /** Singular PascalCase: `OrderProduct`. */
  className: string;
  /** camelCase of the table name: `orderProducts`. */
  constName: string;
  /** Column name -> property name (`telegram_id` -> `telegramId`). */
  properties: Map<string, string>;
}

export interface RelationEnd {
  /** `one`: this table holds the foreign key; `many`: another table points here. */
  kind: 'one' | 'many';
  property: string;
  foreignKey: CatalogForeignKey;
  /** The table holding the key (`one`: this one). */
  fromTable: string;
  /** The referenced table. */
  toTable: string;
  /** The property of the other end. */
  inverse: string;
}

export interface ModelNames {
  tables: Map<string, TableNames>;
  relations: Map<string, RelationEnd[]>;
  table(name: string): TableNames;
  property(table: string, column: string): string;
}

/**
 * `reservedGlobals` are names the module already uses (imports, helpers); table classes and
 * consts never take them.
 */
export function modelNames(
  catalog: Catalog,
  reservedGlobals: ReadonlySet<string> = new Set(),
): ModelNames {
  const classes = classNames(
    catalog.tables.map((t) => t.name),
    reservedGlobals,
  );
  const takenConsts = new Set<string>([...reservedGlobals, ...classes.values()]);
  const tables = new Map<string, TableNames>();
  for (const table of catalog.tables) {
    const taken = new Set<string>();
    const properties = new Map(table.columns.map((c) => [c.name, uniqueIdentifier(c.name, taken)]));
    tables.set(table.name, {
      table,
      className: classes.get(table.name)!,
      constName: uniqueIdentifier(table.name, takenConsts),
      properties,
    });
  }
  const get = (name: string): TableNames => {
    const found = tables.get(name);
    if (!found) throw new Error(`The catalog has no table "${name}".`);
    return found;
  };

  const relations = new Map<string, RelationEnd[]>(catalog.tables.map((t) => [t.name, []]));
  const takenMembers = new Map<string, Set<string>>(
    [...tables.values()].map((t) => [t.table.name, new Set(t.properties.values())]),
  );
  for (const table of catalog.tables) {
    for (const fk of table.foreignKeys) {
      const target = get(fk.refTable);
      const onlyColumn = fk.columns.length === 1 ? fk.columns[0]! : null;
      const role =
        onlyColumn !== null && /.[_ ]?id$/i.test(onlyColumn)
          ? onlyColumn.replace(/[_ ]?id$/i, '')
          : target.className;
      const one = uniqueIdentifier(role, takenMembers.get(table.name)!);
      const plural = camelCase(table.name);
      const manyBase =
        camelCase(one) === camelCase(target.className) ? plural : `${plural}By${pascalCase(one)}`;
      const many = uniqueIdentifier(manyBase, takenMembers.get(target.table.name)!);
      relations.get(table.name)!.push({
        kind: 'one',
        property: one,
        foreignKey: fk,
        fromTable: table.name,
        toTable: fk.refTable,
        inverse: many,
      });
      relations.get(fk.refTable)!.push({
        kind: 'many',
        property: many,
        foreignKey: fk,
        fromTable: table.name,
        toTable: fk.refTable,
        inverse: one,
      });
    }
  }
  // The keys a table holds first, then the keys pointing at it.
  for (const ends of relations.values())
    ends.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'one' ? -1 : 1));
  return {
    tables,
    relations,
    table: get,
    property: (table, column) => {
      const property = get(table).properties.get(column);
      if (property === undefined) throw new Error(`Table "${table}" has no column "${column}".`);
      return property;
    },
  };
}
