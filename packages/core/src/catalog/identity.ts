/**
 * An identity's sequence options as Postgres resolves them: what the design leaves out takes
 * the default for the column's type and the direction of the increment (`CREATE SEQUENCE`'s
 * rules), so a design and the database it made compare equal option by option.
 */
import type { ColumnIdentity } from '../design/types';
import type { CatalogIdentity } from './types';

const TYPE_RANGES: Record<string, [bigint, bigint]> = {
  SMALLINT: [-32768n, 32767n],
  INTEGER: [-2147483648n, 2147483647n],
  BIGINT: [-9223372036854775808n, 9223372036854775807n],
};

export function catalogIdentity(identity: ColumnIdentity, type: string): CatalogIdentity {
  const [typeMin, typeMax] = TYPE_RANGES[type] ?? TYPE_RANGES.BIGINT!;
  const increment = BigInt(identity.increment ?? '1');
  const ascending = increment > 0n;
  const minValue = identity.minValue ?? String(ascending ? 1n : typeMin);
  const maxValue = identity.maxValue ?? String(ascending ? typeMax : -1n);
  return {
    generation: identity.generation,
    start: identity.start ?? (ascending ? minValue : maxValue),
    increment: String(increment),
    minValue,
    maxValue,
    cache: identity.cache ?? '1',
    cycle: identity.cycle,
  };
}

/** The options that differ from the defaults `catalogIdentity` fills in (for import and DDL). */
export function identityOptions(
  identity: CatalogIdentity,
  type: string,
): Omit<ColumnIdentity, 'generation'> {
  const defaults = catalogIdentity(
    {
      generation: identity.generation,
      start: null,
      increment: identity.increment,
      minValue: null,
      maxValue: null,
      cache: null,
      cycle: false,
    },
    type,
  );
  const minValue = identity.minValue === defaults.minValue ? null : identity.minValue;
  const maxValue = identity.maxValue === defaults.maxValue ? null : identity.maxValue;
  const ascending = !identity.increment.startsWith('-');
  const startDefault = ascending ? identity.minValue : identity.maxValue;
  return {
    start: identity.start === startDefault ? null : identity.start,
    increment: identity.increment === '1' ? null : identity.increment,
    minValue,
    maxValue,
    cache: identity.cache === '1' ? null : identity.cache,
    cycle: identity.cycle,
  };
}
