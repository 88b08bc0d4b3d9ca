/**
 * Whether two values of design or catalog data write the same JSON: both are built by the
 * same readers, so their keys come in the same order and equal JSON is equal data.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
