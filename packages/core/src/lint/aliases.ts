/**
 * Atlas and squawk name some of the same problems twice (Atlas' DS103 is squawk's
 * ban-drop-column). Lint reports each problem once: the Atlas finding, with the squawk code
 * as its alias. Pairs that only share an operation but warn of different things (rows that
 * fail vs. a lock held) stay two findings.
 */
import type { LintFinding } from './types';

/** Atlas code → the squawk rule that warns of the same problem. */
export const SAME_PROBLEM: Readonly<Record<string, string>> = {
  DS102: 'ban-drop-table',
  DS103: 'ban-drop-column',
  BC101: 'renaming-table',
  BC102: 'renaming-column',
};

/** Folds each squawk finding into the Atlas finding of the same problem on the same operation. */
export function foldAliases(findings: readonly LintFinding[]): LintFinding[] {
  const folded: LintFinding[] = [];
  for (const finding of findings) {
    const atlas = folded.find(
      (f) => f.operation === finding.operation && SAME_PROBLEM[f.code] === finding.code,
    );
    if (atlas) atlas.aliases = [...(atlas.aliases ?? []), finding.code];
    else folded.push({ ...finding });
  }
  return folded;
}
