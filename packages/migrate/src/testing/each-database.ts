/**
 * Test support: tests declared once that run on an in-memory PGlite and, when
 * TEST_DATABASE_URL is set, on a new database of the real server; and a design built there
 * from nothing and read back.
 */
import { type MigrationSql, renderMigrationSql } from '@retort/codegen';
import {
  type Design,
  describeCatalogDifferences,
  diff,
  toCatalog,
  validateDesign,
} from '@retort/core';
import { createServerDatabase, serverUrl } from '@retort/testing';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Database, Introspection } from '../contract';
import { openDatabase } from '../drivers/open-database';
import { designFromCatalog } from '../introspect/design-from-catalog';
import { introspect, introspectDatabase } from '../introspect/introspect';

export type DatabaseKind = 'pglite' | 'server';

/**
 * Declares `body`'s tests as `<subject> on pglite` and `<subject> on server`. The database
 * is opened before the tests and shared by them (each leaves it empty), so `db()` is called
 * inside a test, not while declaring it.
 */
export function describeOnEachDatabase(
  subject: string,
  body: (db: () => Database, kind: DatabaseKind) => void,
): void {
  for (const kind of ['pglite', 'server'] as const) {
    describe.runIf(kind === 'pglite' || serverUrl() !== null)(`${subject} on ${kind}`, () => {
      let db: Database | undefined;
      let drop: () => Promise<void> = async () => {};
      beforeAll(async () => {
        if (kind === 'pglite') db = await openDatabase({ memory: true });
        else {
          const server = await createServerDatabase(`retort_${subject.replace(/\W+/g, '_')}`);
          drop = server.drop;
          db = await openDatabase({ url: server.url });
        }
      });
      afterAll(async () => {
        await db?.close();
        await drop();
      });
      body(() => {
        if (!db) throw new Error('The database is opened before the tests run.');
        return db;
      }, kind);
    });
  }
}

export interface BuiltDesign {
  /** The SQL that built it; its downgrade removes it. */
  sql: MigrationSql;
  read: Introspection;
  /** The design introspection makes of what was read. */
  imported: Design;
}

/**
 * Builds `design` from nothing with Retort's SQL and expects introspection to read back its
 * catalog with nothing unmodelled, and the design imported from it (named `name`) to give the
 * same catalog and to validate.
 */
export async function expectBuiltAndReadBack(
  db: Database,
  design: Design,
  name: string,
): Promise<BuiltDesign> {
  const empty: Design = { format: design.format, name: design.name, enums: [], tables: [] };
  const sql = renderMigrationSql(diff(empty, design));
  for (const s of sql.upgrade) await db.exec(s);
  const read = await introspectDatabase(db);
  expect(read.unmodelled).toEqual([]);
  expect(describeCatalogDifferences(toCatalog(design), read.catalog)).toEqual([]);
  const imported = designFromCatalog(read.catalog, name);
  expect(toCatalog(imported)).toEqual(read.catalog);
  expect(validateDesign(JSON.parse(JSON.stringify(imported))).problems).toEqual([]);
  return { sql, read, imported };
}

/** Runs the downgrade of `sql` and expects no table or enum left. */
export async function expectDowngradeLeavesNothing(db: Database, sql: MigrationSql): Promise<void> {
  for (const s of sql.downgrade) await db.exec(s);
  expect(await introspect(db)).toEqual({ enums: [], tables: [] });
}
