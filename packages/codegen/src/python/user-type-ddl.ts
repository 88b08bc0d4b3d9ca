/**
 * Extensions, domains and composite types in SQLAlchemy models: SQLAlchemy has no DOMAIN or
 * composite type of its own, so each is Retort's SQL in a `DDL` listened for on the
 * metadata. `before_create` builds them before the tables (after the enums, whose own
 * listeners come first); `after_drop` removes them after the tables, inserted ahead of the
 * enums' listeners so a domain over an enum goes before the enum. Columns name them by the
 * pass-through type.
 */
import { type Design, diff, reverseOperations } from '@retort/core';
import { renderOperationSql } from '../sql/render';
import type { PythonImports } from './imports';
import { pythonString } from './literal';

const KINDS = new Set(['create_extension', 'create_domain', 'create_composite_type']);

/** Lines to put after the enums; none when the design has none of these. */
export function userTypeDdlLines(
  design: Design,
  imports: PythonImports,
  metadata: string,
): string[] {
  const { domains, compositeTypes, extensions } = design;
  if (!domains?.length && !compositeTypes?.length && !extensions?.length) return [];
  const base: Design = {
    format: design.format,
    name: design.name,
    enums: design.enums,
    tables: [],
  };
  const withTypes: Design = { ...base, domains, compositeTypes, extensions };
  const ops = diff(base, withTypes).filter((op) => KINDS.has(op.kind));
  const create = ops.flatMap(renderOperationSql);
  const drop = reverseOperations(ops).flatMap(renderOperationSql);
  imports.from('sqlalchemy', 'DDL').from('sqlalchemy', 'event');
  const ddl = (sql: string) => `    ${pythonString(sql.replaceAll('%', '%%'))},`;
  return [
    '',
    '# Extensions, domains and composite types: create_all builds them before the tables,',
    '# drop_all removes them after, each type after the types it names.',
    'for _statement in (',
    ...create.map(ddl),
    '):',
    `    event.listen(${metadata}, 'before_create', DDL(_statement))`,
    'for _statement in reversed((',
    ...drop.map(ddl),
    ')):',
    `    event.listen(${metadata}, 'after_drop', DDL(_statement), insert=True)`,
  ];
}
