/**
 * A design for a catalog (import): ids derived from names, every constraint named as the
 * database names it, tables laid out on a grid so none overlap. Ids are unique across the
 * design: two names that derive the same id (`credit_notes.taxes_amount` and
 * `credit_notes_taxes.amount`) get `_2`, `_3`, ... in catalog order.
 */
import {
  type Catalog,
  type CatalogIndex,
  type CatalogIndexKey,
  type Column,
  DEFAULT_SCHEMA,
  DESIGN_FORMAT,
  type Design,
  type DesignObject,
  type DomainType,
  designSchemas,
  type ExclusionConstraint,
  type Index,
  type IndexKey,
  identityOptions,
  objectKey,
  type PartitionStrategy,
  pkeyName,
  qualifiedName,
  type Sequence,
  sequenceOptions,
  sortedSchemaComments,
  splitQualifiedName,
  type Table,
} from '@retort/core';

const COLUMNS_PER_ROW = 4;
const CARD_WIDTH = 280;
const GAP = 80;
const HEADER = 48;
const ROW = 28;

const idPart = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');

/** An enum's, domain's or composite type's bare name, and its schema outside public. */
function enumName(qualified: string): { name: string; schema?: string } {
  const { schema, name } = splitQualifiedName(qualified);
  return schema === DEFAULT_SCHEMA ? { name } : { name, schema };
}

export function designFromCatalog(catalog: Catalog, name: string): Design {
  const used = new Set<string>();
  const unique = (base: string): string => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  };
  const enumIds = catalog.enums.map((e) => unique(`e_${idPart(e.name)}`));
  const tableIds = new Map<string, string>();
  const columnIds = new Map<string, string>();
  const key = (table: string, column: string) => JSON.stringify([table, column]);
  for (const t of catalog.tables) {
    tableIds.set(t.name, unique(`t_${idPart(t.name)}`));
    for (const c of t.columns) {
      columnIds.set(key(t.name, c.name), unique(`c_${idPart(t.name)}_${idPart(c.name)}`));
    }
  }
  const tableId = (table: string) => tableIds.get(table)!;
  const columnId = (table: string, column: string) => columnIds.get(key(table, column))!;
  const indexKey = (table: string, k: CatalogIndexKey): IndexKey => ({
    column: k.column === undefined ? null : columnId(table, k.column),
    expression: k.expression ?? null,
    descending: k.descending ?? false,
    nulls: k.nulls ?? null,
    opclass: k.opclass ?? null,
    collation: k.collation ?? null,
  });
  const index = (table: string, i: CatalogIndex): Omit<Index, 'id'> => ({
    name: i.name,
    columns: i.columns.map((c) => columnId(table, c)),
    unique: i.unique,
    method: i.method ?? 'btree',
    keys: i.keys?.map((k) => indexKey(table, k)) ?? null,
    include: (i.include ?? []).map((c) => columnId(table, c)),
    where: i.where ?? null,
    nullsNotDistinct: i.nullsNotDistinct ?? false,
    comment: i.comment ?? null,
  });
  const tables: Table[] = catalog.tables.map((t) => {
    const pk = new Set(t.primaryKey?.columns ?? []);
    const pkInColumnOrder = t.columns.filter((c) => pk.has(c.name)).map((c) => c.name);
    const keyOrder = t.primaryKey?.columns ?? [];
    const { schema, name: bare } = splitQualifiedName(t.name);
    return {
      id: tableId(t.name),
      name: bare,
      ...(schema === DEFAULT_SCHEMA ? {} : { schema }),
      comment: t.comment,
      position: null,
      primaryKeyName:
        t.primaryKey && t.primaryKey.name !== pkeyName(bare) ? t.primaryKey.name : null,
      primaryKeyOrder:
        keyOrder.join('\u0000') === pkInColumnOrder.join('\u0000')
          ? null
          : keyOrder.map((c) => columnId(t.name, c)),
      primaryKeyComment: t.primaryKey?.comment ?? null,
      ...(t.primaryKey?.deferrable ? { primaryKeyDeferrable: true } : {}),
      ...(t.primaryKey?.initiallyDeferred ? { primaryKeyInitiallyDeferred: true } : {}),
      columns: t.columns.map((c) => {
        const column: Column = {
          id: columnId(t.name, c.name),
          name: c.name,
          type: c.type,
          nullable: pk.has(c.name) ? false : c.nullable,
          primaryKey: pk.has(c.name),
          autoincrement: c.autoincrement,
          unique: false,
          default: c.default === null ? null : { sql: c.default },
          comment: c.comment,
        };
        if (c.identity) {
          column.identity = {
            generation: c.identity.generation,
            ...identityOptions(c.identity, c.type),
          };
        }
        if (c.generated !== undefined) column.generated = { sql: c.generated };
        if (c.collation !== undefined) column.collation = c.collation;
        return column;
      }),
      foreignKeys: t.foreignKeys.map((fk) => ({
        id: unique(`fk_${idPart(t.name)}_${idPart(fk.name)}`),
        name: fk.name,
        columns: fk.columns.map((c) => columnId(t.name, c)),
        references: {
          table: tableId(fk.refTable),
          columns: fk.refColumns.map((c) => columnId(fk.refTable, c)),
        },
        onDelete: fk.onDelete === 'NO ACTION' ? null : fk.onDelete,
        onUpdate: fk.onUpdate === 'NO ACTION' ? null : fk.onUpdate,
        match: fk.match ?? 'SIMPLE',
        deferrable: fk.deferrable ?? false,
        initiallyDeferred: fk.initiallyDeferred ?? false,
        notValid: fk.notValid ?? false,
        comment: fk.comment ?? null,
      })),
      uniques: t.uniques.map((u) => ({
        id: unique(`uq_${idPart(t.name)}_${idPart(u.name)}`),
        name: u.name,
        columns: u.columns.map((c) => columnId(t.name, c)),
        nullsNotDistinct: u.nullsNotDistinct ?? false,
        ...(u.deferrable ? { deferrable: true } : {}),
        ...(u.initiallyDeferred ? { initiallyDeferred: true } : {}),
        comment: u.comment ?? null,
      })),
      indexes: t.indexes.map((i) => ({
        id: unique(`ix_${idPart(t.name)}_${idPart(i.name)}`),
        ...index(t.name, i),
      })),
      checks: t.checks.map((k) => ({
        id: unique(`ck_${idPart(t.name)}_${idPart(k.name)}`),
        name: k.name,
        expression: k.expression,
        notValid: k.notValid ?? false,
        comment: k.comment ?? null,
      })),
      ...(t.exclusions
        ? {
            exclusions: t.exclusions.map(
              (x): ExclusionConstraint => ({
                id: unique(`ex_${idPart(t.name)}_${idPart(x.name)}`),
                name: x.name,
                method: x.method,
                elements: x.elements.map((e) => ({
                  ...indexKey(t.name, e),
                  operator: e.operator,
                })),
                include: (x.include ?? []).map((c) => columnId(t.name, c)),
                where: x.where ?? null,
                deferrable: x.deferrable ?? false,
                initiallyDeferred: x.initiallyDeferred ?? false,
                comment: x.comment ?? null,
              }),
            ),
          }
        : {}),
      ...(t.partitionBy
        ? {
            partitionBy: {
              strategy: t.partitionBy.split(' ')[0]!.toUpperCase() as PartitionStrategy,
              key: t.partitionBy,
            },
          }
        : {}),
      ...(t.partitionOf
        ? { partitionOf: tableId(t.partitionOf.table), partitionBound: t.partitionOf.bound }
        : {}),
    };
  });
  layOutOnGrid(tables);
  const design: Design = {
    format: DESIGN_FORMAT,
    name,
    enums: catalog.enums.map((e, i) => ({
      id: enumIds[i]!,
      ...enumName(e.name),
      values: [...e.values],
    })),
    tables,
    ...designObjects(catalog, tableIds, unique),
    ...designUserTypes(catalog, unique),
    ...(catalog.sequences && catalog.sequences.length > 0
      ? {
          sequences: catalog.sequences.map(
            (q): Sequence => ({
              id: unique(`seq_${idPart(q.name)}`),
              ...enumName(q.name),
              dataType: q.dataType,
              ...sequenceOptions(q),
              ownedBy:
                q.ownedBy === null
                  ? null
                  : {
                      table: tableId(q.ownedBy.table),
                      column: columnId(q.ownedBy.table, q.ownedBy.column),
                    },
              comment: q.comment,
            }),
          ),
        }
      : {}),
  };
  // A design has a schema only while something of it lives there (designSchemas).
  const inUse = new Set(designSchemas(design));
  const schemaComments = sortedSchemaComments(
    Object.fromEntries(
      Object.entries(catalog.schemaComments ?? {}).filter(([schema]) => inUse.has(schema)),
    ),
  );
  return schemaComments ? { ...design, schemaComments } : design;
}

/** Domains (`d_<name>`), composite types (`ct_<name>`) and extensions, each list only when there is one. */
function designUserTypes(
  catalog: Catalog,
  unique: (base: string) => string,
): Pick<Design, 'domains' | 'compositeTypes' | 'extensions'> {
  const out: Pick<Design, 'domains' | 'compositeTypes' | 'extensions'> = {};
  if (catalog.domains && catalog.domains.length > 0) {
    out.domains = catalog.domains.map((d): DomainType => {
      const domain: DomainType = {
        id: unique(`d_${idPart(d.name)}`),
        ...enumName(d.name),
        type: d.type,
        default: d.default === null ? null : { sql: d.default },
        notNull: d.notNull,
        checks: d.checks.map((k) => ({
          id: unique(`ck_${idPart(d.name)}_${idPart(k.name)}`),
          name: k.name,
          expression: k.expression,
        })),
        comment: d.comment,
      };
      if (d.collation !== undefined) domain.collation = d.collation;
      return domain;
    });
  }
  if (catalog.compositeTypes && catalog.compositeTypes.length > 0) {
    out.compositeTypes = catalog.compositeTypes.map((t) => ({
      id: unique(`ct_${idPart(t.name)}`),
      ...enumName(t.name),
      attributes: t.attributes.map((a) => ({ ...a })),
      comment: t.comment,
    }));
  }
  if (catalog.extensions && catalog.extensions.length > 0) {
    out.extensions = catalog.extensions.map((e) =>
      e.schema === DEFAULT_SCHEMA ? { name: e.name } : { name: e.name, schema: e.schema },
    );
  }
  return out;
}

/** The catalog's objects with ids (`o_<kind>_<name>`); dependencies by table and object id. */
function designObjects(
  catalog: Catalog,
  tableIds: ReadonlyMap<string, string>,
  unique: (base: string) => string,
): Pick<Design, 'objects'> {
  const objects = catalog.objects ?? [];
  if (objects.length === 0) return {};
  const ids = new Map<string, string>();
  for (const o of objects) {
    const base = `${o.kind}_${o.table === null ? '' : `${o.table}_`}${o.name.replace(/\(.*$/s, '')}`;
    ids.set(objectKey(o), unique(`o_${idPart(base)}`));
  }
  // An object names its table (or materialized view) bare, in its own schema.
  const relationIds = new Map(
    objects
      .filter((o) => o.table === null)
      .map((o) => [qualifiedName(o.schema, o.name), ids.get(objectKey(o))!]),
  );
  const idOf = (key: string) =>
    key.startsWith('table:') ? tableIds.get(key.slice('table:'.length)) : ids.get(key);
  return {
    objects: objects.map(
      (o): DesignObject => ({
        id: ids.get(objectKey(o))!,
        kind: o.kind,
        schema: o.schema,
        name: o.name,
        table:
          o.table === null
            ? null
            : ((o.kind === 'index' ? relationIds : tableIds).get(
                qualifiedName(o.schema, o.table),
              ) ?? null),
        definition: o.definition,
        comment: o.comment,
        dependsOn: o.dependsOn.flatMap((d) => {
          const id = idOf(d);
          return id === undefined ? [] : [id];
        }),
        ...(o.columns ? { columns: o.columns.map((c) => ({ ...c })) } : {}),
      }),
    ),
  };
}

/** Rows of four; a row is as tall as its tallest table, so cards never overlap. */
function layOutOnGrid(tables: Table[]): void {
  let y = 0;
  for (let start = 0; start < tables.length; start += COLUMNS_PER_ROW) {
    const row = tables.slice(start, start + COLUMNS_PER_ROW);
    row.forEach((table, i) => {
      table.position = { x: i * (CARD_WIDTH + GAP), y };
    });
    y += Math.max(...row.map((t) => HEADER + ROW * t.columns.length)) + GAP;
  }
}
