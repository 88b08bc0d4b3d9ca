/**
 * Standalone sequences: dropping one a column default still calls fails at the next insert
 * (Postgres refuses the drop while the default depends on it); dropping any loses the value
 * it had reached, which its re-creation cannot give back.
 */
import type { Catalog } from '../catalog/types';
import { DEFAULT_SCHEMA } from '../naming/qualified-names';
import { NOT_RESTORED } from '../operations/data-loss';
import type { Operation } from '../operations/types';
import { sequencesCalledBy } from '../sequences/catalog';
import type { LintFinding } from './types';

/** `public.counter` is called `counter` in the catalog. */
function catalogNameOf(called: string): string {
  return called.startsWith(`${DEFAULT_SCHEMA}.`) && !called.slice(7).includes('.')
    ? called.slice(DEFAULT_SCHEMA.length + 1)
    : called;
}

/** A narrower range refuses a current value outside it (`ALTER SEQUENCE` fails). */
function narrowed(ops: readonly Operation[]): LintFinding[] {
  return ops.flatMap((op, operation): LintFinding[] => {
    if (op.kind !== 'alter_sequence') return [];
    const { before, after } = op;
    if (
      BigInt(after.minValue) <= BigInt(before.minValue) &&
      BigInt(after.maxValue) >= BigInt(before.maxValue)
    ) {
      return [];
    }
    return [
      {
        code: 'sequence-range-narrowed',
        level: 'warning',
        message: `Sequence ${after.name} is narrowed to ${after.minValue} to ${after.maxValue}; the change fails if its current value is outside that range.`,
        operation,
      },
    ];
  });
}

export function sequenceFindings(ops: readonly Operation[], after?: () => Catalog): LintFinding[] {
  const drops = ops.flatMap((op, operation) =>
    op.kind === 'drop_sequence' ? [{ name: op.sequence.name, operation }] : [],
  );
  const findings: LintFinding[] = narrowed(ops);
  if (drops.length === 0) return findings;
  findings.push(
    ...drops.map(
      ({ name, operation }): LintFinding => ({
        code: 'drop-sequence',
        level: 'warning',
        message: `Dropping sequence ${name} loses the value it has reached; ${NOT_RESTORED} (it comes back at its start).`,
        operation,
      }),
    ),
  );
  if (!after) return findings;
  const catalog = after();
  const remaining = new Set((catalog.sequences ?? []).map((s) => s.name));
  for (const { name, operation } of drops) {
    if (remaining.has(name)) continue;
    const callers = catalog.tables.flatMap((t) =>
      t.columns
        .filter(
          (c) =>
            c.default !== null && sequencesCalledBy(c.default).map(catalogNameOf).includes(name),
        )
        .map((c) => `${t.name}.${c.name}`),
    );
    if (callers.length > 0) {
      findings.push({
        code: 'drop-sequence-in-use',
        level: 'error',
        message: `Dropping sequence ${name} fails: the default of ${callers.join(', ')} still calls it.`,
        operation,
      });
    }
  }
  return findings;
}
