/**
 * The emitted TypeScript models compile with `tsc --strict` against the real drizzle-orm,
 * typeorm and kysely packages, together with a typed query that uses them; and a query
 * with a deliberate type error does not, so the check can fail.
 *
 * Every case is a folder of one throwaway project and `tsc` runs twice in all (once over
 * the cases that must compile, once over those that must not): each case's modules stand
 * alone, so one program checks them as separate ones would, and a tsc start costs seconds.
 */
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { objectsDesign, withViewColumns } from '@retort/testing/objects-design';
import { sequencesDesign } from '@retort/testing/sequences-design';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitDrizzle } from '../drizzle';
import { hostileDesign } from '../interop/hostile-design';
import { emitKysely } from '../kysely';
import { awkwardDesign } from '../testing/awkward-design';
import { columnFeaturesDesign } from '../testing/column-features-design';
import { createTempProject, type RunResult, type TempProject, typecheck } from '../testing/project';
import { QUERIES } from '../testing/queries';
import { emitTypeorm, emitTypeormFiles } from '../typeorm';

type Files = Record<string, string>;

const designs = { shop: loadShopDesign(), everyFeature: everyFeatureDesign } as const;
const labels = Object.keys(designs) as (keyof typeof designs)[];

/** Cases that must compile, by test name. */
const compiling: Record<string, Files> = {};
for (const label of labels) {
  const design = designs[label];
  compiling[`drizzle schema.ts for ${label}`] = {
    'schema.ts': emitDrizzle(design),
    'query.ts': QUERIES.drizzle[label].ok,
  };
  compiling[`kysely database.ts for ${label}`] = {
    'database.ts': emitKysely(design),
    'query.ts': QUERIES.kysely[label].ok,
  };
  compiling[`typeorm entities.ts for ${label}`] = {
    'entities.ts': emitTypeorm(design),
    'query.ts': QUERIES.typeorm[label].ok('./entities'),
  };
  compiling[`typeorm one file per entity for ${label}`] = {
    ...prefix('entities/', emitTypeormFiles(design)),
    'query.ts': QUERIES.typeorm[label].ok('./entities/index'),
  };
}
compiling['awkward names: drizzle'] = { 'schema.ts': emitDrizzle(awkwardDesign) };
compiling['awkward names: kysely'] = { 'database.ts': emitKysely(awkwardDesign) };
compiling['awkward names: typeorm, in one file and one file per entity'] = {
  'entities.ts': emitTypeorm(awkwardDesign),
  ...prefix('entities/', emitTypeormFiles(awkwardDesign)),
};

compiling['standalone sequences: drizzle pgSequence, kysely and typeorm'] = {
  'drizzle.ts': emitDrizzle(sequencesDesign()),
  'kysely.ts': emitKysely(sequencesDesign()),
  'typeorm.ts': emitTypeorm(sequencesDesign()),
};

// No text of a design breaks out of the code: interop/hostile-design.test.ts checks the strings.
compiling['hostile names: drizzle, kysely and typeorm, in one file and one file per entity'] = {
  'drizzle.ts': emitDrizzle(hostileDesign),
  'kysely.ts': emitKysely(hostileDesign),
  'typeorm.ts': emitTypeorm(hostileDesign),
  ...prefix('entities/', emitTypeormFiles(hostileDesign)),
};

// Views: Drizzle's pgView, TypeORM's @ViewEntity, Kysely's view interfaces, queried.
const viewsDesign = withViewColumns(objectsDesign());
compiling['views: drizzle, kysely and typeorm, in one file and one file per entity'] = {
  'drizzle.ts': emitDrizzle(viewsDesign),
  'drizzle-query.ts': `import { drizzle } from 'drizzle-orm/node-postgres';
import { richAccounts } from './drizzle';
declare const db: ReturnType<typeof drizzle>;
export const rows: Promise<{ id: number | null; balance: number | null }[]> = db.select().from(richAccounts);
`,
  'kysely.ts': emitKysely(viewsDesign),
  'kysely-query.ts': `import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './kysely';
declare const dialect: PostgresDialect;
const db = new Kysely<Database>({ dialect });
export const rows: Promise<{ id: number | null; balance: number | null }[]> = db.selectFrom('rich_accounts').select(['id', 'balance']).execute();
`,
  'typeorm.ts': emitTypeorm(viewsDesign),
  ...prefix('entities/', emitTypeormFiles(viewsDesign)),
};

// Identity and generated columns: an insert leaves them out; an ALWAYS one refuses a value.
const kyselyTickets = (values: string) => `import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database';
declare const dialect: PostgresDialect;
const db = new Kysely<Database>({ dialect });
export const q = db.insertInto('tickets').values(${values}).returning(['id', 'code_length']);
export const id: Promise<{ id: string; code_length: number | null }[]> = q.execute();
`;
compiling['identity, generated and collated columns: drizzle'] = {
  'schema.ts': emitDrizzle(columnFeaturesDesign),
};
compiling['identity, generated and collated columns: typeorm'] = {
  'entities.ts': emitTypeorm(columnFeaturesDesign),
};
compiling['identity, generated and collated columns: kysely'] = {
  'database.ts': emitKysely(columnFeaturesDesign),
  'query.ts': kyselyTickets("{ code: 'a' }"),
};

/** Cases with a deliberate type error in query.ts, and the error tsc must give. */
const failing: Record<string, { files: Files; error: RegExp }> = {
  drizzle: {
    files: { 'schema.ts': emitDrizzle(designs.shop), 'query.ts': QUERIES.drizzle.shop.wrong },
    error: /error TS2322/,
  },
  kysely: {
    files: { 'database.ts': emitKysely(designs.shop), 'query.ts': QUERIES.kysely.shop.wrong },
    error: /error TS/,
  },
  'kysely, a value for a GENERATED ALWAYS identity': {
    files: {
      'database.ts': emitKysely(columnFeaturesDesign),
      'query.ts': kyselyTickets("{ id: '5', code: 'a' }"),
    },
    error: /error TS2353: Object literal may only specify known properties, and 'id'/,
  },
  typeorm: {
    files: {
      'entities.ts': emitTypeorm(designs.shop),
      'query.ts': QUERIES.typeorm.shop.wrong('./entities'),
    },
    error: /error TS2322/,
  },
};

interface Checked {
  project: TempProject;
  result: RunResult;
  folders: Map<string, string>;
}

/** One project holding every case in its own folder, checked by one tsc run. */
async function checkAll(cases: Record<string, Files>): Promise<Checked> {
  const folders = new Map(Object.keys(cases).map((name, i) => [name, `case${i}/`]));
  const files: Files = {};
  for (const [name, caseFiles] of Object.entries(cases)) {
    Object.assign(files, prefix(folders.get(name) ?? '', caseFiles));
  }
  const project = createTempProject(files);
  return { project, result: await typecheck(project, Object.keys(files)), folders };
}

/** tsc's lines about one case's folder. */
function linesOf(checked: Checked, name: string): string[] {
  const folder = checked.folders.get(name) ?? '';
  return checked.result.output.split('\n').filter((line) => line.startsWith(folder));
}

let good: Checked;
let bad: Checked;
beforeAll(async () => {
  [good, bad] = await Promise.all([
    checkAll(compiling),
    checkAll(Object.fromEntries(Object.entries(failing).map(([n, c]) => [n, c.files]))),
  ]);
}, 180_000);
afterAll(() => {
  good?.project.remove();
  bad?.project.remove();
});

describe('the emitted models compile with tsc --strict together with a typed query', () => {
  it('tsc reports nothing over all of them', () => {
    expect(good.result.output).toBe('');
    expect(good.result.code).toBe(0);
  });
  it.each(Object.keys(compiling))('%s', (name) => {
    expect(linesOf(good, name)).toEqual([]);
  });
});

describe('a query with a type error does not compile', () => {
  it('tsc fails', () => {
    expect(bad.result.code).not.toBe(0);
  });
  it.each(Object.keys(failing))('%s', (name) => {
    const lines = linesOf(bad, name);
    const folder = bad.folders.get(name);
    expect(lines.some((line) => line.startsWith(`${folder}query.ts(`))).toBe(true);
    expect(lines.join('\n')).toMatch(failing[name]?.error ?? /never/);
  });
});

function prefix(dir: string, files: Files): Files {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [`${dir}${name}`, text]));
}
