/**
 * A design's views and materialized views as the TypeScript model libraries see them: the
 * query and, where Postgres reported them on import, the columns with the types a table's
 * columns would have (nullable: Postgres does not say whether a view's column can be null).
 * A view drawn in Retort and not yet read back has no known columns.
 */
import {
  type Catalog,
  type CatalogColumn,
  type CatalogObject,
  columnTypeSpelling,
  comparableDefinition,
  creationOrder,
  qualifiedName,
} from '@retort/core';

export interface ViewModel {
  object: CatalogObject;
  /** The catalog name (`app.active_users`, bare in public). */
  name: string;
  materialized: boolean;
  /** The query as Postgres prints it, without the final semicolon. */
  query: string;
  /** Null when not known. */
  columns: CatalogColumn[] | null;
}

/** The kinds a library expressing views takes off its "cannot express" comment. */
export const VIEW_KINDS = ['view', 'materialized_view'] as const;

export function viewModels(catalog: Catalog): ViewModel[] {
  const enumNames = catalog.enums.map((e) => e.name);
  return creationOrder(catalog.objects ?? [])
    .filter((o) => o.kind === 'view' || o.kind === 'materialized_view')
    .map((o) => ({
      object: o,
      name: qualifiedName(o.schema, o.name),
      materialized: o.kind === 'materialized_view',
      query: comparableDefinition(o.definition).replace(/^\s+/, ''),
      columns:
        o.columns?.map((c) => ({
          name: c.name,
          type: columnTypeSpelling(c.type, enumNames),
          nullable: true,
          default: null,
          autoincrement: false,
          comment: null,
        })) ?? null,
    }));
}
