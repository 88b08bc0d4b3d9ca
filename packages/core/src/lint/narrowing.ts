/** Whether a column type change can refuse existing values, and why, as a clause. */

const INT_RANK: Record<string, number> = { SMALLINT: 1, INTEGER: 2, BIGINT: 3 };
const TYPE = /^([A-Z]+(?: [A-Z]+)?)(?:\((\d+)(?:,(\d+))?\))?$/;

function parts(type: string): { base: string; a?: number; b?: number; array: boolean } {
  const array = type.endsWith('[]');
  const m = TYPE.exec(array ? type.slice(0, -2) : type);
  if (!m) return { base: type, array };
  return {
    base: m[1]!,
    ...(m[2] === undefined ? {} : { a: Number(m[2]) }),
    ...(m[3] === undefined ? {} : { b: Number(m[3]) }),
    array,
  };
}

/** A clause such as `any value is longer than 10 characters`, or null when nothing can fail. */
export function narrowing(from: string, to: string): string | null {
  if (from === to) return null;
  const f = parts(from);
  const t = parts(to);
  const textual = (p: typeof f) => p.base === 'TEXT' || p.base === 'VARCHAR' || p.base === 'CHAR';
  if (textual(t) && t.a !== undefined && textual(f) && (f.a === undefined || f.a > t.a)) {
    return `any value is longer than ${t.a} characters`;
  }
  const fi = INT_RANK[f.base];
  const ti = INT_RANK[t.base];
  if (fi !== undefined && ti !== undefined && ti < fi) {
    return `any value does not fit in ${t.base}`;
  }
  if (f.base === 'NUMERIC' && t.base === 'NUMERIC' && t.a !== undefined) {
    const fs = f.b ?? 0;
    const ts = t.b ?? 0;
    if (f.a === undefined || t.a - ts < f.a - fs || ts < fs) {
      return `any value does not fit in ${to} (it is rounded or overflows)`;
    }
  }
  if (
    (f.base === 'NUMERIC' || f.base === 'REAL' || f.base === 'DOUBLE PRECISION') &&
    ti !== undefined
  ) {
    return `any value has a fraction or does not fit in ${t.base} (fractions are rounded)`;
  }
  if (f.base === 'DOUBLE PRECISION' && t.base === 'REAL') return 'any value needs double precision';
  if (
    (f.base === 'TIMESTAMP' || f.base === 'TIMESTAMPTZ') &&
    (t.base === 'DATE' || t.base === 'TIME')
  ) {
    return `part of each value is lost (only the ${t.base === 'DATE' ? 'date' : 'time'} is kept)`;
  }
  return null;
}
