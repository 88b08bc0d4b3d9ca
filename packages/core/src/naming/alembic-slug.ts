/**
 * Alembic's revision file slug (`ScriptDirectory._rev_path`): the `\w+` runs of the message
 * joined by `_` and lower-cased; longer than `truncate_slug_length` (40) it is cut there,
 * back to the last `_`, and ended with one. Both `revisions/<id>_<slug>.json` and the
 * exported `versions/<id>_<slug>.py` are named with it, so the two always agree.
 */

const TRUNCATE_SLUG_LENGTH = 40;

/** Python's `\w` on text: letters, digits (every numeric character) and `_`. */
const WORD = /[\p{L}\p{N}_]+/gu;

export function alembicSlug(message: string): string {
  const slug = (message.match(WORD) ?? []).join('_').toLowerCase();
  // Python counts code points, not UTF-16 units.
  const chars = Array.from(slug);
  if (chars.length <= TRUNCATE_SLUG_LENGTH) return slug;
  const cut = chars.slice(0, TRUNCATE_SLUG_LENGTH).join('');
  const last = cut.lastIndexOf('_');
  // `rsplit("_", 1)[0]`: everything before the last `_`, or all of it when there is none.
  return `${last < 0 ? cut : cut.slice(0, last)}_`;
}
