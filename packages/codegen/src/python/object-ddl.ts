/**
 * Views, functions, triggers and policies in SQLAlchemy models: `DDL` listened for on the
 * metadata's `after_create` (in dependency order) and `before_drop` (the reverse), so
 * `create_all` builds them after the tables and `drop_all` removes them first. Each statement
 * is Retort's own SQL for the object.
 */
import { type Design, diff, reverseOperations } from '@retort/core';
import { renderOperationSql } from '../sql/render';
import type { PythonImports } from './imports';
import { pythonString } from './literal';

/** Lines to append to the module; none when the design has no objects. */
export function objectDdlLines(design: Design, imports: PythonImports, metadata: string): string[] {
  if ((design.objects ?? []).length === 0) return [];
  const empty: Design = { format: design.format, name: design.name, enums: [], tables: [] };
  const objectOps = diff(empty, design).filter((op) => op.kind === 'create_object');
  const create = objectOps.flatMap(renderOperationSql);
  const drop = reverseOperations(objectOps).flatMap(renderOperationSql);
  imports.from('sqlalchemy', 'DDL').from('sqlalchemy', 'event');
  // DDL formats its text with `%`, so a percent sign of the SQL is doubled.
  const ddl = (sql: string) => `    ${pythonString(sql.replaceAll('%', '%%'))},`;
  return [
    '',
    '',
    '# Views, functions, triggers and policies: create_all builds them after the tables,',
    '# drop_all removes them before, each in dependency order.',
    'for _statement in (',
    ...create.map(ddl),
    '):',
    `    event.listen(${metadata}, 'after_create', DDL(_statement))`,
    'for _statement in (',
    ...drop.map(ddl),
    '):',
    `    event.listen(${metadata}, 'before_drop', DDL(_statement))`,
  ];
}
