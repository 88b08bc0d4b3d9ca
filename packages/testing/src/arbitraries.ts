/**
 * fast-check arbitraries for designs that are valid by construction: `arbDesign()` for
 * 1-6 tables with enums, keys (identity ones too), uniques (some deferrable), indexes (hash, partial,
 * descending), checks, exclusion constraints, comments on keys and constraints, collated and generated columns and foreign keys (only to a primary
 * key or unique column, with the same type; some deferrable), domains and a composite type,
 * standalone sequences (some owned by a column), and `arbDesignEdit(design)` for one edit a
 * user could make in the editor, the result still valid.
 */
import {
  type CheckConstraint,
  type Column,
  type Design,
  designIds,
  type EnumType,
  EXCLUSION_DEFAULTS,
  type ExclusionConstraint,
  type ExclusionElement,
  expressionColumns,
  FOREIGN_KEY_DEFAULTS,
  type ForeignKey,
  INDEX_DEFAULTS,
  newColumn,
  type ReferentialAction,
  type Sequence,
  TABLE_KEY_DEFAULTS,
  type Table,
  UNIQUE_DEFAULTS,
} from '@retort/core';
import fc from 'fast-check';

type Gen = fc.GeneratorValue;

const TABLE_WORDS = [
  'users',
  'orders',
  'items',
  'accounts',
  'notes',
  'tags',
  'events',
  'posts',
  'teams',
  'invoices',
  'carts',
  'reviews',
];
const COLUMN_WORDS = [
  'name',
  'title',
  'amount',
  'price',
  'created_at',
  'note',
  'code',
  'rank',
  'score',
  'active',
  'email',
  'label',
  'body',
  'qty',
  'level',
  'payload',
];
const ENUM_WORDS = ['status', 'mood', 'kind', 'color'];
const ENUM_VALUES = ['new', 'old', 'red', 'green', 'done', 'open', 'closed', 'draft'];

/** Types with a default that is valid for them ('' for none). */
const TYPES: Array<[string, string]> = [
  ['SMALLINT', '0'],
  ['INTEGER', '0'],
  ['BIGINT', '-1'],
  ['NUMERIC(10,2)', '0'],
  ['NUMERIC', ''],
  ['REAL', '1.5'],
  ['DOUBLE PRECISION', ''],
  ['BOOLEAN', 'false'],
  ['VARCHAR(40)', "''"],
  ['VARCHAR', ''],
  ['CHAR(2)', "'xx'"],
  ['TEXT', "'none'"],
  ['DATE', 'CURRENT_DATE'],
  ['TIME', ''],
  ['TIMESTAMP', 'now()'],
  ['TIMESTAMPTZ', 'CURRENT_TIMESTAMP'],
  ['INTERVAL', "'1 day'"],
  ['UUID', 'gen_random_uuid()'],
  ['JSON', ''],
  ['JSONB', "'{}'::jsonb"],
  ['BYTEA', ''],
  ['INET', ''],
  ['TEXT[]', "'{}'"],
  ['INTEGER[]', ''],
];
const PK_TYPES = ['INTEGER', 'BIGINT', 'UUID', 'VARCHAR(40)'];
const ACTIONS: Array<ReferentialAction | null> = [
  null,
  'CASCADE',
  'SET NULL',
  'RESTRICT',
  'NO ACTION',
  'SET DEFAULT',
];
/** Changes Postgres casts without losing data. */
const WIDENINGS: Record<string, string[]> = {
  SMALLINT: ['INTEGER', 'BIGINT'],
  INTEGER: ['BIGINT', 'NUMERIC'],
  REAL: ['DOUBLE PRECISION'],
  'NUMERIC(10,2)': ['NUMERIC(12,2)', 'NUMERIC'],
  'VARCHAR(40)': ['VARCHAR(100)', 'TEXT', 'VARCHAR'],
  VARCHAR: ['TEXT'],
  TEXT: ['VARCHAR'],
  'CHAR(2)': ['VARCHAR(10)', 'TEXT'],
  TIMESTAMP: ['TIMESTAMPTZ'],
  JSON: ['JSONB'],
};

const pick = <T>(g: Gen, items: readonly T[]): T => g(fc.constantFrom, ...items);
const int = (g: Gen, min: number, max: number): number => g(fc.integer, { min, max });
const chance = (g: Gen, percent: number): boolean => int(g, 1, 100) <= percent;

/** A name from `words` not in `taken`, with a numeric suffix when all are used. */
function freshName(g: Gen, words: readonly string[], taken: ReadonlySet<string>): string {
  const free = words.filter((w) => !taken.has(w) && w.length <= 63);
  if (free.length > 0) return pick(g, free);
  const base = pick(g, words);
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Sometimes a long name, so Postgres' 63-byte truncation of default names gets exercised. */
function longName(g: Gen, name: string, taken: ReadonlySet<string>): string {
  if (!chance(g, 10)) return name;
  const long = `${name}_${'with_a_rather_long_name_'.repeat(2)}${name}`.slice(0, int(g, 40, 63));
  return taken.has(long) ? name : long;
}

function freshId(prefix: string, design: Design): string {
  const ids = designIds(design);
  for (let n = ids.size; ; n++) if (!ids.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

function randomColumn(g: Gen, id: string, name: string, enums: EnumType[]): Column {
  const enumChoice = enums.length > 0 && chance(g, 20) ? pick(g, enums) : null;
  if (enumChoice) {
    const array = chance(g, 25);
    return newColumn({
      id,
      name,
      type: array ? `${enumChoice.name}[]` : enumChoice.name,
      default: !array && chance(g, 50) ? { sql: `'${enumChoice.values[0]}'` } : null,
      nullable: chance(g, 70),
    });
  }
  const [type, defaultSql] = pick(g, TYPES);
  const column = newColumn({
    id,
    name,
    type,
    nullable: chance(g, 70),
    default: defaultSql && chance(g, 40) ? { sql: defaultSql } : null,
    comment: chance(g, 10) ? `The ${name}.` : null,
  });
  if (COLLATABLE.has(type) && chance(g, 15)) column.collation = pick(g, ['C', 'POSIX']);
  return column;
}

const COLLATABLE = new Set(['TEXT', 'VARCHAR(40)', 'VARCHAR', 'CHAR(2)']);
/** Numeric types a generated `<column> * 2` keeps. */
const DOUBLABLE = new Set(['SMALLINT', 'INTEGER', 'BIGINT', 'NUMERIC(10,2)', 'NUMERIC', 'REAL']);
/** Types every index method in the generators (btree, hash, brin) has an operator class for. */
const HASHABLE = new Set(['INTEGER', 'BIGINT', 'TEXT', 'VARCHAR(40)', 'DATE', 'TIMESTAMP']);

/** Columns named in SQL text (checks, generated expressions, partial index predicates). */
function columnsInSql(table: Table): Set<string> {
  const names = new Set<string>();
  const add = (sql: string) => {
    for (const name of expressionColumns(sql)) names.add(name);
  };
  for (const k of table.checks) add(k.expression);
  for (const c of table.columns) if (c.generated) add(c.generated.sql);
  for (const i of table.indexes) if (i.where) add(i.where);
  for (const x of table.exclusions ?? []) if (x.where) add(x.where);
  return names;
}

function singlePrimaryKey(table: Table): Column | null {
  const pk = table.columns.filter((c) => c.primaryKey);
  return pk.length === 1 ? pk[0]! : null;
}

/** The set of column sets of `table` a foreign key may reference, as single columns. */
function referenceableColumns(table: Table): Column[] {
  const out = table.columns.filter((c) => c.unique);
  const pk = singlePrimaryKey(table);
  if (pk) out.unshift(pk);
  return out;
}

function addForeignKey(g: Gen, design: Design, tableIndex: number): Design | null {
  const table = design.tables[tableIndex]!;
  const targets = design.tables.filter((t) => referenceableColumns(t).length > 0);
  if (targets.length === 0) return null;
  const target = pick(g, targets);
  const referenced = pick(g, referenceableColumns(target));
  const taken = new Set(table.columns.map((c) => c.name));
  const name = freshName(
    g,
    [`${target.name}_id`.slice(0, 60), `parent_${referenced.name}`.slice(0, 60)],
    taken,
  );
  const columnId = freshId('c', design);
  const column = newColumn({ id: columnId, name: name, type: referenced.type });
  const fk: ForeignKey = {
    id: freshId('f', design),
    name: null,
    columns: [columnId],
    references: { table: target.id, columns: [referenced.id] },
    onDelete: pick(g, ACTIONS),
    onUpdate: chance(g, 30) ? pick(g, ACTIONS) : null,
    ...FOREIGN_KEY_DEFAULTS,
    ...(chance(g, 20) ? { deferrable: true, initiallyDeferred: chance(g, 50) } : {}),
    ...(chance(g, 15) ? { comment: `Points at ${target.name}` } : {}),
  };
  return replaceTable(design, tableIndex, {
    ...table,
    columns: [...table.columns, column],
    foreignKeys: [...table.foreignKeys, fk],
  });
}

function replaceTable(design: Design, index: number, table: Table): Design {
  return { ...design, tables: design.tables.map((t, i) => (i === index ? table : t)) };
}

function checkFor(g: Gen, table: Table, id: string): CheckConstraint | null {
  const numeric = table.columns.filter((c) =>
    ['SMALLINT', 'INTEGER', 'BIGINT', 'NUMERIC(10,2)', 'REAL'].includes(c.type),
  );
  const text = table.columns.filter((c) => ['TEXT', 'VARCHAR(40)', 'VARCHAR'].includes(c.type));
  if (numeric.length === 0 && text.length === 0) return null;
  const useNumeric = numeric.length > 0 && (text.length === 0 || chance(g, 50));
  const column = pick(g, useNumeric ? numeric : text);
  const expression = useNumeric ? `${column.name} >= 0` : `length(${column.name}) > 0`;
  return {
    id,
    name: chance(g, 30) ? `${table.name.slice(0, 30)}_${column.name.slice(0, 20)}_rule` : null,
    expression,
    notValid: chance(g, 20),
    comment: chance(g, 15) ? `Keeps ${column.name} sane` : null,
  };
}

/**
 * An exclusion constraint none of whose operator classes needs btree_gist: `btree (col WITH
 * =)` or `hash (col WITH =)` on a column that has them, or `gist (period WITH &&)` on a new
 * range column, sometimes partial, deferrable or commented.
 */
function exclusionFor(g: Gen, table: Table, id: string): Table | null {
  const columns = table.columns.filter((c) => HASHABLE.has(c.type) && !c.collation);
  const taken = new Set(table.columns.map((c) => c.name));
  const name = chance(g, 30) ? `xc_${table.name.slice(0, 26)}_${id}` : null;
  const element = (column: string, operator: string): ExclusionElement => ({
    column,
    expression: null,
    descending: false,
    nulls: null,
    opclass: null,
    collation: null,
    operator,
  });
  const options = {
    ...EXCLUSION_DEFAULTS,
    ...(chance(g, 20) ? { deferrable: true, initiallyDeferred: chance(g, 50) } : {}),
    ...(chance(g, 15) ? { comment: `No two ${table.name} alike` } : {}),
  };
  if (columns.length > 0 && chance(g, 60)) {
    const column = pick(g, columns);
    const method = chance(g, 30) ? ('hash' as const) : ('btree' as const);
    const exclusion: ExclusionConstraint = {
      id,
      name,
      ...options,
      method,
      elements: [element(column.id, '=')],
      ...(chance(g, 20) ? { where: `${column.name} IS NOT NULL` } : {}),
    };
    return { ...table, exclusions: [...(table.exclusions ?? []), exclusion] };
  }
  const periodName = freshName(g, ['period', 'during', 'span'], taken);
  const period = newColumn({ id: `${id}_p`, name: periodName, type: 'tstzrange' });
  const exclusion: ExclusionConstraint = {
    id,
    name,
    ...options,
    method: 'gist',
    elements: [element(period.id, '&&')],
  };
  return {
    ...table,
    columns: [...table.columns, period],
    exclusions: [...(table.exclusions ?? []), exclusion],
  };
}

function buildTable(g: Gen, id: string, name: string, enums: EnumType[]): Table {
  const columns: Column[] = [];
  const composite = chance(g, 15);
  if (composite) {
    columns.push(
      newColumn({
        id: `${id}_k1`,
        name: 'part_a',
        type: 'INTEGER',
        primaryKey: true,
        nullable: false,
      }),
    );
    columns.push(
      newColumn({
        id: `${id}_k2`,
        name: 'part_b',
        type: 'TEXT',
        primaryKey: true,
        nullable: false,
      }),
    );
  } else if (chance(g, 90)) {
    const type = pick(g, PK_TYPES);
    const auto = (type === 'INTEGER' || type === 'BIGINT') && chance(g, 60);
    columns.push(
      newColumn({
        id: `${id}_id`,
        name: 'id',
        type: type,
        primaryKey: true,
        nullable: false,
        autoincrement: auto,
        default: type === 'UUID' && chance(g, 50) ? { sql: 'gen_random_uuid()' } : null,
        ...((type === 'INTEGER' || type === 'BIGINT') && !auto && chance(g, 40)
          ? {
              identity: {
                generation: chance(g, 50) ? ('ALWAYS' as const) : ('BY DEFAULT' as const),
                start: chance(g, 30) ? String(int(g, 1, 1000)) : null,
                increment: chance(g, 20) ? String(int(g, 2, 10)) : null,
                minValue: null,
                maxValue: null,
                cache: chance(g, 20) ? String(int(g, 2, 50)) : null,
                cycle: false,
              },
            }
          : {}),
      }),
    );
  }
  const taken = new Set(columns.map((c) => c.name));
  const count = int(g, columns.length === 0 ? 1 : 0, 5);
  for (let i = 0; i < count; i++) {
    const columnName = longName(g, freshName(g, COLUMN_WORDS, taken), taken);
    taken.add(columnName);
    const column = randomColumn(g, `${id}_c${i}`, columnName, enums);
    if (chance(g, 15) && !column.type.endsWith('[]') && column.type !== 'JSON')
      column.unique = true;
    columns.push(column);
  }
  const table: Table = {
    id,
    name,
    comment: chance(g, 15) ? `All the ${name}.` : null,
    position: { x: int(g, 0, 20) * 50, y: int(g, 0, 20) * 50 },
    columns,
    ...TABLE_KEY_DEFAULTS,
    primaryKeyComment: chance(g, 10) ? `Finds one of ${name}` : null,
    foreignKeys: [],
    uniques: [],
    indexes: [],
    checks: [],
  };
  const plain = columns.filter((c) => !c.primaryKey && !c.type.endsWith('[]') && c.type !== 'JSON');
  if (plain.length >= 2 && chance(g, 25)) {
    table.uniques.push({
      id: `${id}_u`,
      // The table id keeps explicit names apart where two long table names share a prefix.
      name: chance(g, 30) ? `${name.slice(0, 36)}_${id}_pair_key` : null,
      columns: [plain[0]!.id, plain[1]!.id],
      ...UNIQUE_DEFAULTS,
      ...(chance(g, 15) ? { comment: 'One pair each' } : {}),
      ...(chance(g, 15)
        ? { deferrable: true, ...(chance(g, 50) ? { initiallyDeferred: true } : {}) }
        : {}),
    });
  }
  const doubled = plain.find((c) => DOUBLABLE.has(c.type));
  if (doubled && chance(g, 20)) {
    const generatedName = `${doubled.name.slice(0, 50)}_twice`;
    if (!taken.has(generatedName)) {
      taken.add(generatedName);
      columns.push(
        newColumn({
          id: `${id}_g`,
          name: generatedName,
          type: doubled.type,
          generated: { sql: `${doubled.name} * 2` },
        }),
      );
    }
  }
  if (plain.length >= 1 && chance(g, 40)) {
    const column = pick(g, plain);
    const unique = chance(g, 20);
    const option = HASHABLE.has(column.type) ? int(g, 1, 5) : 0;
    table.indexes.push({
      id: `${id}_i`,
      name: chance(g, 50) ? `ix_${name.slice(0, 26)}_${id}_${column.name.slice(0, 20)}` : null,
      columns: [column.id],
      unique,
      ...INDEX_DEFAULTS,
      ...(option === 1 && !unique ? { method: 'hash' as const } : {}),
      ...(option === 2 ? { where: `${column.name} IS NOT NULL` } : {}),
      ...(chance(g, 15) ? { comment: `Finds ${name} by ${column.name}` } : {}),
      ...(option === 3
        ? {
            keys: [
              {
                column: column.id,
                expression: null,
                descending: true,
                nulls: chance(g, 50) ? ('LAST' as const) : null,
                opclass: null,
                collation: null,
              },
            ],
          }
        : {}),
    });
  }
  if (chance(g, 30)) {
    const check = checkFor(g, table, `${id}_k`);
    if (check) table.checks.push(check);
  }
  if (chance(g, 15)) return exclusionFor(g, table, `${id}_x`) ?? table;
  return table;
}

function buildDesign(g: Gen): Design {
  const enums: EnumType[] = [];
  const enumCount = int(g, 0, 2);
  const enumNames = new Set<string>();
  for (let e = 0; e < enumCount; e++) {
    const name = freshName(g, ENUM_WORDS, enumNames);
    enumNames.add(name);
    const values = g(() =>
      fc.uniqueArray(fc.constantFrom(...ENUM_VALUES), { minLength: 1, maxLength: 4 }),
    );
    enums.push({ id: `e${e}`, name, values });
  }
  const tableCount = int(g, 1, 6);
  const taken = new Set<string>();
  let design: Design = { format: 'retort.design/5', name: 'generated', enums, tables: [] };
  for (let t = 0; t < tableCount; t++) {
    const name = longName(g, freshName(g, TABLE_WORDS, taken), taken);
    taken.add(name);
    design.tables.push(buildTable(g, `t${t}`, name, enums));
  }
  const fkCount = int(g, 0, tableCount + 1);
  for (let f = 0; f < fkCount; f++) {
    design = addForeignKey(g, design, int(g, 0, tableCount - 1)) ?? design;
  }
  if (chance(g, 30)) design = addDomain(g, design) ?? design;
  if (chance(g, 15)) design = addCompositeType(g, design) ?? design;
  if (chance(g, 50)) design = addSequence(g, design) ?? design;
  if (chance(g, 30)) design = addSequence(g, design) ?? design;
  return design;
}

// ---- standalone sequences ----

const SEQUENCE_WORDS = ['seq_tickets', 'seq_codes', 'seq_batches'];

/** A column of a plain public table to own a sequence, or null (`OWNED BY NONE`). */
function sequenceOwner(g: Gen, design: Design): Sequence['ownedBy'] {
  const tables = design.tables.filter((t) => plain(t) && t.schema === undefined);
  if (tables.length === 0 || !chance(g, 50)) return null;
  const table = pick(g, tables);
  return { table: table.id, column: pick(g, table.columns).id };
}

/**
 * Options within the smallest type's range, counting up or down. A sequence keeps its
 * direction when changed: Postgres refuses a range that leaves out its current value.
 */
function sequenceOptions(
  g: Gen,
  down: boolean,
): Pick<
  Sequence,
  'dataType' | 'start' | 'increment' | 'minValue' | 'maxValue' | 'cache' | 'cycle'
> {
  return {
    dataType: pick(g, ['smallint', 'integer', 'bigint'] as const),
    start: chance(g, 50) ? null : down ? '-10' : pick(g, ['10', '1000']),
    increment: down ? pick(g, ['-1', '-5']) : chance(g, 50) ? null : pick(g, ['1', '10']),
    minValue: down ? '-30000' : chance(g, 70) ? null : '1',
    maxValue: down ? null : chance(g, 70) ? null : '30000',
    cache: chance(g, 70) ? null : pick(g, ['1', '20']),
    cycle: chance(g, 20),
  };
}

/** A sequence in public, owned by a column of a public table or by none. */
const addSequence: Edit = (g, design) => {
  const sequences = design.sequences ?? [];
  const taken = new Set(sequences.map((s) => s.name));
  const free = SEQUENCE_WORDS.filter((w) => !taken.has(w));
  if (free.length === 0) return null;
  const sequence: Sequence = {
    id: freshTypeId('sq', sequences, design),
    name: pick(g, free),
    ...sequenceOptions(g, chance(g, 25)),
    ownedBy: sequenceOwner(g, design),
    comment: chance(g, 30) ? 'A counter' : null,
  };
  return { ...design, sequences: [...sequences, sequence] };
};

/** A sequence's options (0), comment (1), name (2) or owner (3) changed; any of them by default. */
const changeSequenceBy =
  (which?: number): Edit =>
  (g, design) => {
    const sequences = design.sequences ?? [];
    if (sequences.length === 0) return null;
    const s = pick(g, sequences);
    let changed: Sequence;
    switch (which ?? int(g, 0, 3)) {
      case 0:
        changed = { ...s, ...sequenceOptions(g, s.increment?.startsWith('-') ?? false) };
        break;
      case 1:
        changed = { ...s, comment: s.comment === null ? 'Changed' : null };
        break;
      case 2: {
        const taken = new Set(sequences.map((x) => x.name));
        const name = [`${s.name}_v2`, ...SEQUENCE_WORDS].find((w) => !taken.has(w));
        if (name === undefined) return null;
        changed = { ...s, name };
        break;
      }
      default:
        changed = { ...s, ownedBy: sequenceOwner(g, design) };
    }
    if (JSON.stringify(changed) === JSON.stringify(s)) return null;
    return { ...design, sequences: sequences.map((x) => (x.id === s.id ? changed : x)) };
  };

const dropSequence: Edit = (g, design) => {
  const sequences = design.sequences ?? [];
  if (sequences.length === 0) return null;
  const gone = pick(g, sequences).id;
  const rest = sequences.filter((s) => s.id !== gone);
  const { sequences: _, ...others } = design;
  return rest.length > 0 ? { ...others, sequences: rest } : others;
};

/**
 * The owners of sequences after an edit of tables and columns, as Postgres keeps them: a
 * sequence goes with its owning column or table, and moves with its table to another schema.
 */
function withSequenceOwners(design: Design): Design {
  if (!design.sequences) return design;
  const sequences = design.sequences.flatMap((s): Sequence[] => {
    if (s.ownedBy === null) return [s];
    const table = design.tables.find((t) => t.id === s.ownedBy!.table);
    if (!table || !plain(table) || !table.columns.some((c) => c.id === s.ownedBy!.column)) {
      return [];
    }
    const { schema: _, ...rest } = s;
    return [table.schema === undefined ? rest : { ...rest, schema: table.schema }];
  });
  const { sequences: _, ...others } = design;
  return sequences.length > 0 ? { ...others, sequences } : others;
}

// ---- domains and composite types ----

const DOMAIN_WORDS = ['amount', 'label', 'rank'];
const DOMAIN_CHECKS: Record<string, string[]> = {
  INTEGER: ['VALUE >= 0', 'VALUE < 1000000'],
  TEXT: ["VALUE <> ''", 'length(VALUE) < 200'],
};

function freshTypeId(prefix: string, taken: readonly { id: string }[], design: Design): string {
  let n = taken.length;
  while (taken.some((t) => t.id === `${prefix}${n}`) || designIds(design).has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** A domain over INTEGER or TEXT (never changed: a new base type is a new domain). */
const addDomain: Edit = (g, design) => {
  const domains = design.domains ?? [];
  const taken = new Set(domains.map((d) => d.name));
  const free = DOMAIN_WORDS.filter((w) => !taken.has(`dom_${w}`));
  if (free.length === 0) return null;
  const id = freshTypeId('dom', domains, design);
  const type = pick(g, ['INTEGER', 'TEXT']);
  const check = chance(g, 60) ? pick(g, DOMAIN_CHECKS[type]!) : null;
  return {
    ...design,
    domains: [
      ...domains,
      {
        id,
        name: `dom_${pick(g, free)}`,
        type,
        default: null,
        notNull: false,
        checks: check
          ? [{ id: `${id}_k0`, name: chance(g, 50) ? `${id}_rule` : null, expression: check }]
          : [],
        comment: chance(g, 30) ? 'A domain' : null,
      },
    ],
  };
};

/** A domain's default, NOT NULL, checks or comment changed in place. */
const changeDomain: Edit = (g, design) => {
  const domains = design.domains ?? [];
  if (domains.length === 0) return null;
  const d = pick(g, domains);
  const changed = { ...d, checks: [...d.checks] };
  switch (int(g, 0, 3)) {
    case 0:
      changed.notNull = !d.notNull;
      break;
    case 1:
      changed.default = d.default ? null : { sql: d.type === 'INTEGER' ? '1' : "'x'" };
      break;
    case 2: {
      const unused = DOMAIN_CHECKS[d.type]!.filter(
        (e) => !d.checks.some((k) => k.expression === e),
      );
      if (unused.length > 0 && chance(g, 60)) {
        changed.checks.push({
          id: `${d.id}_k${d.checks.length + 1}`,
          name: null,
          expression: pick(g, unused),
        });
      } else changed.checks = changed.checks.slice(1);
      break;
    }
    default:
      changed.comment = d.comment === null ? 'Changed' : null;
  }
  return { ...design, domains: domains.map((x) => (x.id === d.id ? changed : x)) };
};

/** A column of a domain, added to a table. */
const addDomainColumn: Edit = (g, design, focus) => {
  const domains = design.domains ?? [];
  if (domains.length === 0) return null;
  const index = tableIndex(g, design, focus);
  const table = design.tables[index]!;
  const name = freshName(g, COLUMN_WORDS, new Set(table.columns.map((c) => c.name)));
  const column = newColumn({ id: freshId('c', design), name, type: pick(g, domains).name });
  return replaceTable(design, index, { ...table, columns: [...table.columns, column] });
};

/** A domain no column uses, dropped. */
const dropDomain: Edit = (g, design) => {
  const used = new Set(design.tables.flatMap((t) => t.columns.map((c) => c.type)));
  const free = (design.domains ?? []).filter((d) => !used.has(d.name));
  if (free.length === 0) return null;
  const gone = pick(g, free).id;
  const domains = design.domains!.filter((d) => d.id !== gone);
  const { domains: _, ...rest } = design;
  return domains.length > 0 ? { ...rest, domains } : rest;
};

/** A composite type of two or three plain attributes, used by no column. */
const addCompositeType: Edit = (g, design) => {
  const types = design.compositeTypes ?? [];
  if (types.some((t) => t.name === 'pair_value')) return null;
  const id = freshTypeId('ct', types, design);
  const attributes = [
    { name: 'a', type: 'INTEGER' },
    { name: 'b', type: 'TEXT' },
    ...(chance(g, 50) ? [{ name: 'c', type: 'BOOLEAN' }] : []),
  ];
  return {
    ...design,
    compositeTypes: [...types, { id, name: 'pair_value', attributes, comment: null }],
  };
};

/** An attribute appended, the last one dropped, or one retyped. */
const changeCompositeType: Edit = (g, design) => {
  const types = design.compositeTypes ?? [];
  if (types.length === 0) return null;
  const t = pick(g, types);
  const attributes = [...t.attributes];
  const choice = int(g, 0, 2);
  if (choice === 0 && !attributes.some((a) => a.name === 'd'))
    attributes.push({ name: 'd', type: 'DATE' });
  else if (choice === 1 && attributes.length > 1) attributes.pop();
  else
    attributes[0] = {
      ...attributes[0]!,
      type: attributes[0]!.type === 'INTEGER' ? 'BIGINT' : 'INTEGER',
    };
  return {
    ...design,
    compositeTypes: types.map((x) => (x.id === t.id ? { ...t, attributes } : x)),
  };
};

/** 1-6 tables, valid by construction. */
export function arbDesign(): fc.Arbitrary<Design> {
  return fc.gen().map((g) => buildDesign(g));
}

// ---- edits ----

/** Column ids something depends on: keys, indexes, checks, foreign keys either way. */
function usedColumnIds(design: Design): Set<string> {
  const used = new Set<string>();
  for (const table of design.tables) {
    for (const c of table.columns) if (c.primaryKey || c.unique) used.add(c.id);
    for (const fk of table.foreignKeys) {
      for (const id of [...fk.columns, ...fk.references.columns]) used.add(id);
    }
    for (const u of table.uniques) for (const id of u.columns) used.add(id);
    for (const i of table.indexes) for (const id of i.columns) used.add(id);
    for (const x of table.exclusions ?? []) {
      for (const e of x.elements) if (e.column !== null) used.add(e.column);
    }
    const named = columnsInSql(table);
    for (const c of table.columns) if (named.has(c.name) || c.generated) used.add(c.id);
  }
  return used;
}

function referencedTableIds(design: Design): Set<string> {
  const ids = new Set<string>();
  for (const table of design.tables) {
    for (const fk of table.foreignKeys)
      if (fk.references.table !== table.id) ids.add(fk.references.table);
  }
  return ids;
}

function mapColumn(design: Design, columnId: string, change: (c: Column) => Column): Design {
  return {
    ...design,
    tables: design.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => (c.id === columnId ? change(c) : c)),
    })),
  };
}

/**
 * One edit of `design`; with `focus` (a table id) an edit of a table touches that table only,
 * so several edits can pile up on one table.
 */
type Edit = (g: Gen, design: Design, focus?: string) => Design | null;

/**
 * Neither partitioned nor a partition: the edits of columns, keys and indexes keep to these
 * (a partition has none of its own, a parent's keys must hold its partition key).
 */
const plain = (t: Table) => t.partitionBy === undefined && t.partitionOf === undefined;

/** The tables an edit may touch, with their indexes. */
function tablesFor(design: Design, focus: string | undefined): { t: Table; i: number }[] {
  return design.tables
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => plain(t) && (focus === undefined || t.id === focus));
}

function tableIndex(g: Gen, design: Design, focus: string | undefined): number {
  return pick(g, tablesFor(design, focus)).i;
}

/** Columns of the tables an edit may touch. */
function columnsFor(design: Design, focus: string | undefined): Column[] {
  return tablesFor(design, focus).flatMap(({ t }) => t.columns);
}

const renameTable: Edit = (g, design, focus) => {
  const index = tableIndex(g, design, focus);
  const table = design.tables[index]!;
  const name = freshName(
    g,
    [`${table.name}_v2`, `${table.name}_new`, ...TABLE_WORDS],
    new Set(design.tables.map((t) => t.name)),
  );
  return replaceTable(design, index, { ...table, name });
};

const renameColumn: Edit = (g, design, focus) => {
  const index = tableIndex(g, design, focus);
  const table = design.tables[index]!;
  // Checks, generated columns and partial indexes name their columns in SQL text, so a
  // column they use keeps its name.
  const inSql = columnsInSql(table);
  const candidates = table.columns.filter((c) => !inSql.has(c.name));
  if (candidates.length === 0) return null;
  const column = pick(g, candidates);
  const name = freshName(
    g,
    [`${column.name}_2`, ...COLUMN_WORDS],
    new Set(table.columns.map((c) => c.name)),
  );
  return mapColumn(design, column.id, (c) => ({ ...c, name }));
};

const changeType: Edit = (g, design, focus) => {
  const used = usedColumnIds(design);
  const candidates = columnsFor(design, focus).filter(
    (c) => !used.has(c.id) && WIDENINGS[c.type] !== undefined,
  );
  if (candidates.length === 0) return null;
  const column = pick(g, candidates);
  const type = pick(g, WIDENINGS[column.type]!);
  return mapColumn(design, column.id, (c) => ({ ...c, type }));
};

const toggleNullable: Edit = (g, design, focus) => {
  const setNull = new Set(
    design.tables.flatMap((t) =>
      t.foreignKeys
        .filter((f) => f.onDelete === 'SET NULL' || f.onUpdate === 'SET NULL')
        .flatMap((f) => f.columns),
    ),
  );
  const candidates = columnsFor(design, focus).filter(
    (c) => !c.primaryKey && !(c.nullable && setNull.has(c.id)),
  );
  if (candidates.length === 0) return null;
  const column = pick(g, candidates);
  return mapColumn(design, column.id, (c) => ({ ...c, nullable: !c.nullable }));
};

/** A new column, usually last, sometimes placed before others (the database appends it). */
const addColumn: Edit = (g, design, focus) => {
  const index = tableIndex(g, design, focus);
  const table = design.tables[index]!;
  const name = freshName(g, COLUMN_WORDS, new Set(table.columns.map((c) => c.name)));
  const column = randomColumn(g, freshId('c', design), name, design.enums);
  const at = chance(g, 70) ? table.columns.length : int(g, 0, table.columns.length);
  const columns = [...table.columns];
  columns.splice(at, 0, column);
  return replaceTable(design, index, { ...table, columns });
};

/** A column moved up or down in the table, as the inspector's arrows do. */
const moveColumn: Edit = (g, design, focus) => {
  const tables = tablesFor(design, focus).filter(({ t }) => t.columns.length > 1);
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const from = int(g, 0, t.columns.length - 1);
  const to = int(g, 0, t.columns.length - 1);
  if (from === to) return null;
  const columns = [...t.columns];
  const [moved] = columns.splice(from, 1);
  columns.splice(to, 0, moved!);
  return replaceTable(design, i, { ...t, columns });
};

const dropColumn: Edit = (g, design, focus) => {
  const used = usedColumnIds(design);
  const tables = tablesFor(design, focus).filter(
    ({ t }) => t.columns.length > 1 && t.columns.some((c) => !used.has(c.id)),
  );
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const column = pick(
    g,
    t.columns.filter((c) => !used.has(c.id)),
  );
  return replaceTable(design, i, { ...t, columns: t.columns.filter((c) => c.id !== column.id) });
};

const addTable: Edit = (g, design) => {
  const name = freshName(g, TABLE_WORDS, new Set(design.tables.map((t) => t.name)));
  const table = buildTable(g, freshId('t', design), name, design.enums);
  const withTable = { ...design, tables: [...design.tables, table] };
  // buildTable derives child ids from the table id, which is fresh, so they are too.
  return chance(g, 50)
    ? (addForeignKey(g, withTable, withTable.tables.length - 1) ?? withTable)
    : withTable;
};

const dropTable: Edit = (g, design) => {
  if (design.tables.filter(plain).length < 2) return null;
  const referenced = referencedTableIds(design);
  const candidates = design.tables.filter((t) => plain(t) && !referenced.has(t.id));
  if (candidates.length === 0) return null;
  const table = pick(g, candidates);
  return { ...design, tables: design.tables.filter((t) => t.id !== table.id) };
};

const addForeignKeyEdit: Edit = (g, design, focus) =>
  addForeignKey(g, design, tableIndex(g, design, focus));

const dropForeignKey: Edit = (g, design, focus) => {
  const tables = tablesFor(design, focus).filter(({ t }) => t.foreignKeys.length > 0);
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const fk = pick(g, t.foreignKeys);
  return replaceTable(design, i, {
    ...t,
    foreignKeys: t.foreignKeys.filter((f) => f.id !== fk.id),
  });
};

/** Column sets foreign keys point at, which must stay unique. */
function referencedSets(design: Design): string[] {
  return design.tables.flatMap((t) =>
    t.foreignKeys.map((f) => [...f.references.columns].sort().join(',')),
  );
}

const addUnique: Edit = (g, design, focus) => {
  const index = tableIndex(g, design, focus);
  const table = design.tables[index]!;
  const pk = table.columns.filter((c) => c.primaryKey).map((c) => c.id);
  const existing = new Set([
    [...pk].sort().join(','),
    ...table.columns.filter((c) => c.unique).map((c) => c.id),
    ...table.uniques.map((u) => [...u.columns].sort().join(',')),
  ]);
  const candidates = table.columns.filter(
    (c) => !existing.has(c.id) && !c.type.endsWith('[]') && c.type !== 'JSON',
  );
  if (candidates.length === 0) return null;
  const column = pick(g, candidates);
  return replaceTable(design, index, {
    ...table,
    uniques: [
      ...table.uniques,
      { id: freshId('u', design), name: null, columns: [column.id], ...UNIQUE_DEFAULTS },
    ],
  });
};

const dropUnique: Edit = (g, design, focus) => {
  const needed = new Set(referencedSets(design));
  const tables = tablesFor(design, focus).filter(({ t }) =>
    t.uniques.some((u) => !needed.has([...u.columns].sort().join(','))),
  );
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const unique = pick(
    g,
    t.uniques.filter((u) => !needed.has([...u.columns].sort().join(','))),
  );
  return replaceTable(design, i, { ...t, uniques: t.uniques.filter((u) => u.id !== unique.id) });
};

const addIndex: Edit = (g, design, focus) => {
  const index = tableIndex(g, design, focus);
  const table = design.tables[index]!;
  const candidates = table.columns.filter((c) => c.type !== 'JSON');
  if (candidates.length === 0) return null;
  const column = pick(g, candidates);
  return replaceTable(design, index, {
    ...table,
    indexes: [
      ...table.indexes,
      {
        id: freshId('i', design),
        name: null,
        columns: [column.id],
        unique: false,
        ...INDEX_DEFAULTS,
      },
    ],
  });
};

const dropIndex: Edit = (g, design, focus) => {
  const needed = new Set(referencedSets(design));
  const tables = tablesFor(design, focus).filter(({ t }) =>
    t.indexes.some((x) => !x.unique || !needed.has([...x.columns].sort().join(','))),
  );
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const index = pick(
    g,
    t.indexes.filter((x) => !x.unique || !needed.has([...x.columns].sort().join(','))),
  );
  return replaceTable(design, i, { ...t, indexes: t.indexes.filter((x) => x.id !== index.id) });
};

const addCheck: Edit = (g, design, focus) => {
  const index = tableIndex(g, design, focus);
  const table = design.tables[index]!;
  const check = checkFor(g, table, freshId('k', design));
  if (!check || table.checks.some((k) => k.name !== null && k.name === check.name)) return null;
  return replaceTable(design, index, { ...table, checks: [...table.checks, check] });
};

const dropCheck: Edit = (g, design, focus) => {
  const tables = tablesFor(design, focus).filter(({ t }) => t.checks.length > 0);
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const check = pick(g, t.checks);
  return replaceTable(design, i, { ...t, checks: t.checks.filter((k) => k.id !== check.id) });
};

/** VALIDATE CONSTRAINT one way, drop and add back NOT VALID the other. */
const toggleCheckValidity: Edit = (g, design, focus) => {
  const tables = tablesFor(design, focus).filter(({ t }) => t.checks.length > 0);
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const check = pick(g, t.checks);
  return replaceTable(design, i, {
    ...t,
    checks: t.checks.map((k) => (k.id === check.id ? { ...k, notValid: !k.notValid } : k)),
  });
};

const setIndexComment: Edit = (g, design, focus) => {
  const tables = tablesFor(design, focus).filter(({ t }) => t.indexes.length > 0);
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const index = pick(g, t.indexes);
  const comment =
    index.comment === null || chance(g, 50) ? `Read by ${t.name} ${int(g, 1, 99)}` : null;
  if (comment === index.comment) return null;
  return replaceTable(design, i, {
    ...t,
    indexes: t.indexes.map((x) => (x.id === index.id ? { ...x, comment } : x)),
  });
};

/** A primary key's, unique's, check's or foreign key's comment set, changed or removed. */
const setConstraintComment: Edit = (g, design, focus) => {
  const tables = tablesFor(design, focus).filter(
    ({ t }) =>
      t.columns.some((c) => c.primaryKey) ||
      t.uniques.length + t.checks.length + t.foreignKeys.length > 0,
  );
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const next = (comment: string | null) =>
    comment === null || chance(g, 50) ? `Said of ${t.name} ${int(g, 1, 99)}` : null;
  const kinds = [
    ...(t.columns.some((c) => c.primaryKey) ? ['primaryKey' as const] : []),
    ...(['uniques', 'checks', 'foreignKeys'] as const).filter((k) => t[k].length > 0),
  ];
  const kind = pick(g, kinds);
  if (kind === 'primaryKey') {
    return replaceTable(design, i, { ...t, primaryKeyComment: next(t.primaryKeyComment) });
  }
  const list: { id: string; comment: string | null }[] = t[kind];
  const target = pick(g, list);
  const comment = next(target.comment);
  return replaceTable(design, i, {
    ...t,
    [kind]: list.map((x) => (x.id === target.id ? { ...x, comment } : x)),
  });
};

/**
 * A unique constraint made deferrable, initially deferred, or neither: a drop and an add.
 * Foreign keys here reference primary keys and unique columns only, never these.
 */
const setUniqueDeferrability: Edit = (g, design, focus) => {
  const needed = new Set(referencedSets(design));
  const tables = tablesFor(design, focus).filter(({ t }) =>
    t.uniques.some((u) => !needed.has([...u.columns].sort().join(','))),
  );
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const target = pick(
    g,
    t.uniques.filter((u) => !needed.has([...u.columns].sort().join(','))),
  );
  const states = [{}, { deferrable: true }, { deferrable: true, initiallyDeferred: true }];
  const now = target.deferrable ? (target.initiallyDeferred ? 2 : 1) : 0;
  const next = states[(now + int(g, 1, 2)) % 3]!;
  const { deferrable: _d, initiallyDeferred: _i, ...rest } = target;
  return replaceTable(design, i, {
    ...t,
    uniques: t.uniques.map((u) => (u.id === target.id ? { ...rest, ...next } : u)),
  });
};

const addExclusion: Edit = (g, design, focus) => {
  const index = tableIndex(g, design, focus);
  const table = exclusionFor(g, design.tables[index]!, freshId('x', design));
  return table && replaceTable(design, index, table);
};

const dropExclusion: Edit = (g, design, focus) => {
  const tables = tablesFor(design, focus).filter(({ t }) => (t.exclusions?.length ?? 0) > 0);
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const gone = pick(g, t.exclusions!);
  const exclusions = t.exclusions!.filter((x) => x.id !== gone.id);
  const { exclusions: _all, ...rest } = t;
  return replaceTable(design, i, exclusions.length > 0 ? { ...rest, exclusions } : rest);
};

/** Deferrable or not (dropped and added again), or another comment (changed in place). */
const changeExclusion: Edit = (g, design, focus) => {
  const tables = tablesFor(design, focus).filter(({ t }) => (t.exclusions?.length ?? 0) > 0);
  if (tables.length === 0) return null;
  const { t, i } = pick(g, tables);
  const changed = pick(g, t.exclusions!);
  const next: ExclusionConstraint = chance(g, 50)
    ? { ...changed, deferrable: !changed.deferrable, initiallyDeferred: false }
    : { ...changed, comment: changed.comment === null ? `Kept apart ${int(g, 1, 99)}` : null };
  return replaceTable(design, i, {
    ...t,
    exclusions: t.exclusions!.map((x) => (x.id === changed.id ? next : x)),
  });
};

function mapEnum(design: Design, id: string, values: string[]): Design {
  return { ...design, enums: design.enums.map((e) => (e.id === id ? { ...e, values } : e)) };
}

const addEnumValue: Edit = (g, design) => {
  const candidates = design.enums.filter((e) => ENUM_VALUES.some((v) => !e.values.includes(v)));
  if (candidates.length === 0) return null;
  const enumType = pick(g, candidates);
  const value = pick(
    g,
    ENUM_VALUES.filter((v) => !enumType.values.includes(v)),
  );
  const at = int(g, 0, enumType.values.length);
  return mapEnum(design, enumType.id, [
    ...enumType.values.slice(0, at),
    value,
    ...enumType.values.slice(at),
  ]);
};

/** Defaults that name an enum value, per enum: `'new'` on a column of that enum. */
function enumDefaults(design: Design, enumName: string): string[] {
  return design.tables.flatMap((t) =>
    t.columns.filter((c) => c.type === enumName && c.default !== null).map((c) => c.default!.sql),
  );
}

const removeEnumValue: Edit = (g, design) => {
  const candidates = design.enums.filter((e) => e.values.length > 1);
  if (candidates.length === 0) return null;
  const enumType = pick(g, candidates);
  const inUse = enumDefaults(design, enumType.name);
  const removable = enumType.values.filter((v) => !inUse.includes(`'${v}'`));
  if (removable.length === 0) return null;
  const value = pick(g, removable);
  return mapEnum(
    design,
    enumType.id,
    enumType.values.filter((v) => v !== value),
  );
};

const renameEnumValue: Edit = (g, design) => {
  const candidates = design.enums.filter((e) => ENUM_VALUES.some((v) => !e.values.includes(v)));
  if (candidates.length === 0) return null;
  const enumType = pick(g, candidates);
  const from = pick(g, enumType.values);
  const to = pick(
    g,
    ENUM_VALUES.filter((v) => !enumType.values.includes(v)),
  );
  const renamed = mapEnum(
    design,
    enumType.id,
    enumType.values.map((v) => (v === from ? to : v)),
  );
  return {
    ...renamed,
    tables: renamed.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) =>
        c.type === enumType.name && c.default?.sql === `'${from}'`
          ? { ...c, default: { sql: `'${to}'` } }
          : c,
      ),
    })),
  };
};

const PARTITION_KEYS = {
  LIST: { column: 'region', type: 'TEXT' },
  HASH: { column: 'n', type: 'INTEGER' },
  RANGE: { column: 'day', type: 'DATE' },
} as const;

function partitionBound(strategy: keyof typeof PARTITION_KEYS, k: number): string {
  if (strategy === 'LIST') return `FOR VALUES IN ('v${k}')`;
  if (strategy === 'HASH') return `FOR VALUES WITH (modulus 2, remainder ${k})`;
  return `FOR VALUES FROM ('${2100 + k}-01-01') TO ('${2101 + k}-01-01')`;
}

function bareTable(id: string, name: string): Table {
  return {
    id,
    name,
    comment: null,
    position: null,
    columns: [],
    primaryKeyName: null,
    primaryKeyOrder: null,
    primaryKeyComment: null,
    foreignKeys: [],
    uniques: [],
    indexes: [],
    checks: [],
  };
}

/** A table partitioned by LIST, HASH or RANGE with two partitions, perhaps an index. */
const addPartitionedTable: Edit = (g, design) => {
  const name = freshName(g, TABLE_WORDS, new Set(design.tables.map((t) => t.name)));
  if (name.length > 55) return null;
  const id = freshId('t', design);
  const strategy = pick(g, ['LIST', 'HASH', 'RANGE'] as const);
  const key = PARTITION_KEYS[strategy];
  const column = (suffix: string, colName: string, type: string, nullable: boolean): Column => ({
    id: `${id}_${suffix}`,
    name: colName,
    type,
    nullable,
    primaryKey: false,
    autoincrement: false,
    unique: false,
    default: null,
    comment: null,
  });
  const parent: Table = {
    ...bareTable(id, name),
    columns: [column('k', key.column, key.type, false), column('v', 'note', 'TEXT', true)],
    partitionBy: { strategy, key: `${strategy} (${key.column})` },
  };
  if (chance(g, 50)) {
    parent.indexes.push({
      id: `${id}_ix`,
      name: null,
      columns: [`${id}_k`],
      unique: false,
      method: 'btree',
      keys: null,
      include: [],
      where: null,
      nullsNotDistinct: false,
      comment: null,
    });
  }
  const partitions = [0, 1].map((k) => ({
    ...bareTable(`${id}_p${k}`, `${name}_p${k}`),
    partitionOf: id,
    partitionBound: partitionBound(strategy, k),
  }));
  return { ...design, tables: [...design.tables, parent, ...partitions] };
};

/** A design with a partitioned table: `design`, or `design` with one added. */
function withPartitions(g: Gen, design: Design): Design | null {
  return design.tables.some((t) => t.partitionOf !== undefined)
    ? design
    : addPartitionedTable(g, design);
}

const dropPartition: Edit = (g, start) => {
  const design = withPartitions(g, start);
  if (!design) return null;
  const partitions = design.tables.filter((t) => t.partitionOf !== undefined);
  const gone = pick(g, partitions);
  return { ...design, tables: design.tables.filter((t) => t.id !== gone.id) };
};

/** A LIST or RANGE partition's bound moved to values no other partition has. */
const changePartitionBound: Edit = (g, start) => {
  const design = withPartitions(g, start);
  if (!design) return null;
  const partitions = design.tables.filter((t) => {
    const parent = design.tables.find((p) => p.id === t.partitionOf);
    return parent?.partitionBy !== undefined && parent.partitionBy.strategy !== 'HASH';
  });
  if (partitions.length === 0) return null;
  const moved = pick(g, partitions);
  const strategy = design.tables.find((p) => p.id === moved.partitionOf)!.partitionBy!.strategy;
  const taken = design.tables.map((t) => t.partitionBound ?? '').join(' ');
  let k = int(g, 2, 800);
  while (taken.includes(partitionBound(strategy as 'LIST' | 'RANGE', k).slice(-20))) k++;
  return {
    ...design,
    tables: design.tables.map((t) =>
      t.id === moved.id
        ? { ...t, partitionBound: partitionBound(strategy as 'LIST' | 'RANGE', k) }
        : t,
    ),
  };
};

export const DESIGN_EDITS = {
  renameTable,
  renameColumn,
  changeType,
  toggleNullable,
  addColumn,
  moveColumn,
  dropColumn,
  addTable,
  dropTable,
  addForeignKey: addForeignKeyEdit,
  dropForeignKey,
  addUnique,
  dropUnique,
  addIndex,
  dropIndex,
  addCheck,
  dropCheck,
  toggleCheckValidity,
  setIndexComment,
  setConstraintComment,
  setUniqueDeferrability,
  addExclusion,
  dropExclusion,
  changeExclusion,
  addEnumValue,
  removeEnumValue,
  renameEnumValue,
  addPartitionedTable,
  dropPartition,
  changePartitionBound,
  addDomain,
  changeDomain,
  addDomainColumn,
  dropDomain,
  addCompositeType,
  changeCompositeType,
  addSequence,
  changeSequence: changeSequenceBy(),
  changeSequenceOptions: changeSequenceBy(0),
  setSequenceOwner: changeSequenceBy(3),
  dropSequence,
} satisfies Record<string, Edit>;

export type DesignEditKind = keyof typeof DESIGN_EDITS;

/** The edits that change one table and leave the others alone. */
export const TABLE_EDITS: readonly DesignEditKind[] = [
  'renameTable',
  'renameColumn',
  'changeType',
  'toggleNullable',
  'addColumn',
  'moveColumn',
  'dropColumn',
  'addForeignKey',
  'dropForeignKey',
  'addUnique',
  'dropUnique',
  'addIndex',
  'dropIndex',
  'addCheck',
  'dropCheck',
  'toggleCheckValidity',
  'setIndexComment',
  'setConstraintComment',
  'addExclusion',
  'dropExclusion',
  'changeExclusion',
];

/** One edit of `design` (kind chosen at random, or from `kinds`) with its kind, the result still valid. */
export function arbDesignEditWithKind(
  design: Design,
  kinds: readonly DesignEditKind[] = Object.keys(DESIGN_EDITS) as DesignEditKind[],
  focus?: string,
): fc.Arbitrary<{ kind: DesignEditKind; design: Design }> {
  return fc.gen().map((g) => {
    const kind = pick(g, kinds);
    const edited = DESIGN_EDITS[kind](g, design, focus);
    if (edited) return { kind, design: withSequenceOwners(edited) };
    // Not applicable to this design (no enum to edit, nothing to drop): add a column instead.
    return { kind: 'addColumn' as const, design: withSequenceOwners(addColumn(g, design, focus)!) };
  });
}

/** `design` after one edit a user could make (rename, retype, add/drop ...), still valid. */
export function arbDesignEdit(
  design: Design,
  kinds?: readonly DesignEditKind[],
): fc.Arbitrary<Design> {
  return arbDesignEditWithKind(design, kinds).map((edit) => edit.design);
}

/**
 * `design` after two to six edits of one of its tables (columns added, dropped, renamed,
 * moved, retyped; keys, indexes and checks added and dropped), still valid.
 */
export function arbTableEdits(design: Design): fc.Arbitrary<Design> {
  return fc.gen().map((g) => {
    const focus = pick(g, design.tables.filter(plain)).id;
    const count = int(g, 2, 6);
    let edited = design;
    for (let i = 0; i < count; i++) {
      edited = g(() => arbDesignEditWithKind(edited, TABLE_EDITS, focus)).design;
    }
    return edited;
  });
}

/** A design and the design after one to three edits anywhere, or several edits of one table. */
export function arbDesignPair(): fc.Arbitrary<{ a: Design; b: Design }> {
  return arbDesign().chain((a) =>
    fc
      .oneof(
        fc.integer({ min: 1, max: 3 }).chain((n) => {
          let arb: fc.Arbitrary<Design> = arbDesignEdit(a);
          for (let i = 1; i < n; i++) arb = arb.chain((d) => arbDesignEdit(d));
          return arb;
        }),
        arbTableEdits(a),
      )
      .map((b) => ({ a, b })),
  );
}
