/**
 * A run sets the session settings its SQL relies on: on a database where
 * `standard_conforming_strings` is off (a backslash escapes inside '...'), a comment and an
 * enum value holding a backslash and a quote are stored exactly as the design says.
 */
import { type Design, parseDesign } from '@retort/core';
import { createServerDatabase, serverUrl } from '@retort/testing';
import { describe, expect, it } from 'vitest';
import type { Database } from '../contract';
import { openDatabase } from '../drivers/open-database';
import { tempProject } from '../testing/temp-project';
import { upgrade } from './run';

const COMMENT = "it's a \\ backslash\\' and a quote'";
const VALUE = "a\\'b";

const design: Design = parseDesign({
  format: 'retort.design/5',
  name: 'escapes',
  enums: [{ id: 'e', name: 'mood', values: [VALUE, 'plain'] }],
  tables: [
    {
      id: 't',
      name: 'notes',
      comment: COMMENT,
      columns: [
        { id: 'c1', name: 'id', type: 'INTEGER', primaryKey: true },
        { id: 'c2', name: 'mood', type: 'mood', comment: COMMENT },
      ],
    },
  ],
});

async function applyAndRead(db: Database) {
  const temp = await tempProject(design);
  try {
    await temp.project.createRevision('escapes');
    await upgrade(db, await temp.project.revisions(), 'head');
  } finally {
    await temp.cleanup();
  }
  const { rows } = await db.query<{ table: string; column: string; labels: string[] }>(
    `SELECT obj_description('notes'::regclass, 'pg_class') AS table,
            col_description('notes'::regclass, 2) AS column,
            (SELECT array_agg(enumlabel::text ORDER BY enumsortorder) FROM pg_enum
             WHERE enumtypid = 'mood'::regtype) AS labels`,
  );
  return rows[0];
}

describe('a run on a database with standard_conforming_strings off', () => {
  it('stores backslashes and quotes as the design has them, on PGlite', async () => {
    const db = await openDatabase({ memory: true });
    try {
      await db.query('SET standard_conforming_strings = off');
      expect(await applyAndRead(db)).toEqual({
        table: COMMENT,
        column: COMMENT,
        labels: [VALUE, 'plain'],
      });
    } finally {
      await db.close();
    }
  });

  it.skipIf(!serverUrl())(
    'stores backslashes and quotes as the design has them, on the PostgreSQL server',
    async () => {
      const server = await createServerDatabase('retort_scs');
      try {
        const admin = await openDatabase({ url: server.url });
        await admin.query(`ALTER DATABASE "${server.name}" SET standard_conforming_strings = off`);
        await admin.close();
        const db = await openDatabase({ url: server.url });
        try {
          expect(await applyAndRead(db)).toEqual({
            table: COMMENT,
            column: COMMENT,
            labels: [VALUE, 'plain'],
          });
        } finally {
          await db.close();
        }
      } finally {
        await server.drop();
      }
    },
  );
});
