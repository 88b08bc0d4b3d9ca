/** Alembic's targets: `head`, `base`, `+N`, `-N`, a revision id or a unique prefix of one. */
import { RetortError } from '@retort/core';
import type { Revision } from '../contract';

export function resolveTarget(
  revisions: readonly Revision[],
  current: string | null,
  target: string,
): string | null {
  const spec = target.trim();
  if (spec === 'head' || spec === 'heads') return revisions.at(-1)?.id ?? null;
  if (spec === 'base') return null;
  const relative = /^([+-])(\d+)$/.exec(spec);
  if (relative) {
    const at = current === null ? -1 : revisions.findIndex((r) => r.id === current);
    const steps = Number(relative[2]) * (relative[1] === '+' ? 1 : -1);
    const index = at + steps;
    if (index < -1 || index >= revisions.length) {
      const from = current ?? 'base';
      throw new RetortError(
        `Cannot move ${spec} from ${from}: the chain has ${at + 1} revision(s) below it and ${revisions.length - at - 1} above it.`,
        'not_found',
      );
    }
    return index === -1 ? null : revisions[index]!.id;
  }
  if (!/^[0-9a-f]+$/.test(spec)) {
    throw new RetortError(
      `"${target}" is not a target: use head, base, +N, -N, a revision id or a unique prefix of one.`,
      'invalid_input',
    );
  }
  const matches = revisions.filter((r) => r.id.startsWith(spec));
  if (matches.length === 0) {
    throw new RetortError(`No revision id starts with "${spec}".`, 'not_found');
  }
  if (matches.length > 1) {
    const candidates = matches.map((r) => r.id);
    throw new RetortError(
      `"${spec}" is ambiguous: it starts ${candidates.join(', ')}. Give more characters.`,
      'invalid_input',
      { candidates },
    );
  }
  return matches[0]!.id;
}
