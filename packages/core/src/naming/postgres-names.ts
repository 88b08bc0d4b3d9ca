/**
 * Postgres' own names for unnamed constraints and indexes, byte for byte, so that what a
 * migration drops is what Postgres created. Ports `makeObjectName`,
 * `ChooseIndexNameAddition` and the label de-duplication of `ChooseRelationName` /
 * `ChooseConstraintName` (src/backend/commands/indexcmds.c, src/backend/catalog/pg_constraint.c).
 */

/** NAMEDATALEN - 1: the longest identifier Postgres keeps, in bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

/** UTF-8 bytes of one UTF-16 code unit at `i` of `text` (a surrogate pair counts 4 at its first half, 0 at its second). */
function unitBytes(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    // A lone surrogate is written as U+FFFD, three bytes, as TextEncoder does.
    return next >= 0xdc00 && next <= 0xdfff ? 4 : 3;
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = text.charCodeAt(i - 1);
    return previous >= 0xd800 && previous <= 0xdbff ? 0 : 3;
  }
  return 3;
}

// Counted by hand: names are measured for every constraint of every table, and encoding
// each one (or each character) to bytes costs more than the rest of the naming.
export function identifierBytes(name: string): number {
  let bytes = 0;
  for (let i = 0; i < name.length; i++) bytes += unitBytes(name, i);
  return bytes;
}

/** The longest prefix of `text` that fits in `bytes` UTF-8 bytes without splitting a character (pg_mbcliplen). */
function clipBytes(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  while (end < text.length) {
    const size = unitBytes(text, end);
    if (used + size > bytes) break;
    used += size;
    // Four bytes is a surrogate pair: two code units, one character.
    end += size === 4 ? 2 : 1;
  }
  return text.slice(0, end);
}

/**
 * `name1_name2_label`, truncated to 63 bytes the way Postgres does it: the longer of the
 * two name parts loses a byte at a time until everything fits.
 */
export function makeObjectName(name1: string, name2: string | null, label: string | null): string {
  let name1Bytes = identifierBytes(name1);
  let name2Bytes = name2 === null ? 0 : identifierBytes(name2);
  let overhead = name2 === null ? 0 : 1;
  if (label !== null) overhead += identifierBytes(label) + 1;
  const available = MAX_IDENTIFIER_BYTES - overhead;
  while (name1Bytes + name2Bytes > available) {
    if (name1Bytes > name2Bytes) name1Bytes--;
    else name2Bytes--;
  }
  let name = clipBytes(name1, name1Bytes);
  if (name2 !== null) name += `_${clipBytes(name2, name2Bytes)}`;
  if (label !== null) name += `_${label}`;
  return name;
}

/**
 * The column part of an index or constraint name: the names joined by `_`, where Postgres
 * stops adding names once the text reaches NAMEDATALEN bytes (that length then decides
 * which part `makeObjectName` truncates).
 */
export function columnNamesPart(columns: readonly string[]): string {
  let text = '';
  for (const column of columns) {
    if (text.length > 0) text += '_';
    text += clipBytes(column, MAX_IDENTIFIER_BYTES);
    if (identifierBytes(text) >= MAX_IDENTIFIER_BYTES + 1) break;
  }
  return text;
}

/** Tries `label`, then `label1`, `label2`, ... until `taken` says no. */
export function chooseName(
  name1: string,
  name2: string | null,
  label: string,
  taken: (name: string) => boolean,
): string {
  let candidate = makeObjectName(name1, name2, label);
  for (let pass = 1; taken(candidate); pass++) {
    candidate = makeObjectName(name1, name2, `${label}${pass}`);
  }
  return candidate;
}

/** `users_pkey`. */
export function pkeyName(table: string): string {
  return makeObjectName(table, null, 'pkey');
}

/** `orders_user_id_fkey`. */
export function fkeyName(table: string, columns: readonly string[]): string {
  return makeObjectName(table, columnNamesPart(columns), 'fkey');
}

/** `users_username_key`. */
export function uniqueName(table: string, columns: readonly string[]): string {
  return makeObjectName(table, columnNamesPart(columns), 'key');
}

/** `users_username_idx` (Postgres' name for an unnamed index, unique or not). */
export function indexName(table: string, columns: readonly string[]): string {
  return makeObjectName(table, columnNamesPart(columns), 'idx');
}

/**
 * `users_check`, or `users_age_check` when the expression uses exactly one column: Postgres
 * tells column constraints from table constraints by how many columns they reference.
 */
export function checkName(table: string, referencedColumns: readonly string[]): string {
  const unique = [...new Set(referencedColumns)];
  return makeObjectName(table, unique.length === 1 ? unique[0]! : null, 'check');
}
