/**
 * Index and key options a TypeScript model library has no words for. The generated file
 * says what is left out in a comment, so no one takes the model for the whole schema;
 * Retort's SQL and its Alembic revisions still create them.
 */
import {
  type CatalogForeignKey,
  type CatalogIndex,
  describeIndex,
  foreignKeyOptionsText,
} from '@retort/core';

/** True when the index is more than plain ascending btree columns. */
export function hasIndexOptions(index: CatalogIndex): boolean {
  return (
    index.method !== undefined ||
    index.keys !== undefined ||
    (index.include?.length ?? 0) > 0 ||
    index.where !== undefined ||
    index.nullsNotDistinct === true
  );
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

export function indexComment(library: string, index: CatalogIndex): string {
  return `// ${library} cannot express index ${index.name}: ${oneLine(describeIndex(index))}.`;
}

/** A comment for a foreign key's MATCH FULL, DEFERRABLE or NOT VALID, or null. */
export function foreignKeyComment(library: string, fk: CatalogForeignKey): string | null {
  if (!fk.match && !fk.deferrable && !fk.notValid) return null;
  return `// ${library} cannot express foreign key ${fk.name}: ${foreignKeyOptionsText(fk)}.`;
}
