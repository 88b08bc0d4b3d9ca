/**
 * Drizzle, TypeORM, Kysely (and the DBML and Mermaid diagrams) cannot declare partitions: the
 * partitioned table is generated as a table, its partitions are not (their rows and row type
 * are the parent's), and a comment names each parent with its key and partitions.
 */
import { partitionsDesign } from '@retort/testing/partitions-design';
import { describe, expect, it } from 'vitest';
import { designToDbml } from '../dbml';
import { emitDrizzle } from '../drizzle';
import { emitKysely } from '../kysely';
import { designToMermaid } from '../mermaid';
import { emitTypeorm } from '../typeorm';

const READINGS =
  "readings is partitioned by RANGE (taken_on); partitions: readings_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01'), readings_other DEFAULT";

describe('partitions in the TypeScript models and diagrams', () => {
  it.each([
    ['Drizzle', emitDrizzle, '//'],
    ['Kysely', emitKysely, '//'],
    ['TypeORM', emitTypeorm, '//'],
    ['DBML', designToDbml, '//'],
    ['A Mermaid ER diagram', designToMermaid, '    %%'],
  ] as const)('%s: the parent, no partition, and a comment saying why', (library, emit, mark) => {
    const source = emit(partitionsDesign());
    expect(source).toContain(
      `${mark} ${library} cannot declare partitions; Retort's SQL and Alembic revisions create them. A partition's rows are its parent's, so its row type is the parent's:`,
    );
    expect(source).toContain(`${mark}   ${READINGS}`);
    const code = source
      .split('\n')
      .filter((l) => !l.trimStart().startsWith(mark.trim()))
      .join('\n');
    expect(code).toMatch(/readings/);
    expect(code).not.toMatch(/readings_2026|readings_other|sessions_0|tickets_eu/);
  });
});
