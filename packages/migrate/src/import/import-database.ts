/**
 * Import: design.json and a baseline revision for a schema that already exists. The
 * baseline's operations create everything (diff from the empty design), so `downgrade base`
 * on an imported database drops every table it had; its id is stamped into
 * `alembic_version` so the database counts as already at it.
 *
 * Import never drops anything silently: every object Retort does not model is listed (kind,
 * name, why), all at once, and import refuses unless a partial import is allowed, in which
 * case it writes the modelled part and returns the list.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { renderMigrationSql } from '@retort/codegen';
import {
  type Catalog,
  type Design,
  describeCatalogDifferences,
  diff,
  parseDesign,
  RetortError,
  toCatalog,
  validateDesign,
} from '@retort/core';
import {
  type Database,
  type ImportOptions,
  type ImportResult,
  type Introspection,
  REVISION_FORMAT,
  type Revision,
  type Unmodelled,
} from '../contract';
import { designFromCatalog } from '../introspect/design-from-catalog';
import { introspectDatabase, MODELLED_SCHEMA } from '../introspect/introspect';
import { writeFileAtomic } from '../project/atomic-write';
import { emptyDesignNamed } from '../project/empty-design';
import { openProject, writeRevision } from '../project/project';
import { CREATE_VERSION_TABLE, currentRevision } from '../runner/version-table';
import { readDumpScript } from './dump-script';

export interface SqlImportOptions extends ImportOptions {
  /** Load the file into a scratch database on this server instead of in-memory PGlite. */
  serverUrl?: string;
}

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
  const read = await introspectDatabase(db, { schemas: options.schemas });
  const imported = modelledDesign(read, options.name ?? basename(resolve(dir)), options);
  const result = await writeImport(dir, imported.design, imported.unmodelled, []);
  await db.transaction(async (tx) => {
    await tx.exec(CREATE_VERSION_TABLE);
    await tx.query('INSERT INTO alembic_version (version_num) VALUES ($1)', [result.revision.id]);
  });
  return result;
}

export interface SqlDesign {
  design: Design;
  unmodelled: Unmodelled[];
  /** The psql meta-commands and COPY data that were skipped, one sentence each. */
  notes: string[];
}

/**
 * The design a SQL script creates, read back by a real Postgres: in-memory PGlite with the
 * contrib extensions the script creates, or a scratch database on `serverUrl`.
 */
export async function readSqlDesign(
  sqlText: string,
  options: SqlImportOptions = {},
): Promise<SqlDesign> {
  const script = readDumpScript(sqlText);
  const schemas = { schemas: options.schemas };
  const read = options.serverUrl
    ? await (await import('./load-sql-server')).introspectSqlOnServer(
        options.serverUrl,
        script,
        schemas,
      )
    : await (await import('./load-sql')).introspectSqlOnPglite(script, schemas);
  return { ...modelledDesign(read, options.name ?? 'imported', options), notes: script.notes };
}

/** The design a SQL script creates; refuses, listing them, when it holds what Retort does not model. */
export async function designFromSql(sqlText: string, name = 'imported'): Promise<Design> {
  return (await readSqlDesign(sqlText, { name })).design;
}

/** design.json and a baseline revision from a SQL script; no database is stamped. */
export async function importSql(
  dir: string,
  sqlText: string,
  options: SqlImportOptions = {},
): Promise<ImportResult> {
  await refuseExisting(dir, options);
  const read = await readSqlDesign(sqlText, {
    ...options,
    name: options.name ?? basename(resolve(dir)),
  });
  return writeImport(dir, read.design, read.unmodelled, read.notes);
}

/**
 * The design for what introspection modelled, and the full list of what it did not. What the
 * design itself cannot keep of the catalog (a key name, a key's column order) is listed too;
 * a design Retort would refuse is reported with the database objects' names.
 */
function modelledDesign(
  read: Introspection,
  name: string,
  options: ImportOptions,
): { design: Design; unmodelled: Unmodelled[] } {
  const design = designFromCatalog(read.catalog, name);
  const validation = validateDesign(design);
  if (validation.design === null) {
    throw new RetortError(
      `The imported schema is not one Retort can keep (${validation.problems.length} ${validation.problems.length === 1 ? 'problem' : 'problems'}).`,
      'invalid_design',
      {
        problems: validation.problems.map((p) => ({
          path: objectAt(design, p.path),
          message: p.message,
        })),
      },
    );
  }
  const unmodelled = [...read.unmodelled, ...lostByDesign(read.catalog, validation.design)];
  if (unmodelled.length > 0 && !options.allowPartial) {
    throw new RetortError(
      `The database holds ${unmodelled.length} ${unmodelled.length === 1 ? 'object' : 'objects'} Retort does not model; nothing was written. Import the rest without them with --allow-partial.`,
      'refused',
      {
        problems: unmodelled.map((u) => ({ path: `${u.kind} ${u.name}`, message: u.why })),
        unmodelled,
      },
    );
  }
  return { design: validation.design, unmodelled };
}

/** What the catalog says that the design would say otherwise. */
function lostByDesign(catalog: Catalog, design: Design): Unmodelled[] {
  return describeCatalogDifferences(toCatalog(design), catalog).map((difference) => {
    const table = /^table "([^"]+)": (.*)$/.exec(difference);
    return table
      ? {
          kind: 'table',
          name: table[1]!.includes('.') ? table[1]! : `${MODELLED_SCHEMA}.${table[1]}`,
          why: `${table[2]} (a design cannot keep it)`,
        }
      : { kind: 'schema', name: MODELLED_SCHEMA, why: `${difference} (a design cannot keep it)` };
  });
}

/** `tables[3].columns[1].type` -> `column public.orders.user_id`. */
function objectAt(design: Design, path: string): string {
  const match = /^tables\[(\d+)\](?:\.columns\[(\d+)\])?/.exec(path);
  const table = match ? design.tables[Number(match[1])] : undefined;
  if (!table) return path;
  const column = match![2] === undefined ? undefined : table.columns[Number(match![2])];
  const rest = path.slice(match![0].length).replace(/^\./, '');
  const where = `${table.schema ?? MODELLED_SCHEMA}.${table.name}`;
  const object = column ? `column ${where}.${column.name}` : `table ${where}`;
  return rest ? `${object} (${rest})` : object;
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

async function writeImport(
  dir: string,
  imported: Design,
  unmodelled: Unmodelled[],
  notes: string[],
): Promise<ImportResult> {
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
  return { design, revision, unmodelled, notes };
}
