/**
 * Index and key options a TypeScript model library has no words for. The generated file
 * says what is left out in a comment, so no one takes the model for the whole schema;
 * Retort's SQL and its Alembic revisions still create them.
 */
import {
  type Catalog,
  type CatalogCheck,
  type CatalogColumn,
  type CatalogForeignKey,
  type CatalogIdentity,
  type CatalogIndex,
  type CatalogSequence,
  creationOrder,
  type Design,
  describeExclusion,
  describeIndex,
  describeObject,
  foreignKeyOptionsText,
  identityOptions,
  keyDeferrabilityText,
  type ObjectKind,
  toCatalog,
} from '@retort/core';
import { identityOptionsSql } from '../sql/render';

/** True when the index is more than plain ascending btree columns. */
export function hasIndexOptions(index: CatalogIndex): boolean {
  return (
    index.method !== undefined ||
    index.keys !== undefined ||
    (index.include?.length ?? 0) > 0 ||
    index.where !== undefined ||
    index.nullsNotDistinct === true
  );
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

export function indexComment(library: string, index: CatalogIndex): string {
  return `// ${library} cannot express index ${index.name}: ${oneLine(describeIndex(index))}.`;
}

/** A comment for a foreign key's MATCH FULL, DEFERRABLE or NOT VALID, or null. */
export function foreignKeyComment(library: string, fk: CatalogForeignKey): string | null {
  if (!fk.match && !fk.deferrable && !fk.notValid) return null;
  return `// ${library} cannot express foreign key ${fk.name}: ${foreignKeyOptionsText(fk)}.`;
}

/** A comment for a NOT VALID check, or null for a valid one. */
export function checkValidityComment(library: string, check: CatalogCheck): string | null {
  return check.notValid ? `// ${library} cannot express check ${check.name}: NOT VALID.` : null;
}

/** A comment for the comment on an index, or null when it has none. */
export function indexCommentNote(library: string, index: CatalogIndex): string | null {
  if (index.comment === undefined) return null;
  return `// ${library} cannot express the comment on index ${index.name}: ${JSON.stringify(oneLine(index.comment))}.`;
}

/** A comment for a column's collation, or null when it has the type's default. */
export function collationComment(
  library: string,
  table: string,
  column: CatalogColumn,
): string | null {
  if (column.collation === undefined) return null;
  return `// ${library} cannot express the collation of ${table}.${column.name}: COLLATE "${column.collation}".`;
}

/** An identity's options as numbers where they are safe integers, else as decimal text. */
export function identitySequenceOptions(
  identity: CatalogIdentity,
  type: string,
): [key: 'startWith' | 'increment' | 'minValue' | 'maxValue' | 'cache' | 'cycle', value: string][] {
  const o = identityOptions(identity, type);
  const number = (v: string) => (Number.isSafeInteger(Number(v)) ? v : `'${v}'`);
  const out: ReturnType<typeof identitySequenceOptions> = [];
  if (o.start !== null) out.push(['startWith', number(o.start)]);
  if (o.increment !== null) out.push(['increment', number(o.increment)]);
  if (o.minValue !== null) out.push(['minValue', number(o.minValue)]);
  if (o.maxValue !== null) out.push(['maxValue', number(o.maxValue)]);
  if (o.cache !== null) out.push(['cache', number(o.cache)]);
  if (o.cycle) out.push(['cycle', 'true']);
  return out;
}

/** A comment for identity sequence options a library cannot pass on, or null when none are set. */
export function identityOptionsComment(
  library: string,
  table: string,
  column: CatalogColumn,
): string | null {
  if (!column.identity) return null;
  const options = identityOptionsSql(identityOptions(column.identity, column.type));
  if (options.length === 0) return null;
  return `// ${library} cannot express the identity options of ${table}.${column.name}: ${options.join(' ')}.`;
}

/**
 * The design's views, functions, triggers and policies, which a model library or diagram has
 * no words for: one comment line each (`comment` is the format's comment marker), or none;
 * `expressed` are the kinds the library writes itself (views, for the TypeScript ones).
 */
export function objectsComment(
  library: string,
  design: Design,
  comment = '//',
  expressed: readonly ObjectKind[] = [],
): string[] {
  const objects = (toCatalog(design).objects ?? []).filter((o) => !expressed.includes(o.kind));
  if (objects.length === 0) return [];
  return [
    `${comment} ${library} cannot express these objects; Retort's SQL and Alembic revisions create them:`,
    ...creationOrder(objects).map((o) => `${comment}   ${describeObject(o)}`),
  ];
}

/**
 * The design's exclusion constraints, which no TypeScript model library can declare: one
 * comment line each, or none.
 */
export function exclusionsComment(library: string, design: Design, comment = '//'): string[] {
  const lines = toCatalog(design).tables.flatMap((t) =>
    (t.exclusions ?? []).map(
      (x) => `${comment}   ${t.name}: ${x.name} EXCLUDE USING ${oneLine(describeExclusion(x))}`,
    ),
  );
  if (lines.length === 0) return [];
  return [
    `${comment} ${library} cannot express exclusion constraints; Retort's SQL and Alembic revisions create them:`,
    ...lines,
  ];
}

/**
 * The design's DEFERRABLE primary keys and unique constraints, which the model library
 * declares as plain keys: one comment line each, or none.
 */
export function deferrableKeysComment(library: string, design: Design, comment = '//'): string[] {
  const lines = toCatalog(design).tables.flatMap((t) =>
    [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques]
      .filter((k) => k.deferrable)
      .map((k) => `${comment}   ${t.name}: ${k.name} ${keyDeferrabilityText(k)}`),
  );
  if (lines.length === 0) return [];
  return [
    `${comment} ${library} cannot express deferrable keys; Retort's SQL and Alembic revisions create them:`,
    ...lines,
  ];
}

/** The catalog without its partitions: a model library has no words for them. */
export function withoutPartitions(catalog: Catalog): Catalog {
  return catalog.tables.some((t) => t.partitionOf)
    ? { ...catalog, tables: catalog.tables.filter((t) => !t.partitionOf) }
    : catalog;
}

/**
 * The design's partitioned tables and their partitions, which a model library cannot declare:
 * one comment line each, or none. A partition's rows are its parent's, and so is its row type.
 */
export function partitionsComment(library: string, design: Design, comment = '//'): string[] {
  const tables = toCatalog(design).tables;
  const parents = tables.filter((t) => t.partitionBy !== undefined);
  if (parents.length === 0) return [];
  return [
    `${comment} ${library} cannot declare partitions; Retort's SQL and Alembic revisions create them. A partition's rows are its parent's, so its row type is the parent's:`,
    ...parents.map((p) => {
      const partitions = tables
        .filter((t) => t.partitionOf?.table === p.name)
        .map((t) => `${t.name} ${t.partitionOf!.bound}`);
      return `${comment}   ${p.name} is partitioned by ${p.partitionBy}${partitions.length > 0 ? `; partitions: ${partitions.join(', ')}` : ''}`;
    }),
  ];
}

/** A generated file with the objects comment after it, when there is one. */
export function withObjectsComment(source: string, comment: readonly string[]): string {
  return comment.length === 0 ? source : `${source}\n${comment.join('\n')}\n`;
}

/**
 * The type a column reads as: a domain's values are its base type's (a domain over a domain
 * too), so its TypeScript type is the base type's. Other types are as they are.
 */
export function readableColumnType(type: string, catalog: Pick<Catalog, 'domains'>): string {
  const domains = new Map((catalog.domains ?? []).map((d) => [d.name, d.type]));
  let array = type.endsWith('[]');
  let element = array ? type.slice(0, -2) : type;
  for (let depth = 0; depth < 10 && domains.has(element); depth++) {
    const base = domains.get(element)!;
    array ||= base.endsWith('[]');
    element = base.endsWith('[]') ? base.slice(0, -2) : base;
  }
  return array ? `${element}[]` : element;
}

/**
 * The design's extensions, domains and composite types, which a model library cannot create:
 * one comment line each (`comment` is the format's comment marker), or none.
 */
export function userTypesComment(library: string, design: Design, comment = '//'): string[] {
  const catalog = toCatalog(design);
  const lines = [
    ...(catalog.extensions ?? []).map(
      (e) => `${comment}   extension ${e.name} (in schema ${e.schema})`,
    ),
    ...(catalog.domains ?? []).map((d) => {
      const parts = [
        ...(d.collation !== undefined ? [`COLLATE "${d.collation}"`] : []),
        ...(d.default !== null ? [`DEFAULT ${d.default}`] : []),
        ...(d.notNull ? ['NOT NULL'] : []),
        ...d.checks.map((k) => `CONSTRAINT ${k.name} CHECK (${oneLine(k.expression)})`),
      ];
      return `${comment}   domain ${d.name} AS ${d.type}${parts.length > 0 ? ` ${parts.join(' ')}` : ''}`;
    }),
    ...(catalog.compositeTypes ?? []).map(
      (t) =>
        `${comment}   composite type ${t.name} AS (${t.attributes.map((a) => `${a.name} ${a.type}`).join(', ')})`,
    ),
  ];
  if (lines.length === 0) return [];
  return [
    `${comment} ${library} cannot create these types; Retort's SQL and Alembic revisions do. A domain's columns read as its base type:`,
    ...lines,
  ];
}

function sequenceLine(s: CatalogSequence, comment: string, options: boolean): string {
  const parts = [
    `AS ${s.dataType}`,
    ...(options
      ? [
          `START WITH ${s.start} INCREMENT BY ${s.increment} MINVALUE ${s.minValue} MAXVALUE ${s.maxValue} CACHE ${s.cache}`,
          ...(s.cycle ? ['CYCLE'] : []),
        ]
      : []),
    ...(s.ownedBy !== null ? [`OWNED BY ${s.ownedBy.table}.${s.ownedBy.column}`] : []),
    ...(s.comment !== null ? [`COMMENT ${JSON.stringify(oneLine(s.comment))}`] : []),
  ];
  return `${comment}   sequence ${s.name} ${parts.join(' ')}`;
}

/**
 * The design's standalone sequences, which TypeORM and Kysely cannot create: one comment
 * line each, or none.
 */
export function sequencesComment(library: string, design: Design, comment = '//'): string[] {
  const sequences = toCatalog(design).sequences ?? [];
  if (sequences.length === 0) return [];
  return [
    `${comment} ${library} cannot create standalone sequences; Retort's SQL and Alembic revisions do:`,
    ...sequences.map((s) => sequenceLine(s, comment, true)),
  ];
}

/**
 * What drizzle's `pgSequence` cannot say of a sequence (its type when not bigint, its owner,
 * its comment): one comment line for each sequence that has one, or none.
 */
export function sequencePartsComment(design: Design, comment = '//'): string[] {
  const sequences = (toCatalog(design).sequences ?? []).filter(
    (s) => s.dataType !== 'bigint' || s.ownedBy !== null || s.comment !== null,
  );
  if (sequences.length === 0) return [];
  return [
    `${comment} drizzle-orm/pg-core's pgSequence has no data type, OWNED BY or comment; Retort's SQL and Alembic revisions give them:`,
    ...sequences.map((s) => sequenceLine(s, comment, false)),
  ];
}
