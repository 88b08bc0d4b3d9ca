/**
 * An exclusion constraint as SQLAlchemy's `ExcludeConstraint` / Alembic's
 * `create_exclude_constraint` arguments: `('room_id', '=')` per element, an operator class as
 * `ops=`, and `using=`, `where=`, `deferrable=`, `initially=`. SQLAlchemy 1.4 has no
 * `INCLUDE` and renders a column element bare, so an exclusion with INCLUDE, an expression,
 * an order or a collation has no exact spelling there: callers run Retort's own SQL instead.
 */
import type { CatalogExclusion } from '@retort/core';
import { exclusionOperatorSql } from '../sql/render';
import { escapeTextColons, pythonString } from './literal';

export interface ExclusionArguments {
  /** `('room_id', '=')`, in order. */
  elements: string[];
  /** Keyword arguments after the elements (the name is the caller's). */
  options: string[];
  /** Whether `text` is called. */
  usesText: boolean;
}

/** Null when SQLAlchemy 1.4 cannot say the constraint exactly. */
export function exclusionArguments(x: CatalogExclusion, text: string): ExclusionArguments | null {
  if (x.include !== undefined && x.include.length > 0) return null;
  const ops: string[] = [];
  const elements: string[] = [];
  for (const e of x.elements) {
    if (e.column === undefined || e.descending || e.nulls !== undefined) return null;
    if (e.collation !== undefined) return null;
    if (e.opclass !== undefined) ops.push(`${pythonString(e.column)}: ${pythonString(e.opclass)}`);
    elements.push(`(${pythonString(e.column)}, ${pythonString(exclusionOperatorSql(e.operator))})`);
  }
  const options = [`using=${pythonString(x.method)}`];
  if (x.where !== undefined) {
    options.push(`where=${text}(${pythonString(escapeTextColons(x.where), '"')})`);
  }
  if (x.deferrable) options.push('deferrable=True');
  if (x.initiallyDeferred) options.push(`initially='DEFERRED'`);
  if (ops.length > 0) options.push(`ops={${ops.join(', ')}}`);
  return { elements, options, usesText: x.where !== undefined };
}
