import { freshPglite } from '@retort/testing/pglite';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TYPE_BASES } from '../design/type-names';
import { needsUsing, usingExpression } from './casts';

/** Every built-in, some with a length or precision, enums, and arrays of both. */
const SIZED: Partial<Record<string, readonly string[]>> = {
  NUMERIC: ['NUMERIC', 'NUMERIC(10,2)'],
  VARCHAR: ['VARCHAR', 'VARCHAR(10)'],
  CHAR: ['CHAR(2)'],
};
const TYPES = [
  ...BUILTIN_TYPE_BASES.flatMap((base) => SIZED[base] ?? [base]),
  'mood',
  'status',
  'TEXT[]',
  'INTEGER[]',
  'mood[]',
];

describe('needsUsing', () => {
  it('follows the tutorial: shorter VARCHAR and TEXT -> VARCHAR need no cast, VARCHAR -> INTEGER does', () => {
    expect(needsUsing('VARCHAR(255)', 'VARCHAR(10)')).toBe(false);
    expect(needsUsing('TEXT', 'VARCHAR(3000)')).toBe(false);
    expect(needsUsing('VARCHAR(255)', 'INTEGER')).toBe(true);
    expect(needsUsing('TEXT', 'JSONB')).toBe(true);
    expect(needsUsing('TEXT', 'mood')).toBe(true);
    expect(needsUsing('mood', 'status')).toBe(true);
    expect(needsUsing('INTEGER', 'BOOLEAN')).toBe(true);
    expect(needsUsing('mood', 'TEXT')).toBe(false);
  });

  it('agrees with Postgres on every pair of types, and its USING clause is accepted', async () => {
    const db = await freshPglite();
    try {
      await db.exec("CREATE TYPE mood AS ENUM ('a'); CREATE TYPE status AS ENUM ('a');");
      const disagreements: string[] = [];
      for (const from of TYPES) {
        for (const to of TYPES) {
          if (from === to) continue;
          await db.exec(`CREATE TABLE t (c ${from})`);
          let plain = true;
          try {
            await db.exec(`ALTER TABLE t ALTER COLUMN c TYPE ${to}`);
          } catch {
            plain = false;
          }
          if (plain === needsUsing(from, to)) disagreements.push(`${from} -> ${to}`);
          if (!plain) {
            try {
              await db.exec(
                `ALTER TABLE t ALTER COLUMN c TYPE ${to} USING ${usingExpression('c', from, to, to)}`,
              );
            } catch (error) {
              disagreements.push(`${from} -> ${to} USING: ${(error as Error).message}`);
            }
          }
          await db.exec('DROP TABLE t');
        }
      }
      expect(disagreements).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
