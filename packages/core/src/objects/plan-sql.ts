/**
 * The statements that create, drop and change an object, one statement a string, and
 * whether Postgres can change an object in place (`CREATE OR REPLACE`, `ALTER ... RENAME`).
 * Definitions are run as Postgres printed them; only the final semicolon is taken off.
 */
import { quoteIdentifier, quoteString } from '../expression/sql-quote';
import { comparableDefinition } from './catalog';
import type { CatalogObject } from './types';
import { bareName } from './validate';
import { columnsKept, viewKeepsColumns } from './view-columns';

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
    case 'aggregate':
      return `AGGREGATE ${routineName(o)}`;
    case 'trigger':
      return `TRIGGER ${q(o.name)} ON ${qualified(o.schema, o.table ?? '')}`;
    case 'rule':
      return `RULE ${q(o.name)} ON ${qualified(o.schema, o.table ?? '')}`;
    case 'policy':
      return `POLICY ${q(o.name)} ON ${qualified(o.schema, o.table ?? '')}`;
    case 'row_security':
    case 'force_row_security':
      return `TABLE ${qualified(o.schema, o.table ?? o.name)}`;
    case 'event_trigger':
      return `EVENT TRIGGER ${q(o.name)}`;
  }
}

/**
 * An event trigger's definition in its two statements, as pg_dump writes them: the
 * `CREATE EVENT TRIGGER`, and the `ALTER EVENT TRIGGER ... DISABLE|ENABLE ...` of a trigger
 * not simply enabled (null for one that is).
 */
export function eventTriggerParts(definition: string): { create: string; state: string | null } {
  const body = comparableDefinition(definition);
  const at = body.search(/;\s*ALTER EVENT TRIGGER\s/i);
  if (at < 0) return { create: body, state: null };
  return {
    create: body.slice(0, at).trimEnd(),
    state: body.slice(body.indexOf(';', at) + 1).trim(),
  };
}

/** The statement that sets an event trigger's enabled state back to Postgres' default. */
function eventTriggerEnabled(o: CatalogObject): string {
  return `ALTER EVENT TRIGGER ${q(o.name)} ENABLE`;
}

/** The statement a definition is run as. */
function definitionStatement(o: CatalogObject, orReplace = false): string {
  const body = comparableDefinition(o.definition);
  switch (o.kind) {
    case 'view':
      return `CREATE ${orReplace ? 'OR REPLACE ' : ''}VIEW ${qualified(o.schema, o.name)} AS\n ${body}`;
    case 'materialized_view':
      return `CREATE MATERIALIZED VIEW ${qualified(o.schema, o.name)} AS\n ${body}`;
    case 'rule':
      return orReplace ? body.replace(/^CREATE RULE /, 'CREATE OR REPLACE RULE ') : body;
    case 'aggregate':
      return orReplace ? body.replace(/^CREATE AGGREGATE /, 'CREATE OR REPLACE AGGREGATE ') : body;
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
  const definition =
    o.kind === 'event_trigger'
      ? Object.values(eventTriggerParts(o.definition)).filter((s): s is string => s !== null)
      : [definitionStatement(o)];
  return [...definition, ...(commented ? [commentStatement(o, o.comment)] : [])];
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
    case 'aggregate':
      return [`DROP AGGREGATE ${routineName(o)}`];
    case 'trigger':
      return [`DROP TRIGGER ${q(o.name)} ON ${table}`];
    case 'rule':
      return [`DROP RULE ${q(o.name)} ON ${table}`];
    case 'policy':
      return [`DROP POLICY ${q(o.name)} ON ${table}`];
    case 'row_security':
      return [`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`];
    case 'force_row_security':
      return [`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`];
    case 'event_trigger':
      return [`DROP EVENT TRIGGER ${q(o.name)}`];
  }
}

/** The lines of a function's definition that `CREATE OR REPLACE` must keep: name, arguments, result. */
function routineHeader(definition: string): string {
  const lines = definition.trim().split('\n');
  const returns = lines.find((l) => /^\s*RETURNS\s/i.test(l)) ?? '';
  return `${lines[0] ?? ''}\n${returns.trim()}`;
}

/**
 * What fixes an aggregate's result type, which `CREATE OR REPLACE AGGREGATE` must keep: its
 * final function when it has one, else its state type.
 */
function aggregateResult(definition: string): string {
  const option = (name: string) =>
    new RegExp(`^\\s*${name} = (.+?),?$`, 'm').exec(definition)?.[1] ?? null;
  return option('FINALFUNC') ?? `STYPE ${option('STYPE')}`;
}

/** The kinds `ALTER ... RENAME TO` renames, keeping what depends on them. */
const RENAMABLE = new Set<CatalogObject['kind']>([
  'view',
  'materialized_view',
  'index',
  'function',
  'procedure',
  'aggregate',
  'trigger',
  'rule',
  'policy',
  'event_trigger',
]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `before`'s definition as it reads under `after`'s name: the name in a function's,
 * index's, trigger's or policy's first line (a view's query does not name the view).
 */
function definitionRenamed(before: CatalogObject, after: CatalogObject): string {
  const from = bareName(before);
  const to = bareName(after);
  const definition = comparableDefinition(before.definition);
  if (before.kind === 'view' || before.kind === 'materialized_view') return definition;
  if (before.kind === 'function' || before.kind === 'procedure' || before.kind === 'aggregate') {
    const name = new RegExp(
      `^(CREATE OR REPLACE (?:FUNCTION|PROCEDURE) |CREATE AGGREGATE )${escapeRegExp(qualified(before.schema, from))}\\(`,
    );
    return definition.replace(name, `$1${qualified(before.schema, to)}(`);
  }
  if (before.kind === 'event_trigger') {
    // Named in its CREATE and again in the ALTER of its state.
    const name = new RegExp(`^((?:CREATE|ALTER) EVENT TRIGGER )${escapeRegExp(q(from))} `, 'gm');
    return definition.replace(name, `$1${q(to)} `);
  }
  const name = new RegExp(
    `^(CREATE (?:UNIQUE )?INDEX |CREATE (?:CONSTRAINT )?TRIGGER |CREATE POLICY |CREATE RULE )${escapeRegExp(q(from))} `,
  );
  return definition.replace(name, `$1${q(to)} `);
}

/**
 * Whether `after` is `before` under a new name only: the same kind, schema, table and
 * definition (and, for a routine, arguments), so `ALTER ... RENAME TO` makes it.
 */
export function renamedOnly(before: CatalogObject, after: CatalogObject): boolean {
  if (
    before.kind !== after.kind ||
    !RENAMABLE.has(before.kind) ||
    before.schema !== after.schema ||
    before.table !== after.table ||
    before.name === after.name
  ) {
    return false;
  }
  const args = (o: CatalogObject) => o.name.slice(bareName(o).length);
  if (args(before) !== args(after)) return false;
  return definitionRenamed(before, after) === comparableDefinition(after.definition);
}

/**
 * Whether a view's new query keeps its columns, only appending (`CREATE OR REPLACE VIEW`):
 * told from the queries' text, or from the columns Postgres reported when the new ones were
 * read again (more of them than before; a list merely carried over says nothing).
 */
function viewKeepsItsColumns(before: CatalogObject, after: CatalogObject): boolean {
  if (viewKeepsColumns(before.definition, after.definition)) return true;
  const a = before.columns;
  const b = after.columns;
  return a !== undefined && b !== undefined && b.length > a.length && columnsKept(a, b);
}

/**
 * Whether a view changes in place both ways. One that keeps its columns exactly replaces
 * back too; one that appends columns cannot lose them again in place (Postgres refuses to
 * drop a view's columns), so that way it is dropped and created in one step, which only a
 * view nothing depends on allows.
 */
function viewReplaceable(before: CatalogObject, after: CatalogObject, alone: boolean): boolean {
  // Either way round alike: the plan is made in one direction and reversed for the other.
  const forth = viewKeepsItsColumns(before, after);
  const back = viewKeepsItsColumns(after, before);
  return alone ? forth || back : forth && back;
}

/**
 * Whether Postgres changes `before` into `after` in place: the same object renamed only
 * (`ALTER ... RENAME TO`), or the same object (kind, schema, name, table) whose comment alone
 * differs, a function or procedure whose arguments and result stay (`CREATE OR REPLACE
 * FUNCTION`), a view whose query keeps its columns (`CREATE OR REPLACE VIEW`; one that
 * appends columns only while no object depends on it, see `viewReplaceable`), an aggregate
 * whose result type stays (`CREATE OR REPLACE AGGREGATE`), a rule (`CREATE OR REPLACE RULE`)
 * or an event trigger whose enabled state alone changes. Materialized views, triggers,
 * policies and indexes are dropped and created instead.
 */
export function replaceableInPlace(
  before: CatalogObject,
  after: CatalogObject,
  options: { dependents: boolean } = { dependents: true },
): boolean {
  if (renamedOnly(before, after)) return true;
  if (before.kind === 'event_trigger' && after.kind === 'event_trigger') {
    // Renamed, its enabled state changed (ALTER EVENT TRIGGER ... ENABLE|DISABLE), or both.
    return (
      eventTriggerParts(definitionRenamed(before, after)).create ===
      eventTriggerParts(after.definition).create
    );
  }
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
  if (before.kind === 'view') return viewReplaceable(before, after, !options.dependents);
  if (before.kind === 'aggregate') {
    // Postgres 12 on: the same name, arguments and result, any functions and options.
    return aggregateResult(before.definition) === aggregateResult(after.definition);
  }
  // A rule's event and table are part of its name's place: CREATE OR REPLACE RULE takes any.
  return before.kind === 'rule';
}

/** `ALTER ... RENAME TO`: `before` takes `after`'s name. */
function renameSql(before: CatalogObject, after: CatalogObject): string {
  const to = q(bareName(after));
  const table = qualified(before.schema, before.table ?? '');
  switch (before.kind) {
    case 'view':
      return `ALTER VIEW ${qualified(before.schema, before.name)} RENAME TO ${to}`;
    case 'materialized_view':
      return `ALTER MATERIALIZED VIEW ${qualified(before.schema, before.name)} RENAME TO ${to}`;
    case 'index':
      return `ALTER INDEX ${qualified(before.schema, before.name)} RENAME TO ${to}`;
    case 'function':
      return `ALTER FUNCTION ${routineName(before)} RENAME TO ${to}`;
    case 'procedure':
      return `ALTER PROCEDURE ${routineName(before)} RENAME TO ${to}`;
    case 'aggregate':
      return `ALTER AGGREGATE ${routineName(before)} RENAME TO ${to}`;
    case 'rule':
      return `ALTER RULE ${q(before.name)} ON ${table} RENAME TO ${to}`;
    case 'trigger':
      return `ALTER TRIGGER ${q(before.name)} ON ${table} RENAME TO ${to}`;
    case 'policy':
      return `ALTER POLICY ${q(before.name)} ON ${table} RENAME TO ${to}`;
    case 'event_trigger':
      return `ALTER EVENT TRIGGER ${q(before.name)} RENAME TO ${to}`;
    default:
      throw new Error(`A ${before.kind} is not renamed in place.`);
  }
}

/** Statements that change `before` into `after` in place (see `replaceableInPlace`). */
export function replaceObjectSql(before: CatalogObject, after: CatalogObject): string[] {
  const out: string[] = [];
  const changed =
    comparableDefinition(before.definition) !== comparableDefinition(after.definition);
  if (before.name !== after.name) out.push(renameSql(before, after));
  if (before.kind === 'event_trigger') {
    const state = eventTriggerParts(after.definition).state;
    if (eventTriggerParts(definitionRenamed(before, after)).state !== state) {
      out.push(state ?? eventTriggerEnabled(after));
    }
  } else if (changed && before.name === after.name) {
    if (before.kind === 'view' && !viewKeepsItsColumns(before, after)) {
      // The way back from appended columns: nothing depends on the view (see viewReplaceable).
      return [...dropObjectSql(before), ...createObjectSql(after)];
    }
    out.push(definitionStatement(after, true));
  }
  if (before.comment !== after.comment) out.push(commentStatement(after, after.comment));
  return out;
}
