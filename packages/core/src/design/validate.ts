/**
 * Validation of a design: every problem at once, each with its JSON path and a sentence.
 * What Postgres would refuse (or silently change) is a problem here, before any SQL is
 * written: duplicate names in a namespace, names over 63 bytes, text that is no type name, keys to
 * missing ids, foreign keys Postgres cannot create, expressions that are not one expression.
 */
import type { Problem } from '../errors';
import { expressionColumns } from '../expression/canonical';
import { isSingleExpression } from '../expression/parse';
import { identifierBytes, MAX_IDENTIFIER_BYTES, makeObjectName } from '../naming/postgres-names';
import {
  designSchemas,
  objectQualifiedName,
  qualifiedName,
  schemaNameProblem,
} from '../naming/qualified-names';
import { checkObjects } from '../objects/validate';
import { INTEGER_RANGES, sequenceOptionProblems } from '../sequences/options';
import { checkSequences } from '../sequences/validate';
import { checkUserTypes, normalizeUserTypes } from '../user-types/validate';
import { checkCanvasData } from './canvas-data';
import { DesignReader } from './read';
import { isReferenceable } from './references';
import { describeUnknownType, INTEGER_TYPES, normalizeColumnType } from './type-names';
import type { Column, Design, ExclusionConstraint, Index, PartitionStrategy, Table } from './types';
import { EXCLUSION_METHODS } from './types';

export interface DesignValidation {
  /** The design with defaults applied and types normalised; null when there are problems. */
  design: Design | null;
  problems: Problem[];
}

export function validateDesign(input: unknown): DesignValidation {
  const reader = new DesignReader();
  const design = reader.design(input);
  const problems = [...reader.problems, ...nulProblems(design, '')];
  const shapeBroken = problems.some((p) => p.path === '$');
  if (!shapeBroken) {
    // A field already reported for its shape is not reported again for its meaning.
    const reported = new Set(problems.map((p) => p.path));
    problems.push(...checkDesign(design).filter((p) => !reported.has(p.path)));
    problems.push(...checkObjects(design).filter((p) => !reported.has(p.path)));
    problems.push(...checkUserTypes(design).filter((p) => !reported.has(p.path)));
    problems.push(...checkSequences(design).filter((p) => !reported.has(p.path)));
    problems.push(...checkSchemaComments(design).filter((p) => !reported.has(p.path)));
  }
  return { design: problems.length === 0 ? normalizeDesignTypes(design) : null, problems };
}

/** A comment is on a schema the design puts something in: the design makes no other. */
function checkSchemaComments(design: Design): Problem[] {
  const schemas = new Set(designSchemas(design));
  return Object.keys(design.schemaComments ?? {})
    .filter((schema) => !schemas.has(schema))
    .map((schema) => ({
      path: `schemaComments.${schema}`,
      message:
        schema === 'public'
          ? 'public keeps its own comment; comment only on the other schemas the design uses.'
          : `is on schema "${schema}", which holds nothing of the design; put a table or type in it, or drop the comment.`,
    }));
}

/**
 * Every text of the file (names, comments, defaults, enum values, ids) that holds a NUL:
 * Postgres cannot store one in a name or a text value, and generated code cannot carry it.
 */
function nulProblems(value: unknown, path: string): Problem[] {
  // Most designs hold no NUL: one walk over the texts, building no path, says so; the
  // paths are built only for a design that holds one.
  if (path === '' && !holdsNul(value)) return [];
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? [
          {
            path,
            message: 'must not contain a NUL character (\\u0000); Postgres cannot store one.',
          },
        ]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => nulProblems(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      nulProblems(item, path === '' ? key : `${path}.${key}`),
    );
  }
  return [];
}

/** Whether any text in `value` holds a NUL. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsNul(item)) return true;
    return false;
  }
  for (const key in value) if (holdsNul((value as Record<string, unknown>)[key])) return true;
  return false;
}

class Checker {
  readonly problems: Problem[] = [];

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  name(name: string, path: string, what: string): void {
    if (name.trim() === '') this.add(path, `${what} name must not be empty.`);
    else if (identifierBytes(name) > MAX_IDENTIFIER_BYTES) {
      this.add(
        path,
        `${what} name "${name}" is ${identifierBytes(name)} bytes long; Postgres keeps only ${MAX_IDENTIFIER_BYTES} and would truncate it.`,
      );
    }
  }

  /** True when `sql` is one expression; otherwise reports why. */
  expression(sql: string, path: string, what: string): boolean {
    const problem = isSingleExpression(sql);
    // A long text is named by its start, so the sentence stays a sentence.
    const shown = sql.length > 80 ? `${sql.slice(0, 60)}…` : sql;
    if (problem) this.add(path, `${what} ${JSON.stringify(shown)} ${problem}`);
    return problem === null;
  }
}

/** Remembers the first path of each key; reports later ones. */
class Seen {
  private readonly first = new Map<string, string>();
  constructor(private readonly checker: Checker) {}

  claim(key: string, path: string, message: (firstPath: string) => string): void {
    if (key === '') return;
    const firstPath = this.first.get(key);
    if (firstPath === undefined) this.first.set(key, path);
    else this.checker.add(path, message(firstPath));
  }
}

function checkDesign(design: Design): Problem[] {
  const checker = new Checker();
  const ids = new Seen(checker);
  const claimId = (id: string, path: string) => {
    if (id === '') return;
    ids.claim(id, `${path}.id`, (first) => `id "${id}" is already used at ${first}.`);
  };

  // The design's name is written into generated code and files, and names the database in examples.
  if (design.name !== '') {
    checker.name(design.name, 'name', 'The design');
  }

  const enumNames = design.enums.map(objectQualifiedName);
  const typeNames = new Seen(checker);
  design.enums.forEach((enumType, e) => {
    const path = `enums[${e}]`;
    claimId(enumType.id, path);
    checker.name(enumType.name, `${path}.name`, 'Enum');
    checkSchema(enumType.schema, path, checker);
    typeNames.claim(
      objectQualifiedName(enumType),
      `${path}.name`,
      (first) => `enum "${enumType.name}" is already defined at ${first}.`,
    );
    if (enumType.values.length === 0)
      checker.add(`${path}.values`, `enum "${enumType.name}" has no values; give it at least one.`);
    const values = new Seen(checker);
    enumType.values.forEach((value, v) => {
      if (value === '') checker.add(`${path}.values[${v}]`, 'an enum value must not be empty.');
      else if (identifierBytes(value) > MAX_IDENTIFIER_BYTES) {
        checker.add(
          `${path}.values[${v}]`,
          `enum value "${value}" is longer than ${MAX_IDENTIFIER_BYTES} bytes.`,
        );
      }
      values.claim(
        value,
        `${path}.values[${v}]`,
        (first) => `value "${value}" is already listed at ${first}.`,
      );
    });
  });

  const tablesById = new Map(design.tables.map((t) => [t.id, t]));
  const relations = new Seen(checker);
  design.tables.forEach((table, t) => {
    const path = `tables[${t}]`;
    claimId(table.id, path);
    checker.name(table.name, `${path}.name`, 'Table');
    checkSchema(table.schema, path, checker);
    relations.claim(
      objectQualifiedName(table),
      `${path}.name`,
      (first) => `table "${table.name}" is already defined at ${first}.`,
    );
    // A table's row type shares pg_type with enums.
    if (enumNames.includes(objectQualifiedName(table))) {
      checker.add(
        `${path}.name`,
        `table "${table.name}" has the name of an enum; Postgres keeps both in one namespace of types.`,
      );
    }
    checkTable(table, path, { checker, claimId, enumNames, tablesById, relations, design });
  });
  // A SERIAL column makes a sequence named by Postgres (`orders_order_id_seq`): a relation
  // like the tables and indexes, so no other relation may take its name.
  design.tables.forEach((table, t) => {
    table.columns.forEach((column, c) => {
      if (!column.autoincrement || table.name === '' || column.name === '') return;
      const sequence = makeObjectName(table.name, column.name, 'seq');
      relations.claim(
        qualifiedName(table.schema, sequence),
        `tables[${t}].columns[${c}].autoincrement`,
        (first) =>
          `serial column "${column.name}" of table "${table.name}" gets the sequence "${sequence}" from Postgres, but that is already the name of a relation at ${first}; rename one of them.`,
      );
    });
  });
  checker.problems.push(...checkCanvasData(design, claimId));
  return checker.problems;
}

interface Context {
  checker: Checker;
  claimId: (id: string, path: string) => void;
  enumNames: string[];
  tablesById: Map<string, Table>;
  relations: Seen;
  design: Design;
}

function checkTable(table: Table, path: string, context: Context): void {
  const { checker, claimId, enumNames } = context;
  const where = `table "${table.name}"`;
  if (table.partitionOf !== undefined || table.partitionBound !== undefined) {
    checkPartition(table, path, context);
  } else if (table.columns.length === 0)
    checker.add(`${path}.columns`, `${where} has no columns; give it at least one.`);
  if (table.partitionBy) checkPartitionKey(table, path, context);

  const columnNames = new Seen(checker);
  table.columns.forEach((column, c) => {
    const cpath = `${path}.columns[${c}]`;
    claimId(column.id, cpath);
    checker.name(column.name, `${cpath}.name`, 'Column');
    columnNames.claim(
      column.name,
      `${cpath}.name`,
      (first) => `column "${column.name}" already exists in ${where} (${first}).`,
    );
    checkColumn(column, cpath, where, enumNames, checker, context.design);
  });

  const columnsById = new Map(table.columns.map((c) => [c.id, c]));
  const columnRefs = (
    ids: string[],
    listPath: string,
    owner: Table,
    ownerById: Map<string, Column>,
  ) => {
    if (ids.length === 0) checker.add(listPath, 'must list at least one column.');
    const seen = new Seen(checker);
    return ids.map((id, i) => {
      const column = ownerById.get(id);
      if (!column)
        checker.add(`${listPath}[${i}]`, `no column with id "${id}" in table "${owner.name}".`);
      seen.claim(id, `${listPath}[${i}]`, () => `column id "${id}" is listed twice.`);
      return column;
    });
  };

  // Index-backed names (primary key, uniques, indexes) live in the schema's relation
  // namespace; every constraint name must also be unique within its table.
  const constraintNames = new Seen(checker);
  const claimConstraint = (name: string | null, npath: string, relation: boolean) => {
    if (name === null) return;
    checker.name(name, npath, 'Constraint');
    constraintNames.claim(
      name,
      npath,
      (first) => `constraint "${name}" is already used in ${where} (${first}).`,
    );
    if (relation) {
      context.relations.claim(
        qualifiedName(table.schema, name),
        npath,
        (first) => `"${name}" is already the name of a table, index or key at ${first}.`,
      );
    }
  };

  if (table.primaryKeyInitiallyDeferred && !table.primaryKeyDeferrable) {
    checker.add(
      `${path}.primaryKeyInitiallyDeferred`,
      'INITIALLY DEFERRED needs a DEFERRABLE key; set "primaryKeyDeferrable": true.',
    );
  }
  table.uniques.forEach((unique, u) => {
    const upath = `${path}.uniques[${u}]`;
    claimId(unique.id, upath);
    if (unique.initiallyDeferred && !unique.deferrable) {
      checker.add(
        `${upath}.initiallyDeferred`,
        'INITIALLY DEFERRED needs a DEFERRABLE key; set "deferrable": true.',
      );
    }
    claimConstraint(unique.name, `${upath}.name`, true);
    columnRefs(unique.columns, `${upath}.columns`, table, columnsById);
  });
  // Postgres folds identical unique constraints of one CREATE TABLE into one, so a design
  // with two would not match the database.
  const uniqueKeys = new Seen(checker);
  const setKey = (ids: string[]) => [...new Set(ids)].sort().join('\u0000');
  const pkIndex = table.columns.findIndex((c) => c.primaryKey);
  if (pkIndex >= 0) {
    const pk = table.columns.filter((c) => c.primaryKey).map((c) => c.id);
    uniqueKeys.claim(setKey(pk), `${path}.columns[${pkIndex}].primaryKey`, () => '');
  }
  checkPrimaryKey(table, path, context, claimConstraint);
  const duplicate = (first: string) =>
    `the same columns are already unique (${first}); Postgres would keep only one.`;
  table.columns.forEach((column, c) => {
    if (column.unique) uniqueKeys.claim(column.id, `${path}.columns[${c}].unique`, duplicate);
  });
  table.uniques.forEach((unique, u) => {
    const key = `${setKey(unique.columns)}${unique.nullsNotDistinct ? '\u0000nnd' : ''}`;
    uniqueKeys.claim(key, `${path}.uniques[${u}].columns`, duplicate);
  });

  table.indexes.forEach((index, i) => {
    const ipath = `${path}.indexes[${i}]`;
    claimId(index.id, ipath);
    if (index.name !== null) {
      checker.name(index.name, `${ipath}.name`, 'Index');
      context.relations.claim(
        qualifiedName(table.schema, index.name),
        `${ipath}.name`,
        (first) => `"${index.name}" is already the name of a table, index or key at ${first}.`,
      );
    }
    if (index.keys === null) columnRefs(index.columns, `${ipath}.columns`, table, columnsById);
    checkIndexOptions(index, ipath, table, checker);
  });
  (table.exclusions ?? []).forEach((exclusion, x) => {
    const xpath = `${path}.exclusions[${x}]`;
    claimId(exclusion.id, xpath);
    claimConstraint(exclusion.name, `${xpath}.name`, true);
    checkExclusion(exclusion, xpath, table, checker);
  });
  table.checks.forEach((check, k) => {
    const kpath = `${path}.checks[${k}]`;
    claimId(check.id, kpath);
    claimConstraint(check.name, `${kpath}.name`, false);
    if (checker.expression(check.expression, `${kpath}.expression`, 'check')) {
      const names = new Set(table.columns.map((c) => c.name));
      const unknown = expressionColumns(check.expression).filter((n) => !names.has(n));
      if (unknown.length > 0) {
        checker.add(
          `${kpath}.expression`,
          `check ${JSON.stringify(check.expression)} uses ${unknown.map((n) => `"${n}"`).join(', ')}, which ${where} does not have.`,
        );
      }
    }
  });

  table.foreignKeys.forEach((fk, f) => {
    const fpath = `${path}.foreignKeys[${f}]`;
    claimId(fk.id, fpath);
    claimConstraint(fk.name, `${fpath}.name`, false);
    const local = columnRefs(fk.columns, `${fpath}.columns`, table, columnsById);
    if (fk.references.table === '') return;
    const target = context.tablesById.get(fk.references.table);
    if (!target) {
      checker.add(`${fpath}.references.table`, `no table with id "${fk.references.table}".`);
      return;
    }
    const targetById = new Map(target.columns.map((c) => [c.id, c]));
    const remote = columnRefs(
      fk.references.columns,
      `${fpath}.references.columns`,
      target,
      targetById,
    );
    if (local.length !== remote.length) {
      checker.add(
        `${fpath}.references.columns`,
        `the foreign key has ${local.length} column${local.length === 1 ? '' : 's'} but references ${remote.length}; the counts must match.`,
      );
      return;
    }
    if (local.some((c) => !c) || remote.some((c) => !c)) return;
    if (fk.initiallyDeferred && !fk.deferrable) {
      checker.add(
        `${fpath}.initiallyDeferred`,
        'INITIALLY DEFERRED needs a DEFERRABLE key; set "deferrable": true.',
      );
    }
    local.forEach((column, i) => {
      const referenced = remote[i]!;
      const a = normalizeColumnType(column!.type, enumNames);
      const b = normalizeColumnType(referenced.type, enumNames);
      // Postgres compares integers of any width; lint says when the widths differ.
      const integers = INTEGER_TYPES.includes(a ?? '') && INTEGER_TYPES.includes(b ?? '');
      if (a !== null && b !== null && a !== b && !integers) {
        checker.add(
          `${fpath}.columns[${i}]`,
          `column "${column!.name}" is ${a} but references "${target.name}"."${referenced.name}", which is ${b}; the types must be the same.`,
        );
      }
    });
    if (!isReferenceable(target, fk.references.columns)) {
      const names = remote.map((c) => `"${c!.name}"`).join(', ');
      if (isReferenceable(target, fk.references.columns, true)) {
        checker.add(
          `${fpath}.references.columns`,
          `${names} of table "${target.name}" is a DEFERRABLE key; Postgres cannot reference a deferrable key.`,
        );
        return;
      }
      checker.add(
        `${fpath}.references.columns`,
        `${names} of table "${target.name}" is neither its primary key nor a unique set; Postgres can only reference those.`,
      );
    }
    for (const [action, key] of [
      [fk.onDelete, 'onDelete'],
      [fk.onUpdate, 'onUpdate'],
    ] as const) {
      if (action !== 'SET NULL') continue;
      const notNull = local.filter((c) => c && !c.nullable).map((c) => `"${c!.name}"`);
      if (notNull.length > 0) {
        checker.add(
          `${fpath}.${key}`,
          `SET NULL cannot work: ${notNull.join(', ')} ${notNull.length === 1 ? 'is' : 'are'} NOT NULL.`,
        );
      }
    }
  });
}

const BOUND_SHAPES: Record<PartitionStrategy, RegExp> = {
  RANGE: /^FOR VALUES FROM \(.*\) TO \(.*\)$/is,
  LIST: /^FOR VALUES IN \(.*\)$/is,
  HASH: /^FOR VALUES WITH \(\s*MODULUS\s+\d+\s*,\s*REMAINDER\s+\d+\s*\)$/is,
};
const BOUND_EXAMPLES: Record<PartitionStrategy, string> = {
  RANGE: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
  LIST: "FOR VALUES IN ('eu', 'us')",
  HASH: 'FOR VALUES WITH (MODULUS 4, REMAINDER 0)',
};

/** The table whose columns a table has: its own, or (for a partition) its root parent's. */
export function columnsOwner(table: Table, tablesById: ReadonlyMap<string, Table>): Table {
  let current = table;
  const seen = new Set<string>();
  while (current.partitionOf !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    const parent = tablesById.get(current.partitionOf);
    if (!parent) break;
    current = parent;
  }
  return current;
}

function isOwnAncestor(table: Table, tablesById: ReadonlyMap<string, Table>): boolean {
  const seen = new Set<string>();
  for (
    let t = tablesById.get(table.partitionOf ?? '');
    t;
    t = tablesById.get(t.partitionOf ?? '')
  ) {
    if (t.id === table.id) return true;
    if (seen.has(t.id)) return false;
    seen.add(t.id);
  }
  return false;
}

/**
 * A partition takes its columns, keys, checks and indexes from its parent: it holds none of
 * its own, names a partitioned parent, and has a bound of the parent's strategy.
 */
function checkPartition(table: Table, path: string, context: Context): void {
  const { checker } = context;
  const where = `partition "${table.name}"`;
  if (table.partitionOf === undefined) {
    checker.add(`${path}.partitionOf`, `${where} has a bound but no parent; give partitionOf.`);
    return;
  }
  const parent = context.tablesById.get(table.partitionOf);
  if (!parent) {
    checker.add(`${path}.partitionOf`, `no table with id "${table.partitionOf}".`);
  } else if (!parent.partitionBy) {
    checker.add(
      `${path}.partitionOf`,
      `table "${parent.name}" is not partitioned; give it a partitionBy first.`,
    );
  } else if (isOwnAncestor(table, context.tablesById)) {
    checker.add(`${path}.partitionOf`, `${where} is a partition of itself.`);
  }
  const own = (
    [
      ['columns', table.columns.length],
      ['foreignKeys', table.foreignKeys.length],
      ['uniques', table.uniques.length],
      ['indexes', table.indexes.length],
      ['checks', table.checks.length],
      ['exclusions', table.exclusions?.length ?? 0],
    ] as const
  ).filter(([, n]) => n > 0);
  for (const [field] of own) {
    checker.add(
      `${path}.${field}`,
      `${where} takes its ${field === 'foreignKeys' ? 'foreign keys' : field} from "${parent?.name ?? 'its parent'}"; it cannot have its own.`,
    );
  }
  const bound = table.partitionBound;
  if (bound === undefined || bound === '') {
    checker.add(`${path}.partitionBound`, `${where} has no bound; give one, or DEFAULT.`);
    return;
  }
  if (!parent?.partitionBy) return;
  const strategy = parent.partitionBy.strategy;
  if (/^DEFAULT$/i.test(bound)) {
    if (strategy === 'HASH') {
      checker.add(`${path}.partitionBound`, 'a HASH partitioned table has no DEFAULT partition.');
    }
    return;
  }
  if (!BOUND_SHAPES[strategy].test(bound)) {
    checker.add(
      `${path}.partitionBound`,
      `${JSON.stringify(bound)} is no bound of a ${strategy} partition; write it as Postgres prints it, e.g. ${BOUND_EXAMPLES[strategy]}.`,
    );
  }
}

/**
 * `RANGE (created_at)`: the strategy, then keys in parentheses. Plain column keys must be
 * columns of the table, and a primary key or unique constraint must hold them all (Postgres
 * refuses one that does not).
 */
function checkPartitionKey(table: Table, path: string, context: Context): void {
  const { checker } = context;
  const by = table.partitionBy!;
  const kpath = `${path}.partitionBy.key`;
  const match = /^(RANGE|LIST|HASH)\s*\(([\s\S]*)\)$/i.exec(by.key);
  if (!match || match[1]!.toUpperCase() !== by.strategy || match[2]!.trim() === '') {
    checker.add(
      kpath,
      `${JSON.stringify(by.key)} is no ${by.strategy} partition key; write it as Postgres prints it, e.g. ${by.strategy} (created_at).`,
    );
    return;
  }
  const owner = columnsOwner(table, context.tablesById);
  const keyColumns = match[2]!
    .split(',')
    .map((k) => k.trim())
    .filter((k) => /^[A-Za-z_][\w$]*$/.test(k) || /^"[^"]+"$/.test(k))
    .map((k) => k.replace(/^"|"$/g, ''));
  const names = new Set(owner.columns.map((c) => c.name));
  const unknown = keyColumns.filter((k) => !names.has(k));
  if (unknown.length > 0) {
    checker.add(
      kpath,
      `the partition key uses ${unknown.map((n) => `"${n}"`).join(', ')}, which table "${owner.name}" does not have.`,
    );
    return;
  }
  const idsOf = (ids: string[]) =>
    ids.map((id) => table.columns.find((c) => c.id === id)?.name ?? '');
  const keys: [string, string[]][] = [
    ['primary key', table.columns.filter((c) => c.primaryKey).map((c) => c.name)],
    ...table.columns
      .filter((c) => c.unique)
      .map((c): [string, string[]] => [`unique column "${c.name}"`, [c.name]]),
    ...table.uniques.map((u): [string, string[]] => ['unique constraint', idsOf(u.columns)]),
    ...table.indexes
      .filter((i) => i.unique)
      .map((i): [string, string[]] => ['unique index', idsOf(i.columns)]),
  ];
  for (const [what, columns] of keys) {
    if (columns.length === 0) continue;
    const missing = keyColumns.filter((k) => !columns.includes(k));
    if (missing.length > 0) {
      checker.add(
        kpath,
        `the ${what} of partitioned table "${table.name}" must hold the partition key's ${missing.map((n) => `"${n}"`).join(', ')}; Postgres refuses it otherwise.`,
      );
    }
  }
}

type ClaimConstraint = (name: string | null, path: string, relation: boolean) => void;

function checkPrimaryKey(
  table: Table,
  path: string,
  context: Context,
  claimConstraint: ClaimConstraint,
): void {
  const { checker } = context;
  const keyColumns = table.columns.filter((c) => c.primaryKey).map((c) => c.id);
  if (table.primaryKeyName !== null) {
    if (keyColumns.length === 0) {
      checker.add(`${path}.primaryKeyName`, `table "${table.name}" has no primary key to name.`);
    }
    claimConstraint(table.primaryKeyName, `${path}.primaryKeyName`, true);
  }
  const order = table.primaryKeyOrder;
  if (order === null) return;
  const same =
    order.length === keyColumns.length &&
    new Set(order).size === order.length &&
    order.every((id) => keyColumns.includes(id));
  if (!same) {
    checker.add(
      `${path}.primaryKeyOrder`,
      `must list each primary key column of table "${table.name}" once (ids ${keyColumns.map((id) => `"${id}"`).join(', ')}).`,
    );
  }
}

const OPERATOR_CLASS = /^(?:[A-Za-z_][\w$]*\.)?[A-Za-z_][\w$]*$/;
const INCLUDE_METHODS = ['btree', 'gist', 'spgist'];

/**
 * An exclusion constraint is an index with an operator per key: its keys, INCLUDE and WHERE
 * are checked as an index's, then the operators and the method.
 */
function checkExclusion(
  exclusion: ExclusionConstraint,
  path: string,
  table: Table,
  checker: Checker,
): void {
  const where = `exclusion constraint "${exclusion.name ?? '(unnamed)'}" of table "${table.name}"`;
  if (exclusion.elements.length === 0) {
    checker.add(`${path}.elements`, 'must list at least one element.');
  }
  const index: Index = {
    id: exclusion.id,
    name: exclusion.name,
    columns: [],
    unique: false,
    method: exclusion.method,
    keys: exclusion.elements.length > 0 ? exclusion.elements : null,
    include: exclusion.include,
    where: exclusion.where,
    nullsNotDistinct: false,
    comment: null,
  };
  checkIndexOptions(index, path, table, checker, where, 'elements', 'exclusion');
  exclusion.elements.forEach((element, e) => {
    if (!OPERATOR.test(element.operator)) {
      checker.add(
        `${path}.elements[${e}].operator`,
        element.operator === ''
          ? `every element of ${where} needs an operator, such as = or &&.`
          : `${JSON.stringify(element.operator)} is not an operator (such as = or &&, or schema.&&).`,
      );
    }
  });
  if (!EXCLUSION_METHODS.includes(exclusion.method)) {
    checker.add(
      `${path}.method`,
      `${exclusion.method} cannot back an exclusion constraint; use ${EXCLUSION_METHODS.join(', ')}.`,
    );
  }
  if (exclusion.initiallyDeferred && !exclusion.deferrable) {
    checker.add(`${path}.initiallyDeferred`, 'INITIALLY DEFERRED needs deferrable.');
  }
}

/** Postgres' operator characters, optionally after a schema. */
const OPERATOR = /^(?:[A-Za-z_][\w$]*\.)?[-+*/<>=~!@#%^&|`?]+$/;

function checkIndexOptions(
  index: Index,
  path: string,
  table: Table,
  checker: Checker,
  where = `index "${index.name ?? '(unnamed)'}" of table "${table.name}"`,
  keysField = 'keys',
  kind = 'index',
): void {
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  const names = new Set(table.columns.map((c) => c.name));
  const expression = (sql: string, epath: string, what: string) => {
    if (!checker.expression(sql, epath, what)) return;
    const unknown = expressionColumns(sql).filter((n) => !names.has(n));
    if (unknown.length > 0) {
      checker.add(
        epath,
        `${what} ${JSON.stringify(sql)} uses ${unknown.map((n) => `"${n}"`).join(', ')}, which table "${table.name}" does not have.`,
      );
    }
  };
  if (index.keys !== null) {
    if (index.keys.length === 0) checker.add(`${path}.keys`, 'must list at least one key.');
    index.keys.forEach((key, k) => {
      const kpath = `${path}.${keysField}[${k}]`;
      if (key.column !== null && !byId.has(key.column)) {
        checker.add(
          `${kpath}.column`,
          `no column with id "${key.column}" in table "${table.name}".`,
        );
      }
      if (key.expression !== null) expression(key.expression, `${kpath}.expression`, `${kind} key`);
      if (key.opclass !== null && !OPERATOR_CLASS.test(key.opclass)) {
        checker.add(
          `${kpath}.opclass`,
          `${JSON.stringify(key.opclass)} is not an operator class name.`,
        );
      }
      if (key.collation !== null && key.collation.trim() === '') {
        checker.add(`${kpath}.collation`, "must not be empty; use null for the column's own.");
      }
      if ((key.descending || key.nulls !== null) && index.method !== 'btree') {
        checker.add(kpath, `only btree indexes have an order; ${where} is ${index.method}.`);
      }
    });
    if (index.name === null && index.keys.some((k) => k.expression !== null)) {
      checker.add(`${path}.name`, `${where} has an expression key; give it a name.`);
    }
  }
  if (index.include.length > 0) {
    index.include.forEach((id, i) => {
      if (!byId.has(id)) {
        checker.add(`${path}.include[${i}]`, `no column with id "${id}" in table "${table.name}".`);
      }
    });
    if (!INCLUDE_METHODS.includes(index.method)) {
      checker.add(
        `${path}.include`,
        `${index.method} indexes have no INCLUDE columns; btree, gist and spgist do.`,
      );
    }
  }
  if (index.where !== null) expression(index.where, `${path}.where`, `${kind} predicate`);
  if (index.unique && index.method !== 'btree') {
    checker.add(`${path}.unique`, `only btree indexes can be unique; ${where} is ${index.method}.`);
  }
  if (index.nullsNotDistinct && !index.unique) {
    checker.add(`${path}.nullsNotDistinct`, 'NULLS NOT DISTINCT needs a unique index.');
  }
}

function checkColumn(
  column: Column,
  path: string,
  where: string,
  enumNames: string[],
  checker: Checker,
  design: Design,
): void {
  const type = column.type === '' ? null : normalizeColumnType(column.type, enumNames);
  if (column.type.trim() === '' && column.type !== '')
    checker.add(`${path}.type`, 'must not be empty.');
  if (type === null && column.type.trim() !== '') {
    checker.add(
      `${path}.type`,
      `column "${column.name}" of ${where}: ${describeUnknownType(column.type)}`,
    );
  }
  if (column.autoincrement && type !== null && !INTEGER_TYPES.includes(type)) {
    checker.add(
      `${path}.autoincrement`,
      `autoincrement needs SMALLINT, INTEGER or BIGINT; column "${column.name}" is ${type}.`,
    );
  }
  if (column.autoincrement && column.default !== null) {
    checker.add(
      `${path}.default`,
      `column "${column.name}" is autoincrement, so its default is the sequence; remove the default.`,
    );
  }
  checkColumnV2(column, path, type, checker, design);
  if (column.primaryKey && column.nullable) {
    checker.add(
      `${path}.nullable`,
      `column "${column.name}" is part of the primary key, which Postgres makes NOT NULL; set "nullable": false.`,
    );
  }
  if (column.default !== null) {
    const single = checker.expression(column.default.sql, `${path}.default.sql`, 'default');
    const referenced = single ? expressionColumns(column.default.sql) : [];
    if (referenced.length > 0) {
      checker.add(
        `${path}.default.sql`,
        `default ${JSON.stringify(column.default.sql)} uses ${referenced.map((n) => `"${n}"`).join(', ')}; a default cannot refer to columns (write a string in quotes).`,
      );
    }
    const enumType =
      type === null ? undefined : design.enums.find((e) => objectQualifiedName(e) === type);
    const literal = /^\s*'((?:[^']|'')*)'\s*$/.exec(column.default.sql);
    if (enumType && literal && !enumType.values.includes(literal[1]!.replaceAll("''", "'"))) {
      checker.add(
        `${path}.default.sql`,
        `${column.default.sql} is not a value of enum "${enumType.name}".`,
      );
    }
  }
}

/** Canonical types Postgres cannot collate. */
const NOT_COLLATABLE =
  /^(SMALLINT|INTEGER|BIGINT|NUMERIC|REAL|DOUBLE PRECISION|BOOLEAN|DATE|TIME|TIMESTAMP|TIMESTAMPTZ|INTERVAL|UUID|JSON|JSONB|BYTEA|INET)\b/;

/** Identity, generated and collation (format /2). */
function checkColumnV2(
  column: Column,
  path: string,
  type: string | null,
  checker: Checker,
  design: Design,
): void {
  const name = `column "${column.name}"`;
  const { identity, generated } = column;
  if (identity) {
    const range = type === null ? undefined : INTEGER_RANGES[type];
    if (type !== null && !range) {
      checker.add(
        `${path}.identity`,
        `an identity column must be SMALLINT, INTEGER or BIGINT; ${name} is ${type}.`,
      );
    }
    if (column.autoincrement) {
      checker.add(
        `${path}.identity`,
        `${name} cannot be both autoincrement (SERIAL) and an identity column; keep one.`,
      );
    }
    if (column.default !== null) {
      checker.add(
        `${path}.default`,
        `${name} is an identity column, so its values come from its sequence; remove the default.`,
      );
    }
    if (column.nullable) {
      checker.add(
        `${path}.nullable`,
        `${name} is an identity column, which Postgres makes NOT NULL; set "nullable": false.`,
      );
    }
    for (const p of sequenceOptionProblems(identity, type, 'identity')) {
      checker.add(`${path}.identity.${p.key}`, p.message);
    }
  }
  if (generated) {
    if (identity || column.autoincrement) {
      checker.add(
        `${path}.generated`,
        `${name} cannot be generated and take its values from a sequence; keep one.`,
      );
    }
    if (column.default !== null) {
      checker.add(
        `${path}.default`,
        `${name} is generated, so it cannot have a default; remove the default.`,
      );
    }
    if (checker.expression(generated.sql, `${path}.generated.sql`, 'generated expression')) {
      const table = design.tables.find((t) => t.columns.includes(column));
      const others = new Map((table?.columns ?? []).map((c) => [c.name, c]));
      for (const used of expressionColumns(generated.sql)) {
        const other = others.get(used);
        if (!other) {
          checker.add(
            `${path}.generated.sql`,
            `generated expression ${JSON.stringify(generated.sql)} uses "${used}", which the table does not have.`,
          );
        } else if (other.generated) {
          checker.add(
            `${path}.generated.sql`,
            `generated expression ${JSON.stringify(generated.sql)} uses "${used}", which is generated too; Postgres does not allow that.`,
          );
        }
      }
    }
  }
  if (column.collation !== undefined) {
    if (column.collation.trim() === '') {
      checker.add(`${path}.collation`, 'must not be empty; leave it out for the default.');
    } else if (type !== null && NOT_COLLATABLE.test(type)) {
      checker.add(
        `${path}.collation`,
        `${name} is ${type}, which has no collation; only text types do.`,
      );
    }
  }
}

/** A table's or enum's schema: absent (public) or a name Postgres lets a design use. */
function checkSchema(schema: string | undefined, path: string, checker: Checker): void {
  if (schema === undefined) return;
  const problem = schemaNameProblem(schema);
  if (problem !== null) checker.add(`${path}.schema`, problem);
  else checker.name(schema, `${path}.schema`, 'Schema');
}

/** Types written as aliases (`int4`, `character varying(40)`) in their canonical spelling. */
export function normalizeDesignTypes(design: Design): Design {
  const enumNames = design.enums.map(objectQualifiedName);
  return {
    ...design,
    ...normalizeUserTypes(design),
    tables: design.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) => ({
        ...column,
        type: normalizeColumnType(column.type, enumNames) ?? column.type,
      })),
    })),
  };
}
