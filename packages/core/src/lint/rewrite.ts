/**
 * Whether `ALTER COLUMN ... TYPE` makes Postgres rewrite the table. A change between
 * binary-compatible types that only loosens a limit (a longer VARCHAR, VARCHAR to TEXT, more
 * NUMERIC precision at the same scale) keeps every stored value as it is: no rewrite, no scan.
 */
const TYPE = /^(VARCHAR|TEXT|NUMERIC)(?:\((\d+)(?:,\s*(\d+))?\))?$/;

function parse(type: string) {
  const m = TYPE.exec(type);
  if (!m) return null;
  return {
    base: m[1]!,
    length: m[2] === undefined ? null : Number(m[2]),
    scale: m[3] === undefined ? 0 : Number(m[3]),
  };
}

export function rewritesTable(from: string, to: string): boolean {
  if (from.endsWith('[]') !== to.endsWith('[]')) return true;
  const f = parse(from.replace(/\[\]$/, ''));
  const t = parse(to.replace(/\[\]$/, ''));
  if (!f || !t) return true;
  const textual = (base: string) => base === 'VARCHAR' || base === 'TEXT';
  if (textual(f.base) && textual(t.base)) {
    // Unbounded (TEXT or VARCHAR) takes anything; a VARCHAR(n) only grows.
    if (t.length === null) return false;
    return f.length === null || t.length < f.length;
  }
  if (f.base === 'NUMERIC' && t.base === 'NUMERIC') {
    if (t.length === null) return f.length !== null;
    return f.length === null || t.length < f.length || t.scale !== f.scale;
  }
  return true;
}
