/**
 * `toCatalog`: a design as Postgres will see it. Ids become names, unnamed constraints get
 * the names Postgres would choose (de-duplicated the way Postgres does), `column.unique`
 * becomes a unique constraint, defaults and checks take their canonical spelling.
 *
 * Default names are chosen in the order Postgres meets them in `CREATE TABLE`: per table
 * (design order) the primary key, column uniques (column order), table uniques, then
 * checks and foreign keys, then the indexes (created after the table). Explicit names are
 * reserved first, so a default name never takes one the user chose.
 */
import type {
  Column,
  Design,
  ExclusionConstraint,
  ForeignKey,
  Index,
  IndexKey,
  Table,
} from '../design/types';
import { canonicalExpression, expressionColumns } from '../expression/canonical';
import {
  DEFAULT_SCHEMA,
  designSchemas,
  objectQualifiedName,
  sortedSchemaComments,
} from '../naming/qualified-names';
import { createSchemaNames, type SchemaNames } from '../naming/schema-names';
import { catalogObjects } from '../objects/catalog';
import { catalogSequences } from '../sequences/catalog';
import { catalogUserTypes } from '../user-types/catalog';
import { catalogIdentity } from './identity';
import type {
  Catalog,
  CatalogColumn,
  CatalogExclusion,
  CatalogForeignKey,
  CatalogIndex,
  CatalogIndexKey,
  CatalogTable,
} from './types';

const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

export function toCatalog(design: Design): Catalog {
  // Default names are chosen per schema: each has its own relation and constraint names.
  const namesBySchema = new Map<string, SchemaNames>();
  const schemaNames = (table: { schema?: string }) => {
    const schema = table.schema ?? DEFAULT_SCHEMA;
    let names = namesBySchema.get(schema);
    if (!names) {
      names = createSchemaNames();
      namesBySchema.set(schema, names);
    }
    return names;
  };
  for (const table of design.tables) {
    const names = schemaNames(table);
    names.reserveRelation(table.name);
    if (table.primaryKeyName !== null) names.reserveRelation(table.primaryKeyName);
    for (const u of table.uniques) if (u.name !== null) names.reserveRelation(u.name);
    for (const i of table.indexes) if (i.name !== null) names.reserveRelation(i.name);
    for (const x of table.exclusions ?? []) if (x.name !== null) names.reserveRelation(x.name);
    for (const c of [
      ...table.uniques,
      ...table.foreignKeys,
      ...table.checks,
      ...(table.exclusions ?? []),
    ]) {
      if (c.name !== null) names.reserveConstraint(c.name);
    }
  }
  for (const s of design.sequences ?? []) {
    // A sequence takes its name in the schema's relation namespace, as a table does.
    schemaNames(s).reserveRelation(s.name);
  }
  const tablesById = new Map(design.tables.map((t) => [t.id, t]));
  const tables = design.tables.map((table) => catalogTable(table, tablesById, schemaNames(table)));
  const schemas = designSchemas(design);
  const schemaComments = sortedSchemaComments(design.schemaComments);
  const objects = catalogObjects(design);
  return {
    ...(schemas.length > 0 ? { schemas } : {}),
    ...(schemaComments ? { schemaComments } : {}),
    enums: design.enums
      .map((e) => ({ name: objectQualifiedName(e), values: [...e.values] }))
      .sort(byName),
    tables: tables.sort(byName),
    ...(objects ? { objects } : {}),
    ...catalogUserTypes(design),
    ...catalogSequences(design),
  };
}

function columnNames(table: Table, ids: readonly string[]): string[] {
  const byId = new Map(table.columns.map((c) => [c.id, c.name]));
  return ids.map((id) => {
    const name = byId.get(id);
    if (name === undefined) throw new Error(`Table "${table.name}" has no column with id "${id}".`);
    return name;
  });
}

/**
 * A default that is NULL (`NULL::timestamp`) is no default: Postgres stores none for it, so
 * the database would never show the one the design has.
 */
export function withoutNullDefault(canonical: string): string | null {
  return /^\(*NULL\)*(::[^()]*)?$/i.test(canonical.trim()) ? null : canonical;
}

function catalogColumn(column: Column, columns: Record<string, string>): CatalogColumn {
  const catalog: CatalogColumn = {
    name: column.name,
    type: column.type,
    nullable: column.primaryKey || column.identity ? false : column.nullable,
    default:
      column.autoincrement || column.default === null
        ? null
        : withoutNullDefault(canonicalExpression(column.default.sql, { columns, role: 'default' })),
    autoincrement: column.autoincrement,
    comment: column.comment,
  };
  if (column.identity) catalog.identity = catalogIdentity(column.identity, column.type);
  if (column.generated) {
    catalog.generated = canonicalExpression(column.generated.sql, { columns });
  }
  if (column.collation !== undefined) catalog.collation = column.collation;
  return catalog;
}

function catalogTable(
  table: Table,
  tablesById: Map<string, Table>,
  names: SchemaNames,
): CatalogTable {
  const columnTypes = Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
  const pkColumns =
    table.primaryKeyOrder !== null
      ? columnNames(table, table.primaryKeyOrder)
      : table.columns.filter((c) => c.primaryKey).map((c) => c.name);
  const primaryKey =
    pkColumns.length > 0
      ? {
          name: table.primaryKeyName ?? names.primaryKey(table.name),
          columns: pkColumns,
          ...keyDeferrability(table.primaryKeyDeferrable, table.primaryKeyInitiallyDeferred),
          ...constraintComment(table.primaryKeyComment),
        }
      : null;

  const uniques = [
    ...table.columns
      .filter((c) => c.unique)
      .map((c) => ({ name: names.unique(table.name, [c.name]), columns: [c.name] })),
    ...table.uniques.map((u) => {
      const columns = columnNames(table, u.columns);
      return {
        name: u.name ?? names.unique(table.name, columns),
        columns,
        ...(u.nullsNotDistinct ? { nullsNotDistinct: true as const } : {}),
        ...keyDeferrability(u.deferrable, u.initiallyDeferred),
        ...constraintComment(u.comment),
      };
    }),
  ];

  const checks = table.checks.map((k) => {
    const referenced = expressionColumns(k.expression).filter((n) =>
      table.columns.some((c) => c.name === n),
    );
    return {
      name: k.name ?? names.check(table.name, referenced),
      expression: canonicalExpression(k.expression, { columns: columnTypes }),
      ...(k.notValid ? { notValid: true as const } : {}),
      ...constraintComment(k.comment),
    };
  });

  const foreignKeys = table.foreignKeys.map((fk) => {
    const columns = columnNames(table, fk.columns);
    const target = tablesById.get(fk.references.table);
    if (!target) throw new Error(`No table with id "${fk.references.table}".`);
    return {
      name: fk.name ?? names.foreignKey(table.name, columns),
      columns,
      refTable: objectQualifiedName(target),
      refColumns: columnNames(target, fk.references.columns),
      onDelete: fk.onDelete ?? 'NO ACTION',
      onUpdate: fk.onUpdate ?? 'NO ACTION',
      ...foreignKeyOptions(fk),
      ...constraintComment(fk.comment),
    };
  });

  // Postgres names an exclusion constraint when it meets it in CREATE TABLE, after checks and
  // keys and before the indexes made after the table.
  const exclusions = (table.exclusions ?? []).map((x) =>
    catalogExclusion(table, x, columnTypes, names),
  );
  const indexes = table.indexes.map((i) => catalogIndex(table, i, columnTypes, names));

  return {
    name: objectQualifiedName(table),
    comment: table.comment,
    columns: table.columns.map((c) => catalogColumn(c, columnTypes)),
    primaryKey,
    foreignKeys: foreignKeys.sort(byName),
    uniques: uniques.sort(byName),
    indexes: indexes.sort(byName),
    checks: checks.sort(byName),
    ...(exclusions.length > 0 ? { exclusions: exclusions.sort(byName) } : {}),
    ...catalogPartitioning(table, tablesById),
  };
}

/** A key's `deferrable` and `initiallyDeferred`, absent when false, as catalogs read from Postgres. */
function keyDeferrability(
  deferrable: boolean | undefined,
  initiallyDeferred: boolean | undefined,
): { deferrable?: true; initiallyDeferred?: true } {
  if (!deferrable) return {};
  return { deferrable: true, ...(initiallyDeferred ? { initiallyDeferred: true as const } : {}) };
}

/** A constraint's `comment` field: absent when there is none, as catalogs read from Postgres. */
function constraintComment(comment: string | null): { comment?: string } {
  return comment !== null ? { comment } : {};
}

/** The partition key and the parent with the bound, those a table has. */
function catalogPartitioning(
  table: Table,
  tablesById: Map<string, Table>,
): Pick<CatalogTable, 'partitionBy' | 'partitionOf'> {
  const parent = table.partitionOf === undefined ? undefined : tablesById.get(table.partitionOf);
  return {
    ...(table.partitionBy ? { partitionBy: partitionKeyText(table.partitionBy.key) } : {}),
    ...(parent
      ? { partitionOf: { table: objectQualifiedName(parent), bound: table.partitionBound ?? '' } }
      : {}),
  };
}

/** `range (a)` as Postgres prints it: the strategy in capitals. */
export function partitionKeyText(key: string): string {
  return key.trim().replace(/^(range|list|hash)\s*\(/i, (_, s: string) => `${s.toUpperCase()} (`);
}

/** A foreign key's options, only those that are not Postgres' default. */
export function foreignKeyOptions(
  fk: Pick<ForeignKey, 'match' | 'deferrable' | 'initiallyDeferred' | 'notValid'>,
): Pick<CatalogForeignKey, 'match' | 'deferrable' | 'initiallyDeferred' | 'notValid'> {
  return {
    ...(fk.match === 'FULL' ? { match: 'FULL' as const } : {}),
    ...(fk.deferrable ? { deferrable: true as const } : {}),
    ...(fk.deferrable && fk.initiallyDeferred ? { initiallyDeferred: true as const } : {}),
    ...(fk.notValid ? { notValid: true as const } : {}),
  };
}

function catalogIndex(
  table: Table,
  index: Index,
  columnTypes: Record<string, string>,
  names: SchemaNames,
): CatalogIndex {
  const columns = columnNames(table, index.columns);
  const keys = index.keys?.map((k) => catalogIndexKey(table, k, columnTypes));
  // Postgres names an expression key `expr` (or after the function it calls) in its default
  // index name; the design's columns stand in for them, the name is best given.
  const name =
    index.name ?? names.index(table.name, keys ? keys.map((k) => k.column ?? 'expr') : columns);
  return {
    name,
    columns,
    unique: index.unique,
    ...(index.method !== 'btree' ? { method: index.method } : {}),
    ...(keys ? { keys } : {}),
    ...(index.include.length > 0 ? { include: columnNames(table, index.include) } : {}),
    ...(index.where !== null
      ? { where: canonicalExpression(index.where, { columns: columnTypes }) }
      : {}),
    ...(index.nullsNotDistinct ? { nullsNotDistinct: true as const } : {}),
    ...(index.comment !== null ? { comment: index.comment } : {}),
  };
}

function catalogExclusion(
  table: Table,
  exclusion: ExclusionConstraint,
  columnTypes: Record<string, string>,
  names: SchemaNames,
): CatalogExclusion {
  const elements = exclusion.elements.map((e) => ({
    ...catalogIndexKey(table, e, columnTypes),
    operator: e.operator,
  }));
  return {
    name:
      exclusion.name ??
      names.exclusion(
        table.name,
        elements.map((e) => e.column ?? 'expr'),
      ),
    method: exclusion.method,
    elements,
    ...(exclusion.include.length > 0 ? { include: columnNames(table, exclusion.include) } : {}),
    ...(exclusion.where !== null
      ? { where: canonicalExpression(exclusion.where, { columns: columnTypes }) }
      : {}),
    ...(exclusion.deferrable ? { deferrable: true as const } : {}),
    ...(exclusion.deferrable && exclusion.initiallyDeferred
      ? { initiallyDeferred: true as const }
      : {}),
    ...(exclusion.comment !== null ? { comment: exclusion.comment } : {}),
  };
}

function catalogIndexKey(
  table: Table,
  key: IndexKey,
  columnTypes: Record<string, string>,
): CatalogIndexKey {
  const out: CatalogIndexKey =
    key.column !== null
      ? { column: columnNames(table, [key.column])[0]! }
      : { expression: canonicalExpression(key.expression ?? '', { columns: columnTypes }) };
  if (key.descending) out.descending = true;
  if (key.nulls !== null && key.nulls !== (key.descending ? 'FIRST' : 'LAST'))
    out.nulls = key.nulls;
  if (key.opclass !== null) out.opclass = key.opclass;
  if (key.collation !== null) out.collation = key.collation;
  return out;
}
