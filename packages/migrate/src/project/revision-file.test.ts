import { RetortError } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { parseRevisionFile, readRevisionFile, serializeRevision } from './revision-file';

const written = serializeRevision(
  {
    id: 'abcdef012345',
    parent: null,
    message: 'first "quoted" revision',
    createdAt: '2026-12-01T00:00:00.000Z',
    operations: [{ kind: 'execute', upgrade: ['SELECT 1'], downgrade: ['SELECT 2'] }],
    sql: { upgrade: ['SELECT 1'], downgrade: ['SELECT 2'] },
  },
  { tables: [] },
  '0'.repeat(64),
);

const read = (text: string) =>
  readRevisionFile('revisions/abcdef012345_first.json', Buffer.from(text));

const brokenChain = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RetortError);
    expect((error as RetortError).code).toBe('broken_chain');
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('reading a revision file', () => {
  it('reads what parsing it whole reads', () => {
    const revision = read(written);
    expect(JSON.parse(JSON.stringify(revision))).toEqual(
      parseRevisionFile('revisions/abcdef012345_first.json', written),
    );
    expect(revision.message).toBe('first "quoted" revision');
  });

  it('places a file in its chain from its head, and parses the rest when it is asked for', () => {
    const cut = `${written.slice(0, written.indexOf('"operations"') + 20)}`;
    const revision = read(cut);
    expect([revision.id, revision.parent]).toEqual(['abcdef012345', null]);
    expect(brokenChain(() => revision.operations)).toBe(
      'revisions/abcdef012345_first.json is not valid JSON.',
    );
  });

  it('refuses a file whose body says its id again, otherwise', () => {
    const twice = written.replace(/\n}\n$/, ',\n  "id": "999999999999"\n}\n');
    const revision = read(twice);
    expect(revision.id).toBe('abcdef012345');
    expect(brokenChain(() => revision.sql)).toBe(
      'revisions/abcdef012345_first.json says its id twice.',
    );
  });

  it('parses a file laid out otherwise at once', () => {
    const minified = JSON.stringify(JSON.parse(written));
    expect(read(minified).operations).toHaveLength(1);
    expect(brokenChain(() => read(minified.slice(0, -10)))).toBe(
      'revisions/abcdef012345_first.json is not valid JSON.',
    );
  });
});
