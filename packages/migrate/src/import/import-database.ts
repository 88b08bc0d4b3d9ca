/**
 * Import: design.json and a baseline revision for a schema that already exists. The
 * baseline's operations create everything (diff from the empty design), so `downgrade base`
 * on an imported database drops every table it had; its id is stamped into
 * `alembic_version` so the database counts as already at it.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { renderMigrationSql } from '@retort/codegen';
import { type Design, diff, parseDesign, RetortError } from '@retort/core';
import {
  type Database,
  type ImportOptions,
  type ImportResult,
  REVISION_FORMAT,
  type Revision,
} from '../contract';
import { openDatabase } from '../drivers/open-database';
import { designFromCatalog } from '../introspect/design-from-catalog';
import { introspect } from '../introspect/introspect';
import { writeFileAtomic } from '../project/atomic-write';
import { emptyDesignNamed } from '../project/empty-design';
import { openProject, writeRevision } from '../project/project';
import { CREATE_VERSION_TABLE, currentRevision } from '../runner/version-table';

export async function importDatabase(
  db: Database,
  dir: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  await refuseExisting(dir, options);
  const existing = await currentRevision(db);
  if (existing !== null) {
    throw new RetortError(
      `The database is already at revision ${existing} (alembic_version); import is for a database no migration tool manages yet.`,
      'refused',
      { revision: existing },
    );
  }
  const design = designFromCatalog(await introspect(db), options.name ?? basename(resolve(dir)));
  const result = await writeImport(dir, design);
  await db.transaction(async (tx) => {
    await tx.exec(CREATE_VERSION_TABLE);
    await tx.query('INSERT INTO alembic_version (version_num) VALUES ($1)', [result.revision.id]);
  });
  return result;
}

/** The design a SQL script creates, read back by a real Postgres (in-memory PGlite). */
export async function designFromSql(sqlText: string, name = 'imported'): Promise<Design> {
  const db = await openDatabase({ memory: true });
  try {
    try {
      await db.exec(sqlText);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new RetortError(`The SQL does not run on Postgres: ${why}.`, 'invalid_input', {
        postgresMessage: why,
      });
    }
    return designFromCatalog(await introspect(db), name);
  } finally {
    await db.close();
  }
}

/** design.json and a baseline revision from a SQL script; no database is stamped. */
export async function importSql(
  dir: string,
  sqlText: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  await refuseExisting(dir, options);
  return writeImport(dir, await designFromSql(sqlText, options.name ?? basename(resolve(dir))));
}

async function refuseExisting(dir: string, options: ImportOptions): Promise<void> {
  const project = await openProject(dir);
  if ((await project.revisions()).length > 0) {
    throw new RetortError(
      `${join(project.dir, 'revisions')} already holds revisions; import starts a new project.`,
      'refused',
    );
  }
  const hasDesign = await access(join(project.dir, 'design.json')).then(
    () => true,
    () => false,
  );
  if (hasDesign && !options.force) {
    throw new RetortError(
      `${join(project.dir, 'design.json')} already exists; import with force to replace it.`,
      'refused',
    );
  }
}

async function writeImport(dir: string, imported: Design): Promise<ImportResult> {
  const design = parseDesign(imported);
  const operations = diff(emptyDesignNamed(design.name), design);
  const revision: Revision = {
    format: REVISION_FORMAT,
    id: randomBytes(6).toString('hex'),
    parent: null,
    message: 'baseline',
    createdAt: new Date().toISOString(),
    operations,
    sql: renderMigrationSql(operations),
    schema: design,
  };
  await mkdir(resolve(dir), { recursive: true });
  await writeFileAtomic(join(resolve(dir), 'design.json'), `${JSON.stringify(design, null, 2)}\n`);
  await writeRevision(dir, revision);
  return { design, revision };
}
