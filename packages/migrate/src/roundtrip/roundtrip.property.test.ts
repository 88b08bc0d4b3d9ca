import {
  type Catalog,
  catalogsEqual,
  type Design,
  describeCatalogDifferences,
  toCatalog,
} from '@retort/core';
import {
  arbDesign,
  arbDesignEdit,
  arbTableEdits,
  type DesignEditKind,
} from '@retort/testing/arbitraries';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database, Revision } from '../contract';
import { introspect } from '../introspect/introspect';
import { downgrade, upgrade } from '../runner/run';
import { currentRevision } from '../runner/version-table';
import { tempProject } from '../testing/temp-project';

const FIRST_EDITS: DesignEditKind[] = [
  'renameTable',
  'renameColumn',
  'renameEnumValue',
  'removeEnumValue',
  'changeType',
  'addCheck',
  'dropUnique',
];

/** A design and 1-4 edits of it, each a design a user could save. */
const arbHistory = fc.gen().map((g) => {
  let design: Design = g(arbDesign);
  const designs = [design];
  // The first edit is one of those a round trip most easily gets wrong; then any edits.
  design = g(arbDesignEdit, design, FIRST_EDITS);
  designs.push(design);
  // Several edits of one table in one revision: columns added, moved, dropped, keys changed.
  if (g(fc.boolean)) {
    design = g(arbTableEdits, design);
    designs.push(design);
  }
  const edits = g(fc.integer, { min: 0, max: 2 });
  for (let i = 0; i < edits; i++) {
    design = g(arbDesignEdit, design);
    designs.push(design);
  }
  return designs;
});

async function revisionsFor(designs: Design[]): Promise<Revision[]> {
  const temp = await tempProject(designs[0]!);
  try {
    await temp.project.createRevision('initial');
    for (const [i, design] of designs.slice(1).entries()) {
      await temp.write(design);
      await temp.project.createRevision(`edit ${i + 1}`);
    }
    return await temp.project.revisions();
  } finally {
    await temp.cleanup();
  }
}

/**
 * Postgres appends an added column, so downgrading a dropped column brings it back last:
 * on the way down the columns are compared as a set; everything else exactly.
 */
function columnsAsSet(catalog: Catalog): Catalog {
  return {
    ...catalog,
    tables: catalog.tables.map((t) => ({
      ...t,
      columns: [...t.columns].sort((a, b) => (a.name < b.name ? -1 : 1)),
    })),
  };
}

async function expectSchema(
  db: Database,
  design: Design | null,
  where: string,
  order: 'exact' | 'columns as a set' = 'exact',
): Promise<void> {
  let live = await introspect(db);
  let expected = design ? toCatalog(design) : { enums: [], tables: [] };
  if (order === 'columns as a set') {
    live = columnsAsSet(live);
    expected = columnsAsSet(expected);
  }
  if (!catalogsEqual(live, expected)) {
    throw new Error(`${where}: ${describeCatalogDifferences(expected, live).join(' ')}`);
  }
}

const RUNS = Number(process.env.ROUNDTRIP_RUNS ?? 30);

describe.each(databaseTargets())('round trip on %s', (kind) => {
  it('upgrade head gives the head design, steps agree with the direct route, and base is empty', async () => {
    const kinds = new Set<string>();
    await withTestDatabase(kind, async (db) => {
      await fc.assert(
        fc.asyncProperty(arbHistory, async (designs) => {
          await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
          const revisions = await revisionsFor(designs);
          for (const r of revisions) for (const op of r.operations) kinds.add(op.kind);
          const head = revisions.at(-1)!;

          await upgrade(db, revisions, 'head');
          expect(await currentRevision(db)).toBe(head.id);
          await expectSchema(db, head.schema, 'after upgrade head');

          await downgrade(db, revisions, 'base');
          await expectSchema(db, null, 'after downgrade base');
          const left = await db.query<{ relname: string }>(
            `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v', 'm', 'p') ORDER BY 1`,
          );
          expect(left.rows.map((r) => r.relname)).toEqual(['alembic_version']);
          const types = await db.query(
            `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = 'public' AND t.typtype = 'e'`,
          );
          expect(types.rows).toEqual([]);

          for (const [i, revision] of revisions.entries()) {
            await upgrade(db, revisions, '+1');
            await expectSchema(db, revision.schema, `after +1 to revision ${i + 1}`);
          }
          for (let i = revisions.length - 2; i >= -1; i--) {
            await downgrade(db, revisions, '-1');
            await expectSchema(
              db,
              i < 0 ? null : revisions[i]!.schema,
              `after -1 to ${i + 1}`,
              'columns as a set',
            );
          }
          expect(await currentRevision(db)).toBeNull();
        }),
        { numRuns: RUNS, seed: Number(process.env.ROUNDTRIP_SEED ?? 20261125), endOnFailure: true },
      );
    });
    // The generated histories exercise what a round trip can get wrong.
    if (process.env.ROUNDTRIP_KINDS) console.log([...kinds].sort().join(' '));
    for (const k of [
      'create_table',
      'rename_table',
      'add_column',
      'alter_column',
      'alter_enum',
      'create_check',
      'create_foreign_key',
    ]) {
      expect(kinds).toContain(k);
    }
  }, 240_000);
});
