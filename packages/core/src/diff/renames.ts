/**
 * Renames in one namespace, in an order Postgres accepts: a rename waits until its target
 * name is free, and a cycle (a and b swapped) goes through a temporary name.
 */
import { MAX_IDENTIFIER_BYTES, makeObjectName } from '../naming/postgres-names';

export interface Rename {
  from: string;
  to: string;
}

/** A name not in `taken`: `<name>_tmp`, `<name>_tmp2`, ... kept within 63 bytes. */
export function temporaryName(name: string, taken: (n: string) => boolean): string {
  for (let n = 1; ; n++) {
    const candidate = makeObjectName(name, null, n === 1 ? 'tmp' : `tmp${n}`);
    if (!taken(candidate) && candidate.length <= MAX_IDENTIFIER_BYTES) return candidate;
  }
}

/**
 * `renames` as steps to run one after the other. `present` holds every name in use now
 * (renamed ones included); `reserved` names must not be used as temporaries.
 */
export function scheduleRenames(
  renames: readonly Rename[],
  present: ReadonlySet<string>,
  reserved: ReadonlySet<string> = new Set(),
): Rename[] {
  const names = new Set(present);
  const pending = renames.filter((r) => r.from !== r.to).map((r) => ({ ...r }));
  const steps: Rename[] = [];
  while (pending.length > 0) {
    const ready = pending.findIndex((r) => !names.has(r.to));
    if (ready >= 0) {
      const [r] = pending.splice(ready, 1);
      steps.push({ from: r!.from, to: r!.to });
      names.delete(r!.from);
      names.add(r!.to);
      continue;
    }
    const blocked = pending.find((r) => pending.some((o) => o !== r && o.from === r.to));
    if (!blocked) {
      // The target is held by something that stays: Postgres will say so.
      const [r] = pending.splice(0, 1);
      steps.push({ from: r!.from, to: r!.to });
      continue;
    }
    const temp = temporaryName(blocked.from, (n) => names.has(n) || reserved.has(n));
    steps.push({ from: blocked.from, to: temp });
    names.delete(blocked.from);
    names.add(temp);
    blocked.from = temp;
  }
  return steps;
}
