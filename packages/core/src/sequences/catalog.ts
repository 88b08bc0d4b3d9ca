/**
 * Standalone sequences as Postgres keeps them: every option resolved by `CREATE SEQUENCE`'s
 * rules (the identity's, see `catalogIdentity`), the owner named by its table's qualified
 * name and its column's name.
 */
import { catalogIdentity, identityOptions } from '../catalog/identity';
import type { CatalogSequence } from '../catalog/types';
import type { Design, Sequence } from '../design/types';
import { objectQualifiedName } from '../naming/qualified-names';

const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** The options of a sequence resolved for its type, as `catalogIdentity` resolves them. */
export function resolveSequenceOptions(
  s: Pick<
    Sequence,
    'dataType' | 'start' | 'increment' | 'minValue' | 'maxValue' | 'cache' | 'cycle'
  >,
): Pick<CatalogSequence, 'start' | 'increment' | 'minValue' | 'maxValue' | 'cache' | 'cycle'> {
  const { generation: _, ...options } = catalogIdentity(
    { generation: 'ALWAYS', ...s },
    s.dataType.toUpperCase(),
  );
  return options;
}

/** The options that differ from Postgres' defaults for the type (for import and DDL). */
export function sequenceOptions(
  s: CatalogSequence,
): Pick<Sequence, 'start' | 'increment' | 'minValue' | 'maxValue' | 'cache' | 'cycle'> {
  return identityOptions({ generation: 'ALWAYS', ...s }, s.dataType.toUpperCase());
}

export function catalogSequence(s: Sequence, design: Design): CatalogSequence {
  let ownedBy: CatalogSequence['ownedBy'] = null;
  if (s.ownedBy !== null) {
    const table = design.tables.find((t) => t.id === s.ownedBy!.table);
    const column = table?.columns.find((c) => c.id === s.ownedBy!.column);
    if (!table || !column) {
      throw new Error(`Sequence "${s.name}" is owned by a column the design does not have.`);
    }
    ownedBy = { table: objectQualifiedName(table), column: column.name };
  }
  return {
    name: objectQualifiedName(s),
    dataType: s.dataType,
    ...resolveSequenceOptions(s),
    ownedBy,
    comment: s.comment,
  };
}

/** A design's sequences, sorted; absent when there are none. */
export function catalogSequences(design: Design): { sequences?: CatalogSequence[] } {
  const sequences = (design.sequences ?? []).map((s) => catalogSequence(s, design)).sort(byName);
  return sequences.length > 0 ? { sequences } : {};
}

/** `nextval('app.counter'::regclass)` names the sequence `app.counter`. */
const NEXTVAL = /nextval\(\s*'((?:[^']|'')+)'(?:::regclass)?\s*\)/gi;

/** The sequences a default expression calls by name (as written, quotes removed). */
export function sequencesCalledBy(sql: string): string[] {
  return [...sql.matchAll(NEXTVAL)].map((m) => m[1]!.replaceAll("''", "'").replaceAll('"', ''));
}

/** A default with the sequence `from` called by its new name `to`, as Postgres shows it after a rename. */
export function renameSequenceInDefault(sql: string, from: string, to: string): string {
  return sql.replace(NEXTVAL, (whole, name: string) =>
    name.replaceAll("''", "'").replaceAll('"', '') === from
      ? whole.replace(`'${name}'`, `'${to.replaceAll("'", "''")}'`)
      : whole,
  );
}
