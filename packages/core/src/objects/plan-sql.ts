/**
 * The statements that create, drop and change an object, one statement a string, and
 * whether Postgres can change an object in place (`CREATE OR REPLACE`). Definitions are run
 * as Postgres printed them; only the final semicolon is taken off.
 */
import { quoteIdentifier, quoteString } from '../expression/sql-quote';
import { comparableDefinition } from './catalog';
import type { CatalogObject } from './types';
import { bareName } from './validate';

const q = quoteIdentifier;

function qualified(schema: string, name: string): string {
  return `${q(schema)}.${q(name)}`;
}

/** `public.add(a integer, b integer)`: a function's name quoted, its arguments as printed. */
function routineName(o: CatalogObject): string {
  const bare = bareName(o);
  const args = o.name.slice(bare.length);
  return `${qualified(o.schema, bare)}${args === '' ? '()' : args}`;
}

/** What `COMMENT ON` names the object by. */
export function commentTarget(o: CatalogObject): string {
  switch (o.kind) {
    case 'view':
      return `VIEW ${qualified(o.schema, o.name)}`;
    case 'materialized_view':
      return `MATERIALIZED VIEW ${qualified(o.schema, o.name)}`;
    case 'index':
      return `INDEX ${qualified(o.schema, o.name)}`;
    case 'function':
      return `FUNCTION ${routineName(o)}`;
    case 'procedure':
      return `PROCEDURE ${routineName(o)}`;
    case 'trigger':
      return `TRIGGER ${q(o.name)} ON ${qualified(o.schema, o.table ?? '')}`;
    case 'policy':
      return `POLICY ${q(o.name)} ON ${qualified(o.schema, o.table ?? '')}`;
    case 'row_security':
    case 'force_row_security':
      return `TABLE ${qualified(o.schema, o.table ?? o.name)}`;
  }
}

/** The statement a definition is run as. */
function definitionStatement(o: CatalogObject, orReplace = false): string {
  const body = comparableDefinition(o.definition);
  switch (o.kind) {
    case 'view':
      return `CREATE ${orReplace ? 'OR REPLACE ' : ''}VIEW ${qualified(o.schema, o.name)} AS\n ${body}`;
    case 'materialized_view':
      return `CREATE MATERIALIZED VIEW ${qualified(o.schema, o.name)} AS\n ${body}`;
    default:
      return body;
  }
}

function commentStatement(o: CatalogObject, comment: string | null): string {
  return `COMMENT ON ${commentTarget(o)} IS ${comment === null ? 'NULL' : quoteString(comment)}`;
}

/** Statements that create `o` (and its comment). */
export function createObjectSql(o: CatalogObject): string[] {
  // Row-level security is a table's setting: a comment on it is the table's own.
  const commented =
    o.comment !== null && o.kind !== 'row_security' && o.kind !== 'force_row_security';
  return [definitionStatement(o), ...(commented ? [commentStatement(o, o.comment)] : [])];
}

/** The statement that drops `o`. */
export function dropObjectSql(o: CatalogObject): string[] {
  const table = qualified(o.schema, o.table ?? o.name);
  switch (o.kind) {
    case 'view':
      return [`DROP VIEW ${qualified(o.schema, o.name)}`];
    case 'materialized_view':
      return [`DROP MATERIALIZED VIEW ${qualified(o.schema, o.name)}`];
    case 'index':
      return [`DROP INDEX ${qualified(o.schema, o.name)}`];
    case 'function':
      return [`DROP FUNCTION ${routineName(o)}`];
    case 'procedure':
      return [`DROP PROCEDURE ${routineName(o)}`];
    case 'trigger':
      return [`DROP TRIGGER ${q(o.name)} ON ${table}`];
    case 'policy':
      return [`DROP POLICY ${q(o.name)} ON ${table}`];
    case 'row_security':
      return [`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`];
    case 'force_row_security':
      return [`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`];
  }
}

/** The lines of a function's definition that `CREATE OR REPLACE` must keep: name, arguments, result. */
function routineHeader(definition: string): string {
  const lines = definition.trim().split('\n');
  const returns = lines.find((l) => /^\s*RETURNS\s/i.test(l)) ?? '';
  return `${lines[0] ?? ''}\n${returns.trim()}`;
}

/**
 * Whether Postgres changes `before` into `after` in place: the same object (kind, schema,
 * name, table), and either only its comment differs, or it is a function or procedure whose
 * arguments and result stay (`CREATE OR REPLACE FUNCTION`). Views, triggers, policies and
 * indexes are dropped and created instead: a view's columns would have to be known to tell.
 */
export function replaceableInPlace(before: CatalogObject, after: CatalogObject): boolean {
  if (
    before.kind !== after.kind ||
    before.schema !== after.schema ||
    before.name !== after.name ||
    before.table !== after.table
  ) {
    return false;
  }
  if (comparableDefinition(before.definition) === comparableDefinition(after.definition)) {
    return true;
  }
  if (before.kind === 'function' || before.kind === 'procedure') {
    return routineHeader(before.definition) === routineHeader(after.definition);
  }
  return false;
}

/** Statements that change `before` into `after` in place (see `replaceableInPlace`). */
export function replaceObjectSql(before: CatalogObject, after: CatalogObject): string[] {
  const out: string[] = [];
  if (comparableDefinition(before.definition) !== comparableDefinition(after.definition)) {
    out.push(definitionStatement(after, true));
  }
  if (before.comment !== after.comment) out.push(commentStatement(after, after.comment));
  return out;
}
