/**
 * Every index and key option Retort models, read from a real database, carried through a
 * design and written back by Retort's SQL: the catalog read back is the catalog the design
 * says, on PGlite and on the server.
 */

import { emitSql } from '@retort/codegen';
import { describeCatalogDifferences, parseDesign, toCatalog } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { describe, expect, it } from 'vitest';
import { designFromCatalog } from './design-from-catalog';
import { introspectDatabase } from './introspect';

const INDEXES_AND_KEYS_SQL = `
CREATE TABLE accounts (
  id bigint NOT NULL,
  tenant integer NOT NULL,
  email text NOT NULL,
  name text,
  ip inet,
  tags text[],
  settings jsonb,
  created_at timestamp,
  deleted_at timestamp,
  CONSTRAINT accounts_key PRIMARY KEY (tenant, id),
  CONSTRAINT accounts_name_nnd UNIQUE NULLS NOT DISTINCT (name, tenant)
);
CREATE TABLE memberships (
  account_tenant integer NOT NULL,
  account_id integer NOT NULL,
  invited_by integer,
  CONSTRAINT memberships_account_fkey FOREIGN KEY (account_tenant, account_id)
    REFERENCES accounts (tenant, id) MATCH FULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
ALTER TABLE memberships ADD CONSTRAINT memberships_inviter_fkey FOREIGN KEY (account_tenant, invited_by)
  REFERENCES accounts (tenant, id) DEFERRABLE NOT VALID;
CREATE UNIQUE INDEX accounts_email_live ON accounts (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX accounts_recent ON accounts (created_at DESC NULLS LAST, name text_pattern_ops);
CREATE INDEX accounts_oldest ON accounts (created_at NULLS FIRST);
CREATE INDEX accounts_name_c ON accounts (name COLLATE "C");
CREATE INDEX accounts_tags ON accounts USING gin (tags);
CREATE INDEX accounts_settings ON accounts USING gin (settings jsonb_path_ops);
CREATE INDEX accounts_email_hash ON accounts USING hash (email);
CREATE INDEX accounts_created_brin ON accounts USING brin (created_at);
CREATE INDEX accounts_ip ON accounts USING gist (ip inet_ops);
CREATE INDEX accounts_name_spgist ON accounts USING spgist (name);
CREATE INDEX accounts_tenant_incl ON accounts (tenant) INCLUDE (email, name);
CREATE UNIQUE INDEX accounts_email_nnd ON accounts (email) NULLS NOT DISTINCT;
`;

describe.each(databaseTargets())('indexes and keys on %s', (kind) => {
  it('are read whole, designed, and written back the same', async () => {
    let designText = '';
    await withTestDatabase(kind, async (db) => {
      await db.exec(INDEXES_AND_KEYS_SQL);
      const read = await introspectDatabase(db);
      expect(read.unmodelled).toEqual([]);
      const accounts = read.catalog.tables.find((t) => t.name === 'accounts')!;
      expect(accounts.primaryKey).toEqual({ name: 'accounts_key', columns: ['tenant', 'id'] });
      expect(accounts.indexes.map((i) => i.name)).toHaveLength(12);
      expect(accounts.indexes.find((i) => i.name === 'accounts_email_live')).toEqual({
        name: 'accounts_email_live',
        columns: [],
        unique: true,
        keys: [{ expression: 'lower(email)' }],
        where: 'deleted_at IS NULL',
      });
      expect(accounts.indexes.find((i) => i.name === 'accounts_recent')!.keys).toEqual([
        { column: 'created_at', descending: true, nulls: 'LAST' },
        { column: 'name', opclass: 'text_pattern_ops' },
      ]);
      const memberships = read.catalog.tables.find((t) => t.name === 'memberships')!;
      expect(memberships.foreignKeys).toMatchObject([
        {
          name: 'memberships_account_fkey',
          match: 'FULL',
          deferrable: true,
          initiallyDeferred: true,
        },
        { name: 'memberships_inviter_fkey', deferrable: true, notValid: true },
      ]);

      const design = parseDesign(JSON.stringify(designFromCatalog(read.catalog, 'keys')));
      expect(describeCatalogDifferences(toCatalog(design), read.catalog)).toEqual([]);
      designText = emitSql(design);
    });
    await withTestDatabase(kind, async (db) => {
      await db.exec(designText);
      const rebuilt = await introspectDatabase(db);
      const design = parseDesign(JSON.stringify(designFromCatalog(rebuilt.catalog, 'keys')));
      expect(rebuilt.unmodelled).toEqual([]);
      expect(describeCatalogDifferences(toCatalog(design), rebuilt.catalog)).toEqual([]);
    });
  }, 120_000);
});
