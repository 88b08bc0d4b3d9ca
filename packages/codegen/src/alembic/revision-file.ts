/**
 * A revision's Alembic file, derived here only: the editor's preview of pending changes,
 * `GET /api/revisions/:id` and `retort export alembic` all take it from this function, so
 * they cannot disagree. A column may name an enum the revision creates (in the schema after
 * it) or one it drops (in the schema before it); its values come from whichever has it.
 */
import {
  alembicSlug,
  type CatalogEnum,
  type Design,
  type Operation,
  objectQualifiedName,
} from '@retort/core';
import { emitAlembicRevision } from './revision';

export interface AlembicRevisionSource {
  id: string;
  parent: string | null;
  message: string;
  createdAt: string;
  operations: readonly Operation[];
  /** The design after this revision. */
  schema: Design;
}

export interface AlembicRevisionFile {
  /** `versions/<id>_<slug>.py`, as Alembic's `file_template` in the exported project names it. */
  path: string;
  text: string;
}

/** Named as the operations name them: qualified outside public (`app.state`). */
function enumsOf(design: Design | null): CatalogEnum[] {
  return design
    ? design.enums.map((e) => ({ name: objectQualifiedName(e), values: [...e.values] }))
    : [];
}

/** `before` is the design the revision starts from: its parent's schema, or null for the first. */
export function alembicRevisionFile(
  revision: AlembicRevisionSource,
  before: Design | null,
): AlembicRevisionFile {
  const enums = [...enumsOf(revision.schema), ...enumsOf(before)];
  return {
    path: `versions/${revision.id}_${alembicSlug(revision.message)}.py`,
    text: emitAlembicRevision({
      id: revision.id,
      parent: revision.parent,
      message: revision.message,
      createdAt: revision.createdAt,
      operations: revision.operations,
      enums: enums.filter((e, i) => enums.findIndex((x) => x.name === e.name) === i),
    }),
  };
}
