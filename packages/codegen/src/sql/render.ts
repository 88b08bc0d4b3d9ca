/**
 * Operations as PostgreSQL statements: `renderOperationSql(op)` for one operation (an
 * exhaustive switch over `op.kind`), `renderMigrationSql(ops)` for a revision's upgrade and
 * its downgrade (the rendering of the exact reverse). Every constraint is created with an
 * explicit name, so what Postgres holds is named as the catalog says.
 */
import {
  type AlterEnum,
  type CatalogCheck,
  type CatalogColumn,
  type CatalogExclusion,
  type CatalogForeignKey,
  type CatalogIdentity,
  type CatalogIndex,
  type CatalogIndexKey,
  type CatalogPrimaryKey,
  type CatalogUnique,
  type ColumnIdentity,
  createObjectSql,
  dropObjectSql,
  enumChange,
  identityOptions,
  makeObjectName,
  type Operation,
  qualifiedName,
  replaceObjectSql,
  reverseOperations,
  type TableSpec,
  unhandledOperation,
  unqualifiedName,
  usingExpression,
} from '@retort/core';
import { type AlterColumnStep, alterColumnSteps } from './alter-column-steps';
import {
  quoteInSchemaOf,
  quoteLiteral,
  quoteName,
  quoteNames,
  quoteTable,
  sqlType,
} from './identifier';
import { withBodyCheckOff } from './routine-bodies';
import {
  alterSequenceSql,
  createSequenceSql,
  dropSequenceSql,
  ownerSql,
  renameSequenceSql,
} from './sequences';
import {
  alterCompositeTypeSql,
  alterDomainSql,
  createCompositeTypeSql,
  createDomainSql,
  createExtensionSql,
  dropCompositeTypeSql,
  dropDomainSql,
  dropExtensionSql,
} from './user-types';

const SERIALS: Record<string, string> = {
  SMALLINT: 'SMALLSERIAL',
  INTEGER: 'SERIAL',
  BIGINT: 'BIGSERIAL',
};

export function columnDefinition(column: CatalogColumn): string {
  const type = column.autoincrement ? (SERIALS[column.type] ?? column.type) : sqlType(column.type);
  let text = `${quoteName(column.name)} ${type}`;
  if (column.collation !== undefined) text += ` COLLATE ${quoteName(column.collation)}`;
  if (!column.nullable) text += ' NOT NULL';
  if (column.default !== null && !column.autoincrement) text += ` DEFAULT ${column.default}`;
  if (column.identity) text += ` ${identityClause(column.identity, column.type)}`;
  if (column.generated !== undefined) text += ` GENERATED ALWAYS AS (${column.generated}) STORED`;
  return text;
}

/** `GENERATED ALWAYS AS IDENTITY (START WITH 10)`: only the options that are not the defaults. */
export function identityClause(identity: CatalogIdentity, type: string): string {
  const options = identityOptionsSql(identityOptions(identity, type));
  return `GENERATED ${identity.generation} AS IDENTITY${options.length > 0 ? ` (${options.join(' ')})` : ''}`;
}

/** The non-default identity options as SQL clauses (`START WITH 10`, `CACHE 20`). */
export function identityOptionsSql(o: Omit<ColumnIdentity, 'generation'>): string[] {
  const out: string[] = [];
  if (o.start !== null) out.push(`START WITH ${o.start}`);
  if (o.increment !== null) out.push(`INCREMENT BY ${o.increment}`);
  if (o.minValue !== null) out.push(`MINVALUE ${o.minValue}`);
  if (o.maxValue !== null) out.push(`MAXVALUE ${o.maxValue}`);
  if (o.cache !== null) out.push(`CACHE ${o.cache}`);
  if (o.cycle) out.push('CYCLE');
  return out;
}

/** `SET GENERATED ... SET INCREMENT BY ...`: every option that differs, with its value. */
export function identityChanges(before: CatalogIdentity, after: CatalogIdentity): string[] {
  const out: string[] = [];
  if (before.generation !== after.generation) out.push(`SET GENERATED ${after.generation}`);
  if (before.increment !== after.increment) out.push(`SET INCREMENT BY ${after.increment}`);
  if (before.minValue !== after.minValue) out.push(`SET MINVALUE ${after.minValue}`);
  if (before.maxValue !== after.maxValue) out.push(`SET MAXVALUE ${after.maxValue}`);
  if (before.start !== after.start) out.push(`SET START WITH ${after.start}`);
  if (before.cache !== after.cache) out.push(`SET CACHE ${after.cache}`);
  if (before.cycle !== after.cycle) out.push(after.cycle ? 'SET CYCLE' : 'SET NO CYCLE');
  return out;
}

/** `NOT VALID` is left to the caller: Postgres takes it only in `ALTER TABLE ... ADD`. */
export function foreignKeyClause(fk: CatalogForeignKey): string {
  let text = `FOREIGN KEY (${quoteNames(fk.columns)}) REFERENCES ${quoteTable(fk.refTable)} (${quoteNames(fk.refColumns)})`;
  if (fk.match === 'FULL') text += ' MATCH FULL';
  if (fk.onDelete !== 'NO ACTION') text += ` ON DELETE ${fk.onDelete}`;
  if (fk.onUpdate !== 'NO ACTION') text += ` ON UPDATE ${fk.onUpdate}`;
  if (fk.deferrable) text += ` DEFERRABLE${fk.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}`;
  return text;
}

export function addForeignKey(table: string, fk: CatalogForeignKey): string {
  return `ALTER TABLE ${quoteTable(table)} ADD CONSTRAINT ${quoteName(fk.name)} ${foreignKeyClause(fk)}${fk.notValid ? ' NOT VALID' : ''}`;
}

export function uniqueClause(u: CatalogUnique): string {
  return `UNIQUE ${u.nullsNotDistinct ? 'NULLS NOT DISTINCT ' : ''}(${quoteNames(u.columns)})${keyDeferrableSql(u)}`;
}

export function primaryKeyClause(pk: CatalogPrimaryKey): string {
  return `PRIMARY KEY (${quoteNames(pk.columns)})${keyDeferrableSql(pk)}`;
}

/** pg_dump's spelling: `DEFERRABLE`, `DEFERRABLE INITIALLY DEFERRED`, or nothing. */
function keyDeferrableSql(k: { deferrable?: true; initiallyDeferred?: true }): string {
  if (!k.deferrable) return '';
  return ` DEFERRABLE${k.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}`;
}

export function indexKeySql(key: CatalogIndexKey): string {
  let text = key.column !== undefined ? quoteName(key.column) : `(${key.expression})`;
  if (key.collation !== undefined) text += ` COLLATE ${quoteName(key.collation)}`;
  if (key.opclass !== undefined) text += ` ${key.opclass}`;
  if (key.descending) text += ' DESC';
  if (key.nulls !== undefined) text += ` NULLS ${key.nulls}`;
  return text;
}

/** `CREATE [UNIQUE] INDEX name ON table [USING method] (keys) [INCLUDE] [NULLS NOT DISTINCT] [WHERE]`. */
export function createIndexSql(table: string, index: CatalogIndex): string {
  const keys = index.keys ? index.keys.map(indexKeySql).join(', ') : quoteNames(index.columns);
  let text = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteName(index.name)} ON ${quoteTable(table)}`;
  if (index.method !== undefined) text += ` USING ${index.method}`;
  text += ` (${keys})`;
  if (index.include && index.include.length > 0) text += ` INCLUDE (${quoteNames(index.include)})`;
  if (index.nullsNotDistinct) text += ' NULLS NOT DISTINCT';
  if (index.where !== undefined) text += ` WHERE ${index.where}`;
  return text;
}

const comment = (value: string | null) => (value === null ? 'NULL' : quoteLiteral(value));

export function indexCommentSql(table: string, index: string, value: string | null): string {
  return `COMMENT ON INDEX ${quoteInSchemaOf(table, index)} IS ${comment(value)}`;
}

/** An index with its comment, when it has one. */
export function createIndexStatements(table: string, index: CatalogIndex): string[] {
  const out = [createIndexSql(table, index)];
  if (index.comment !== undefined) out.push(indexCommentSql(table, index.name, index.comment));
  return out;
}

/** `=`, or `OPERATOR(schema.op)` for an operator named with its schema. */
export function exclusionOperatorSql(operator: string): string {
  return operator.includes('.') ? `OPERATOR(${operator})` : operator;
}

/** `EXCLUDE USING gist (room_id WITH =, during WITH &&) ...`, as `pg_get_constraintdef` prints it. */
export function exclusionClause(x: CatalogExclusion): string {
  const elements = x.elements
    .map((e) => `${indexKeySql(e)} WITH ${exclusionOperatorSql(e.operator)}`)
    .join(', ');
  let text = `EXCLUDE USING ${x.method} (${elements})`;
  if (x.include && x.include.length > 0) text += ` INCLUDE (${quoteNames(x.include)})`;
  if (x.where !== undefined) text += ` WHERE (${x.where})`;
  if (x.deferrable) text += ` DEFERRABLE${x.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}`;
  return text;
}

export function constraintCommentSql(table: string, name: string, value: string | null): string {
  return `COMMENT ON CONSTRAINT ${quoteName(name)} ON ${quoteTable(table)} IS ${comment(value)}`;
}

/** The constraint, then its comment when it has one. */
export function addExclusionStatements(table: string, x: CatalogExclusion): string[] {
  const out = [
    `ALTER TABLE ${quoteTable(table)} ADD CONSTRAINT ${quoteName(x.name)} ${exclusionClause(x)}`,
  ];
  if (x.comment !== undefined) out.push(constraintCommentSql(table, x.name, x.comment));
  return out;
}

/** A created constraint's statement, then its comment when it has one. */
export function withConstraintComment(
  table: string,
  constraint: { name: string; comment?: string },
  statements: string[],
): string[] {
  return constraint.comment === undefined
    ? statements
    : [...statements, constraintCommentSql(table, constraint.name, constraint.comment)];
}

/** The comments of the keys, uniques, checks and foreign keys made with a table. */
export function tableConstraintComments(table: TableSpec): string[] {
  return [
    ...(table.primaryKey ? [table.primaryKey] : []),
    ...table.uniques,
    ...table.checks,
    ...table.foreignKeys,
  ].flatMap((c) =>
    c.comment === undefined ? [] : [constraintCommentSql(table.name, c.name, c.comment)],
  );
}

/** `NOT VALID` only takes in `ALTER TABLE ... ADD`: Postgres validates a check made with its table. */
export function addCheckSql(table: string, check: CatalogCheck): string {
  return `ALTER TABLE ${quoteTable(table)} ADD CONSTRAINT ${quoteName(check.name)} CHECK (${check.expression})${check.notValid ? ' NOT VALID' : ''}`;
}

/** Validating checks the rows; Postgres cannot un-validate, so the reverse adds it back NOT VALID. */
export function checkValiditySql(table: string, check: CatalogCheck, valid: boolean): string[] {
  if (valid) {
    return [`ALTER TABLE ${quoteTable(table)} VALIDATE CONSTRAINT ${quoteName(check.name)}`];
  }
  return [
    dropConstraint(table, check.name),
    ...withConstraintComment(table, check, [addCheckSql(table, { ...check, notValid: true })]),
  ];
}

function columnComment(table: string, column: string, value: string | null): string {
  return `COMMENT ON COLUMN ${quoteTable(table)}.${quoteName(column)} IS ${comment(value)}`;
}

/** `FOR VALUES ...` as it is, or `DEFAULT`. */
export function partitionBoundSql(bound: string): string {
  return /^default$/i.test(bound.trim()) ? 'DEFAULT' : bound;
}

function createTable(table: TableSpec): string[] {
  if (table.partitionOf) {
    // Postgres gives a partition its parent's columns, keys, checks and indexes.
    const out = [
      `CREATE TABLE ${quoteTable(table.name)} PARTITION OF ${quoteTable(table.partitionOf.table)} ${partitionBoundSql(table.partitionOf.bound)}${table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : ''}`,
    ];
    if (table.comment !== null) {
      out.push(`COMMENT ON TABLE ${quoteTable(table.name)} IS ${comment(table.comment)}`);
    }
    return out;
  }
  const lines = table.columns.map((c) => `    ${columnDefinition(c)}`);
  const constraint = (name: string, body: string) =>
    lines.push(`    CONSTRAINT ${quoteName(name)} ${body}`);
  if (table.primaryKey) {
    constraint(table.primaryKey.name, primaryKeyClause(table.primaryKey));
  }
  for (const u of table.uniques) constraint(u.name, uniqueClause(u));
  for (const k of table.checks) if (!k.notValid) constraint(k.name, `CHECK (${k.expression})`);
  for (const fk of table.foreignKeys) {
    if (!fk.notValid) constraint(fk.name, foreignKeyClause(fk));
  }
  const partitionBy = table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : '';
  const out = [`CREATE TABLE ${quoteTable(table.name)} (\n${lines.join(',\n')}\n)${partitionBy}`];
  // Postgres validates a key made with its table; only ALTER TABLE leaves it NOT VALID.
  for (const fk of table.foreignKeys) if (fk.notValid) out.push(addForeignKey(table.name, fk));
  for (const k of table.checks) if (k.notValid) out.push(addCheckSql(table.name, k));
  if (table.comment !== null) {
    out.push(`COMMENT ON TABLE ${quoteTable(table.name)} IS ${comment(table.comment)}`);
  }
  for (const c of table.columns) {
    if (c.comment !== null) out.push(columnComment(table.name, c.name, c.comment));
  }
  out.push(...tableConstraintComments(table));
  return out;
}

/** The sequence of a SERIAL column, found by ownership (Postgres keeps its name across renames). */
function serialSequence(table: string, column: string): string {
  return `pg_get_serial_sequence(${quoteLiteral(quoteTable(table))}, ${quoteLiteral(column)})`;
}

/** Statements that give an existing integer column its own sequence, as SERIAL would. */
export function addSerialSql(table: string, column: string, type: string): string[] {
  const sequence = quoteInSchemaOf(table, makeObjectName(unqualifiedName(table), column, 'seq'));
  const t = quoteTable(table);
  const c = quoteName(column);
  return [
    `CREATE SEQUENCE ${sequence} AS ${type} OWNED BY ${t}.${c}`,
    `ALTER TABLE ${t} ALTER COLUMN ${c} SET DEFAULT nextval(${quoteLiteral(sequence)}::regclass)`,
    `SELECT setval(${quoteLiteral(sequence)}, COALESCE(MAX(${c}), 0) + 1, false) FROM ${t}`,
  ];
}

export function dropSerialSql(table: string, column: string): string[] {
  return [
    `ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quoteName(column)} DROP DEFAULT`,
    `DO $$ BEGIN EXECUTE 'DROP SEQUENCE ' || ${serialSequence(table, column)}; END $$`,
  ];
}

export function serialTypeSql(table: string, column: string, type: string): string {
  return `DO $$ BEGIN EXECUTE 'ALTER SEQUENCE ' || ${serialSequence(table, column)} || ' AS ${type}'; END $$`;
}

function alterColumn(table: string, before: CatalogColumn, after: CatalogColumn): string[] {
  return alterColumnSteps(before, after).flatMap((step) => alterStepSql(table, before, step));
}

export function alterStepSql(
  table: string,
  before: CatalogColumn,
  step: AlterColumnStep,
): string[] {
  const t = quoteTable(table);
  const c = quoteName(before.name);
  const alter = (clause: string) => `ALTER TABLE ${t} ALTER COLUMN ${c} ${clause}`;
  switch (step.kind) {
    case 'drop_default':
      return [alter('DROP DEFAULT')];
    case 'drop_serial':
      return dropSerialSql(table, before.name);
    case 'type': {
      const type = sqlType(step.type);
      const using = step.using ? usingExpression(c, before.type, step.type, type) : null;
      const collate = step.collation ? ` COLLATE ${quoteName(step.collation)}` : '';
      return [alter(`TYPE ${type}${collate}${using === null ? '' : ` USING ${using}`}`)];
    }
    case 'drop_identity':
      return [alter('DROP IDENTITY')];
    case 'recreate': {
      const out = [
        `ALTER TABLE ${t} DROP COLUMN ${c}`,
        `ALTER TABLE ${t} ADD COLUMN ${columnDefinition(step.column)}`,
      ];
      if (step.column.comment !== null) {
        out.push(columnComment(table, step.column.name, step.column.comment));
      }
      return out;
    }
    case 'add_identity':
      return [alter(`ADD ${identityClause(step.identity, step.type)}`)];
    case 'set_identity':
      return [alter(identityChanges(step.before, step.after).join(' '))];
    case 'drop_expression':
      return [alter('DROP EXPRESSION')];
    case 'serial_type':
      return [serialTypeSql(table, before.name, step.type)];
    case 'nullable':
      return [alter(step.nullable ? 'DROP NOT NULL' : 'SET NOT NULL')];
    case 'set_default':
      return [alter(step.sql === null ? 'DROP DEFAULT' : `SET DEFAULT ${step.sql}`)];
    case 'add_serial':
      return addSerialSql(table, before.name, step.type);
    case 'comment':
      return [columnComment(table, before.name, step.comment)];
    case 'rename':
      return [`ALTER TABLE ${t} RENAME COLUMN ${c} TO ${quoteName(step.to)}`];
  }
}

/** Statements that change an enum's values (see `enumChange`). */
export function alterEnumSql(op: AlterEnum): string[] {
  const name = quoteTable(op.name);
  const change = enumChange(op);
  switch (change.kind) {
    case 'add':
      return change.values.map((v) => {
        const place =
          v.after !== null
            ? ` AFTER ${quoteLiteral(v.after)}`
            : v.before !== null
              ? ` BEFORE ${quoteLiteral(v.before)}`
              : '';
        return `ALTER TYPE ${name} ADD VALUE ${quoteLiteral(v.value)}${place}`;
      });
    case 'rename':
      return change.renames.map(
        (r) => `ALTER TYPE ${name} RENAME VALUE ${quoteLiteral(r.from)} TO ${quoteLiteral(r.to)}`,
      );
    case 'recreate': {
      const temp = makeObjectName(unqualifiedName(op.name), null, 'new');
      const q = quoteInSchemaOf(op.name, temp);
      const out = [`CREATE TYPE ${q} AS ENUM (${op.after.map(quoteLiteral).join(', ')})`];
      for (const u of op.usages) {
        const t = quoteTable(u.table);
        const c = quoteName(u.column);
        const column = `ALTER TABLE ${t} ALTER COLUMN ${c}`;
        if (u.default !== null) out.push(`${column} DROP DEFAULT`);
        const array = u.array ? '[]' : '';
        out.push(`${column} TYPE ${q}${array} USING ${c}::text${array}::${q}${array}`);
      }
      out.push(
        `DROP TYPE ${name}`,
        `ALTER TYPE ${q} RENAME TO ${quoteName(unqualifiedName(op.name))}`,
      );
      for (const u of op.usages) {
        if (u.default !== null) {
          out.push(
            `ALTER TABLE ${quoteTable(u.table)} ALTER COLUMN ${quoteName(u.column)} SET DEFAULT ${u.default}`,
          );
        }
      }
      return out;
    }
  }
}

export function renderOperationSql(op: Operation): string[] {
  switch (op.kind) {
    case 'create_table':
      return createTable(op.table);
    case 'drop_table':
      return [`DROP TABLE ${quoteTable(op.table.name)}`];
    case 'rename_table':
      return [`ALTER TABLE ${quoteTable(op.from)} RENAME TO ${quoteName(unqualifiedName(op.to))}`];
    case 'set_table_comment':
      return [`COMMENT ON TABLE ${quoteTable(op.table)} IS ${comment(op.to)}`];
    case 'add_column': {
      const out = [`ALTER TABLE ${quoteTable(op.table)} ADD COLUMN ${columnDefinition(op.column)}`];
      if (op.column.comment !== null) {
        out.push(columnComment(op.table, op.column.name, op.column.comment));
      }
      return out;
    }
    case 'drop_column':
      return [`ALTER TABLE ${quoteTable(op.table)} DROP COLUMN ${quoteName(op.column.name)}`];
    case 'alter_column':
      return alterColumn(op.table, op.before, op.after);
    case 'create_primary_key':
      return withConstraintComment(op.table, op.primaryKey, [
        `ALTER TABLE ${quoteTable(op.table)} ADD CONSTRAINT ${quoteName(op.primaryKey.name)} ${primaryKeyClause(op.primaryKey)}`,
      ]);
    case 'drop_primary_key':
      return [dropConstraint(op.table, op.primaryKey.name)];
    case 'create_foreign_key':
      return withConstraintComment(op.table, op.foreignKey, [
        addForeignKey(op.table, op.foreignKey),
      ]);
    case 'drop_foreign_key':
      return [dropConstraint(op.table, op.foreignKey.name)];
    case 'create_unique':
      return withConstraintComment(op.table, op.unique, [
        `ALTER TABLE ${quoteTable(op.table)} ADD CONSTRAINT ${quoteName(op.unique.name)} ${uniqueClause(op.unique)}`,
      ]);
    case 'drop_unique':
      return [dropConstraint(op.table, op.unique.name)];
    case 'create_index':
      return createIndexStatements(op.table, op.index);
    case 'drop_index':
      return [`DROP INDEX ${quoteInSchemaOf(op.table, op.index.name)}`];
    case 'create_check':
      return withConstraintComment(op.table, op.check, [addCheckSql(op.table, op.check)]);
    case 'drop_check':
      return [dropConstraint(op.table, op.check.name)];
    case 'set_check_validity':
      return checkValiditySql(op.table, op.check, op.valid);
    case 'create_exclusion':
      return addExclusionStatements(op.table, op.exclusion);
    case 'drop_exclusion':
      return [dropConstraint(op.table, op.exclusion.name)];
    case 'set_exclusion_comment':
      return [constraintCommentSql(op.table, op.exclusion, op.to)];
    case 'set_constraint_comment':
      return [constraintCommentSql(op.table, op.constraint, op.to)];
    case 'set_index_comment':
      return [indexCommentSql(op.table, op.index, op.to)];
    case 'create_enum':
      return [
        `CREATE TYPE ${quoteTable(op.enum.name)} AS ENUM (${op.enum.values.map(quoteLiteral).join(', ')})`,
      ];
    case 'drop_enum':
      return [`DROP TYPE ${quoteTable(op.enum.name)}`];
    case 'rename_enum':
      return [`ALTER TYPE ${quoteTable(op.from)} RENAME TO ${quoteName(unqualifiedName(op.to))}`];
    case 'alter_enum':
      return alterEnumSql(op);
    case 'rename_constraint':
      return [
        `ALTER TABLE ${quoteTable(op.table)} RENAME CONSTRAINT ${quoteName(op.from)} TO ${quoteName(op.to)}`,
      ];
    case 'rename_index':
      return [`ALTER INDEX ${quoteInSchemaOf(op.table, op.from)} RENAME TO ${quoteName(op.to)}`];
    case 'create_schema':
      return [`CREATE SCHEMA ${quoteName(op.schema)}`];
    case 'drop_schema':
      return [`DROP SCHEMA ${quoteName(op.schema)}`];
    case 'set_schema_comment':
      return [`COMMENT ON SCHEMA ${quoteName(op.schema)} IS ${comment(op.to)}`];
    case 'set_table_schema':
      return [
        `ALTER TABLE ${quoteTable(qualifiedName(op.from, op.table))} SET SCHEMA ${quoteName(op.to)}`,
      ];
    case 'set_enum_schema':
      return [
        `ALTER TYPE ${quoteTable(qualifiedName(op.from, op.name))} SET SCHEMA ${quoteName(op.to)}`,
      ];
    case 'attach_partition':
      return [
        `ALTER TABLE ${quoteTable(op.parent)} ATTACH PARTITION ${quoteTable(op.table)} ${partitionBoundSql(op.bound)}`,
      ];
    case 'detach_partition':
      return [`ALTER TABLE ${quoteTable(op.parent)} DETACH PARTITION ${quoteTable(op.table)}`];
    case 'execute':
      return [...op.upgrade];
    case 'create_object':
      return withBodyCheckOff(op.object, createObjectSql(op.object));
    case 'drop_object':
      return dropObjectSql(op.object);
    case 'replace_object':
      return withBodyCheckOff(op.after, replaceObjectSql(op.before, op.after));
    case 'create_extension':
      return createExtensionSql(op.extension);
    case 'drop_extension':
      return dropExtensionSql(op.extension);
    case 'create_domain':
      return createDomainSql(op.domain);
    case 'drop_domain':
      return dropDomainSql(op.domain);
    case 'alter_domain':
      return alterDomainSql(op.before, op.after);
    case 'create_composite_type':
      return createCompositeTypeSql(op.type);
    case 'drop_composite_type':
      return dropCompositeTypeSql(op.type);
    case 'alter_composite_type':
      return alterCompositeTypeSql(op.before, op.after);
    case 'create_sequence':
      return createSequenceSql(op.sequence);
    case 'drop_sequence':
      return dropSequenceSql(op.sequence);
    case 'alter_sequence':
      return alterSequenceSql(op.before, op.after);
    case 'set_sequence_owner':
      return [ownerSql(op.sequence, op.to)];
    case 'rename_sequence':
      return renameSequenceSql(op.from, op.to);
    default:
      return unhandledOperation(op);
  }
}

function dropConstraint(table: string, name: string): string {
  return `ALTER TABLE ${quoteTable(table)} DROP CONSTRAINT ${quoteName(name)}`;
}

export interface MigrationSql {
  upgrade: string[];
  downgrade: string[];
}

export function renderMigrationSql(ops: readonly Operation[]): MigrationSql {
  return {
    upgrade: ops.flatMap(renderOperationSql),
    downgrade: reverseOperations(ops).flatMap(renderOperationSql),
  };
}
