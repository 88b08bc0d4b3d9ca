import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAME_PROBLEM } from './aliases';
import { ENUM_VALUE_USED_IN_SAME_REVISION } from './enum-value-use';
import { lintExplanations } from './explanations';
import { KEY_WIDTH_CODE } from './key-widths';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

// Every code the linter can emit: each `add('code', …)` in the linter, the enum-value check's
// code, and both sides of the aliases table.
const emitted = [
  ...[...read('./lint.ts').matchAll(/\badd\(\s*'([^']+)'/g)].map((m) => m[1]!),
  ENUM_VALUE_USED_IN_SAME_REVISION,
  KEY_WIDTH_CODE,
  ...Object.entries(SAME_PROBLEM).flat(),
];
const headings = [...read('../../../../docs/lint.md').matchAll(/^## (.+)$/gm)].map((m) =>
  m[1]!.trim(),
);

describe('lint explanations', () => {
  it('the linter emits the codes this test reads from it', () => {
    expect(emitted).toEqual(expect.arrayContaining(['DS102', 'MF104', 'prefer-timestamptz']));
  });

  it('every code the linter can emit has a one-line explanation', () => {
    const missing = [...new Set(emitted)].filter((code) => !lintExplanations[code]?.trim());
    expect(missing).toEqual([]);
    for (const line of Object.values(lintExplanations)) expect(line).not.toContain('\n');
  });

  it('every code the linter can emit has a section in docs/lint.md', () => {
    expect([...new Set(emitted)].filter((code) => !headings.includes(code))).toEqual([]);
  });

  it('every explanation is of a code the linter emits, with one docs section each', () => {
    expect(Object.keys(lintExplanations).filter((code) => !emitted.includes(code))).toEqual([]);
    expect(new Set(headings).size).toBe(headings.length);
  });
});
