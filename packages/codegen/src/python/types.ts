import {
  type CatalogEnum,
  type CatalogIdentity,
  identityOptions,
  otherTypeShape,
  parseCanonicalType,
  type TypeInfo,
} from '@retort/core';
import { PythonImports } from './imports';
import { pythonString, pythonStrings } from './literal';
import { pyEnumNameArgs } from './schema-names';

export interface SaTypeContext {
  enums: readonly CatalogEnum[];
  /** `sa.` for Alembic's `import sqlalchemy as sa`; `''` for models (`from sqlalchemy import ...`). */
  prefix: '' | 'sa.';
  /** `postgresql.` for Alembic's `from sqlalchemy.dialects import postgresql`; `''` for models. */
  dialectPrefix: '' | 'postgresql.';
  /**
   * `alembic` renders as Alembic's autogenerate does (`sa.VARCHAR(length=255)`,
   * `postgresql.ENUM(..., create_type=False)`); `model` as people write models
   * (`VARCHAR(255)`, `Integer`). Defaults to `alembic` with the `sa.` prefix, else `model`.
   */
  style?: 'alembic' | 'model';
  /**
   * Models: the module-level variable an enum is bound to (`order_status_enum`), so each
   * enum is defined once and reused. Without it the `Enum(...)` is written in place.
   */
  enumVariable?: (enumName: string) => string;
  /** The column's collation (`COLLATE "C"`), when not the type's default. */
  collation?: string;
}

export interface SaType {
  expr: string;
  imports: PythonImports;
}

const SA = 'sqlalchemy';
const PG = 'sqlalchemy.dialects.postgresql';

/** The SQLAlchemy type expression for a canonical column type. */
export function renderSaType(type: string, ctx: SaTypeContext): SaType {
  const style = ctx.style ?? (ctx.prefix === 'sa.' ? 'alembic' : 'model');
  const info = parseCanonicalType(
    type,
    ctx.enums.map((e) => e.name),
  );
  const imports = new PythonImports();
  const render = style === 'alembic' ? alembicType : modelType;
  const element = withCollation(render(info, ctx, imports), info, ctx.collation);
  if (!info.array) return { expr: element, imports };
  return { expr: arrayOf(element, ctx, imports, style), imports };
}

function arrayOf(
  element: string,
  ctx: SaTypeContext,
  imports: PythonImports,
  style: string,
): string {
  if (style === 'alembic') {
    if (ctx.dialectPrefix === '') imports.from(PG, 'ARRAY');
    else imports.from('sqlalchemy.dialects', 'postgresql');
  } else {
    dialect(ctx, imports, 'ARRAY');
  }
  return `${ctx.dialectPrefix}ARRAY(${element})`;
}

/** A name from `sqlalchemy`, imported when unprefixed. */
function core(ctx: SaTypeContext, imports: PythonImports, name: string): string {
  if (ctx.prefix === '') imports.from(SA, name);
  else imports.module('sqlalchemy as sa');
  return `${ctx.prefix}${name}`;
}

/** A name from the PostgreSQL dialect, imported when unprefixed. */
function dialect(ctx: SaTypeContext, imports: PythonImports, name: string): string {
  if (ctx.dialectPrefix === '') imports.from(PG, name);
  else imports.from('sqlalchemy.dialects', 'postgresql');
  return `${ctx.dialectPrefix}${name}`;
}

function enumValues(info: TypeInfo, ctx: SaTypeContext): string[] {
  const found = ctx.enums.find((e) => e.name === info.enumName);
  return found ? found.values : [];
}

/** As `alembic revision --autogenerate` renders types (`_repr_type`). */
function alembicType(info: TypeInfo, ctx: SaTypeContext, imports: PythonImports): string {
  const c = (name: string) => core(ctx, imports, name);
  const d = (name: string) => dialect(ctx, imports, name);
  switch (info.base) {
    case 'SMALLINT':
      return `${c('SMALLINT')}()`;
    case 'INTEGER':
      return `${c('Integer')}()`;
    case 'BIGINT':
      return `${c('BIGINT')}()`;
    case 'NUMERIC': {
      const args: string[] = [];
      if (info.precision !== undefined) args.push(`precision=${info.precision}`);
      if (info.scale !== undefined) args.push(`scale=${info.scale}`);
      return `${c('NUMERIC')}(${args.join(', ')})`;
    }
    case 'REAL':
      return `${c('REAL')}()`;
    case 'DOUBLE PRECISION':
      return `${d('DOUBLE_PRECISION')}()`;
    case 'BOOLEAN':
      return `${c('BOOLEAN')}()`;
    case 'VARCHAR':
      return `${c('VARCHAR')}(${info.length === undefined ? '' : `length=${info.length}`})`;
    case 'CHAR':
      return `${c('CHAR')}(${info.length === undefined ? '' : `length=${info.length}`})`;
    case 'TEXT':
      return `${c('TEXT')}()`;
    case 'DATE':
      return `${c('DATE')}()`;
    case 'TIME':
      return `${c('TIME')}()`;
    case 'TIMESTAMP':
      return `${c('TIMESTAMP')}()`;
    case 'TIMESTAMPTZ':
      return `${c('TIMESTAMP')}(timezone=True)`;
    case 'INTERVAL':
      return `${d('INTERVAL')}()`;
    case 'UUID':
      return `${d('UUID')}()`;
    case 'JSON':
      return `${d('JSON')}(astext_type=${c('Text')}())`;
    case 'JSONB':
      return `${d('JSONB')}(astext_type=${c('Text')}())`;
    case 'BYTEA':
      return `${d('BYTEA')}()`;
    case 'INET':
      return `${d('INET')}()`;
    case 'OTHER':
      return otherType(info, ctx, imports, 'alembic');
    case 'ENUM':
      // The enum is created by its own operation; the column must not create it again.
      return `${d('ENUM')}(${pythonStrings(enumValues(info, ctx))}, ${pyEnumNameArgs(info.enumName!)}, create_type=False)`;
  }
}

/** As the models are written (the tutorial's `Column(VARCHAR(255))`, `Column(Integer)`). */
function modelType(info: TypeInfo, ctx: SaTypeContext, imports: PythonImports): string {
  const c = (name: string) => core(ctx, imports, name);
  const d = (name: string) => dialect(ctx, imports, name);
  switch (info.base) {
    case 'SMALLINT':
      return c('SMALLINT');
    case 'INTEGER':
      return c('Integer');
    case 'BIGINT':
      return c('BIGINT');
    case 'NUMERIC': {
      if (info.precision === undefined) return c('NUMERIC');
      const args =
        info.scale === undefined ? `${info.precision}` : `${info.precision}, ${info.scale}`;
      return `${c('NUMERIC')}(${args})`;
    }
    case 'REAL':
      return c('REAL');
    case 'DOUBLE PRECISION':
      return d('DOUBLE_PRECISION');
    case 'BOOLEAN':
      return c('BOOLEAN');
    case 'VARCHAR':
      return info.length === undefined ? c('VARCHAR') : `${c('VARCHAR')}(${info.length})`;
    case 'CHAR':
      return info.length === undefined ? c('CHAR') : `${c('CHAR')}(${info.length})`;
    case 'TEXT':
      return c('TEXT');
    case 'DATE':
      return c('DATE');
    case 'TIME':
      return c('TIME');
    case 'TIMESTAMP':
      return c('TIMESTAMP');
    case 'TIMESTAMPTZ':
      return `${c('TIMESTAMP')}(timezone=True)`;
    case 'INTERVAL':
      return d('INTERVAL');
    case 'UUID':
      return `${d('UUID')}(as_uuid=True)`;
    case 'JSON':
      return d('JSON');
    case 'JSONB':
      return d('JSONB');
    case 'BYTEA':
      return d('BYTEA');
    case 'INET':
      return d('INET');
    case 'OTHER':
      return otherType(info, ctx, imports, 'model');
    case 'ENUM': {
      const name = info.enumName!;
      if (ctx.enumVariable) return ctx.enumVariable(name);
      return `${c('Enum')}(${pythonStrings(enumValues(info, ctx))}, ${pyEnumNameArgs(name)})`;
    }
  }
}

/** SQLAlchemy's string types take `collation=`; a pass-through type carries it in its DDL. */
function withCollation(element: string, info: TypeInfo, collation: string | undefined): string {
  if (collation === undefined) return element;
  // A pass-through type carries it in its spelling (see `otherType`).
  if (!['TEXT', 'VARCHAR', 'CHAR'].includes(info.base)) return element;
  const arg = `collation=${pythonString(collation)}`;
  if (!element.endsWith(')')) return `${element}(${arg})`;
  return element.endsWith('()')
    ? `${element.slice(0, -1)}${arg})`
    : `${element.slice(0, -1)}, ${arg})`;
}

/** `Identity(always=True, start=10)`: SQLAlchemy's words for the options that are not defaults. */
export function saIdentity(identity: CatalogIdentity, type: string, prefix: '' | 'sa.'): string {
  const o = identityOptions(identity, type);
  const args = [`always=${identity.generation === 'ALWAYS' ? 'True' : 'False'}`];
  if (o.start !== null) args.push(`start=${o.start}`);
  if (o.increment !== null) args.push(`increment=${o.increment}`);
  if (o.minValue !== null) args.push(`minvalue=${o.minValue}`);
  if (o.maxValue !== null) args.push(`maxvalue=${o.maxValue}`);
  if (o.cycle) args.push('cycle=True');
  if (o.cache !== null) args.push(`cache=${o.cache}`);
  return `${prefix}Identity(${args.join(', ')})`;
}

/** Types of Postgres' own that the PostgreSQL dialect of SQLAlchemy 1.4 has a class for. */
const DIALECT_CLASSES: Record<string, string> = {
  tsvector: 'TSVECTOR',
  money: 'MONEY',
  cidr: 'CIDR',
  macaddr: 'MACADDR',
  oid: 'OID',
  regclass: 'REGCLASS',
  hstore: 'HSTORE',
  int4range: 'INT4RANGE',
  int8range: 'INT8RANGE',
  numrange: 'NUMRANGE',
  daterange: 'DATERANGE',
  tsrange: 'TSRANGE',
  tstzrange: 'TSTZRANGE',
};

/** The class for a type SQLAlchemy does not know: its DDL is the type's own spelling. */
export const POSTGRES_TYPE_CLASS = 'PostgresType';

function postgresTypeClass(base: string): string[] {
  return [
    `class ${POSTGRES_TYPE_CLASS}(${base}):`,
    '    """A column type SQLAlchemy has no class for, written in DDL as Postgres spells it."""',
    '',
    '    cache_ok = True',
    '',
    '    def __init__(self, spelling):',
    '        self.spelling = spelling',
    '',
    '    def get_col_spec(self, **kw):',
    '        return self.spelling',
  ];
}

/** A type kept in its `format_type` spelling: a dialect class where there is one. */
function otherType(
  info: TypeInfo,
  ctx: SaTypeContext,
  imports: PythonImports,
  style: 'alembic' | 'model',
): string {
  const d = (name: string) => dialect(ctx, imports, name);
  const shape = otherTypeShape(info.element);
  const call = (name: string, args: string[]) =>
    args.length === 0 && style === 'model' ? d(name) : `${d(name)}(${args.join(', ')})`;
  switch (shape.family) {
    case 'timestamp':
    case 'time': {
      const args: string[] = [];
      if (shape.timezone) args.push('timezone=True');
      if (shape.precision !== null) args.push(`precision=${shape.precision}`);
      return call(shape.family.toUpperCase(), args);
    }
    case 'interval': {
      const args: string[] = [];
      if (shape.precision !== null) args.push(`precision=${shape.precision}`);
      if (shape.fields !== null) args.push(`fields=${pythonString(shape.fields)}`);
      return call('INTERVAL', args);
    }
    case 'bit': {
      const args: string[] = [];
      if (shape.length !== null) args.push(`${shape.length}`);
      if (shape.varying) args.push('varying=True');
      return call('BIT', args);
    }
    case 'named': {
      const known = shape.schema === null && shape.args === null && DIALECT_CLASSES[shape.name];
      if (known) return call(known, []);
      if (ctx.prefix === '') {
        imports.from('sqlalchemy.types', 'UserDefinedType');
        imports.helper(POSTGRES_TYPE_CLASS, postgresTypeClass('UserDefinedType'));
      } else {
        imports.module('sqlalchemy as sa');
        imports.helper(POSTGRES_TYPE_CLASS, postgresTypeClass('sa.types.UserDefinedType'));
      }
      const collate =
        ctx.collation === undefined ? '' : ` COLLATE "${ctx.collation.replaceAll('"', '""')}"`;
      return `${POSTGRES_TYPE_CLASS}(${pythonString(info.element + collate)})`;
    }
  }
}
