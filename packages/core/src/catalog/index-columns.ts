/**
 * An index with its columns renamed, everywhere it names them: key columns, expression
 * keys, `INCLUDE` and the partial `WHERE` (Postgres keeps expressions as parse trees, so a
 * column rename rewrites them too).
 */
import { renameColumnsInExpression } from '../operations/expression-rename';
import type { CatalogExclusion, CatalogExclusionElement, CatalogIndex } from './types';

/** Null when a column has no new name (it goes away). */
export function renameIndexColumns(
  index: CatalogIndex,
  column: (name: string) => string | undefined,
  renames: ReadonlyMap<string, string>,
): CatalogIndex | null {
  const mapAll = (names: readonly string[]): string[] | null => {
    const out: string[] = [];
    for (const name of names) {
      const mapped = column(name);
      if (mapped === undefined) return null;
      out.push(mapped);
    }
    return out;
  };
  const columns = mapAll(index.columns);
  const include = index.include ? mapAll(index.include) : undefined;
  if (columns === null || include === null) return null;
  const out: CatalogIndex = { ...index, columns };
  if (include !== undefined) out.include = include;
  if (index.keys) {
    out.keys = index.keys.map((k) => {
      if (k.column !== undefined) return { ...k, column: column(k.column) ?? k.column };
      return { ...k, expression: renameColumnsInExpression(k.expression ?? '', renames) };
    });
  }
  if (index.where !== undefined) out.where = renameColumnsInExpression(index.where, renames);
  return out;
}

/** An exclusion constraint renamed as its index would be: elements, `INCLUDE`, `WHERE`. */
export function renameExclusionColumns(
  exclusion: CatalogExclusion,
  column: (name: string) => string | undefined,
  renames: ReadonlyMap<string, string>,
): CatalogExclusion | null {
  const index = renameIndexColumns(
    {
      name: exclusion.name,
      columns: exclusion.elements.flatMap((e) => (e.column !== undefined ? [e.column] : [])),
      unique: false,
      keys: exclusion.elements,
      ...(exclusion.include ? { include: exclusion.include } : {}),
      ...(exclusion.where !== undefined ? { where: exclusion.where } : {}),
    },
    column,
    renames,
  );
  if (index === null) return null;
  const out: CatalogExclusion = {
    ...exclusion,
    // The keys keep every field they had, the operator too.
    elements: index.keys as CatalogExclusionElement[],
  };
  if (index.include !== undefined) out.include = index.include;
  if (index.where !== undefined) out.where = index.where;
  return out;
}

/** Everything about an index but its name and comment, as one comparable text. */
export function indexShape(index: CatalogIndex): string {
  const { name: _name, comment: _comment, ...shape } = index;
  return sortedJson(shape);
}

/** Everything about an exclusion constraint but its name and comment. */
export function exclusionShape(exclusion: CatalogExclusion): string {
  const { name: _name, comment: _comment, ...shape } = exclusion;
  return sortedJson(shape);
}

function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${sortedJson(record[k])}`)
    .join(',')}}`;
}
