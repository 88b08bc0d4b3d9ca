/**
 * What both model emitters (1.4 `Column` style and 2.0 `mapped_column` style) say about a
 * design, decided once: class and attribute names, each column's type and arguments, the
 * `__table_args__`, the enums and sequences defined at module level, and the DDL hooks.
 *
 * It reads the design through `toCatalog`, so every constraint carries the name Postgres
 * gives it; a `name=` is written only where SQLAlchemy leaving the name to Postgres would
 * give a different one.
 */
import {
  type Catalog,
  type CatalogColumn,
  type CatalogForeignKey,
  type CatalogTable,
  type Design,
  fkeyName,
  makeObjectName,
  objectQualifiedName,
  parseCanonicalType,
  pkeyName,
  quoteIdentifier,
  type TypeInfo,
  toCatalog,
  uniqueName,
  unqualifiedName,
} from '@retort/core';
import { classNames, pythonIdentifier, pythonIdentifiers } from '../names';
import {
  PythonImports,
  pyEnumNameArgs,
  pySchema,
  pythonString,
  pythonStrings,
  renderSaType,
  renderServerDefault,
  saIdentity,
} from '../python';
import { exclusionArguments } from '../python/exclusion-options';
import { indexArguments } from '../python/index-options';
import { deferrabilityKwargs, escapeTextColons } from '../python/literal';
import { quoteInSchemaOf, quoteName, quoteTable } from '../sql/identifier';
import {
  addCheckSql,
  addExclusionStatements,
  constraintCommentSql,
  createIndexStatements,
  indexCommentSql,
  renderOperationSql,
  uniqueClause,
} from '../sql/render';
import { cycleClosingKeys } from './fk-cycles';

export interface ColumnPlan {
  column: CatalogColumn;
  attr: string;
  /** `'class'` when the attribute had to differ from the column name, else null. */
  nameArg: string | null;
  type: string;
  typeInfo: TypeInfo;
  /** `ForeignKey('users.telegram_id', ondelete='SET NULL')` for a one-column key. */
  foreignKey: CatalogForeignKey | null;
  foreignKeyExpr: string | null;
  /**
   * The module-level `Sequence` variable of a SERIAL that SQLAlchemy cannot mark itself, or
   * the column's `Identity(...)` or `Computed(...)`: the positional argument after the key.
   */
  sequence: string | null;
  /** `primary_key=True`, `nullable=False`, ... in the tutorial's order. */
  kwargs: string[];
  nullable: boolean;
}

export interface TablePlan {
  table: CatalogTable;
  className: string;
  columns: ColumnPlan[];
  tableArgs: string[];
  /** Python statements after the class (sequence ownership). */
  after: string[];
  /**
   * For a table without a primary key: the columns the mapper identifies rows by (the
   * ORM needs some), a unique set of NOT NULL columns when there is one, else all.
   */
  mapperKey: ColumnPlan[] | null;
}

export interface ModulePlan {
  catalog: Catalog;
  imports: PythonImports;
  /** `order_status_enum = Enum(...)` lines, in design order. */
  definitions: string[];
  tables: TablePlan[];
}

const SA = 'sqlalchemy';
const PG = 'sqlalchemy.dialects.postgresql';

/**
 * Every name a models module may import. No class takes one, whether or not this design
 * needs it, so a table's class name does not change when another table gains an index.
 */
const IMPORTABLE = [
  'ARRAY',
  'BIGINT',
  'BOOLEAN',
  'BYTEA',
  'CHAR',
  'CheckConstraint',
  'Column',
  'DATE',
  'DDL',
  'DOUBLE_PRECISION',
  'Enum',
  'ExcludeConstraint',
  'ForeignKey',
  'ForeignKeyConstraint',
  'INET',
  'INTERVAL',
  'Index',
  'Integer',
  'JSON',
  'JSONB',
  'NUMERIC',
  'PrimaryKeyConstraint',
  'REAL',
  'SMALLINT',
  'Sequence',
  'TEXT',
  'text',
  'TIME',
  'TIMESTAMP',
  'UUID',
  'UniqueConstraint',
  'VARCHAR',
];
const NUMERIC_BASES = new Set([
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'NUMERIC',
  'REAL',
  'DOUBLE PRECISION',
]);

/**
 * @param moduleNames names the emitter itself binds in the module (`Column`, `Mapped`,
 *   `Optional`, ...), which no class or attribute may shadow.
 */
export function planModels(design: Design, moduleNames: ReadonlySet<string>): ModulePlan {
  const catalog = toCatalog(design);
  // A partition is no class of its own: its rows are its parent's (see `partitionDdl`).
  const order = design.tables.filter((t) => t.partitionOf === undefined).map(objectQualifiedName);
  const tables = order
    .map((name) => catalog.tables.find((t) => t.name === name))
    .filter((t): t is CatalogTable => t !== undefined);
  const imports = new PythonImports();
  const bound = new Set<string>([...moduleNames, 'Base']);

  // Enums used by a column or not: `metadata=` makes create_all create each one once,
  // before the tables, as Retort's own SQL does.
  const enumNames = catalog.enums.map((e) => e.name);
  const enumVariables = new Map<string, string>();
  const definitions: string[] = [];
  for (const e of design.enums) {
    const qualified = objectQualifiedName(e);
    let variable = pythonIdentifier(`${e.name}_enum`, bound);
    while (bound.has(variable)) variable = `${variable}_`;
    bound.add(variable);
    enumVariables.set(qualified, variable);
    imports.from(SA, 'Enum');
    const args = [...e.values.map((v) => pythonString(v)), pyEnumNameArgs(qualified)];
    definitions.push(...renderCall(`${variable} = `, 'Enum', [...args, 'metadata=Base.metadata']));
  }

  const closing = cycleClosingKeys(catalog, order);
  // A class is named after its table's bare name, and after its schema too when two schemas
  // hold a table of that name.
  const bareCount = new Map<string, number>();
  for (const t of design.tables) bareCount.set(t.name, (bareCount.get(t.name) ?? 0) + 1);
  const classSource = (qualified: string) =>
    bareCount.get(unqualifiedName(qualified))! > 1 ? qualified : unqualifiedName(qualified);
  const classesBySource = classNames(order.map(classSource), new Set([...bound, ...IMPORTABLE]));
  const classes = new Map(order.map((q) => [q, classesBySource.get(classSource(q))!]));
  for (const name of classes.values()) bound.add(name);

  const typeContext = {
    enums: catalog.enums,
    prefix: '' as const,
    dialectPrefix: '' as const,
    style: 'model' as const,
    enumVariable: (name: string) => enumVariables.get(name)!,
  };

  const pending = tables.map((table) => {
    const className = classes.get(table.name)!;
    const bare = unqualifiedName(table.name);
    const pk = table.primaryKey;
    const pkColumns = new Set(pk?.columns ?? []);
    const singleFks = new Map<string, CatalogForeignKey>();
    const tableArgs: string[] = [];
    const after: string[] = [];

    const columnOrder = table.columns.filter((c) => pkColumns.has(c.name)).map((c) => c.name);
    const ordered = pk?.columns.some((c, i) => columnOrder[i] !== c);
    if (pk && (pk.name !== pkeyName(bare) || ordered || pk.deferrable)) {
      imports.from(SA, 'PrimaryKeyConstraint');
      const args = [pythonStrings(pk.columns), `name=${pythonString(pk.name)}`];
      tableArgs.push(`PrimaryKeyConstraint(${[...args, ...deferrabilityKwargs(pk)].join(', ')})`);
    }
    for (const fk of table.foreignKeys) {
      const cycle = closing.has(`${table.name}.${fk.name}`);
      const defaultName = fk.name === fkeyName(bare, fk.columns);
      if (fk.columns.length === 1 && !singleFks.has(fk.columns[0]!)) {
        singleFks.set(fk.columns[0]!, fk);
        continue;
      }
      imports.from(SA, 'ForeignKeyConstraint');
      const refs = fk.refColumns.map((c) => `${fk.refTable}.${c}`);
      const args = [`[${pythonStrings(fk.columns)}]`, `[${pythonStrings(refs)}]`];
      args.push(...foreignKeyOptions(fk, cycle || !defaultName, cycle));
      tableArgs.push(`ForeignKeyConstraint(${args.join(', ')})`);
    }
    // What SQLAlchemy 1.4 cannot say (NULLS NOT DISTINCT) is Retort's own SQL, run after
    // create_all makes the table.
    const ddlAfterCreate = (sql: string) => {
      imports.from(SA, 'DDL').from(SA, 'event');
      after.push(
        `event.listen(${className}.__table__, 'after_create', DDL(${pythonString(sql.replaceAll('%', '%%'))}))`,
      );
    };
    const inlineUnique = new Set<string>();
    for (const u of table.uniques) {
      if (u.nullsNotDistinct) {
        ddlAfterCreate(
          `ALTER TABLE ${quoteTable(table.name)} ADD CONSTRAINT ${quoteName(u.name)} ${uniqueClause(u)}`,
        );
        continue;
      }
      if (
        u.columns.length === 1 &&
        !u.deferrable &&
        u.name === uniqueName(bare, u.columns) &&
        !inlineUnique.has(u.columns[0]!)
      ) {
        inlineUnique.add(u.columns[0]!);
        continue;
      }
      const named = u.name === uniqueName(bare, u.columns) ? [] : [`name=${pythonString(u.name)}`];
      imports.from(SA, 'UniqueConstraint');
      const args = [pythonStrings(u.columns), ...named, ...deferrabilityKwargs(u)];
      tableArgs.push(`UniqueConstraint(${args.join(', ')})`);
    }
    for (const k of table.checks) {
      // Postgres validates a check made with its table: a NOT VALID one is added after.
      if (k.notValid) {
        ddlAfterCreate(addCheckSql(table.name, k));
        continue;
      }
      imports.from(SA, 'CheckConstraint');
      tableArgs.push(
        `CheckConstraint(${pythonString(escapeTextColons(k.expression), '"')}, name=${pythonString(k.name)})`,
      );
    }
    // SQLAlchemy's constraints have no comment. A foreign key create_all adds by ALTER TABLE
    // after every table exists gets its comment once the whole metadata is made.
    for (const k of [...(pk ? [pk] : []), ...table.uniques, ...table.checks]) {
      if (k.comment !== undefined) {
        ddlAfterCreate(constraintCommentSql(table.name, k.name, k.comment));
      }
    }
    for (const fk of table.foreignKeys) {
      if (fk.comment === undefined) continue;
      const sql = constraintCommentSql(table.name, fk.name, fk.comment);
      if (!fk.notValid && !closing.has(`${table.name}.${fk.name}`)) ddlAfterCreate(sql);
      else {
        imports.from(SA, 'DDL').from(SA, 'event');
        after.push(
          `event.listen(Base.metadata, 'after_create', DDL(${pythonString(sql.replaceAll('%', '%%'))}))`,
        );
      }
    }
    for (const x of table.exclusions ?? []) {
      const statements = addExclusionStatements(table.name, x);
      const args = exclusionArguments(x, 'text');
      if (args === null) {
        for (const sql of statements) ddlAfterCreate(sql);
        continue;
      }
      // ExcludeConstraint has no comment.
      for (const sql of statements.slice(1)) ddlAfterCreate(sql);
      imports.from(PG, 'ExcludeConstraint');
      if (args.usesText) imports.from(SA, 'text');
      tableArgs.push(
        `ExcludeConstraint(${[...args.elements, `name=${pythonString(x.name)}`, ...args.options].join(', ')})`,
      );
    }
    for (const i of table.indexes) {
      if (i.nullsNotDistinct) {
        for (const sql of createIndexStatements(table.name, i)) ddlAfterCreate(sql);
        continue;
      }
      // SQLAlchemy's Index has no comment.
      if (i.comment !== undefined) ddlAfterCreate(indexCommentSql(table.name, i.name, i.comment));
      imports.from(SA, 'Index');
      const { keys, options, usesText } = indexArguments(i, 'text');
      if (usesText) imports.from(SA, 'text');
      const args = [
        pythonString(i.name),
        ...keys,
        ...(i.unique ? ['unique=True'] : []),
        ...options,
      ];
      tableArgs.push(`Index(${args.join(', ')})`);
    }
    // Table options, last: the schema outside public, the comment.
    const options: string[] = [];
    const schema = pySchema(table.name);
    if (schema !== null) options.push(`'schema': ${pythonString(schema)}`);
    if (table.comment !== null) options.push(`'comment': ${pythonString(table.comment)}`);
    if (table.partitionBy !== undefined) {
      options.push(`'postgresql_partition_by': ${pythonString(table.partitionBy)}`);
    }
    if (options.length > 0) tableArgs.push(`{${options.join(', ')}}`);
    for (const sql of partitionDdl(catalog, table.name)) ddlAfterCreate(sql);

    // SQLAlchemy makes SERIAL of one column per table: the autoincrement primary key
    // column. Any other SERIAL gets its sequence spelled out, owned by the column as
    // Postgres' SERIAL would own it.
    const serialPk = table.columns.find((c) => c.autoincrement && pkColumns.has(c.name));
    const columns = table.columns.map((column) => {
      const typeInfo = parseCanonicalType(column.type, enumNames);
      const rendered = renderSaType(
        column.type,
        column.collation === undefined
          ? typeContext
          : { ...typeContext, collation: column.collation },
      );
      imports.merge(rendered.imports);
      const kwargs: string[] = [];
      const isPk = pkColumns.has(column.name);
      const fk = singleFks.get(column.name) ?? null;
      let foreignKeyExpr: string | null = null;
      if (fk) {
        imports.from(SA, 'ForeignKey');
        const cycle = closing.has(`${table.name}.${fk.name}`);
        const defaultName = fk.name === fkeyName(bare, fk.columns);
        const args = [pythonString(`${fk.refTable}.${fk.refColumns[0]}`)];
        args.push(...foreignKeyOptions(fk, cycle || !defaultName, cycle));
        foreignKeyExpr = `ForeignKey(${args.join(', ')})`;
      }
      let sequence: string | null = null;
      let schemaItem: string | null = null;
      if (isPk) kwargs.push('primary_key=True');
      if (column.identity) {
        imports.from(SA, 'Identity');
        schemaItem = saIdentity(column.identity, column.type, '');
      } else if (column.generated !== undefined) {
        imports.from(SA, 'Computed');
        schemaItem = `Computed(${pythonString(escapeTextColons(column.generated), '"')}, persisted=True)`;
      } else if (column.autoincrement && column === serialPk) {
        kwargs.push('autoincrement=True');
      } else if (column.autoincrement) {
        const seqName = makeObjectName(bare, column.name, 'seq');
        sequence = pythonIdentifier(seqName, bound);
        while (bound.has(sequence)) sequence = `${sequence}_`;
        bound.add(sequence);
        imports.from(SA, 'Sequence');
        const intType = renderSaType(column.type, { ...typeContext, style: 'model' });
        const args = [pythonString(seqName), `data_type=${intType.expr}`, 'metadata=Base.metadata'];
        if (schema !== null) args.push(`schema=${pythonString(schema)}`);
        definitions.push(...renderCall(`${sequence} = `, 'Sequence', args));
        imports.from(SA, 'DDL').from(SA, 'event');
        const ddl = `ALTER SEQUENCE ${quoteInSchemaOf(table.name, seqName)} OWNED BY ${quoteTable(table.name)}.${quoteIdentifier(column.name)}`;
        after.push(
          `event.listen(${className}.__table__, 'after_create', DDL(${pythonString(ddl.replaceAll('%', '%%'))}))`,
        );
      } else if (
        isPk &&
        pkColumns.size === 1 &&
        NUMERIC_BASES.has(typeInfo.base) &&
        !typeInfo.array &&
        fk === null &&
        column.default === null
      ) {
        // SQLAlchemy would turn this lone numeric primary key into a SERIAL.
        kwargs.push('autoincrement=False');
      }
      // A SERIAL is NOT NULL; Column's own default is nullable unless primary key.
      const nullable = column.autoincrement ? false : column.nullable && !isPk;
      if (!isPk && !nullable) kwargs.push('nullable=False');
      if (inlineUnique.has(column.name)) kwargs.push('unique=True');
      if (sequence !== null) {
        kwargs.push(`server_default=${sequence}.next_value()`);
      } else if (column.default !== null) {
        const def = renderServerDefault(column.default, 'model');
        imports.merge(def.imports);
        kwargs.push(`server_default=${def.expr}`);
      }
      if (column.comment !== null) kwargs.push(`comment=${pythonString(column.comment)}`);
      const plan: ColumnPlan = {
        column,
        attr: '',
        nameArg: null,
        type: rendered.expr,
        typeInfo,
        foreignKey: fk,
        foreignKeyExpr,
        sequence: sequence ?? schemaItem,
        kwargs,
        nullable,
      };
      return plan;
    });
    let mapperKey: ColumnPlan[] | null = null;
    if (!pk) {
      const notNull = (names: string[]) =>
        names.every((n) => columns.some((c) => c.column.name === n && !c.nullable));
      const uniqueSet = [...table.uniques, ...table.indexes.filter((i) => i.unique)]
        .map((u) => u.columns)
        .find(notNull);
      const keyNames = uniqueSet ?? table.columns.map((c) => c.name);
      mapperKey = columns.filter((c) => keyNames.includes(c.column.name));
    }
    return { table, className, columns, tableArgs, after, mapperKey };
  });

  // Attribute names last: they must step around everything the module binds.
  const reserved = new Set([...bound, ...imports.bound()]);
  for (const plan of pending) {
    const attrs = pythonIdentifiers(
      plan.columns.map((c) => c.column.name),
      reserved,
    );
    for (const column of plan.columns) {
      column.attr = attrs.get(column.column.name)!;
      column.nameArg = column.attr === column.column.name ? null : pythonString(column.column.name);
    }
  }
  return { catalog, imports, definitions, tables: pending };
}

/**
 * The partitions under a partitioned table, parents before their own partitions: Retort's
 * SQL for each, run by create_all after it creates the table, as SQLAlchemy has no
 * partitions of its own.
 */
function partitionDdl(catalog: Catalog, root: string): string[] {
  const out: string[] = [];
  const visit = (parent: string) => {
    for (const t of catalog.tables) {
      if (t.partitionOf?.table !== parent) continue;
      const { indexes: _indexes, ...table } = t;
      out.push(...renderOperationSql({ kind: 'create_table', table }));
      visit(t.name);
    }
  };
  visit(root);
  return out;
}

function foreignKeyOptions(fk: CatalogForeignKey, named: boolean, useAlter: boolean): string[] {
  const options: string[] = [];
  if (fk.onDelete !== 'NO ACTION') options.push(`ondelete=${pythonString(fk.onDelete)}`);
  if (fk.onUpdate !== 'NO ACTION') options.push(`onupdate=${pythonString(fk.onUpdate)}`);
  if (fk.deferrable) options.push('deferrable=True');
  if (fk.initiallyDeferred) options.push("initially='DEFERRED'");
  if (fk.match === 'FULL') options.push("match='FULL'");
  if (named || fk.notValid) options.push(`name=${pythonString(fk.name)}`);
  // The key closes a cycle between tables: create_all adds it by ALTER TABLE after both exist.
  // A NOT VALID key is added that way too: Postgres validates a key made with its table.
  if (useAlter || fk.notValid) options.push('use_alter=True');
  if (fk.notValid) options.push('postgresql_not_valid=True');
  return options;
}

/** `__table_args__ = (...)` lines for a class body, or none. */
export function renderTableArgs(args: readonly string[]): string[] {
  if (args.length === 0) return [];
  if (args.length === 1 && args[0]!.startsWith('{')) return [`    __table_args__ = ${args[0]}`];
  return ['    __table_args__ = (', ...args.map((arg) => `        ${arg},`), '    )'];
}

/** Lines longer than this are broken one argument a line, as black would. */
const LINE_WIDTH = 120;

/** `    attr = Column(a, b)`, or one argument a line when that is too long. */
export function renderCall(
  lead: string,
  callee: string,
  args: readonly (string | null)[],
): string[] {
  const present = args.filter((a): a is string => a !== null);
  const line = `${lead}${callee}(${present.join(', ')})`;
  if (line.length <= LINE_WIDTH) return [line];
  const indent = lead.match(/^ */)![0];
  return [`${lead}${callee}(`, ...present.map((a) => `${indent}    ${a},`), `${indent})`];
}
