import { schemasDesign } from '@retort/testing/schemas-design';
import { describe, expect, it } from 'vitest';
import {
  escapeTextColons,
  PythonImports,
  pythonString,
  renderSaType,
  renderServerDefault,
  type SaTypeContext,
} from '.';
import { schemaDdlLines } from './schema-ddl';

const enums = [{ name: 'order_status', values: ['new', 'paid'] }];
const alembic: SaTypeContext = { enums, prefix: 'sa.', dialectPrefix: 'postgresql.' };
const model: SaTypeContext = { enums, prefix: '', dialectPrefix: '' };

describe('renderSaType for types kept in their format_type spelling', () => {
  it.each([
    [
      'timestamp(6) without time zone',
      'postgresql.TIMESTAMP(precision=6)',
      'TIMESTAMP(precision=6)',
    ],
    [
      'time(3) with time zone',
      'postgresql.TIME(timezone=True, precision=3)',
      'TIME(timezone=True, precision=3)',
    ],
    [
      'interval day to second(3)',
      "postgresql.INTERVAL(precision=3, fields='day to second')",
      "INTERVAL(precision=3, fields='day to second')",
    ],
    ['bit varying(8)', 'postgresql.BIT(8, varying=True)', 'BIT(8, varying=True)'],
    ['tsvector', 'postgresql.TSVECTOR()', 'TSVECTOR'],
    ['citext[]', "postgresql.ARRAY(PostgresType('citext'))", "ARRAY(PostgresType('citext'))"],
    ['vector(3)', "PostgresType('vector(3)')", "PostgresType('vector(3)')"],
  ])('%s', (type, alembicExpr, modelExpr) => {
    expect(renderSaType(type, alembic).expr).toBe(alembicExpr);
    expect(renderSaType(type, model).expr).toBe(modelExpr);
  });

  it('defines PostgresType once, after the imports, for a type SQLAlchemy has no class for', () => {
    const imports = renderSaType('citext', model).imports;
    imports.merge(renderSaType('vector(3)', model).imports);
    expect(imports.render()).toBe('from sqlalchemy.types import UserDefinedType');
    expect(imports.renderHelpers().join('\n')).toContain('class PostgresType(UserDefinedType):');
    expect(imports.renderHelpers().filter((l) => l.startsWith('class '))).toHaveLength(1);
  });
});

describe('renderSaType, as Alembic autogenerate renders types', () => {
  it.each([
    ['VARCHAR(255)', 'sa.VARCHAR(length=255)'],
    ['VARCHAR', 'sa.VARCHAR()'],
    ['CHAR(2)', 'sa.CHAR(length=2)'],
    ['BIGINT', 'sa.BIGINT()'],
    ['INTEGER', 'sa.Integer()'],
    ['SMALLINT', 'sa.SMALLINT()'],
    ['TEXT', 'sa.TEXT()'],
    ['BOOLEAN', 'sa.BOOLEAN()'],
    ['REAL', 'sa.REAL()'],
    ['DOUBLE PRECISION', 'postgresql.DOUBLE_PRECISION()'],
    ['DATE', 'sa.DATE()'],
    ['TIME', 'sa.TIME()'],
    ['TIMESTAMP', 'sa.TIMESTAMP()'],
    ['TIMESTAMPTZ', 'sa.TIMESTAMP(timezone=True)'],
    ['NUMERIC(10,2)', 'sa.NUMERIC(precision=10, scale=2)'],
    ['NUMERIC(8)', 'sa.NUMERIC(precision=8)'],
    ['NUMERIC', 'sa.NUMERIC()'],
    ['JSON', 'postgresql.JSON(astext_type=sa.Text())'],
    ['JSONB', 'postgresql.JSONB(astext_type=sa.Text())'],
    ['UUID', 'postgresql.UUID()'],
    ['INET', 'postgresql.INET()'],
    ['BYTEA', 'postgresql.BYTEA()'],
    ['INTERVAL', 'postgresql.INTERVAL()'],
    ['TEXT[]', 'postgresql.ARRAY(sa.TEXT())'],
    ['order_status', "postgresql.ENUM('new', 'paid', name='order_status', create_type=False)"],
    [
      'order_status[]',
      "postgresql.ARRAY(postgresql.ENUM('new', 'paid', name='order_status', create_type=False))",
    ],
  ])('%s is %s', (type, expr) => {
    expect(renderSaType(type, alembic).expr).toBe(expr);
  });

  it('needs only sqlalchemy as sa and the postgresql dialect', () => {
    const imports = renderSaType('order_status[]', alembic).imports;
    imports.merge(renderSaType('BIGINT', alembic).imports);
    expect(imports.render()).toBe(
      'import sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql',
    );
  });
});

describe('renderSaType, as models are written', () => {
  it.each([
    ['VARCHAR(255)', 'VARCHAR(255)'],
    ['BIGINT', 'BIGINT'],
    ['INTEGER', 'Integer'],
    ['TIMESTAMPTZ', 'TIMESTAMP(timezone=True)'],
    ['NUMERIC(10,2)', 'NUMERIC(10, 2)'],
    ['UUID', 'UUID(as_uuid=True)'],
    ['JSONB', 'JSONB'],
    ['INTEGER[]', 'ARRAY(Integer)'],
    ['order_status', "Enum('new', 'paid', name='order_status')"],
  ])('%s is %s', (type, expr) => {
    expect(renderSaType(type, model).expr).toBe(expr);
  });

  it('uses the enum’s module variable when there is one', () => {
    const ctx = { ...model, enumVariable: () => 'order_status_enum' };
    expect(renderSaType('order_status[]', ctx).expr).toBe('ARRAY(order_status_enum)');
  });

  it('imports each name from where it lives', () => {
    const imports = new PythonImports();
    for (const type of ['UUID', 'VARCHAR(3)', 'INTEGER[]', 'DOUBLE PRECISION']) {
      imports.merge(renderSaType(type, model).imports);
    }
    expect(imports.render()).toBe(
      [
        'from sqlalchemy import VARCHAR, Integer',
        'from sqlalchemy.dialects.postgresql import ARRAY, DOUBLE_PRECISION, UUID',
      ].join('\n'),
    );
  });
});

describe('Python literals', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", `"it's"`],
    [`both ' and "`, `'both \\' and "'`],
    ['back\\slash', "'back\\\\slash'"],
    ['line\nbreak', "'line\\nbreak'"],
    ['größe', "'größe'"],
  ])('%s is written %s', (text, literal) => {
    expect(pythonString(text)).toBe(literal);
  });

  it('escapes colons SQLAlchemy would read as bound parameters, and no others', () => {
    expect(escapeTextColons("'a:b :c'")).toBe("'a:b \\:c'");
    expect(escapeTextColons("'{}'::text[]")).toBe("'{}'::text[]");
    expect(escapeTextColons(':x')).toBe('\\:x');
  });
});

describe('renderServerDefault', () => {
  it('writes now() as the tutorial does, anything else as text()', () => {
    expect(renderServerDefault('now()', 'model').expr).toBe('func.now()');
    expect(renderServerDefault("'new'", 'model').expr).toBe(`text("'new'")`);
    expect(renderServerDefault('0', 'model').expr).toBe('text("0")');
  });

  it('writes sa.text() for Alembic', () => {
    expect(renderServerDefault('now()', 'alembic').expr).toBe("sa.text('now()')");
    expect(renderServerDefault("'new'", 'alembic').expr).toBe(`sa.text("'new'")`);
  });
});

describe('schemaDdlLines', () => {
  it('makes the design’s schemas before everything else and drops them after everything else', () => {
    const imports = new PythonImports();
    const lines = schemaDdlLines(schemasDesign(), imports, 'Base.metadata');
    expect(lines.join('\n')).toBe(
      [
        '',
        '# Schemas: create_all makes none, so they come first and drop_all removes them last.',
        '# IF NOT EXISTS keeps models usable on a database whose schemas were made by hand.',
        'for _statement in reversed((',
        "    'CREATE SCHEMA IF NOT EXISTS app',",
        "    'CREATE SCHEMA IF NOT EXISTS audit',",
        ')):',
        "    event.listen(Base.metadata, 'before_create', DDL(_statement), insert=True)",
        'for _statement in (',
        "    'DROP SCHEMA audit',",
        "    'DROP SCHEMA app',",
        '):',
        "    event.listen(Base.metadata, 'after_drop', DDL(_statement))",
      ].join('\n'),
    );
    expect(imports.render()).toBe('from sqlalchemy import DDL, event');
  });

  it('comments a schema right after making it, a percent sign doubled for DDL', () => {
    const design = { ...schemasDesign(), schemaComments: { audit: "Who did what, 100% o'clock" } };
    const lines = schemaDdlLines(design, new PythonImports(), 'Base.metadata');
    expect(lines.slice(4, 7)).toEqual([
      "    'CREATE SCHEMA IF NOT EXISTS app',",
      "    'CREATE SCHEMA IF NOT EXISTS audit',",
      `    "COMMENT ON SCHEMA audit IS 'Who did what, 100%% o''clock'",`,
    ]);
  });

  it('writes nothing for a design wholly in public', () => {
    const imports = new PythonImports();
    expect(schemaDdlLines({ ...schemasDesign(), tables: [], enums: [] }, imports, 'M')).toEqual([]);
    expect(imports.render()).toBe('');
  });
});
