/**
 * No text of a design can break out of the code generated from it. The hostile design
 * puts quotes, backslashes, newlines, `${`, backticks and comment ends into every name,
 * comment, default and enum value, and names tables and columns after keywords: every
 * Python file must compile and, run by the real SQLAlchemy, hold exactly the design's
 * strings; every TypeScript file must hold exactly those strings (and compile with tsc
 * --strict: typecheck/compile.test.ts checks it in its one tsc run over every case).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { toCatalog, unqualifiedName } from '@retort/core';
import { hasPythonTools, inCI, PYTHON } from '@retort/testing';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { alembicProjectFiles } from '../alembic';
import { emitDrizzle } from '../drizzle';
import { emitKysely } from '../kysely';
import { emitSqlalchemy } from '../sqlalchemy';
import { emitSqlalchemy2 } from '../sqlalchemy2';
import { emitTypeorm } from '../typeorm';
import { HOSTILE_NAME, HOSTILE_TEXT, hostileDesign } from './hostile-design';

const readModels = new URL('./fixtures/read_models.py', import.meta.url).pathname;
const python = hasPythonTools();
if (!python && !inCI) console.warn('Hostile-design Python checks skipped: no Python tools.');

const catalog = toCatalog(hostileDesign);
const dir = mkdtempSync(join(tmpdir(), 'retort-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const full = join(dir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

function pythonRun(args: string[]): string {
  return execFileSync(PYTHON, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** What the models must mean: the design's tables, comments, defaults, keys and enum values. */
function expectedTables() {
  const enumValues = new Map(catalog.enums.map((e) => [e.name, e.values]));
  return Object.fromEntries(
    // SQLAlchemy's `Table.name` is the bare name (a public name with a dot is `public.a.b`
    // in the catalog).
    catalog.tables.map((table) => [
      unqualifiedName(table.name),
      {
        comment: table.comment,
        columns: Object.fromEntries(
          table.columns.map((column) => [
            column.name,
            {
              comment: column.comment,
              default: column.default,
              references: table.foreignKeys
                .filter((fk) => fk.columns.includes(column.name))
                .map(
                  (fk) =>
                    `${unqualifiedName(fk.refTable)}|${fk.refColumns[fk.columns.indexOf(column.name)]}`,
                )
                .sort(),
              enums: enumValues.get(column.type) ?? [],
            },
          ]),
        ),
      },
    ]),
  );
}

/** The module docstring and every string constant of a Python file, as Python reads them. */
function pythonStrings(file: string): { docstring: string | null; strings: string[] } {
  const script = [
    'import ast, json, sys',
    'tree = ast.parse(open(sys.argv[1], encoding="utf8").read())',
    'strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]',
    'print(json.dumps({"docstring": ast.get_docstring(tree, clean=False), "strings": strings}))',
  ].join('\n');
  return JSON.parse(pythonRun(['-c', script, file]));
}

/** Every string a TypeScript file spells (literals and template texts), as JavaScript reads them. */
function typescriptStrings(source: string): Set<string> {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.add(node.text);
    // A name that is a valid identifier is written bare as a property.
    if (
      (ts.isPropertySignature(node) || ts.isPropertyAssignment(node)) &&
      ts.isIdentifier(node.name)
    )
      found.add(node.name.text);
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

const names = catalog.tables.flatMap((t) => [
  unqualifiedName(t.name),
  ...t.columns.map((c) => c.name),
]);
const qualifiedNames = catalog.tables.flatMap((t) => [t.name, ...t.columns.map((c) => c.name)]);
const enumValues = catalog.enums.flatMap((e) => e.values);

describe.skipIf(!python)('Python generated from a hostile design', () => {
  it.each([
    ['SQLAlchemy', emitSqlalchemy],
    ['SQLAlchemy 2.0', emitSqlalchemy2],
  ] as const)('%s models compile, configure, and hold exactly the design’s text', (label, emit) => {
    const file = write(`${label.replace(/\W/g, '')}.py`, emit(hostileDesign));
    pythonRun(['-m', 'py_compile', file]);
    const read = JSON.parse(pythonRun([readModels, file]));
    expect(read.tables).toEqual(expectedTables());
    expect(read.docstring).toContain(HOSTILE_NAME.replace(/[\r\n]+/g, ' '));
    expect(read.mappers).toHaveLength(catalog.tables.length);
  });

  it('the Alembic project compiles; env.py holds the design name as its docstring and string', () => {
    const files = alembicProjectFiles({
      name: hostileDesign.name,
      design: hostileDesign,
      revisions: [
        {
          id: 'a1b2c3d4e5f6',
          parent: null,
          message: HOSTILE_TEXT,
          createdAt: '2024-01-01T00:00:00Z',
          operations: [],
          schema: hostileDesign,
        },
      ],
    });
    for (const [path, text] of Object.entries(files)) write(`alembic/${path}`, text);
    for (const path of Object.keys(files).filter((p) => p.endsWith('.py'))) {
      pythonRun(['-m', 'py_compile', join(dir, 'alembic', path)]);
    }
    const env = pythonStrings(join(dir, 'alembic/env.py'));
    expect(env.docstring).toMatch(/^Alembic environment of /);
    expect(env.docstring).toContain(HOSTILE_NAME.replace(/[\r\n]+/g, ' '));
    expect(env.strings).toContain(
      `Set DATABASE_URL to the database to migrate, e.g. postgresql://user@localhost/${HOSTILE_NAME}`,
    );
    const revision = Object.keys(files).find((p) => p.startsWith('versions/'))!;
    expect(pythonStrings(join(dir, 'alembic', revision)).docstring).toContain(
      HOSTILE_TEXT.replace(/[\r\n]+/g, ' '),
    );
    const models = JSON.parse(pythonRun([readModels, join(dir, 'alembic/models.py')]));
    expect(models.tables).toEqual(expectedTables());
  });
});

describe('TypeScript generated from a hostile design', () => {
  const outputs = {
    'drizzle.ts': emitDrizzle(hostileDesign),
    'kysely.ts': emitKysely(hostileDesign),
    'typeorm.ts': emitTypeorm(hostileDesign),
  };

  it.each(['drizzle.ts', 'kysely.ts', 'typeorm.ts'] as const)(
    '%s spells every name and enum value exactly',
    (file) => {
      const strings = typescriptStrings(outputs[file]);
      // Kysely keys a table by its schema-qualified name (`public.app.accounts`).
      const tableNames = file === 'kysely.ts' ? qualifiedNames : names;
      for (const text of [...tableNames, ...enumValues]) expect(strings).toContain(text);
    },
  );

  it('drizzle and typeorm carry defaults and checks exactly; typeorm carries the comments', () => {
    const drizzle = typescriptStrings(outputs['drizzle.ts']);
    const typeorm = typescriptStrings(outputs['typeorm.ts']);
    const defaults = catalog.tables.flatMap((t) => t.columns.flatMap((c) => c.default ?? []));
    const checks = catalog.tables.flatMap((t) => t.checks.map((k) => k.expression));
    expect(defaults.length).toBeGreaterThan(0);
    for (const text of [...defaults, ...checks]) {
      expect(drizzle).toContain(text);
      expect(typeorm).toContain(text);
    }
    expect(typeorm).toContain(HOSTILE_TEXT);
  });
});
