/**
 * What each emitter says of the index and key options: SQLAlchemy and Alembic spell them
 * (`postgresql_using`, `postgresql_where`, `deferrable=`, ...), Drizzle and TypeORM say in a
 * comment what they cannot.
 */
import { type Design, diff } from '@retort/core';
import { indexKeyDesign } from '@retort/testing/index-key-design';
import { describe, expect, it } from 'vitest';
import { emitAlembicRevision } from '../alembic';
import { emitDrizzle } from '../drizzle';
import { emitSql } from '../sql';
import { emitSqlalchemy } from '../sqlalchemy';
import { emitTypeorm } from '../typeorm';

const empty: Design = { ...indexKeyDesign, enums: [], tables: [] };

describe('index and key options in the emitters', () => {
  it('SQL spells every option', () => {
    const sql = emitSql(indexKeyDesign);
    expect(sql).toContain(
      'CREATE UNIQUE INDEX accounts_email_live ON accounts ((lower(email))) WHERE deleted_at IS NULL',
    );
    expect(sql).toContain(
      'CREATE INDEX accounts_recent ON accounts (created_at DESC NULLS LAST, name text_pattern_ops)',
    );
    expect(sql).toContain('CREATE INDEX accounts_ip ON accounts USING gist (ip inet_ops)');
    expect(sql).toContain('INCLUDE (email, name)');
    expect(sql).toContain(
      'CREATE UNIQUE INDEX accounts_email_nnd ON accounts (email) NULLS NOT DISTINCT',
    );
    expect(sql).toContain('CONSTRAINT accounts_key PRIMARY KEY (tenant, id)');
    expect(sql).toContain('MATCH FULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED');
    expect(sql).toContain(
      'ALTER TABLE memberships ADD CONSTRAINT memberships_inviter_fkey FOREIGN KEY (account_tenant, invited_by) REFERENCES accounts (tenant, id) DEFERRABLE NOT VALID',
    );
  });

  it('SQLAlchemy uses the postgresql_ options, deferrable=, initially= and match=', () => {
    const models = emitSqlalchemy(indexKeyDesign);
    expect(models).toContain("PrimaryKeyConstraint('tenant', 'id', name='accounts_key')");
    expect(models).toContain("postgresql_where=text('deleted_at IS NULL')");
    expect(models).toContain("Index('accounts_tags', 'tags', postgresql_using='gin')");
    expect(models).toContain(
      "Index('accounts_settings', 'settings', postgresql_using='gin', postgresql_ops={'settings': 'jsonb_path_ops'})",
    );
    expect(models).toContain("postgresql_include=['email', 'name']");
    expect(models).toContain("deferrable=True, initially='DEFERRED', match='FULL'");
    expect(models).toContain('use_alter=True, postgresql_not_valid=True');
    expect(models).toContain('NULLS NOT DISTINCT');
  });

  it('Alembic creates indexes with postgresql_using and keys NOT VALID after their table', () => {
    const text = emitAlembicRevision({
      id: 'aaaaaaaaaaaa',
      parent: null,
      message: 'indexes',
      createdAt: '2026-01-01T00:00:00Z',
      operations: diff(empty, indexKeyDesign),
      enums: [],
    });
    expect(text).toContain(
      "op.create_index('accounts_tags', 'accounts', ['tags'], unique=False, postgresql_using='gin')",
    );
    expect(text).toContain("postgresql_where=sa.text('deleted_at IS NULL')");
    expect(text).toContain("deferrable=True, initially='DEFERRED', match='FULL'");
    expect(text).toContain('postgresql_not_valid=True');
  });

  it('Drizzle and TypeORM say what they cannot express', () => {
    for (const [library, code] of [
      ['Drizzle', emitDrizzle(indexKeyDesign)],
      ['TypeORM', emitTypeorm(indexKeyDesign)],
    ] as const) {
      expect(code, library).toContain(
        'cannot express index accounts_settings: gin (settings jsonb_path_ops).',
      );
    }
  });
});
