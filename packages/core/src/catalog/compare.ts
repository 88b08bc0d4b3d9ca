/**
 * Comparing two catalogs: the expected one (from a design or a revision's snapshot) and the
 * actual one (read back from a database). Each difference is a sentence a user can act on,
 * for drift checks and for test failures.
 */
import { describeObjectDifferences } from '../objects/catalog';
import { describeSequenceDifferences } from '../sequences/compare';
import { describeUserTypeDifferences } from '../user-types/compare';
import type {
  Catalog,
  CatalogCheck,
  CatalogColumn,
  CatalogEnum,
  CatalogExclusion,
  CatalogForeignKey,
  CatalogIndex,
  CatalogIndexKey,
  CatalogPrimaryKey,
  CatalogTable,
  CatalogUnique,
} from './types';

const list = (names: readonly string[]) => names.join(', ');
const show = (value: string | null) => (value === null ? 'none' : value);

function byNameMap<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}

/** Missing and extra items by name, then `compare` for the ones in both. */
function compareNamed<T extends { name: string }>(
  expected: readonly T[],
  actual: readonly T[],
  what: string,
  prefix: string,
  compare: (e: T, a: T) => string[],
): string[] {
  const out: string[] = [];
  const actualByName = byNameMap(actual);
  const expectedByName = byNameMap(expected);
  for (const e of expected) {
    const a = actualByName.get(e.name);
    if (!a) out.push(`${prefix}${what} "${e.name}" is missing from the database`);
    else out.push(...compare(e, a).map((d) => `${prefix}${what} "${e.name}" ${d}`));
  }
  for (const a of actual) {
    if (!expectedByName.has(a.name)) {
      out.push(`${prefix}${what} "${a.name}" is in the database but not expected`);
    }
  }
  return out;
}

function differs(label: string, expected: string, actual: string): string[] {
  return expected === actual ? [] : [`${label} ${actual} in the database, ${expected} expected`];
}

function enumDifferences(e: CatalogEnum, a: CatalogEnum): string[] {
  return differs('has values', list(e.values), list(a.values));
}

function columnDifferences(e: CatalogColumn, a: CatalogColumn): string[] {
  const out: string[] = [];
  if (e.type !== a.type) out.push(`is ${a.type} in the database, ${e.type} expected`);
  if (e.nullable !== a.nullable) {
    out.push(
      `is ${a.nullable ? 'nullable' : 'NOT NULL'} in the database, ${e.nullable ? 'nullable' : 'NOT NULL'} expected`,
    );
  }
  if (e.autoincrement !== a.autoincrement) {
    out.push(
      `is ${a.autoincrement ? '' : 'not '}autoincrement in the database, ${e.autoincrement ? '' : 'not '}autoincrement expected`,
    );
  }
  out.push(...differs('has default', show(e.default), show(a.default)));
  out.push(...differs('is', describeIdentity(e), describeIdentity(a)));
  out.push(...differs('is generated as', show(e.generated ?? null), show(a.generated ?? null)));
  out.push(...differs('has collation', show(e.collation ?? null), show(a.collation ?? null)));
  if (e.comment !== a.comment) {
    out.push(
      `has comment ${JSON.stringify(a.comment)} in the database, ${JSON.stringify(e.comment)} expected`,
    );
  }
  return out;
}

/** `GENERATED ALWAYS AS IDENTITY (START 1 INCREMENT 1 ...)`, or `no identity column`. */
export function describeIdentity(column: CatalogColumn): string {
  const i = column.identity;
  if (!i) return 'no identity column';
  return `GENERATED ${i.generation} AS IDENTITY (START ${i.start} INCREMENT ${i.increment} MINVALUE ${i.minValue} MAXVALUE ${i.maxValue} CACHE ${i.cache}${i.cycle ? ' CYCLE' : ''})`;
}

function primaryKeyDifferences(e: CatalogPrimaryKey | null, a: CatalogPrimaryKey | null): string[] {
  if (e === null && a === null) return [];
  if (e === null)
    return [`has primary key "${a!.name}" (${list(a!.columns)}) in the database, none expected`];
  if (a === null)
    return [`has no primary key in the database, "${e.name}" (${list(e.columns)}) expected`];
  return [
    ...differs('primary key is named', `"${e.name}"`, `"${a.name}"`),
    ...differs('primary key is on', `(${list(e.columns)})`, `(${list(a.columns)})`),
    ...differs('primary key is', keyDeferrabilityText(e), keyDeferrabilityText(a)),
    ...commentDifferences(e.comment ?? null, a.comment ?? null).map((d) => `primary key ${d}`),
  ];
}

/** A foreign key's options as Postgres writes them, `MATCH SIMPLE` and the rest when defaults. */
export function foreignKeyOptionsText(fk: CatalogForeignKey): string {
  return [
    `MATCH ${fk.match ?? 'SIMPLE'}`,
    fk.deferrable
      ? `DEFERRABLE INITIALLY ${fk.initiallyDeferred ? 'DEFERRED' : 'IMMEDIATE'}`
      : 'NOT DEFERRABLE',
    fk.notValid ? 'NOT VALID' : 'VALID',
  ].join(' ');
}

function foreignKeyDifferences(e: CatalogForeignKey, a: CatalogForeignKey): string[] {
  const target = (fk: CatalogForeignKey) =>
    `(${list(fk.columns)}) -> ${fk.refTable}(${list(fk.refColumns)})`;
  return [
    ...differs('is', target(e), target(a)),
    ...differs('has ON DELETE', e.onDelete, a.onDelete),
    ...differs('has ON UPDATE', e.onUpdate, a.onUpdate),
    ...differs('is', foreignKeyOptionsText(e), foreignKeyOptionsText(a)),
    ...commentDifferences(e.comment ?? null, a.comment ?? null),
  ];
}

/** `NOT DEFERRABLE`, `DEFERRABLE INITIALLY IMMEDIATE` or `DEFERRABLE INITIALLY DEFERRED`. */
export function keyDeferrabilityText(k: { deferrable?: true; initiallyDeferred?: true }): string {
  if (!k.deferrable) return 'NOT DEFERRABLE';
  return `DEFERRABLE INITIALLY ${k.initiallyDeferred ? 'DEFERRED' : 'IMMEDIATE'}`;
}

function uniqueDifferences(e: CatalogUnique, a: CatalogUnique): string[] {
  const describe = (u: CatalogUnique) =>
    `(${list(u.columns)})${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''}`;
  return [
    ...differs('is on', describe(e), describe(a)),
    ...differs('is', keyDeferrabilityText(e), keyDeferrabilityText(a)),
    ...commentDifferences(e.comment ?? null, a.comment ?? null),
  ];
}

/** An index key as SQL-like text: `lower(email) DESC NULLS LAST`, `name text_pattern_ops`. */
function indexKeyText(key: CatalogIndexKey): string {
  let text = key.column ?? `(${key.expression})`;
  if (key.collation !== undefined) text += ` COLLATE "${key.collation}"`;
  if (key.opclass !== undefined) text += ` ${key.opclass}`;
  if (key.descending) text += ' DESC';
  if (key.nulls !== undefined) text += ` NULLS ${key.nulls}`;
  return text;
}

/** What an index is, everything but its name: `unique gin (data jsonb_path_ops) WHERE ...`. */
export function describeIndex(i: CatalogIndex): string {
  const keys = i.keys ? i.keys.map(indexKeyText) : i.columns;
  let text = `${i.unique ? 'unique ' : ''}${i.method ?? 'btree'} (${list(keys)})`;
  if (i.include && i.include.length > 0) text += ` INCLUDE (${list(i.include)})`;
  if (i.nullsNotDistinct) text += ' NULLS NOT DISTINCT';
  if (i.where !== undefined) text += ` WHERE ${i.where}`;
  return text;
}

function indexDifferences(e: CatalogIndex, a: CatalogIndex): string[] {
  return [
    ...differs('is', describeIndex(e), describeIndex(a)),
    ...commentDifferences(e.comment ?? null, a.comment ?? null),
  ];
}

/** `gist (room_id WITH =, during WITH &&) WHERE ... DEFERRABLE`: everything but the name. */
export function describeExclusion(x: CatalogExclusion): string {
  const elements = x.elements.map((e) => `${indexKeyText(e)} WITH ${e.operator}`);
  let text = `${x.method} (${list(elements)})`;
  if (x.include && x.include.length > 0) text += ` INCLUDE (${list(x.include)})`;
  if (x.where !== undefined) text += ` WHERE (${x.where})`;
  if (x.deferrable) text += ` DEFERRABLE${x.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}`;
  return text;
}

function exclusionDifferences(e: CatalogExclusion, a: CatalogExclusion): string[] {
  return [
    ...differs('is', describeExclusion(e), describeExclusion(a)),
    ...commentDifferences(e.comment ?? null, a.comment ?? null),
  ];
}

function commentDifferences(e: string | null, a: string | null): string[] {
  return e === a
    ? []
    : [`has comment ${JSON.stringify(a)} in the database, ${JSON.stringify(e)} expected`];
}

const validity = (k: CatalogCheck) => (k.notValid ? 'NOT VALID' : 'VALID');

function checkDifferences(e: CatalogCheck, a: CatalogCheck): string[] {
  return [
    ...differs('is', e.expression, a.expression),
    ...differs('is', validity(e), validity(a)),
    ...commentDifferences(e.comment ?? null, a.comment ?? null),
  ];
}

export interface CompareOptions {
  /**
   * Whether column order counts. Postgres cannot reorder columns: a column that a downgrade
   * adds back lands at the end of its table, so drift checks leave order out (as Alembic's
   * autogenerate does) while round-trip tests keep it in.
   */
  columnOrder?: boolean;
}

function columnOrderDifferences(e: CatalogTable, a: CatalogTable, prefix: string): string[] {
  const expectedOrder = e.columns
    .map((c) => c.name)
    .filter((n) => a.columns.some((c) => c.name === n));
  const actualOrder = a.columns
    .map((c) => c.name)
    .filter((n) => e.columns.some((c) => c.name === n));
  if (list(expectedOrder) === list(actualOrder)) return [];
  return [
    `${prefix}columns are in the order ${list(actualOrder)} in the database, ${list(expectedOrder)} expected`,
  ];
}

const partitioning = (t: CatalogTable) =>
  t.partitionBy ? `partitioned by ${t.partitionBy}` : 'not partitioned';

function tableDifferences(e: CatalogTable, a: CatalogTable, options: CompareOptions): string[] {
  const prefix = `table "${e.name}": `;
  const out: string[] = [];
  out.push(...compareNamed(e.columns, a.columns, 'column', prefix, columnDifferences));
  if (options.columnOrder !== false) out.push(...columnOrderDifferences(e, a, prefix));
  if (e.comment !== a.comment) {
    out.push(
      `${prefix}has comment ${JSON.stringify(a.comment)} in the database, ${JSON.stringify(e.comment)} expected`,
    );
  }
  out.push(...primaryKeyDifferences(e.primaryKey, a.primaryKey).map((d) => prefix + d));
  out.push(
    ...compareNamed(e.foreignKeys, a.foreignKeys, 'foreign key', prefix, foreignKeyDifferences),
  );
  out.push(...compareNamed(e.uniques, a.uniques, 'unique constraint', prefix, uniqueDifferences));
  out.push(...compareNamed(e.indexes, a.indexes, 'index', prefix, indexDifferences));
  out.push(...compareNamed(e.checks, a.checks, 'check', prefix, checkDifferences));
  out.push(
    ...compareNamed(
      e.exclusions ?? [],
      a.exclusions ?? [],
      'exclusion constraint',
      prefix,
      exclusionDifferences,
    ),
  );
  out.push(...differs('is', partitioning(e), partitioning(a)).map((d) => prefix + d));
  const partitionOf = (t: CatalogTable) =>
    t.partitionOf ? `a partition of ${t.partitionOf.table} ${t.partitionOf.bound}` : 'no partition';
  out.push(...differs('is', partitionOf(e), partitionOf(a)).map((d) => prefix + d));
  return out;
}

/**
 * Every difference between what is expected and what the database holds, one sentence each,
 * e.g. `table "users": column "language_code" is VARCHAR(255) in the database, VARCHAR(10) expected`.
 */
export function describeCatalogDifferences(
  expected: Catalog,
  actual: Catalog,
  options: CompareOptions = {},
): string[] {
  const actualTables = byNameMap(actual.tables);
  const schemas = (c: Catalog) =>
    (c.schemas ?? []).map((name) => ({ name, comment: c.schemaComments?.[name] ?? null }));
  return [
    ...compareNamed(schemas(expected), schemas(actual), 'schema', '', (e, a) =>
      e.comment === a.comment
        ? []
        : [
            `has comment ${JSON.stringify(a.comment)} in the database, ${JSON.stringify(e.comment)} expected`,
          ],
    ),
    ...compareNamed(expected.enums, actual.enums, 'enum', '', enumDifferences),
    ...describeUserTypeDifferences(expected, actual),
    ...describeSequenceDifferences(expected, actual),
    ...compareNamed(expected.tables, actual.tables, 'table', '', () => []),
    ...expected.tables.flatMap((e) => {
      const a = actualTables.get(e.name);
      return a ? tableDifferences(e, a, options) : [];
    }),
    ...describeObjectDifferences(expected.objects, actual.objects),
  ];
}

export function catalogsEqual(a: Catalog, b: Catalog, options: CompareOptions = {}): boolean {
  return describeCatalogDifferences(a, b, options).length === 0;
}
