/**
 * A partition key follows a renamed column: Postgres keeps the key by column number and
 * prints it with the new name, so a rename is no new key.
 */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A column name as a partition key prints it: quoted unless a plain lower-case word. */
export function partitionKeyName(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** `key` with the column `from` named `to`, wherever it appears as a name. */
export function renameInPartitionKey(key: string, from: string, to: string): string {
  if (from === to) return key;
  const bare = new RegExp(`(^|[^\\w$."])${escapeRegExp(from)}(?![\\w$"])`, 'g');
  const inQuotes = new RegExp(`"${escapeRegExp(from.replaceAll('"', '""'))}"`, 'g');
  const [strategy, ...rest] = key.split('(');
  const body = rest
    .join('(')
    .replace(inQuotes, partitionKeyName(to))
    .replace(bare, (_, before: string) => `${before}${partitionKeyName(to)}`);
  return `${strategy}(${body}`;
}
