/**
 * Reading DBML (dbdiagram.io's text) into a design, with the DBML project's own parser
 * (`@dbml/core`). What a design cannot hold is left out and listed, all at once, each with
 * the object's name: a column of a type Retort does not know (and the keys and indexes that
 * use it), a table or enum outside the one schema a design models, a many-to-many reference,
 * an index on an expression. A design Retort would refuse is reported with the objects' names.
 *
 * The reverse of `designToDbml` (`@retort/codegen`): `(a, b) [unique]` is a unique
 * constraint, `[unique, type: ...]` a unique index; of a one-to-one reference (`-`), the
 * endpoint whose columns are not its table's primary key holds the foreign key (the first
 * one when that does not decide). `@dbml/core` is about 20 MB of parsers, so it is loaded
 * on the first call, never at start-up.
 */
import {
  type CheckConstraint,
  type Column,
  DESIGN_FORMAT,
  type Design,
  describeUnknownType,
  FOREIGN_KEY_DEFAULTS,
  type ForeignKey,
  INDEX_DEFAULTS,
  INDEX_METHODS,
  type Index,
  type IndexMethod,
  normalizeColumnType,
  type ReferentialAction,
  RetortError,
  TABLE_KEY_DEFAULTS,
  type Table,
  UNIQUE_DEFAULTS,
  type UniqueConstraint,
  validateDesign,
} from '@retort/core';
import type { Unmodelled } from '../contract';

export interface DbmlDesign {
  design: Design;
  /** What the DBML says that the design leaves out. */
  unmodelled: Unmodelled[];
}

/** At most this many characters of DBML are read (a 1000-table file is well under 1 MB). */
export const MAX_DBML_LENGTH = 5_000_000;

const SCHEMA = 'public';

const ACTIONS: Record<string, ReferentialAction> = {
  cascade: 'CASCADE',
  'set null': 'SET NULL',
  'set default': 'SET DEFAULT',
  restrict: 'RESTRICT',
  'no action': 'NO ACTION',
};

const SERIALS: Record<string, string> = {
  smallserial: 'SMALLINT',
  serial2: 'SMALLINT',
  serial: 'INTEGER',
  serial4: 'INTEGER',
  bigserial: 'BIGINT',
  serial8: 'BIGINT',
};

// The parts of @dbml/core's model read here; its own declarations type most of it `any`.
interface DbmlDefault {
  type: 'number' | 'string' | 'boolean' | 'expression';
  value: string | number | boolean | null;
}
interface DbmlCheck {
  name?: string | null;
  expression: string;
}
interface DbmlField {
  name: string;
  type: { schemaName: string | null; type_name: string };
  pk: boolean;
  unique: boolean;
  not_null?: boolean;
  increment?: boolean;
  note?: string | null;
  dbdefault?: DbmlDefault | null;
  checks?: DbmlCheck[];
}
interface DbmlIndex {
  name?: string | null;
  type?: string | null;
  unique?: boolean;
  pk?: boolean;
  columns: { type: string; value: string }[];
}
interface DbmlTable {
  name: string;
  note?: string | null;
  fields: DbmlField[];
  indexes: DbmlIndex[];
  checks?: DbmlCheck[];
}
interface DbmlEndpoint {
  schemaName: string | null;
  tableName: string;
  fieldNames: string[];
  relation: '1' | '*';
}
interface DbmlRef {
  name?: string | null;
  onDelete?: string | null;
  onUpdate?: string | null;
  endpoints: DbmlEndpoint[];
}
interface DbmlSchema {
  name: string;
  tables: DbmlTable[];
  enums: { name: string; values: { name: string }[] }[];
  refs: DbmlRef[];
}
interface DbmlDatabase {
  name?: string | null;
  schemas: DbmlSchema[];
}
interface DbmlDiagnostic {
  message: string;
  location?: { start?: { line: number; column: number } };
}

async function parseDbml(text: string): Promise<DbmlDatabase> {
  if (text.length > MAX_DBML_LENGTH) {
    throw new RetortError(
      `The DBML is ${text.length} characters long; at most ${MAX_DBML_LENGTH} are read.`,
      'invalid_input',
    );
  }
  const { Parser } = await import('@dbml/core');
  try {
    return new Parser().parse(text, 'dbmlv2') as unknown as DbmlDatabase;
  } catch (error) {
    const diags = (error as { diags?: DbmlDiagnostic[] }).diags;
    const problems = (
      diags ?? [{ message: error instanceof Error ? error.message : String(error) }]
    ).map((d) => ({
      path: d.location?.start
        ? `line ${d.location.start.line}, column ${d.location.start.column}`
        : 'DBML',
      message: d.message.endsWith('.') ? d.message : `${d.message}.`,
    }));
    const first = problems[0]!;
    throw new RetortError(
      `The DBML does not parse: ${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
      'invalid_input',
      { problems },
    );
  }
}

const idPart = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');

/** `'it''s'`, `42`, `true`, `now()`: the SQL of a DBML default. */
function defaultSql(value: DbmlDefault): string | null {
  if (value.value === null || value.value === undefined) return null;
  if (value.type === 'string') return `'${String(value.value).replaceAll("'", "''")}'`;
  return String(value.value);
}

export async function readDbmlDesign(text: string, name = 'imported'): Promise<DbmlDesign> {
  const database = await parseDbml(text);
  const unmodelled: Unmodelled[] = [];
  const leftOut = (kind: string, object: string, why: string) =>
    unmodelled.push({ kind, name: object, why });

  const used = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  };

  const schemas = database.schemas.filter((s) => s.name === SCHEMA);
  for (const schema of database.schemas) {
    if (schema.name === SCHEMA) continue;
    for (const t of schema.tables)
      leftOut(
        'table',
        `${schema.name}.${t.name}`,
        `table in schema ${schema.name}; a design models the ${SCHEMA} schema only`,
      );
    for (const e of schema.enums)
      leftOut(
        'type',
        `${schema.name}.${e.name}`,
        `enum in schema ${schema.name}; a design models the ${SCHEMA} schema only`,
      );
  }

  const enums = schemas.flatMap((s) =>
    s.enums.map((e) => ({
      id: uniqueId(`e_${idPart(e.name)}`),
      name: e.name,
      values: e.values.map((v) => v.name),
    })),
  );
  const enumNames = enums.map((e) => e.name);

  const tableIds = new Map<string, string>();
  const columnIds = new Map<string, Map<string, string>>();
  const tables: Table[] = [];
  for (const t of schemas.flatMap((s) => s.tables)) {
    const table: Table = {
      id: uniqueId(`t_${idPart(t.name)}`),
      name: t.name,
      comment: t.note ?? null,
      position: null,
      ...TABLE_KEY_DEFAULTS,
      columns: [],
      foreignKeys: [],
      uniques: [],
      indexes: [],
      checks: [],
    };
    tableIds.set(t.name, table.id);
    const ids = new Map<string, string>();
    columnIds.set(t.name, ids);
    const checks: DbmlCheck[] = [...(t.checks ?? [])];
    for (const f of t.fields) {
      const column = readColumn(t.name, f, enumNames, leftOut);
      if (column === null) continue;
      column.id = uniqueId(`c_${idPart(t.name)}_${idPart(f.name)}`);
      ids.set(f.name, column.id);
      table.columns.push(column);
      checks.push(...(f.checks ?? []));
    }
    for (const index of t.indexes) readIndex(table, index, ids, uniqueId, leftOut);
    table.checks = checks.map(
      (c): CheckConstraint => ({
        id: uniqueId(`k_${idPart(t.name)}`),
        name: c.name ?? null,
        expression: c.expression,
        notValid: false,
        comment: null,
      }),
    );
    tables.push(table);
  }

  for (const ref of schemas.flatMap((s) => s.refs)) {
    readRef(ref, tables, tableIds, columnIds, uniqueId, leftOut);
  }

  const design: Design = {
    format: DESIGN_FORMAT,
    name: database.name || name,
    enums,
    tables,
  };
  const validation = validateDesign(design);
  if (validation.design === null) {
    const problems = [
      ...validation.problems.map((p) => ({ path: objectAt(design, p.path), message: p.message })),
      ...unmodelled.map((u) => ({ path: `${u.kind} ${u.name}`, message: u.why })),
    ];
    throw new RetortError(
      `The DBML describes a schema Retort cannot keep (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}).`,
      'invalid_design',
      { problems },
    );
  }
  return { design: validation.design, unmodelled };
}

function readColumn(
  table: string,
  f: DbmlField,
  enumNames: string[],
  leftOut: (kind: string, name: string, why: string) => void,
): Column | null {
  const object = `${table}.${f.name}`;
  const raw = f.type.type_name;
  if (f.type.schemaName && f.type.schemaName !== SCHEMA) {
    leftOut(
      'column',
      object,
      // @dbml/core gives the type's name with its schema already in front.
      `type ${raw.includes('.') ? raw : `${f.type.schemaName}.${raw}`} is in schema ${f.type.schemaName}; left out`,
    );
    return null;
  }
  const serial = SERIALS[raw.trim().toLowerCase()];
  const type = serial ?? normalizeColumnType(raw, enumNames);
  if (type === null) {
    leftOut('column', object, `${describeUnknownType(raw)} Left out`);
    return null;
  }
  return {
    id: '',
    name: f.name,
    type,
    nullable: !(f.pk || f.not_null),
    primaryKey: f.pk,
    autoincrement: Boolean(f.increment) || serial !== undefined,
    unique: f.unique,
    default: f.dbdefault
      ? ((s) => (s === null ? null : { sql: s }))(defaultSql(f.dbdefault))
      : null,
    comment: f.note ?? null,
  };
}

function readIndex(
  table: Table,
  index: DbmlIndex,
  ids: Map<string, string>,
  uniqueId: (base: string) => string,
  leftOut: (kind: string, name: string, why: string) => void,
): void {
  const label = `${table.name} (${index.columns.map((c) => c.value).join(', ')})`;
  const expression = index.columns.find((c) => c.type !== 'column');
  if (expression) {
    leftOut(
      'index',
      index.name ?? label,
      `index on the expression ${expression.value}; a design indexes columns only`,
    );
    return;
  }
  const columns = index.columns.map((c) => ids.get(c.value));
  if (columns.some((id) => id === undefined)) {
    leftOut('index', index.name ?? label, 'it uses a column that was left out');
    return;
  }
  const columnIds = columns as string[];
  if (index.pk) {
    for (const column of table.columns) {
      if (columnIds.includes(column.id)) {
        column.primaryKey = true;
        column.nullable = false;
      }
    }
    return;
  }
  const part = idPart(table.name);
  if (index.unique && !index.type) {
    const unique: UniqueConstraint = {
      id: uniqueId(`u_${part}`),
      name: index.name ?? null,
      columns: columnIds,
      ...UNIQUE_DEFAULTS,
    };
    table.uniques.push(unique);
    return;
  }
  const method = INDEX_METHODS.find((m) => m === index.type?.toLowerCase()) ?? 'btree';
  if (index.type && method !== index.type.toLowerCase()) {
    leftOut('index', index.name ?? label, `index type ${index.type}; kept as a btree index`);
  }
  const kept: Index = {
    id: uniqueId(`i_${part}`),
    name: index.name ?? null,
    columns: columnIds,
    unique: Boolean(index.unique),
    ...INDEX_DEFAULTS,
    method: method as IndexMethod,
  };
  table.indexes.push(kept);
}

function readRef(
  ref: DbmlRef,
  tables: Table[],
  tableIds: Map<string, string>,
  columnIds: Map<string, Map<string, string>>,
  uniqueId: (base: string) => string,
  leftOut: (kind: string, name: string, why: string) => void,
): void {
  const [a, b] = ref.endpoints as [DbmlEndpoint, DbmlEndpoint];
  const describe = (e: DbmlEndpoint) =>
    `${e.schemaName ? `${e.schemaName}.` : ''}${e.tableName}(${e.fieldNames.join(', ')})`;
  const label = ref.name ?? `${describe(a)} - ${describe(b)}`;
  if (a.relation === '*' && b.relation === '*') {
    leftOut('reference', label, 'many-to-many reference; draw the table that joins them instead');
    return;
  }
  const outside = [a, b].find((e) => e.schemaName && e.schemaName !== SCHEMA);
  if (outside) {
    leftOut('reference', label, `it joins a table in schema ${outside.schemaName}`);
    return;
  }
  const columnsOf = (e: DbmlEndpoint) =>
    e.fieldNames.map((f) => columnIds.get(e.tableName)?.get(f));
  const tableOf = (e: DbmlEndpoint) => tables.find((t) => t.id === tableIds.get(e.tableName));
  const isPrimaryKey = (e: DbmlEndpoint) => {
    const table = tableOf(e);
    const pk = table?.columns.filter((c) => c.primaryKey).map((c) => c.name) ?? [];
    return pk.length === e.fieldNames.length && e.fieldNames.every((f) => pk.includes(f));
  };
  let [from, to] = a.relation === '*' ? [a, b] : b.relation === '*' ? [b, a] : [a, b];
  if (a.relation === '1' && b.relation === '1' && isPrimaryKey(a) && !isPrimaryKey(b))
    [from, to] = [b, a];
  const fromTable = tableOf(from);
  const fromColumns = columnsOf(from);
  const toColumns = columnsOf(to);
  if (!fromTable || !tableOf(to) || [...fromColumns, ...toColumns].some((id) => id === undefined)) {
    leftOut('reference', label, 'it joins a table or column that was left out');
    return;
  }
  const action = (value: string | null | undefined, what: string): ReferentialAction | null => {
    if (!value) return null;
    const known = ACTIONS[value.toLowerCase()];
    if (!known)
      leftOut('reference', label, `unknown ${what} action "${value}"; left as the default`);
    return known ?? null;
  };
  const fk: ForeignKey = {
    id: uniqueId(`f_${idPart(fromTable.name)}`),
    name: ref.name ?? null,
    columns: fromColumns as string[],
    references: { table: tableIds.get(to.tableName)!, columns: toColumns as string[] },
    onDelete: action(ref.onDelete, 'delete'),
    onUpdate: action(ref.onUpdate, 'update'),
    ...FOREIGN_KEY_DEFAULTS,
  };
  fromTable.foreignKeys.push(fk);
}

/** `tables[3].columns[1].type` -> `column orders.user_id (type)`. */
function objectAt(design: Design, path: string): string {
  const match = /^tables\[(\d+)\](?:\.columns\[(\d+)\])?/.exec(path);
  const table = match ? design.tables[Number(match[1])] : undefined;
  if (!match || !table) return path;
  const column = match[2] === undefined ? undefined : table.columns[Number(match[2])];
  const rest = path.slice(match[0].length).replace(/^\./, '');
  const object = column ? `column ${table.name}.${column.name}` : `table ${table.name}`;
  return rest ? `${object} (${rest})` : object;
}
