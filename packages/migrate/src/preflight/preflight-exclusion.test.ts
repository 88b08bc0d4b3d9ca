/**
 * Preflight of a new exclusion constraint: the rows that conflict with another row, compared
 * element by element with the constraint's operators, are counted and listed.
 */
import type { Operation } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { describe, expect, it } from 'vitest';
import { preflight } from './preflight';

describe.each(databaseTargets())('preflight of an exclusion constraint on %s', (kind) => {
  it('counts the rows that conflict with another, and none where none do', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec(`CREATE TABLE bookings (id integer PRIMARY KEY, room integer, during tstzrange);
        INSERT INTO bookings VALUES
          (1, 1, '[2026-01-01,2026-01-03)'), (2, 1, '[2026-01-02,2026-01-04)'),
          (3, 2, '[2026-01-02,2026-01-04)'), (4, 1, '[2026-02-01,2026-02-02)'),
          (5, NULL, '[2026-01-01,2026-01-03)');`);
      const exclusion = (name: string, elements: [string, string][]): Operation => ({
        kind: 'create_exclusion',
        table: 'bookings',
        exclusion: {
          name,
          method: 'gist',
          elements: elements.map(([column, operator]) => ({ column, operator })),
        },
      });
      const findings = await preflight(db, [
        exclusion('bookings_overlap', [['during', '&&']]),
        exclusion('bookings_room_overlap', [
          ['room', '='],
          ['during', '&&'],
        ]),
        exclusion('bookings_id', [['id', '=']]),
      ]);
      expect(
        findings.map(({ operation, code, rows, message }) => ({ operation, code, rows, message })),
      ).toEqual([
        {
          operation: 0,
          code: 'conflicting_rows',
          rows: 4,
          message:
            '4 rows of bookings conflict with another row (during WITH &&), so bookings_overlap cannot be created.',
        },
        {
          operation: 1,
          code: 'conflicting_rows',
          rows: 2,
          message:
            '2 rows of bookings conflict with another row (room WITH =, during WITH &&), so bookings_room_overlap cannot be created.',
        },
      ]);
      expect(findings[1]!.sample).toHaveLength(2);
    });
  });
});
