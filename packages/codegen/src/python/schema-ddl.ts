/**
 * Schemas other than public in SQLAlchemy models: `create_all` makes tables and types but no
 * schema, so each schema the design puts something in is a `DDL` listened for on the
 * metadata. Inserted at the front of `before_create`, they run ahead of the enums' own
 * listeners; appended to `after_drop`, they run after every type is gone.
 */
import { type Design, designSchemas } from '@retort/core';
import { quoteName } from '../sql/identifier';
import type { PythonImports } from './imports';
import { pythonString } from './literal';

/** Lines to put after the types; none when everything is in public. */
export function schemaDdlLines(design: Design, imports: PythonImports, metadata: string): string[] {
  const schemas = designSchemas(design);
  if (schemas.length === 0) return [];
  imports.from('sqlalchemy', 'DDL').from('sqlalchemy', 'event');
  const ddl = (sql: string) => `    ${pythonString(sql)},`;
  return [
    '',
    '# Schemas: create_all makes none, so they come first and drop_all removes them last.',
    '# IF NOT EXISTS keeps models usable on a database whose schemas were made by hand.',
    'for _statement in reversed((',
    ...schemas.map((s) => ddl(`CREATE SCHEMA IF NOT EXISTS ${quoteName(s)}`)),
    ')):',
    `    event.listen(${metadata}, 'before_create', DDL(_statement), insert=True)`,
    'for _statement in (',
    ...[...schemas].reverse().map((s) => ddl(`DROP SCHEMA ${quoteName(s)}`)),
    '):',
    `    event.listen(${metadata}, 'after_drop', DDL(_statement))`,
  ];
}
