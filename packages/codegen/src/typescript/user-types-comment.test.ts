/**
 * Drizzle, TypeORM and Kysely have no words for extensions, domains and composite types:
 * each generated file lists them in a comment, and a domain's column has its base type's
 * TypeScript type.
 */
import { userTypesDesign } from '@retort/testing/user-types-design';
import { describe, expect, it } from 'vitest';
import { emitDrizzle } from '../drizzle';
import { emitKysely } from '../kysely';
import { emitTypeorm } from '../typeorm';

const COMMENT = [
  "cannot create these types; Retort's SQL and Alembic revisions do. A domain's columns read as its base type:",
  '//   extension citext (in schema public)',
  '//   domain app.positive_cents AS BIGINT DEFAULT 0 NOT NULL CONSTRAINT positive_cents_check CHECK (value >= 0)',
  '//   domain year AS INTEGER CONSTRAINT year_check CHECK (value >= 1901) CONSTRAINT year_max CHECK (value <= 2155)',
  '//   composite type app.postal_address AS (street TEXT, city TEXT, zip VARCHAR(10))',
];

describe('extensions, domains and composite types in TypeScript models', () => {
  const design = userTypesDesign({ extension: true });
  for (const [library, emit] of [
    ['Drizzle', emitDrizzle],
    ['TypeORM', emitTypeorm],
    ['Kysely', emitKysely],
  ] as const) {
    it(`${library} lists them in a comment`, () => {
      const source = emit(design);
      expect(source).toContain(`// ${library} ${COMMENT[0]}`);
      for (const line of COMMENT.slice(1)) expect(source).toContain(line);
    });
  }

  it('a domain column has its base type: Kysely and TypeORM', () => {
    const kysely = emitKysely(design);
    expect(kysely).toMatch(/ total: Int8 \| null;/);
    expect(kysely).toMatch(/ fiscal_year: number \| null;/);
    expect(kysely).toMatch(/ years: number\[\] \| null;/);
    expect(kysely).toMatch(/ mood: Mood \| null;/);
    const typeorm = emitTypeorm(design);
    expect(typeorm).toMatch(/fiscalYear!?: number \| null;/);
    expect(typeorm).toMatch(/total!?: string \| null;/);
  });
});
