/** The SQL of validating a check, of making it NOT VALID again, and of an index comment. */
import { diff } from '@retort/core';
import { constraintsDesign, constraintsDesignBefore } from '@retort/testing/constraints-design';
import { describe, expect, it } from 'vitest';
import { emitSql, renderMigrationSql } from '.';

describe('check validity and index comments in SQL', () => {
  it('validates in place going up, drops and adds back NOT VALID going down', () => {
    const sql = renderMigrationSql(diff(constraintsDesign, constraintsDesignBefore));
    expect(sql.upgrade).toEqual([
      'ALTER TABLE rooms VALIDATE CONSTRAINT rooms_name_not_blank',
      'COMMENT ON INDEX rooms_floor_idx IS NULL',
    ]);
    expect(sql.downgrade).toEqual([
      "COMMENT ON INDEX rooms_floor_idx IS 'Rooms by floor'",
      'ALTER TABLE rooms DROP CONSTRAINT rooms_name_not_blank',
      "ALTER TABLE rooms ADD CONSTRAINT rooms_name_not_blank CHECK (name <> '') NOT VALID",
    ]);
  });

  it('adds a NOT VALID check after its table, and comments its indexes', () => {
    const sql = emitSql(constraintsDesign);
    expect(sql).not.toMatch(/CONSTRAINT rooms_name_not_blank CHECK \(name <> ''\),?\n/);
    expect(sql).toContain(
      "ALTER TABLE rooms ADD CONSTRAINT rooms_name_not_blank CHECK (name <> '') NOT VALID;",
    );
    expect(sql).toContain("COMMENT ON INDEX rooms_floor_idx IS 'Rooms by floor';");
    expect(sql).toContain("COMMENT ON INDEX rooms_name_idx IS 'By name';");
  });
});
