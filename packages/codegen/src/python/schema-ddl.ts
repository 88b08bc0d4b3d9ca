/**
 * Schemas other than public in SQLAlchemy models: `create_all` makes tables and types but no
 * schema, so each schema the design puts something in (with its comment) is a `DDL`
 * listened for on the metadata. Inserted at the front of `before_create`, they run ahead of the enums' own
 * listeners; appended to `after_drop`, they run after every type is gone.
 */
import { type Design, designSchemas } from '@retort/core';
import { quoteName } from '../sql/identifier';
import { renderOperationSql } from '../sql/render';
import type { PythonImports } from './imports';
import { pythonString } from './literal';

/** Lines to put after the types; none when everything is in public. */
export function schemaDdlLines(design: Design, imports: PythonImports, metadata: string): string[] {
  const schemas = designSchemas(design);
  if (schemas.length === 0) return [];
  imports.from('sqlalchemy', 'DDL').from('sqlalchemy', 'event');
  // DDL formats its text with `%`, so a percent sign of a comment is doubled.
  const ddl = (sql: string) => `    ${pythonString(sql.replaceAll('%', '%%'))},`;
  const create = schemas.flatMap((schema) => {
    const comment = design.schemaComments?.[schema];
    return [
      `CREATE SCHEMA IF NOT EXISTS ${quoteName(schema)}`,
      ...(comment === undefined
        ? []
        : renderOperationSql({ kind: 'set_schema_comment', schema, from: null, to: comment })),
    ];
  });
  return [
    '',
    '# Schemas: create_all makes none, so they come first and drop_all removes them last.',
    '# IF NOT EXISTS keeps models usable on a database whose schemas were made by hand.',
    'for _statement in reversed((',
    ...create.map(ddl),
    ')):',
    `    event.listen(${metadata}, 'before_create', DDL(_statement), insert=True)`,
    'for _statement in (',
    ...[...schemas].reverse().map((s) => ddl(`DROP SCHEMA ${quoteName(s)}`)),
    '):',
    `    event.listen(${metadata}, 'after_drop', DDL(_statement))`,
  ];
}
