/** `alembic_version`, exactly as Alembic creates it, so either tool can carry a database on. */
import { RetortError } from '@retort/core';
import type { Queryable } from '../contract';

export const CREATE_VERSION_TABLE = `CREATE TABLE IF NOT EXISTS alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
)`;

export async function versionTableExists(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ found: string | null }>(
    `SELECT to_regclass('alembic_version')::text AS found`,
  );
  return rows[0]?.found != null;
}

/** The revision the database says it is at; null for an empty `alembic_version` or none. */
export async function currentRevision(db: Queryable): Promise<string | null> {
  if (!(await versionTableExists(db))) return null;
  const { rows } = await db.query<{ version_num: string }>(
    'SELECT version_num FROM alembic_version ORDER BY version_num',
  );
  if (rows.length > 1) {
    throw new RetortError(
      `alembic_version holds ${rows.length} rows (${rows.map((r) => r.version_num).join(', ')}): the database is on several branches, which Retort does not support.`,
      'refused',
    );
  }
  return rows[0]?.version_num ?? null;
}

/** Alembic's single-row semantics: insert from base, delete to base, update otherwise. */
export async function moveVersion(
  db: Queryable,
  from: string | null,
  to: string | null,
): Promise<void> {
  if (from === null && to !== null) {
    await db.query('INSERT INTO alembic_version (version_num) VALUES ($1)', [to]);
  } else if (from !== null && to === null) {
    await db.query('DELETE FROM alembic_version WHERE version_num = $1', [from]);
  } else if (from !== null && to !== null) {
    await db.query('UPDATE alembic_version SET version_num = $1 WHERE version_num = $2', [
      to,
      from,
    ]);
  }
}
