/**
 * `designToDbml`: the design as DBML, the text dbdiagram.io and the DBML tools read. It reads
 * back (`designFromDbml` in `@retort/migrate`) as the same design, ids aside:
 *
 * - a single-column primary key is `[pk]` on the column, a composite one `(a, b) [pk]`;
 * - `unique` on a column is the column's own flag; a unique constraint is `(a, b) [unique]`
 *   and a unique index `(a, b) [unique, type: btree]`, the one DBML setting that tells them
 *   apart;
 * - a default that is a number, `true`/`false` or one quoted string is written as DBML's
 *   literal of that kind, anything else as a backquoted expression;
 * - a foreign key whose columns are unique in their table is one-to-one (`-`, the first
 *   endpoint holds the key), every other one many-to-one (`>`).
 *
 * DBML has no escape for a backquote inside an expression, so a default or check holding one
 * is written as a comment line saying so.
 */
import {
  type Column,
  type Design,
  type ForeignKey,
  objectQualifiedName,
  type ReferentialAction,
  splitQualifiedName,
  type Table,
} from '@retort/core';
import { foreignKeyIsUnique } from '../keys/foreign-key-shape';
import { objectsComment, partitionsComment } from '../typescript/unexpressed';

const BARE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A table, column or enum name: bare when DBML allows it, else double-quoted. */
export function dbmlName(name: string): string {
  return BARE.test(name) ? name : `"${name.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** A DBML string: single-quoted, or triple-quoted when it spans lines. */
export function dbmlString(text: string): string {
  if (text.includes('\n'))
    return `'''${text.replaceAll('\\', '\\\\').replaceAll("'''", "\\'''")}'''`;
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** A table or enum outside public as DBML names it: `app.users`. */
function dbmlQualified(object: { schema?: string; name: string }): string {
  return object.schema === undefined
    ? dbmlName(object.name)
    : `${dbmlName(object.schema)}.${dbmlName(object.name)}`;
}

function dbmlType(type: string, enumNames: ReadonlySet<string>): string {
  const element = type.endsWith('[]') ? type.slice(0, -2) : type;
  if (enumNames.has(element) && element.includes('.') && !BARE.test(element)) {
    const { schema, name } = splitQualifiedName(element);
    return `${dbmlName(schema)}.${dbmlName(name)}${type.endsWith('[]') ? '[]' : ''}`;
  }
  if (enumNames.has(element)) return BARE.test(element) ? type : dbmlName(type);
  const lower = type.toLowerCase();
  return /^[a-z0-9_(),[\]]+$/.test(lower) ? lower : `"${lower}"`;
}

/** The DBML literal for a default, or null when only an expression says it. */
function dbmlDefault(sql: string): string | null {
  if (/^-?\d+(\.\d+)?$/.test(sql)) return sql;
  if (sql === 'true' || sql === 'false') return sql;
  const quoted = /^'((?:[^']|'')*)'$/.exec(sql);
  if (quoted) return dbmlString(quoted[1]!.replaceAll("''", "'"));
  if (sql.includes('`')) return null;
  return `\`${sql}\``;
}

const ACTION: Record<ReferentialAction, string> = {
  CASCADE: 'cascade',
  'SET NULL': 'set null',
  'SET DEFAULT': 'set default',
  RESTRICT: 'restrict',
  'NO ACTION': 'no action',
};

function settings(list: string[]): string {
  return list.length === 0 ? '' : ` [${list.join(', ')}]`;
}

function columnLine(column: Column, singlePk: boolean, enumNames: ReadonlySet<string>): string[] {
  const set: string[] = [];
  const lines: string[] = [];
  if (column.primaryKey && singlePk) set.push('pk');
  if (column.autoincrement) set.push('increment');
  if (!column.nullable && !(column.primaryKey && singlePk)) set.push('not null');
  if (column.unique) set.push('unique');
  if (column.default) {
    const literal = dbmlDefault(column.default.sql);
    if (literal === null) {
      lines.push(
        `  // default not expressible in DBML (it holds a backquote): ${column.default.sql}`,
      );
    } else {
      set.push(`default: ${literal}`);
    }
  }
  if (column.comment !== null) set.push(`note: ${dbmlString(column.comment)}`);
  lines.push(`  ${dbmlName(column.name)} ${dbmlType(column.type, enumNames)}${settings(set)}`);
  return lines;
}

function columnList(table: Table, ids: string[]): string {
  const names = ids.map((id) => dbmlName(table.columns.find((c) => c.id === id)?.name ?? id));
  return names.length === 1 ? names[0]! : `(${names.join(', ')})`;
}

function tableBlock(table: Table, enumNames: ReadonlySet<string>): string[] {
  const pk = table.columns.filter((c) => c.primaryKey);
  const lines = [`Table ${dbmlQualified(table)} {`];
  for (const column of table.columns) lines.push(...columnLine(column, pk.length === 1, enumNames));
  const indexes: string[] = [];
  if (pk.length > 1) indexes.push(`    (${pk.map((c) => dbmlName(c.name)).join(', ')}) [pk]`);
  for (const unique of table.uniques) {
    const set = ['unique', ...(unique.name === null ? [] : [`name: ${dbmlString(unique.name)}`])];
    indexes.push(
      `    (${columnList(table, unique.columns).replace(/^\((.*)\)$/, '$1')})${settings(set)}`,
    );
  }
  for (const index of table.indexes) {
    const set = [
      ...(index.unique ? ['unique', 'type: btree'] : []),
      ...(index.name === null ? [] : [`name: ${dbmlString(index.name)}`]),
    ];
    indexes.push(`    ${columnList(table, index.columns)}${settings(set)}`);
  }
  if (indexes.length > 0) lines.push('', '  indexes {', ...indexes, '  }');
  if (table.checks.length > 0) {
    lines.push('', '  checks {');
    for (const check of table.checks) {
      const named = check.name === null ? '' : ` [name: ${dbmlString(check.name)}]`;
      lines.push(
        check.expression.includes('`')
          ? `    // check not expressible in DBML (it holds a backquote): ${check.expression}`
          : `    \`${check.expression}\`${named}`,
      );
    }
    lines.push('  }');
  }
  if (table.comment !== null) lines.push('', `  Note: ${dbmlString(table.comment)}`);
  lines.push('}');
  return lines;
}

function endpoint(table: Table, ids: string[]): string {
  return `${dbmlQualified(table)}.${columnList(table, ids)}`;
}

function refLine(design: Design, table: Table, fk: ForeignKey): string {
  const target = design.tables.find((t) => t.id === fk.references.table);
  if (!target) return `// foreign key of ${table.name} references a missing table`;
  const name = fk.name === null ? '' : ` ${dbmlName(fk.name)}`;
  const op = foreignKeyIsUnique(table, fk) ? '-' : '>';
  const set = [
    ...(fk.onDelete ? [`delete: ${ACTION[fk.onDelete]}`] : []),
    ...(fk.onUpdate ? [`update: ${ACTION[fk.onUpdate]}`] : []),
  ];
  return `Ref${name}: ${endpoint(table, fk.columns)} ${op} ${endpoint(target, fk.references.columns)}${settings(set)}`;
}

export function designToDbml(design: Design): string {
  const enumNames = new Set(design.enums.map(objectQualifiedName));
  const blocks: string[][] = [
    [`Project ${dbmlName(design.name)} {`, "  database_type: 'PostgreSQL'", '}'],
  ];
  for (const e of design.enums) {
    blocks.push([
      `Enum ${dbmlQualified(e)} {`,
      ...e.values.map((v) => `  "${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`),
      '}',
    ]);
  }
  for (const table of design.tables) {
    if (table.partitionOf === undefined) blocks.push(tableBlock(table, enumNames));
  }
  const refs = design.tables.flatMap((t) => t.foreignKeys.map((fk) => refLine(design, t, fk)));
  if (refs.length > 0) blocks.push(refs);
  const objects = [...partitionsComment('DBML', design), ...objectsComment('DBML', design)];
  if (objects.length > 0) blocks.push(objects);
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}
