/**
 * The options of a sequence, an identity's or a standalone one, checked against its integer
 * type as `CREATE SEQUENCE` checks them.
 */
import type { ColumnIdentity } from '../design/types';

/** The range of each integer type, for identity options. */
export const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  SMALLINT: [-32768n, 32767n],
  INTEGER: [-2147483648n, 2147483647n],
  BIGINT: [-9223372036854775808n, 9223372036854775807n],
};

type SequenceOptionValues = Pick<
  ColumnIdentity,
  'start' | 'increment' | 'minValue' | 'maxValue' | 'cache'
>;

/**
 * What is wrong with an identity's or a sequence's options for its integer type (`SMALLINT`,
 * `INTEGER`, `BIGINT`; null when unknown), as `CREATE SEQUENCE` would refuse them.
 */
export function sequenceOptionProblems(
  options: SequenceOptionValues,
  type: string | null,
  word: string,
): { key: keyof SequenceOptionValues; message: string }[] {
  const out: { key: keyof SequenceOptionValues; message: string }[] = [];
  const range = type === null ? undefined : INTEGER_RANGES[type];
  const big = (v: string | null) => (v === null ? null : BigInt(v));
  const increment = big(options.increment) ?? 1n;
  if (increment === 0n) out.push({ key: 'increment', message: 'must not be 0.' });
  const [typeMin, typeMax] = range ?? INTEGER_RANGES.BIGINT!;
  for (const key of ['start', 'minValue', 'maxValue'] as const) {
    const value = big(options[key]);
    if (value !== null && (value < typeMin || value > typeMax)) {
      out.push({
        key,
        message: `${value} is outside the range of ${type ?? 'the column type'} (${typeMin} to ${typeMax}).`,
      });
    }
  }
  const min = big(options.minValue) ?? (increment > 0n ? 1n : typeMin);
  const max = big(options.maxValue) ?? (increment > 0n ? typeMax : -1n);
  const start = big(options.start) ?? (increment > 0n ? min : max);
  if (min >= max) {
    out.push({
      key: 'minValue',
      message: `the ${word}'s minimum ${min} must be less than its maximum ${max}.`,
    });
  } else if (start < min || start > max) {
    out.push({
      key: 'start',
      message: `the ${word} starts at ${start}, outside its range ${min} to ${max}.`,
    });
  }
  const cache = big(options.cache);
  if (cache !== null && cache < 1n) out.push({ key: 'cache', message: 'must be at least 1.' });
  return out;
}
