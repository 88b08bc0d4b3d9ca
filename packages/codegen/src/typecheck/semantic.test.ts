/**
 * The real tools, given the emitted models, build the schema Retort's own SQL builds:
 * drizzle-kit's `generate` from the Drizzle schema, and TypeORM's `synchronize` from the
 * entities, each on a fresh database of the real server, compared by an independent
 * reading of pg_catalog. What a tool cannot express is taken out of both sides explicitly
 * (see ./normalise).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Design } from '@retort/core';
import { createServerDatabase, type ServerDatabase, serverUrl } from '@retort/testing';
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { type DumpedCatalog, dumpCatalog } from '@retort/testing/pg-catalog';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitDrizzle } from '../drizzle';
import { emitSql } from '../sql';
import { awkwardDesign } from '../testing/awkward-design';
import { columnFeaturesDesign } from '../testing/column-features-design';
import {
  withoutComments,
  withoutIdentitySequenceOptions,
  withoutTablesLackingPrimaryKey,
  withTypeormDefaultSpelling,
} from '../testing/normalise';
import { createTempProject, runScript } from '../testing/project';
import { DRIZZLE_GENERATE, TYPEORM_SYNCHRONIZE } from '../testing/tool-scripts';
import { emitTypeorm, emitTypeormFiles } from '../typeorm';

const designs: [string, () => Design][] = [
  ['the shop example', loadShopDesign],
  ['the every-feature design', () => everyFeatureDesign],
  ['a design with awkward names', () => awkwardDesign],
  ['identity, generated and collated columns', () => columnFeaturesDesign],
];

async function withDatabase<T>(fn: (db: ServerDatabase) => Promise<T>): Promise<T> {
  const db = await createServerDatabase('retort_codegen');
  try {
    return await fn(db);
  } finally {
    await db.drop();
  }
}

async function execute(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

describe.skipIf(serverUrl() === null)('the real tools build the schema Retort builds', () => {
  for (const [label, load] of designs) {
    describe(label, () => {
      const design = load();
      let retort: DumpedCatalog;

      beforeAll(async () => {
        retort = await withDatabase(async (db) => {
          await execute(db.url, [emitSql(design)]);
          return dumpCatalog(db.url);
        });
      });

      async function drizzleKitCatalog(schema: string): Promise<DumpedCatalog> {
        const project = createTempProject({ 'schema.ts': schema, 'generate.ts': DRIZZLE_GENERATE });
        try {
          const run = await runScript(project, 'generate.ts');
          expect(run.output, 'drizzle-kit output').toBe('');
          expect(run.code).toBe(0);
          const statements: string[] = JSON.parse(
            readFileSync(join(project.dir, 'statements.json'), 'utf8'),
          );
          expect(statements.length).toBeGreaterThan(0);
          return await withDatabase(async (db) => {
            await execute(db.url, statements);
            return dumpCatalog(db.url);
          });
        } finally {
          project.remove();
        }
      }

      it('drizzle-kit generate from the Drizzle schema gives the same catalog, comments aside', async () => {
        const drizzle = await drizzleKitCatalog(emitDrizzle(design));
        expect(withoutComments(drizzle)).toEqual(withoutComments(retort));
      });

      if (label === 'the shop example') {
        it('the comparison notices a constraint drizzle-kit names its own way', async () => {
          const unnamed = emitDrizzle(design).replace("name: 'orders_user_id_fkey',\n", '');
          const drizzle = await drizzleKitCatalog(unnamed);
          const orders = drizzle.tables.find((t) => t.name === 'orders')!;
          expect(orders.constraints.map((c) => c.name)).toContain(
            'orders_user_id_users_telegram_id_fk',
          );
          expect(withoutComments(drizzle)).not.toEqual(withoutComments(retort));
        });
      }

      const typeormNormalised = (c: DumpedCatalog) =>
        withoutIdentitySequenceOptions(
          withTypeormDefaultSpelling(withoutTablesLackingPrimaryKey(c)),
        );

      async function synchronize(files: Record<string, string>): Promise<DumpedCatalog> {
        const project = createTempProject({ ...files, 'sync.ts': TYPEORM_SYNCHRONIZE });
        try {
          return await withDatabase(async (db) => {
            const run = await runScript(project, 'sync.ts', { DATABASE_URL: db.url });
            expect(run.output, 'TypeORM output').toBe('');
            expect(run.code).toBe(0);
            return dumpCatalog(db.url);
          });
        } finally {
          project.remove();
        }
      }

      it('TypeORM synchronize from the entities module gives the same catalog', async () => {
        const typeorm = await synchronize({ 'entities.ts': emitTypeorm(design) });
        expect(typeormNormalised(typeorm)).toEqual(typeormNormalised(retort));
      });

      it('TypeORM synchronize from one file per entity gives the same catalog', async () => {
        const files = Object.entries(emitTypeormFiles(design)).map(([name, text]) => [
          `entities/${name}`,
          text,
        ]);
        const typeorm = await synchronize(Object.fromEntries(files));
        expect(typeormNormalised(typeorm)).toEqual(typeormNormalised(retort));
      });
    });
  }
});
