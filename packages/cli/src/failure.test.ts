/** How the CLI fails: exit codes and the one sentence, checked in-process through `run`. */
import { RetortError } from '@retort/core';
import { describe, expect, test } from 'vitest';
import { EXIT_INTERNAL, reportFailure } from './failure';
import type { Io } from './io';
import { run } from './run';

function capture(env: Record<string, string> = {}): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    cwd: process.cwd(),
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

describe('failures', () => {
  test('a RetortError is one sentence and exit 1', () => {
    const io = capture();
    expect(reportFailure(new RetortError('There is no revision abc.', 'not_found'), io)).toBe(1);
    expect(io.err).toBe('retort: There is no revision abc.\n');
  });

  test('an invalid design with several problems lists each under the sentence', () => {
    const io = capture();
    const error = new RetortError('design.json has 2 problems.', 'invalid_design', {
      problems: [
        { path: 'tables[0].name', message: 'duplicate table name "users".' },
        { path: 'tables[1].columns', message: 'a table needs at least one column.' },
      ],
    });
    expect(reportFailure(error, io)).toBe(1);
    expect(io.err).toBe(
      'retort: design.json has 2 problems.\n  tables[0].name: duplicate table name "users".\n  tables[1].columns: a table needs at least one column.\n',
    );
  });

  test('anything else is an internal error, exit 70, with the stack only under RETORT_DEBUG=1', () => {
    const quiet = capture();
    expect(reportFailure(new TypeError('x is undefined'), quiet)).toBe(EXIT_INTERNAL);
    expect(quiet.err).toBe('retort: internal error: x is undefined\n');
    const debug = capture({ RETORT_DEBUG: '1' });
    reportFailure(new TypeError('x is undefined'), debug);
    expect(debug.err).toMatch(
      /^retort: internal error: x is undefined\nTypeError: x is undefined\n\s+at /,
    );
  });

  test('an unknown command is a usage error, exit 2', async () => {
    const io = capture();
    expect(await run(['upgrad'], io)).toBe(2);
    expect(io.err).toMatch(/^retort: unknown command 'upgrad'/);
    expect(io.err.trimEnd().split('\n')).toHaveLength(1);
  });

  test('a missing required option is a usage error, exit 2', async () => {
    const io = capture();
    expect(await run(['revision'], io)).toBe(2);
    expect(io.err).toBe("retort: required option '-m, --message <message>' not specified.\n");
  });

  test('a lock timeout that is not a duration is one sentence and exit 1, before any database opens', async () => {
    const io = capture();
    expect(await run(['upgrade', '--lock-timeout', 'bogus', '--project', '/nonexistent'], io)).toBe(
      1,
    );
    expect(io.err).toBe(
      'retort: The lock timeout "bogus" is not a duration like 500ms, 5s or 1min.\n',
    );
  });

  test('--help prints the commands and exits 0', async () => {
    const io = capture();
    expect(await run(['--help'], io)).toBe(0);
    for (const verb of [
      'models',
      'revision',
      'upgrade',
      'downgrade',
      'current',
      'history',
      'check',
      'export',
      'import',
      'serve',
    ]) {
      expect(io.out).toContain(verb);
    }
  });
});
