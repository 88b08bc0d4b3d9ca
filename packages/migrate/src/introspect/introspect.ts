/**
 * pg_catalog back into a Catalog: the same name-based view `toCatalog` gives a design, so
 * the two compare with `catalogsEqual`. `alembic_version` is the migration tool's, not the
 * schema's, and is left out.
 *
 * Every non-system schema is read (or those `schemas` chooses); tables and enums outside
 * `public` are named `schema.name`, and the schemas other than public are the catalog's. What
 * Retort models goes into the catalog; everything else is listed in `unmodelled` with why,
 * never dropped silently. An object that cannot be carried without changing its meaning (a
 * column of a type Retort cannot read) is left out of the catalog; one whose modelled part stands on its own (an identity
 * column is still an integer column, an unlogged table still a table) stays, and is listed.
 */
import {
  type Catalog,
  type CatalogColumn,
  type CatalogCompositeType,
  type CatalogDomain,
  type CatalogExclusion,
  type CatalogExtension,
  type CatalogIdentity,
  type CatalogIndex,
  type CatalogIndexKey,
  type CatalogSequence,
  type CatalogSequenceOwner,
  type CatalogTable,
  canonicalExpression,
  columnNamesPart,
  columnTypeSpelling,
  DEFAULT_SCHEMA,
  expressionColumns,
  foreignKeyOptions,
  INDEX_METHODS,
  INTEGER_TYPES,
  makeObjectName,
  qualifiedName,
  type ReferentialAction,
  RetortError,
  SEQUENCE_DATA_TYPES,
  schemaNameProblem,
  sequencesCalledBy,
  withoutNullDefault,
} from '@retort/core';
import type { Introspection, IntrospectOptions, Queryable, Unmodelled } from '../contract';
import {
  COLUMNS,
  CONSTRAINTS,
  type ColumnRow,
  type ConstraintRow,
  EXTENSIONS,
  type ExtensionRow,
  INDEXES,
  type IndexRow,
  OTHER_OBJECTS,
  type OtherRow,
  RELATIONS,
  type RelationRow,
  SCHEMAS,
  TYPES,
  type TypeRow,
} from './catalog-queries';
import { DEPENDENCIES, type DependencyRow, OBJECTS, type ObjectRow } from './object-queries';
import { readObjects } from './read-objects';
import { readCompositeType, readDomain } from './read-user-types';

/** The schema the version table lives in, and whose tables are named without their schema. */
export const MODELLED_SCHEMA = DEFAULT_SCHEMA;

const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** Views and materialized views are read as objects (read-objects.ts). */
const RELATION_KINDS: Record<string, string> = {
  f: 'foreign table',
};

const INTEGER_MAX: Record<string, string> = {
  smallint: '32767',
  integer: '2147483647',
  bigint: '9223372036854775807',
};

/** Postgres arrays of names come back as arrays from pg and PGlite alike when cast to text[]. */
const names = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

/** The modelled part of the database as a catalog (see `introspectDatabase` for the rest). */
export async function introspect(db: Queryable, options: IntrospectOptions = {}): Promise<Catalog> {
  return (await introspectDatabase(db, options)).catalog;
}

export async function introspectDatabase(
  db: Queryable,
  options: IntrospectOptions = {},
): Promise<Introspection> {
  const schemaRows = (await db.query<{ name: string; comment: string | null }>(SCHEMAS)).rows;
  const existing = schemaRows.map((r) => r.name);
  const schemas = options.schemas ? [...new Set(options.schemas)] : existing;
  const missing = schemas.filter((s) => !existing.includes(s));
  if (missing.length > 0) {
    throw new RetortError(
      `The database has no schema ${missing.join(', ')}; it has ${existing.join(', ') || 'none'}.`,
      'invalid_input',
      { schemas: missing },
    );
  }
  const params = [schemas];
  // One after another: a transaction's single connection takes one query at a time.
  const relations = await db.query<RelationRow>(RELATIONS, params);
  const columns = await db.query<ColumnRow>(COLUMNS, params);
  const constraints = await db.query<ConstraintRow>(CONSTRAINTS, params);
  const indexes = await db.query<IndexRow>(INDEXES, params);
  const types = await db.query<TypeRow>(TYPES, params);
  const extensions = await db.query<ExtensionRow>(EXTENSIONS, params);
  const others = await db.query<OtherRow>(OTHER_OBJECTS, params);
  const objects = await db.query<ObjectRow>(OBJECTS, params);
  const dependencies = await db.query<DependencyRow>(DEPENDENCIES);
  const reader = new CatalogReader(relations.rows);
  reader.readSchemas(schemas, new Map(schemaRows.map((r) => [r.name, r.comment])));
  reader.readTypes(types.rows);
  reader.readExtensions(extensions.rows);
  reader.readRelations();
  reader.readColumns(columns.rows);
  reader.readConstraints(constraints.rows);
  reader.readIndexes(indexes.rows);
  reader.readExclusions(indexes.rows);
  reader.readPartitions();
  reader.readSequences();
  for (const row of others.rows) reader.list(row.kind, row.name, row.why);
  const result = reader.result();
  const read = readObjects(objects.rows, dependencies.rows, reader.modelledTables(), schemas);
  if (read.objects.length > 0) result.catalog.objects = read.objects;
  result.unmodelled = [...result.unmodelled, ...read.unmodelled].sort((a, b) =>
    a.name === b.name ? (a.why < b.why ? -1 : 1) : a.name < b.name ? -1 : 1,
  );
  return result;
}

interface TableState {
  row: RelationRow;
  table: CatalogTable;
  columnTypes: Record<string, string>;
  /** Columns left out of the catalog: anything that uses them is left out too. */
  omitted: Set<string>;
}

class CatalogReader {
  private readonly unmodelled: Unmodelled[] = [];
  private readonly enums: Catalog['enums'] = [];
  private readonly domains: CatalogDomain[] = [];
  private readonly compositeTypes: CatalogCompositeType[] = [];
  private readonly extensions: CatalogExtension[] = [];
  private readonly tables = new Map<number, TableState>();
  private readonly relationByOid: Map<number, RelationRow>;
  /** Sequences a modelled column uses as its SERIAL. */
  private readonly serialSequences = new Set<number>();
  /** Sequences owned by a column of a table that is listed as a whole. */
  private readonly coveredSequences = new Set<number>();
  /** The modelled column that owns each sequence (`OWNED BY`). */
  private readonly sequenceOwners = new Map<number, CatalogSequenceOwner>();
  private readonly sequences: CatalogSequence[] = [];
  /** Exclusion constraints of modelled tables, read once their indexes are. */
  private readonly exclusionRows: { row: ConstraintRow; state: TableState; name: string }[] = [];

  constructor(private readonly relations: RelationRow[]) {
    this.relationByOid = new Map(relations.map((r) => [r.oid, r]));
  }

  /** Schemas other than public: each is the design's, even when nothing lives in it yet. */
  private schemas: string[] = [];
  private schemaComments: Record<string, string> = {};

  readSchemas(schemas: readonly string[], comments: ReadonlyMap<string, string | null>): void {
    this.schemas = schemas
      .filter((s) => s !== DEFAULT_SCHEMA)
      .flatMap((s) => {
        const problem = schemaNameProblem(s);
        if (problem === null) return [s];
        this.list('schema', s, problem);
        return [];
      })
      .sort();
    for (const schema of this.schemas) {
      const comment = comments.get(schema);
      if (comment != null) this.schemaComments[schema] = comment;
    }
  }

  list(kind: string, name: string, why: string): void {
    this.unmodelled.push({ kind, name, why });
  }

  private isReadSchema(schema: string): boolean {
    return schema === MODELLED_SCHEMA || this.schemas.includes(schema);
  }

  private qualified(relation: RelationRow): string {
    return `${relation.schema}.${relation.name}`;
  }

  readTypes(rows: TypeRow[]): void {
    // Read once every enum is known: a domain or an attribute may be of one.
    const domainRows: TypeRow[] = [];
    const compositeRows: TypeRow[] = [];
    for (const t of rows) {
      const name = `${t.schema}.${t.name}`;
      const modelledSchema = this.schemas.concat(DEFAULT_SCHEMA).includes(t.schema);
      if (t.kind === 'e' && modelledSchema) {
        this.enums.push({ name: qualifiedName(t.schema, t.name), values: names(t.labels) });
        if (t.comment !== null) this.list('comment', `type ${name}`, 'comment on a type');
        continue;
      }
      if (t.kind === 'd' && modelledSchema) {
        domainRows.push(t);
        continue;
      }
      if (t.kind === 'c' && modelledSchema) {
        compositeRows.push(t);
        continue;
      }
      const why: Record<string, string> = {
        e: 'enum in a schema Retort cannot model',
        d: 'domain type',
        c: 'composite type',
        r: 'range type',
        b: 'base type',
        p: 'pseudo-type',
      };
      this.list('type', name, why[t.kind] ?? 'type');
    }
    const enumNames = this.enums.map((e) => e.name);
    for (const t of domainRows) {
      const read = readDomain(t, enumNames);
      this.domains.push(read.domain);
      for (const why of read.unmodelled) this.list('type', `${t.schema}.${t.name}`, why);
    }
    for (const t of compositeRows) this.compositeTypes.push(readCompositeType(t, enumNames));
  }

  readExtensions(rows: ExtensionRow[]): void {
    for (const e of rows) this.extensions.push({ name: e.name, schema: e.schema });
  }

  readRelations(): void {
    for (const r of this.relations) {
      const name = this.qualified(r);
      if (r.kind === 'S') continue;
      if (r.kind === 'v' || r.kind === 'm') continue;
      if (RELATION_KINDS[r.kind]) {
        this.list(RELATION_KINDS[r.kind]!, name, RELATION_KINDS[r.kind]!);
        continue;
      }
      if (r.schema === MODELLED_SCHEMA && r.name === 'alembic_version') continue;
      const whole: string[] = [];
      if (r.schema !== MODELLED_SCHEMA && !this.schemas.includes(r.schema)) {
        whole.push(`table in schema ${r.schema}`);
      }
      if (r.partition) {
        const parent = this.relationByOid.get(r.partition_parent ?? -1);
        if (!parent || !this.isReadSchema(parent.schema)) {
          whole.push(`partition of ${r.parents}, which is not read`);
        }
      } else if (r.parents !== null) whole.push(`inherits from ${r.parents}`);
      if (whole.length > 0) {
        this.list('table', name, whole.join(', '));
        continue;
      }
      if (r.persistence === 'u') this.list('table', name, 'unlogged table');
      if (r.options !== null && r.options.length > 0) {
        this.list('table', name, `storage parameters (${r.options.join(', ')})`);
      }
      this.tables.set(r.oid, {
        row: r,
        table: {
          name: qualifiedName(r.schema, r.name),
          comment: r.comment,
          columns: [],
          primaryKey: null,
          foreignKeys: [],
          uniques: [],
          indexes: [],
          checks: [],
          ...(r.partition_key !== null ? { partitionBy: r.partition_key } : {}),
        },
        columnTypes: {},
        omitted: new Set(),
      });
    }
  }

  readColumns(rows: ColumnRow[]): void {
    const pending: {
      state: TableState;
      column: CatalogColumn;
      name: string;
      generated?: string;
    }[] = [];
    for (const c of rows) {
      const state = this.tables.get(c.table);
      if (!state) {
        for (const o of c.owned_sequences) this.coveredSequences.add(o);
        continue;
      }
      const name = `${this.qualified(state.row)}.${c.name}`;
      const type = this.columnType(c);
      const why: string[] = [];
      if (typeof type !== 'string') why.push(type.why);
      const identity = this.identity(c);
      if (identity === null) why.push('identity column whose sequence Retort cannot read');
      if (why.length > 0) this.list('column', name, why.join(', '));
      if (typeof type !== 'string') {
        state.omitted.add(c.name);
        for (const o of c.owned_sequences) this.coveredSequences.add(o);
        continue;
      }
      state.columnTypes[c.name] = type;
      const column: CatalogColumn = {
        name: c.name,
        type,
        nullable: !c.notnull,
        default: null,
        autoincrement: false,
        comment: c.comment,
      };
      if (identity) column.identity = identity;
      if (c.collation !== null) column.collation = c.collation;
      if (c.generated === 's' && c.default !== null) {
        // pg_attrdef holds a generated column's expression, not a default.
        pending.push({ state, column, name, generated: c.default });
      } else if (c.generated !== '') {
        this.list('column', name, `generated column of kind ${c.generated}`);
      }
      if (c.identity === '' && c.generated === '' && c.default !== null) {
        const serial = this.serialSequence(c.owned_sequences, c.default, c.type);
        if (serial !== null) {
          column.autoincrement = true;
          this.serialSequences.add(serial);
        } else {
          column.default = c.default;
        }
      }
      for (const o of c.owned_sequences) {
        if (!this.serialSequences.has(o)) {
          this.sequenceOwners.set(o, { table: state.table.name, column: c.name });
        }
      }
      state.table.columns.push(column);
      pending.push({ state, column, name });
    }
    // Canonical once every column's type is known: a default may cast to another column's type.
    for (const { state, column, name, generated } of pending) {
      if (generated !== undefined) {
        try {
          column.generated = canonicalExpression(generated, { columns: state.columnTypes });
        } catch {
          this.list('column', name, `generated expression ${generated} that Retort cannot read`);
        }
        continue;
      }
      if (column.default === null) continue;
      try {
        // An older server may have kept `DEFAULT NULL::timestamp`; it means no default.
        column.default = withoutNullDefault(
          canonicalExpression(column.default, {
            columns: state.columnTypes,
            role: 'default',
          }),
        );
      } catch {
        this.list('column', name, `default ${column.default} that Retort cannot read`);
        column.default = null;
      }
    }
  }

  /** The canonical type, or why the column's type is not one Retort models. */
  private columnType(c: ColumnRow): string | { why: string } {
    const typeName = `${c.type_schema}.${c.type_name}`;
    switch (c.type_kind) {
      case 'e':
        return this.enums.some((e) => e.name === qualifiedName(c.type_schema, c.type_name))
          ? `${qualifiedName(c.type_schema, c.type_name)}${c.array ? '[]' : ''}`
          : { why: `enum type ${typeName}, in a schema that is not read` };
      default:
        // Domains, composite, range and extension types too: kept as `format_type` spells them.
        return columnTypeSpelling(c.type, []);
    }
  }

  /** An identity column's generation and sequence options; null when they cannot be read. */
  private identity(c: ColumnRow): CatalogIdentity | null | undefined {
    if (c.identity !== 'a' && c.identity !== 'd') return undefined;
    const s =
      c.identity_sequence === null ? undefined : this.relationByOid.get(c.identity_sequence);
    if (!s || s.seq_start === null || s.seq_increment === null || s.seq_min === null) return null;
    return {
      generation: c.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT',
      start: s.seq_start,
      increment: s.seq_increment,
      minValue: s.seq_min,
      maxValue: s.seq_max!,
      cache: s.seq_cache!,
      cycle: s.seq_cycle === true,
    };
  }

  /**
   * The SERIAL sequence of a column: one it owns, which its default calls, with SERIAL's
   * options. Null when there is none (the default is kept as it is).
   */
  private serialSequence(owned: readonly number[], def: string, type: string): number | null {
    if (owned.length === 0 || !/^nextval\(/i.test(def)) return null;
    const called = new Set(sequencesCalledBy(def));
    const found = owned.find((oid) => {
      const r = this.relationByOid.get(oid);
      return (
        r !== undefined &&
        (called.has(`${r.schema}.${r.name}`) || called.has(qualifiedName(r.schema, r.name)))
      );
    });
    return found !== undefined && this.isPlainSerial(found, type) ? found : null;
  }

  /** SERIAL's sequence: the column's own type, starting at 1 by 1, up to the type's maximum. */
  private isPlainSerial(sequence: number, columnType: string): boolean {
    const s = this.relationByOid.get(sequence);
    if (!s || s.seq_type !== columnType) return false;
    return (
      s.seq_start === '1' &&
      s.seq_increment === '1' &&
      s.seq_min === '1' &&
      s.seq_max === INTEGER_MAX[columnType] &&
      s.seq_cache === '1' &&
      s.seq_cycle === false
    );
  }

  readConstraints(rows: ConstraintRow[]): void {
    for (const k of rows) {
      const state = this.tables.get(k.table);
      if (!state) continue;
      const name = `${this.qualified(state.row)}.${k.name}`;
      if (state.row.partition || k.parent_constraint !== 0) {
        this.partitionConstraint(k, state, name);
        continue;
      }
      if (k.type === 'x') {
        // Read with the index behind it, once the indexes are read.
        this.exclusionRows.push({ row: k, state, name });
        continue;
      }
      const why: string[] = [];
      // Keys, uniques, foreign keys and exclusion constraints carry DEFERRABLE, foreign keys
      // and checks NOT VALID.
      if (k.deferrable && !['f', 'p', 'u'].includes(k.type)) {
        why.push(k.deferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE');
      }
      if (!k.validated && k.type !== 'f' && k.type !== 'c') why.push('NOT VALID');
      if (!k.local) why.push('inherited');
      if (k.type === 'f' && k.match === 'p') why.push('MATCH PARTIAL');
      if (/\bNOT ENFORCED\b/.test(k.definition)) why.push('NOT ENFORCED');
      if (/\bNO INHERIT\b/.test(k.definition) && k.type === 'c') why.push('NO INHERIT');
      if (/\bNULLS NOT DISTINCT\b/.test(k.definition) && k.type !== 'u') {
        why.push('NULLS NOT DISTINCT');
      }
      if (/\bINCLUDE \(/.test(k.definition)) why.push('INCLUDE columns');
      if (/\bSET (NULL|DEFAULT) \(/.test(k.definition)) why.push('action on some columns only');
      const uses = names(k.columns).filter((c) => state.omitted.has(c));
      if (uses.length > 0) why.push(`uses ${uses.join(', ')}, not modelled`);
      let target: TableState | undefined;
      if (k.type === 'f') {
        target = k.ref_table === null ? undefined : this.tables.get(k.ref_table);
        const ref = k.ref_table === null ? undefined : this.relationByOid.get(k.ref_table);
        if (!target) {
          why.push(`references ${ref ? this.qualified(ref) : 'a table'}, which is not modelled`);
        } else if (target.row.partition) {
          why.push(`references ${this.qualified(target.row)}, a partition, not its parent`);
        } else {
          const refColumns = names(k.ref_columns);
          const refOmitted = refColumns.filter((c) => target!.omitted.has(c));
          if (refOmitted.length > 0) why.push(`references ${refOmitted.join(', ')}, not modelled`);
          // Integers of different widths compare (a lint warning, not a refusal).
          const mismatched = names(k.columns).filter((c, i) => {
            const from = state.columnTypes[c];
            const to = target!.columnTypes[refColumns[i] ?? ''];
            const integers = INTEGER_TYPES.includes(from ?? '') && INTEGER_TYPES.includes(to ?? '');
            return from !== undefined && to !== undefined && from !== to && !integers;
          });
          if (mismatched.length > 0 && refOmitted.length === 0 && uses.length === 0) {
            const pairs = mismatched.map((c) => {
              const i = names(k.columns).indexOf(c);
              return `${state.columnTypes[c]} to ${target!.columnTypes[refColumns[i]!]}`;
            });
            why.push(`foreign key from ${pairs.join(', ')}`);
          }
        }
      }
      if (why.length > 0) {
        this.list(k.type === 'f' ? 'foreign key' : 'constraint', name, why.join(', '));
        continue;
      }
      const table = state.table;
      const comment = k.comment !== null ? { comment: k.comment } : {};
      const deferrability = {
        ...(k.deferrable ? { deferrable: true as const } : {}),
        ...(k.deferrable && k.deferred ? { initiallyDeferred: true as const } : {}),
      };
      if (k.type === 'p') {
        table.primaryKey = {
          name: k.name,
          columns: names(k.columns),
          ...deferrability,
          ...comment,
        };
      } else if (k.type === 'u') {
        table.uniques.push({
          name: k.name,
          columns: names(k.columns),
          ...(/\bNULLS NOT DISTINCT\b/.test(k.definition)
            ? { nullsNotDistinct: true as const }
            : {}),
          ...deferrability,
          ...comment,
        });
      } else if (k.type === 'c') {
        const body = checkBody(k.definition);
        try {
          table.checks.push({
            name: k.name,
            expression: canonicalExpression(body, { columns: state.columnTypes }),
            ...(k.validated ? {} : { notValid: true as const }),
            ...comment,
          });
        } catch {
          this.list('constraint', name, `check ${body} that Retort cannot read`);
        }
      } else if (k.type === 'f' && target) {
        table.foreignKeys.push({
          name: k.name,
          columns: names(k.columns),
          refTable: target.table.name,
          refColumns: names(k.ref_columns),
          onDelete: ACTIONS[k.on_delete] ?? 'NO ACTION',
          onUpdate: ACTIONS[k.on_update] ?? 'NO ACTION',
          ...foreignKeyOptions({
            match: k.match === 'f' ? 'FULL' : 'SIMPLE',
            deferrable: k.deferrable,
            initiallyDeferred: k.deferred,
            notValid: !k.validated,
          }),
          ...comment,
        });
      }
    }
  }

  readIndexes(rows: IndexRow[]): void {
    for (const i of rows) {
      const state = this.tables.get(i.table);
      if (!state || i.constraint) continue;
      const name = `${state.row.schema}.${i.name}`;
      if (state.row.partition) {
        const expected = makeObjectName(
          state.row.name,
          columnNamesPart(i.columns.slice(0, i.key_count).map((c) => c ?? 'expr')),
          'idx',
        );
        if (i.attached && i.name === expected) continue;
        this.list(
          'index',
          name,
          i.attached
            ? `named other than Postgres names a partition's copy of its parent's index (${expected})`
            : 'index of a partition alone, not of its parent',
        );
        continue;
      }
      const why: string[] = [];
      if (!(INDEX_METHODS as readonly string[]).includes(i.method)) {
        why.push(`index method ${i.method}`);
      }
      if (!i.valid) why.push('invalid index (a failed CREATE INDEX CONCURRENTLY)');
      const uses = this.indexColumnsOmitted(i, state);
      if (uses.length > 0) why.push(`uses ${uses.join(', ')}, not modelled`);
      let index: CatalogIndex | null = null;
      if (why.length === 0) {
        try {
          index = this.index(i, state);
        } catch {
          why.push(`expression ${i.definition} that Retort cannot read`);
        }
      }
      if (index === null) {
        this.list('index', name, why.join(', '));
        continue;
      }
      state.table.indexes.push(index);
    }
  }

  /**
   * Exclusion constraints: their elements, INCLUDE and WHERE from the index behind each (named
   * as the constraint), their operators from `conexclop`.
   */
  readExclusions(rows: IndexRow[]): void {
    const indexes = new Map(
      rows.filter((i) => i.constraint).map((i) => [`${i.table}\0${i.name}`, i]),
    );
    for (const { row: k, state, name } of this.exclusionRows) {
      const i = indexes.get(`${k.table}\0${k.name}`);
      const why: string[] = [];
      if (!k.local) why.push('inherited');
      if (!i) why.push('its index is not read');
      const uses = i ? this.indexColumnsOmitted(i, state) : [];
      if (uses.length > 0) why.push(`uses ${uses.join(', ')}, not modelled`);
      let exclusion: CatalogExclusion | null = null;
      if (why.length === 0 && i) {
        try {
          exclusion = this.exclusion(k, i, state);
        } catch {
          why.push(`expression ${k.definition} that Retort cannot read`);
        }
      }
      if (exclusion === null) {
        this.list('constraint', name, ['exclusion constraint', ...why].join(', '));
        continue;
      }
      state.table.exclusions = [...(state.table.exclusions ?? []), exclusion];
    }
  }

  private exclusion(k: ConstraintRow, i: IndexRow, state: TableState): CatalogExclusion {
    const index = this.index(i, state);
    const keys: CatalogIndexKey[] = index.keys ?? index.columns.map((column) => ({ column }));
    const operators = names(k.operators);
    return {
      name: k.name,
      method: (index.method ?? 'btree') as CatalogExclusion['method'],
      elements: keys.map((key, n) => ({ ...key, operator: operators[n] ?? '' })),
      ...(index.include ? { include: index.include } : {}),
      ...(index.where !== undefined ? { where: index.where } : {}),
      ...(k.deferrable ? { deferrable: true as const } : {}),
      ...(k.deferrable && k.deferred ? { initiallyDeferred: true as const } : {}),
      ...(k.comment !== null ? { comment: k.comment } : {}),
    };
  }

  /** Columns an index uses (keys, expressions, predicate) that are left out of the catalog. */
  private indexColumnsOmitted(i: IndexRow, state: TableState): string[] {
    const keyDefinitions = names(i.key_definitions);
    const expressions = [
      ...i.columns.flatMap((c, k) => (c === null ? [keyDefinitions[k] ?? ''] : [])),
      ...(i.predicate === null ? [] : [i.predicate]),
    ];
    const used = [
      ...i.columns.filter((c): c is string => c !== null),
      ...expressions.flatMap((sql) => {
        try {
          return expressionColumns(sql);
        } catch {
          return [];
        }
      }),
    ];
    return [...new Set(used.filter((c) => state.omitted.has(c)))];
  }

  /** An index as the catalog holds it: options only where they are not the default. */
  private index(i: IndexRow, state: TableState): CatalogIndex {
    const context = { columns: state.columnTypes };
    const keyColumns = i.columns.slice(0, i.key_count);
    const keys: CatalogIndexKey[] = keyColumns.map((column, k) => {
      const key: CatalogIndexKey =
        column !== null
          ? { column }
          : { expression: canonicalExpression(names(i.key_definitions)[k] ?? '', context) };
      const option = Number(names(i.key_options)[k] ?? 0);
      const descending = (option & 1) !== 0;
      const nullsFirst = (option & 2) !== 0;
      if (descending) key.descending = true;
      if (nullsFirst !== descending) key.nulls = nullsFirst ? 'FIRST' : 'LAST';
      const opclass = names(i.key_opclasses)[k] ?? '';
      if (opclass !== '') key.opclass = opclass;
      const collation = names(i.key_collations)[k] ?? '';
      if (collation !== '') key.collation = collation;
      return key;
    });
    const plain = keys.every((k) => Object.keys(k).length === 1 && k.column !== undefined);
    const include = i.columns.slice(i.key_count).filter((c): c is string => c !== null);
    return {
      name: i.name,
      columns: keyColumns.filter((c): c is string => c !== null),
      unique: i.unique,
      ...(i.method !== 'btree' ? { method: i.method as CatalogIndex['method'] } : {}),
      ...(plain ? {} : { keys }),
      ...(include.length > 0 ? { include } : {}),
      ...(i.predicate !== null ? { where: canonicalExpression(i.predicate, context) } : {}),
      ...(i.nulls_not_distinct ? { nullsNotDistinct: true as const } : {}),
      ...(i.comment !== null ? { comment: i.comment } : {}),
    };
  }

  /**
   * A partition's constraint: the copy Postgres makes of its parent's (a key with the name it
   * chooses, a check or foreign key with the parent's name) is the parent's; one of its own
   * is not modelled. A key that references a partitioned table has a copy per partition too.
   */
  private partitionConstraint(k: ConstraintRow, state: TableState, name: string): void {
    const kind = k.type === 'f' ? 'foreign key' : 'constraint';
    const copy = k.parent_constraint !== 0 || (k.type === 'c' && !k.local);
    if (!copy) {
      this.list(kind, name, 'constraint of a partition alone, not of its parent');
      return;
    }
    if (!state.row.partition || (k.type !== 'p' && k.type !== 'u')) return;
    const expected =
      k.type === 'p'
        ? makeObjectName(state.row.name, null, 'pkey')
        : makeObjectName(state.row.name, columnNamesPart(names(k.columns)), 'key');
    if (k.name !== expected) {
      this.list(
        kind,
        name,
        `named other than Postgres names a partition's copy of its parent's key (${expected})`,
      );
    }
  }

  /**
   * Partitions take their columns from their parent: a column that differs from the parent's
   * (a NOT NULL, default or comment of its own) is listed, and the partition keeps none.
   */
  readPartitions(): void {
    const partitions = [...this.tables.values()].filter((s) => s.row.partition);
    for (const state of partitions) {
      const parent = this.tables.get(state.row.partition_parent!);
      const name = this.qualified(state.row);
      if (!parent) {
        this.list('table', name, `partition of ${state.row.parents}, which is not modelled`);
        this.tables.delete(state.row.oid);
        continue;
      }
      state.table.partitionOf = {
        table: parent.table.name,
        bound: state.row.partition_bound ?? '',
      };
      let root = parent;
      while (root.row.partition && this.tables.has(root.row.partition_parent!)) {
        root = this.tables.get(root.row.partition_parent!)!;
      }
      const own = state.table.columns;
      const theirs = root.table.columns;
      if (own.map((c) => c.name).join('\0') !== theirs.map((c) => c.name).join('\0')) {
        this.list(
          'table',
          name,
          `columns (${own.map((c) => c.name).join(', ')}) other than its parent's (${theirs.map((c) => c.name).join(', ')})`,
        );
      }
      for (const c of own) {
        const p = theirs.find((x) => x.name === c.name);
        if (!p) continue;
        const why: string[] = [];
        if (c.nullable !== p.nullable) why.push(c.nullable ? 'nullable' : 'NOT NULL');
        const serial = p.autoincrement && c.default !== null && /^nextval\(/i.test(c.default);
        if (!serial && c.default !== p.default) why.push(`default ${c.default ?? 'none'}`);
        if (c.comment !== null) why.push('a comment');
        if (why.length > 0) {
          this.list(
            'column',
            `${name}.${c.name}`,
            `${why.join(', ')} of its own, not its parent's`,
          );
        }
      }
    }
    for (const state of partitions) state.table.columns = [];
  }

  readSequences(): void {
    for (const s of this.relations) {
      // An identity's sequence is part of its column, listed there.
      if (s.kind !== 'S' || s.owned === 'i') continue;
      if (this.serialSequences.has(s.oid) || this.coveredSequences.has(s.oid)) continue;
      const dataType = SEQUENCE_DATA_TYPES.find((t) => t === s.seq_type);
      const owner = this.sequenceOwners.get(s.oid) ?? null;
      if (!dataType || s.seq_start === null || (s.owned === 'a' && owner === null)) {
        this.list(
          'sequence',
          this.qualified(s),
          s.owned === 'a' ? 'sequence owned by a column Retort does not read' : 'sequence',
        );
        continue;
      }
      this.sequences.push({
        name: qualifiedName(s.schema, s.name),
        dataType,
        start: s.seq_start,
        increment: s.seq_increment!,
        minValue: s.seq_min!,
        maxValue: s.seq_max!,
        cache: s.seq_cache!,
        cycle: s.seq_cycle === true,
        ownedBy: owner,
        comment: s.comment,
      });
    }
  }

  /** Modelled tables by oid, with their names. */
  modelledTables(): Map<number, string> {
    return new Map([...this.tables].map(([oid, state]) => [oid, state.table.name]));
  }

  result(): Introspection {
    const tables = [...this.tables.values()].map(({ table }) => ({
      ...table,
      foreignKeys: table.foreignKeys.sort(byName),
      uniques: table.uniques.sort(byName),
      indexes: table.indexes.sort(byName),
      checks: table.checks.sort(byName),
      ...(table.exclusions ? { exclusions: table.exclusions.sort(byName) } : {}),
    }));
    return {
      catalog: {
        ...(this.schemas.length > 0 ? { schemas: this.schemas } : {}),
        ...(Object.keys(this.schemaComments).length > 0
          ? { schemaComments: this.schemaComments }
          : {}),
        enums: this.enums.sort(byName),
        tables: tables.sort(byName),
        ...(this.domains.length > 0 ? { domains: this.domains.sort(byName) } : {}),
        ...(this.compositeTypes.length > 0
          ? { compositeTypes: this.compositeTypes.sort(byName) }
          : {}),
        ...(this.extensions.length > 0 ? { extensions: this.extensions.sort(byName) } : {}),
        ...(this.sequences.length > 0 ? { sequences: this.sequences.sort(byName) } : {}),
      },
      unmodelled: this.unmodelled.sort((a, b) =>
        a.name === b.name ? (a.why < b.why ? -1 : 1) : a.name < b.name ? -1 : 1,
      ),
    };
  }
}

/** `CHECK ((price > 0))` -> `(price > 0)`; `NOT VALID` and `NO INHERIT` are not part of it. */
function checkBody(definition: string): string {
  const match = /^CHECK\s*\(([\s\S]*)\)(?:\s+NO INHERIT)?(?:\s+NOT VALID)?$/i.exec(
    definition.trim(),
  );
  return match ? match[1]! : definition;
}
