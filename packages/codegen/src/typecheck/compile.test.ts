/**
 * The emitted TypeScript models compile with `tsc --strict` against the real drizzle-orm,
 * typeorm and kysely packages, together with a typed query that uses them; and a query
 * with a deliberate type error does not, so the check can fail.
 */
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { afterEach, describe, expect, it } from 'vitest';
import { emitDrizzle } from '../drizzle';
import { emitKysely } from '../kysely';
import { awkwardDesign } from '../testing/awkward-design';
import { createTempProject, type TempProject, typecheck } from '../testing/project';
import { QUERIES } from '../testing/queries';
import { emitTypeorm, emitTypeormFiles } from '../typeorm';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

async function compiles(
  files: Record<string, string>,
  entry: string[],
): Promise<{ code: number; output: string }> {
  project = createTempProject(files);
  return typecheck(project, entry);
}

const designs = { shop: loadShopDesign(), everyFeature: everyFeatureDesign } as const;

describe('the emitted models compile with tsc --strict together with a typed query', () => {
  for (const [label, design] of Object.entries(designs) as [
    keyof typeof designs,
    (typeof designs)[keyof typeof designs],
  ][]) {
    it(`drizzle schema.ts for ${label}`, async () => {
      const result = await compiles(
        { 'schema.ts': emitDrizzle(design), 'query.ts': QUERIES.drizzle[label].ok },
        ['schema.ts', 'query.ts'],
      );
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    });

    it(`kysely database.ts for ${label}`, async () => {
      const result = await compiles(
        { 'database.ts': emitKysely(design), 'query.ts': QUERIES.kysely[label].ok },
        ['database.ts', 'query.ts'],
      );
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    });

    it(`typeorm entities.ts for ${label}`, async () => {
      const result = await compiles(
        { 'entities.ts': emitTypeorm(design), 'query.ts': QUERIES.typeorm[label].ok('./entities') },
        ['entities.ts', 'query.ts'],
      );
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    });

    it(`typeorm one file per entity for ${label}`, async () => {
      const files = emitTypeormFiles(design);
      const result = await compiles(
        {
          ...prefix('entities/', files),
          'query.ts': QUERIES.typeorm[label].ok('./entities/index'),
        },
        [...Object.keys(files).map((f) => `entities/${f}`), 'query.ts'],
      );
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    });
  }
});

describe('a query with a type error does not compile', () => {
  const design = designs.shop;
  it('drizzle', async () => {
    const result = await compiles(
      { 'schema.ts': emitDrizzle(design), 'query.ts': QUERIES.drizzle.shop.wrong },
      ['schema.ts', 'query.ts'],
    );
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/query\.ts\(\d+,\d+\): error TS2322/);
  });

  it('kysely', async () => {
    const result = await compiles(
      { 'database.ts': emitKysely(design), 'query.ts': QUERIES.kysely.shop.wrong },
      ['database.ts', 'query.ts'],
    );
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/query\.ts\(\d+,\d+\): error TS/);
  });

  it('typeorm', async () => {
    const result = await compiles(
      { 'entities.ts': emitTypeorm(design), 'query.ts': QUERIES.typeorm.shop.wrong('./entities') },
      ['entities.ts', 'query.ts'],
    );
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/query\.ts\(\d+,\d+\): error TS2322/);
  });
});

describe('models of a design with awkward names compile on their own', () => {
  it('drizzle', async () => {
    const result = await compiles({ 'schema.ts': emitDrizzle(awkwardDesign) }, ['schema.ts']);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('kysely', async () => {
    const result = await compiles({ 'database.ts': emitKysely(awkwardDesign) }, ['database.ts']);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('typeorm, in one file and one file per entity', async () => {
    const files = emitTypeormFiles(awkwardDesign);
    const result = await compiles(
      { 'entities.ts': emitTypeorm(awkwardDesign), ...prefix('entities/', files) },
      ['entities.ts', ...Object.keys(files).map((f) => `entities/${f}`)],
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});

function prefix(dir: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [`${dir}${name}`, text]));
}
