/**
 * An index's keys and Postgres options as SQLAlchemy / Alembic arguments: plain column keys
 * by name, a key with an order, a collation or an expression as `text()` of its SQL, an
 * operator class on a plain column as `postgresql_ops`, and `postgresql_using`,
 * `postgresql_where`, `postgresql_include`. `NULLS NOT DISTINCT` has no SQLAlchemy 1.4
 * spelling: callers create such an index with Retort's own SQL instead.
 */
import type { CatalogIndex, CatalogIndexKey } from '@retort/core';
import { indexKeySql } from '../sql/render';
import { escapeTextColons, pythonString, pythonStrings } from './literal';

export interface IndexArguments {
  /** Key arguments, in order. */
  keys: string[];
  /** Keyword arguments after the keys (`unique=` is the caller's). */
  options: string[];
  /** Whether `text` is called. */
  usesText: boolean;
}

export function indexArguments(index: CatalogIndex, text: string): IndexArguments {
  const ops: string[] = [];
  const plain: CatalogIndexKey[] = index.columns.map((column) => ({ column }));
  const keys = (index.keys ?? plain).map((key) => {
    const { column, opclass, ...rest } = key;
    if (column !== undefined && Object.keys(rest).length === 0) {
      if (opclass !== undefined) ops.push(`${pythonString(column)}: ${pythonString(opclass)}`);
      return pythonString(column);
    }
    return `${text}(${pythonString(escapeTextColons(indexKeySql(key)))})`;
  });
  const options: string[] = [];
  if (index.method !== undefined) options.push(`postgresql_using=${pythonString(index.method)}`);
  if (ops.length > 0) options.push(`postgresql_ops={${ops.join(', ')}}`);
  if (index.include && index.include.length > 0) {
    options.push(`postgresql_include=[${pythonStrings(index.include)}]`);
  }
  if (index.where !== undefined) {
    options.push(`postgresql_where=${text}(${pythonString(escapeTextColons(index.where))})`);
  }
  const usesText = keys.some((k) => k.startsWith(`${text}(`)) || index.where !== undefined;
  return { keys, options, usesText };
}
