/**
 * How a failed command ends: one sentence on stderr and an exit code. A RetortError is the
 * user's to fix (exit 1); a usage mistake exits 2; anything else is a bug in Retort (exit 70,
 * EX_SOFTWARE), with its stack only under RETORT_DEBUG=1.
 */
import { isRetortError } from '@retort/core';
import { CommanderError } from 'commander';
import type { Io } from './io';

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

export function sentence(text: string): string {
  const trimmed = text.trim().replace(/^error:\s*/i, '');
  return /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function reportFailure(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return 0;
    io.stderr(`retort: ${sentence(error.message.split('\n')[0] ?? error.message)}\n`);
    return EXIT_USAGE;
  }
  if (isRetortError(error)) {
    io.stderr(`retort: ${sentence(error.message)}\n`);
    const problems = error.details.problems ?? [];
    // A design with several problems lists them all, one per line, after the sentence.
    if (
      problems.length > 1 ||
      (problems.length === 1 && !error.message.includes(problems[0]!.path))
    ) {
      for (const problem of problems) io.stderr(`  ${problem.path}: ${problem.message}\n`);
    }
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`retort: internal error: ${message}\n`);
  if (io.env.RETORT_DEBUG === '1' && error instanceof Error && error.stack) {
    io.stderr(`${error.stack}\n`);
  }
  return EXIT_INTERNAL;
}
