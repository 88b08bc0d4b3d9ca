/** `retort models`, run as the real executable on a copy of the example. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { retort } from './testing/retort-process';

let project: ProjectCopy;
beforeAll(() => {
  project = copyProject('retort-cli-');
});
afterAll(() => project.remove());

const markers: Record<string, RegExp> = {
  sqlalchemy: /class OrderProduct\(Base\):/,
  sqlalchemy2: /Mapped\[/,
  sql: /CREATE TABLE .*order_products/,
  drizzle: /pgTable\(/,
  typeorm: /@Entity\(/,
  kysely: /export interface Database/,
  dbml: /^Ref: orders\.user_id > users\.telegram_id/m,
  mermaid: /^erDiagram\n/,
};

describe('retort models', () => {
  test.each(Object.keys(markers))('--format %s prints the models to stdout', async (format) => {
    const result = await retort(['models', '--format', format], { cwd: project.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(markers[format]!);
  });

  test('a design file or a project folder may be named, and --out writes a file', async () => {
    const out = join(project.dir, 'out', 'models.py');
    const result = await retort(
      ['models', join(project.dir, 'design.json'), '--out', 'out/models.py'],
      {
        cwd: project.dir,
      },
    );
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(markers.sqlalchemy!);
    const byFolder = await retort(['models', '.', '--format', 'sql'], { cwd: project.dir });
    expect(byFolder.stdout).toMatch(markers.sql!);
  });

  test('--out DIR writes one TypeORM entity file per table', async () => {
    const result = await retort(['models', '--format', 'typeorm', '--out', 'entities/'], {
      cwd: project.dir,
    });
    expect(result.code).toBe(0);
    const files = readdirSync(join(project.dir, 'entities'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.every((file) => file.endsWith('.ts'))).toBe(true);
  });
});

describe('retort models on bad input', () => {
  const design = () => readFileSync(join(project.dir, 'design.json'), 'utf8');
  const cases: { name: string; text: () => string; args?: string[]; place: RegExp }[] = [
    {
      name: 'malformed JSON',
      text: () => design().slice(0, 300),
      place: /not valid JSON at line \d+, column \d+/,
    },
    {
      name: 'text that is no type',
      text: () => design().replace('"BIGINT"', '"BIG INT"'),
      place: /tables\[0\]\.columns\[0\]\.type.*BIG INT/,
    },
    {
      name: 'a foreign key to a missing column',
      text: () => {
        const parsed = JSON.parse(design());
        const table = parsed.tables.find(
          (t: { foreignKeys: unknown[] }) => t.foreignKeys.length > 0,
        );
        table.foreignKeys[0].references.columns = ['c_missing'];
        return JSON.stringify(parsed);
      },
      place: /foreignKeys\[0\]\.references\.columns\[0\].*c_missing/,
    },
    {
      name: 'a wrong format',
      text: design,
      args: ['--format', 'cobol'],
      place: /Unknown format "cobol"/,
    },
  ];

  test.each(cases)(
    '$name exits 1 with one sentence naming the place and writes nothing',
    async (c) => {
      const file = join(project.dir, `bad-${c.name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, c.text());
      const result = await retort(['models', file, ...(c.args ?? []), '--out', 'bad/models.py'], {
        cwd: project.dir,
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^retort: .+\.$/);
      expect(lines[0]).toMatch(c.place);
      expect(existsSync(join(project.dir, 'bad'))).toBe(false);
    },
  );

  test('a missing design file is named', async () => {
    const result = await retort(['models', 'nowhere/design.json'], { cwd: project.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^retort: There is no design file at .*nowhere\/design\.json\.\n$/,
    );
  });

  test('a usage mistake exits 2 with one line', async () => {
    const result = await retort(['models', '--frmat', 'sql'], { cwd: project.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^retort: unknown option '--frmat'/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
