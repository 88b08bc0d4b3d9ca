/**
 * A revision as an Alembic migration script, in the format `alembic revision --autogenerate`
 * writes (the tutorial's `804682fdc9c4_initial_migration.py`): the docstring header, the
 * revision identifiers, and `upgrade()` / `downgrade()` of `op.*` calls between Alembic's
 * markers. Anything Alembic has no directive for (enum values, constraint renames, SERIAL
 * sequences) is `op.execute` of the very statement Retort's SQL runs, so the real Alembic
 * builds exactly the catalog Retort's own SQL does.
 */
import {
  type CatalogColumn,
  type CatalogEnum,
  type CatalogForeignKey,
  INTEGER_TYPES,
  isStandaloneObjectOperation,
  makeObjectName,
  type Operation,
  parseCanonicalType,
  qualifiedName,
  reverseOperations,
  schemaOf,
  type TableSpec,
  unhandledOperation,
  unqualifiedName,
} from '@retort/core';
import {
  docstringText,
  escapeTextColons,
  PythonImports,
  pyEnumNameArgs,
  pyNameArgs,
  pythonString,
  pythonStrings,
  renderSaType,
  renderServerDefault,
  saIdentity,
} from '../python';
import { exclusionArguments } from '../python/exclusion-options';
import { indexArguments } from '../python/index-options';
import { deferrabilityKwargs } from '../python/literal';
import { alterColumnSteps } from '../sql/alter-column-steps';
import { quoteInSchemaOf, quoteLiteral, quoteName, quoteTable } from '../sql/identifier';
import {
  addCheckSql,
  addExclusionStatements,
  addForeignKey,
  addSerialSql,
  alterEnumSql,
  alterStepSql,
  constraintCommentSql,
  createIndexStatements,
  dropSerialSql,
  indexCommentSql,
  primaryKeyClause,
  renderOperationSql,
  serialTypeSql,
  tableConstraintComments,
  uniqueClause,
} from '../sql/render';

export interface AlembicRevisionInput {
  /** 12 hex characters. */
  id: string;
  parent: string | null;
  message: string;
  /** ISO 8601. */
  createdAt: string;
  operations: readonly Operation[];
  /** The enums the columns may use (values are only shown, never created, by columns). */
  enums: readonly CatalogEnum[];
}

const INDENT = '    ';
const NUMERIC_BASES = new Set(['SMALLINT', 'INTEGER', 'BIGINT', 'NUMERIC']);

/** `2022-07-14 10:29:18.479014`, as Alembic writes `Create Date` (here in UTC). */
export function alembicCreateDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const utc = date.toISOString(); // 2022-07-14T10:29:18.479Z
  const fraction = (/\.(\d+)/.exec(iso)?.[1] ?? '').padEnd(6, '0').slice(0, 6);
  return `${utc.slice(0, 10)} ${utc.slice(11, 19)}.${fraction}`;
}

class Renderer {
  readonly enums: CatalogEnum[];

  constructor(enums: readonly CatalogEnum[], ops: readonly Operation[]) {
    const known = new Map(enums.map((e) => [e.name, e]));
    const note = (name: string) => {
      if (!known.has(name)) known.set(name, { name, values: [] });
    };
    for (const op of ops) {
      if (op.kind === 'create_enum' || op.kind === 'drop_enum') note(op.enum.name);
      if (op.kind === 'rename_enum') {
        note(op.from);
        note(op.to);
      }
    }
    this.enums = [...known.values()];
  }

  /** Module-level definitions the rendered types need (a class for types SQLAlchemy lacks). */
  readonly helpers = new PythonImports();

  type(type: string, collation?: string): string {
    const rendered = renderSaType(type, {
      enums: this.enums,
      prefix: 'sa.',
      dialectPrefix: 'postgresql.',
      ...(collation === undefined ? {} : { collation }),
    });
    this.helpers.merge(rendered.imports);
    return rendered.expr;
  }

  execute(sql: string): string {
    return `op.execute(${pythonString(escapeTextColons(sql))})`;
  }

  /** `sa.Column(...)`; `serial` when SQLAlchemy makes this column SERIAL itself. */
  column(
    column: CatalogColumn,
    options: { serial: boolean; sequence: string | null; lonePk: boolean },
  ): string {
    const args = [pythonString(column.name), this.type(column.type, column.collation)];
    // Positional, so before the keywords.
    if (column.identity) args.push(saIdentity(column.identity, column.type, 'sa.'));
    if (column.generated !== undefined) {
      args.push(
        `sa.Computed(${pythonString(escapeTextColons(column.generated), '"')}, persisted=True)`,
      );
    }
    if (options.sequence !== null) {
      args.push(
        `server_default=sa.text(${pythonString(`nextval(${quoteLiteral(quoteTable(options.sequence))}::regclass)`)})`,
      );
    } else if (column.default !== null && !column.autoincrement) {
      args.push(`server_default=${renderServerDefault(column.default, 'alembic').expr}`);
    }
    if (options.serial) args.push('autoincrement=True');
    else if (options.lonePk && mayBecomeSerial(column)) {
      // SQLAlchemy would make a lone integer primary key SERIAL unless told not to.
      args.push('autoincrement=False');
    }
    const nullable = column.autoincrement ? false : column.nullable;
    args.push(`nullable=${nullable ? 'True' : 'False'}`);
    if (column.comment !== null) args.push(`comment=${pythonString(column.comment)}`);
    return `sa.Column(${args.join(', ')})`;
  }

  foreignKey(fk: CatalogForeignKey): string {
    // SQLAlchemy splits a "table.column" string at every dot (the first parts name a
    // schema), so a name holding a dot is given as a column of a throwaway Table instead.
    const ref = pyNameArgs(fk.refTable);
    const refs = hasDot(fk)
      ? fk.refColumns.map(
          (c) =>
            `sa.Table(${[ref.name, 'sa.MetaData()', `sa.Column(${pythonString(c)})`, ...ref.kw].join(', ')}).c[${pythonString(c)}]`,
        )
      : fk.refColumns.map((c) => pythonString(`${fk.refTable}.${c}`));
    return `sa.ForeignKeyConstraint([${pythonStrings(fk.columns)}], [${refs.join(', ')}], ${[`name=${pythonString(fk.name)}`, ...actions(fk)].join(', ')})`;
  }

  createForeignKey(table: string, fk: CatalogForeignKey): string {
    // Alembic joins referent and column with a dot, which a column name with a dot breaks.
    if (fk.refColumns.some((c) => c.includes('.'))) return this.execute(addForeignKey(table, fk));
    const source = pyNameArgs(table, 'source_schema');
    const referent = pyNameArgs(fk.refTable, 'referent_schema');
    const args = [
      pythonString(fk.name),
      source.name,
      referent.name,
      `[${pythonStrings(fk.columns)}]`,
      `[${pythonStrings(fk.refColumns)}]`,
      ...source.kw,
      ...referent.kw,
      ...actions(fk),
    ];
    if (fk.notValid) args.push('postgresql_not_valid=True');
    return `op.create_foreign_key(${args.join(', ')})`;
  }

  createTable(table: TableSpec): string[] {
    // op.create_table cannot make a partition: Postgres gives it the parent's columns.
    if (table.partitionOf)
      return renderOperationSql({ kind: 'create_table', table }).map((s) => this.execute(s));
    const pk = table.primaryKey;
    const serialColumn = table.columns.find(
      (c) => c.autoincrement && pk?.columns.includes(c.name) && INTEGER_TYPES.includes(c.type),
    );
    const sequences = new Map<string, string>();
    for (const c of table.columns) {
      if (c.autoincrement && c !== serialColumn) {
        sequences.set(c.name, makeObjectName(unqualifiedName(table.name), c.name, 'seq'));
      }
    }
    const before = [...sequences].map(([, seq]) =>
      this.execute(
        `CREATE SEQUENCE ${quoteInSchemaOf(table.name, seq)} AS ${table.columns.find((c) => sequences.get(c.name) === seq)!.type}`,
      ),
    );
    const args = table.columns.map((c) =>
      this.column(c, {
        serial: c === serialColumn,
        sequence: sequences.has(c.name)
          ? qualifiedName(schemaOf(table.name), sequences.get(c.name)!)
          : null,
        lonePk: pk?.columns.length === 1 && pk.columns[0] === c.name,
      }),
    );
    for (const k of table.checks) {
      if (k.notValid) continue;
      args.push(
        `sa.CheckConstraint(${pythonString(escapeTextColons(k.expression), '"')}, name=${pythonString(k.name)})`,
      );
    }
    // Postgres validates a key made with its table: a NOT VALID one is added after.
    const notValid = table.foreignKeys.filter((fk) => fk.notValid);
    for (const fk of table.foreignKeys) if (!fk.notValid) args.push(this.foreignKey(fk));
    if (pk)
      args.push(
        `sa.PrimaryKeyConstraint(${[pythonStrings(pk.columns), `name=${pythonString(pk.name)}`, ...deferrabilityKwargs(pk)].join(', ')})`,
      );
    const nullsNotDistinct = table.uniques.filter((u) => u.nullsNotDistinct);
    for (const u of table.uniques) {
      if (u.nullsNotDistinct) continue;
      const uargs = [pythonStrings(u.columns), `name=${pythonString(u.name)}`];
      args.push(`sa.UniqueConstraint(${[...uargs, ...deferrabilityKwargs(u)].join(', ')})`);
    }
    if (table.comment !== null) args.push(`comment=${pythonString(table.comment)}`);
    if (table.partitionBy) args.push(`postgresql_partition_by=${pythonString(table.partitionBy)}`);
    const named = pyNameArgs(table.name);
    args.push(...named.kw);
    const pad = ' '.repeat('op.create_table('.length);
    const call = `op.create_table(${named.name},\n${args.map((a) => `${pad}${a}`).join(',\n')}\n${pad})`;
    const after = [...sequences].map(([column, seq]) =>
      this.execute(
        `ALTER SEQUENCE ${quoteInSchemaOf(table.name, seq)} OWNED BY ${quoteTable(table.name)}.${quoteName(column)}`,
      ),
    );
    for (const u of nullsNotDistinct) {
      after.push(
        this.execute(
          `ALTER TABLE ${quoteTable(table.name)} ADD CONSTRAINT ${quoteName(u.name)} ${uniqueClause(u)}`,
        ),
      );
    }
    for (const fk of notValid) after.push(this.createForeignKey(table.name, fk));
    for (const k of table.checks) {
      if (k.notValid) after.push(this.execute(addCheckSql(table.name, k)));
    }
    after.push(...tableConstraintComments(table).map((s) => this.execute(s)));
    return [...before, call, ...after];
  }

  alterColumn(table: string, before: CatalogColumn, after: CatalogColumn): string[] {
    const out: string[] = [];
    // `current` is the column as the next op.alter_column call finds it; `next` after it.
    let current = { ...before };
    let next = { ...before };
    let group: string[] = [];
    const flush = () => {
      if (group.length > 0) out.push(this.alterCall(table, current, group));
      group = [];
      current = { ...next };
    };
    const execute = (statements: string[]) => {
      flush();
      out.push(...statements.map((s) => this.execute(s)));
    };
    for (const step of alterColumnSteps(before, after)) {
      switch (step.kind) {
        case 'drop_default':
          flush();
          out.push(this.alterCall(table, current, ['server_default=None']));
          current = { ...current, default: null };
          next = { ...current };
          break;
        case 'drop_serial':
          execute(dropSerialSql(table, current.name));
          current = { ...current, autoincrement: false, default: null };
          next = { ...current };
          break;
        case 'recreate':
          execute(alterStepSql(table, current, step));
          current = { ...step.column };
          next = { ...current };
          break;
        case 'drop_identity':
        case 'drop_expression':
        case 'add_identity':
        case 'set_identity':
          // Alembic's alter_column has no words for these; the SQL renderer's statement runs.
          execute(alterStepSql(table, current, step));
          break;
        case 'type': {
          if (step.collation !== undefined || current.collation !== undefined) {
            execute(alterStepSql(table, current, step));
            next = { ...current, type: step.type };
            current = { ...next };
            break;
          }
          const using = step.using
            ? `, postgresql_using=${pythonString(usingText(current, step.type))}`
            : '';
          group.push(`type_=${this.type(step.type)}${using}`);
          next.type = step.type;
          break;
        }
        case 'serial_type':
          execute([serialTypeSql(table, current.name, step.type)]);
          break;
        case 'nullable':
          group.push(`nullable=${step.nullable ? 'True' : 'False'}`);
          next.nullable = step.nullable;
          break;
        case 'set_default':
          group.push(
            `server_default=${step.sql === null ? 'None' : renderServerDefault(step.sql, 'alembic').expr}`,
          );
          next.default = step.sql;
          break;
        case 'add_serial':
          execute(addSerialSql(table, current.name, step.type));
          break;
        case 'comment':
          group.push(`comment=${step.comment === null ? 'None' : pythonString(step.comment)}`);
          if (current.comment !== null)
            group.push(`existing_comment=${pythonString(current.comment)}`);
          next.comment = step.comment;
          break;
        case 'rename':
          group.push(`new_column_name=${pythonString(step.to)}`);
          next.name = step.to;
          break;
      }
    }
    flush();
    return out;
  }

  private alterCall(table: string, current: CatalogColumn, changes: string[]): string {
    const typeChange = changes.find((c) => c.startsWith('type_='));
    const named = pyNameArgs(table);
    const args = [
      named.name,
      pythonString(current.name),
      `existing_type=${this.type(current.type)}`,
    ];
    // The type change goes first, as Alembic's own output has it.
    if (typeChange) args.push(typeChange);
    if (!changes.some((c) => c.startsWith('nullable='))) {
      args.push(`existing_nullable=${current.nullable ? 'True' : 'False'}`);
    }
    args.push(...changes.filter((c) => c !== typeChange), ...named.kw);
    return `op.alter_column(${args.join(', ')})`;
  }

  operation(op: Operation): string[] {
    return [...this.statements(op), ...this.createdConstraintComment(op)];
  }

  /** Alembic's create_* calls take no comment: `COMMENT ON CONSTRAINT` follows them. */
  private createdConstraintComment(op: Operation): string[] {
    const created = (table: string, c: { name: string; comment?: string }) =>
      c.comment === undefined ? [] : [this.execute(constraintCommentSql(table, c.name, c.comment))];
    switch (op.kind) {
      case 'create_primary_key':
        return created(op.table, op.primaryKey);
      case 'create_foreign_key':
        return created(op.table, op.foreignKey);
      case 'create_unique':
        return created(op.table, op.unique);
      case 'create_check':
        return created(op.table, op.check);
      default:
        return [];
    }
  }

  private statements(op: Operation): string[] {
    if (isStandaloneObjectOperation(op)) return renderOperationSql(op).map((s) => this.execute(s));
    switch (op.kind) {
      case 'create_table':
        return this.createTable(op.table);
      case 'drop_table':
        return [call('drop_table', op.table.name)];
      case 'rename_table':
        return [call('rename_table', op.from, pythonString(unqualifiedName(op.to)))];
      case 'set_table_comment': {
        const existing = op.from === null ? [] : [`existing_comment=${pythonString(op.from)}`];
        return op.to === null
          ? [call('drop_table_comment', op.table, ...existing)]
          : [call('create_table_comment', op.table, pythonString(op.to), ...existing)];
      }
      case 'add_column': {
        const c = op.column;
        if (!c.autoincrement) {
          return [
            call(
              'add_column',
              op.table,
              this.column(c, { serial: false, sequence: null, lonePk: false }),
            ),
          ];
        }
        const seq = makeObjectName(unqualifiedName(op.table), c.name, 'seq');
        return [
          this.execute(`CREATE SEQUENCE ${quoteInSchemaOf(op.table, seq)} AS ${c.type}`),
          call(
            'add_column',
            op.table,
            this.column(c, {
              serial: false,
              sequence: qualifiedName(schemaOf(op.table), seq),
              lonePk: false,
            }),
          ),
          this.execute(
            `ALTER SEQUENCE ${quoteInSchemaOf(op.table, seq)} OWNED BY ${quoteTable(op.table)}.${quoteName(c.name)}`,
          ),
        ];
      }
      case 'drop_column':
        return [call('drop_column', op.table, pythonString(op.column.name))];
      case 'alter_column':
        return this.alterColumn(op.table, op.before, op.after);
      case 'create_primary_key':
        // op.create_primary_key takes no deferrable: Retort's own SQL says it.
        if (op.primaryKey.deferrable) {
          return [
            this.execute(
              `ALTER TABLE ${quoteTable(op.table)} ADD CONSTRAINT ${quoteName(op.primaryKey.name)} ${primaryKeyClause(op.primaryKey)}`,
            ),
          ];
        }
        return [
          callNamed(
            'create_primary_key',
            op.primaryKey.name,
            op.table,
            `[${pythonStrings(op.primaryKey.columns)}]`,
          ),
        ];
      case 'drop_primary_key':
        return [dropConstraint(op.primaryKey.name, op.table, 'primary')];
      case 'create_foreign_key':
        return [this.createForeignKey(op.table, op.foreignKey)];
      case 'drop_foreign_key':
        return [dropConstraint(op.foreignKey.name, op.table, 'foreignkey')];
      case 'create_unique':
        // SQLAlchemy 1.4 has no NULLS NOT DISTINCT: Retort's own SQL says it.
        if (op.unique.nullsNotDistinct) {
          return [
            this.execute(
              `ALTER TABLE ${quoteTable(op.table)} ADD CONSTRAINT ${quoteName(op.unique.name)} ${uniqueClause(op.unique)}`,
            ),
          ];
        }
        return [
          callNamed(
            'create_unique_constraint',
            op.unique.name,
            op.table,
            `[${pythonStrings(op.unique.columns)}]`,
            ...deferrabilityKwargs(op.unique),
          ),
        ];
      case 'drop_unique':
        return [dropConstraint(op.unique.name, op.table, 'unique')];
      case 'create_index': {
        if (op.index.nullsNotDistinct) {
          return createIndexStatements(op.table, op.index).map((s) => this.execute(s));
        }
        const { keys, options } = indexArguments(op.index, 'sa.text');
        const comment =
          op.index.comment === undefined
            ? []
            : [this.execute(indexCommentSql(op.table, op.index.name, op.index.comment))];
        return [
          callNamed(
            'create_index',
            op.index.name,
            op.table,
            `[${keys.join(', ')}]`,
            `unique=${op.index.unique ? 'True' : 'False'}`,
            ...options,
          ),
          ...comment,
        ];
      }
      case 'drop_index':
        return [
          `op.drop_index(${[pythonString(op.index.name), `table_name=${pyNameArgs(op.table).name}`, ...pyNameArgs(op.table).kw].join(', ')})`,
        ];
      case 'create_check':
        // Alembic's create_check_constraint has no NOT VALID.
        if (op.check.notValid) return [this.execute(addCheckSql(op.table, op.check))];
        return [
          callNamed(
            'create_check_constraint',
            op.check.name,
            op.table,
            pythonString(escapeTextColons(op.check.expression), '"'),
          ),
        ];
      case 'drop_check':
        return [dropConstraint(op.check.name, op.table, 'check')];
      case 'create_exclusion': {
        const args = exclusionArguments(op.exclusion, 'sa.text');
        if (args === null) {
          return addExclusionStatements(op.table, op.exclusion).map((s) => this.execute(s));
        }
        const comment = addExclusionStatements(op.table, op.exclusion).slice(1);
        return [
          callNamed(
            'create_exclude_constraint',
            op.exclusion.name,
            op.table,
            ...args.elements,
            ...args.options,
          ),
          ...comment.map((s) => this.execute(s)),
        ];
      }
      case 'drop_exclusion':
        return [callNamed('drop_constraint', op.exclusion.name, op.table)];
      case 'create_enum':
        return [
          `postgresql.ENUM(${[...op.enum.values.map((v) => pythonString(v)), pyEnumNameArgs(op.enum.name)].join(', ')}).create(op.get_bind())`,
        ];
      case 'drop_enum':
        return [
          `postgresql.ENUM(${[...op.enum.values.map((v) => pythonString(v)), pyEnumNameArgs(op.enum.name)].join(', ')}).drop(op.get_bind())`,
        ];
      case 'alter_enum':
        return alterEnumSql(op).map((s) => this.execute(s));
      case 'set_check_validity':
      case 'set_exclusion_comment':
      case 'set_constraint_comment':
      case 'set_index_comment':
      case 'rename_enum':
      case 'rename_constraint':
      case 'rename_index':
      case 'create_schema':
      case 'drop_schema':
      case 'set_schema_comment':
      case 'set_table_schema':
      case 'set_enum_schema':
      case 'attach_partition':
      case 'detach_partition':
      case 'execute':
        return renderOperationSql(op).map((s) => this.execute(s));
      default:
        return unhandledOperation(op);
    }
  }
}

function mayBecomeSerial(column: CatalogColumn): boolean {
  // An identity or generated column has its values already; SQLAlchemy refuses
  // `autoincrement=False` beside an Identity.
  if (column.autoincrement || column.default !== null || column.identity) return false;
  if (column.generated !== undefined) return false;
  const info = parseCanonicalType(column.type, []);
  return !info.array && NUMERIC_BASES.has(info.base);
}

function usingText(column: CatalogColumn, to: string): string {
  // The SQL renderer's own USING clause, so both run the same conversion.
  const sql = renderOperationSql({
    kind: 'alter_column',
    table: 't',
    before: { ...column, default: null, autoincrement: false },
    after: { ...column, default: null, autoincrement: false, type: to },
  });
  const statement = sql.find((s) => s.includes(' USING '));
  return statement ? statement.slice(statement.indexOf(' USING ') + 7) : quoteName(column.name);
}

function actions(fk: CatalogForeignKey): string[] {
  const out: string[] = [];
  if (fk.onUpdate !== 'NO ACTION') out.push(`onupdate=${pythonString(fk.onUpdate)}`);
  if (fk.onDelete !== 'NO ACTION') out.push(`ondelete=${pythonString(fk.onDelete)}`);
  if (fk.deferrable) out.push('deferrable=True');
  if (fk.initiallyDeferred) out.push("initially='DEFERRED'");
  if (fk.match === 'FULL') out.push("match='FULL'");
  return out;
}

function dropConstraint(name: string, table: string, type: string): string {
  return callNamed('drop_constraint', name, table, `type_=${pythonString(type)}`);
}

/** `op.<fn>('users', ...args)`, with `schema='app'` last for a table outside public. */
function call(fn: string, table: string, ...args: string[]): string {
  const named = pyNameArgs(table);
  return `op.${fn}(${[named.name, ...args, ...named.kw].join(', ')})`;
}

/** `op.<fn>('name', 'users', ...args)`, for the calls that name their object before the table. */
function callNamed(fn: string, name: string, table: string, ...args: string[]): string {
  const named = pyNameArgs(table);
  return `op.${fn}(${[pythonString(name), named.name, ...args, ...named.kw].join(', ')})`;
}

function hasDot(fk: CatalogForeignKey): boolean {
  return unqualifiedName(fk.refTable).includes('.') || fk.refColumns.some((c) => c.includes('.'));
}

function body(lines: string[]): string {
  const inner = lines.length === 0 ? ['pass'] : lines;
  return [
    '# ### commands auto generated by Alembic - please adjust! ###',
    ...inner.flatMap((l) => l.split('\n')),
    '# ### end Alembic commands ###',
  ]
    .map((l) => (l.length === 0 ? l : `${INDENT}${l}`))
    .join('\n');
}

export function emitAlembicRevision(input: AlembicRevisionInput): string {
  const renderer = new Renderer(input.enums, input.operations);
  const upgrade = input.operations.flatMap((op) => renderer.operation(op));
  const downgrade = reverseOperations(input.operations).flatMap((op) => renderer.operation(op));
  const code = [...upgrade, ...downgrade].join('\n');
  const imports = ['from alembic import op', 'import sqlalchemy as sa'];
  if (/\bpostgresql\./.test(code)) imports.push('from sqlalchemy.dialects import postgresql');
  const helpers = renderer.helpers.renderHelpers();
  if (helpers.length > 0) imports.push(...helpers);
  return `"""${docstringText(input.message)}

Revision ID: ${input.id}
Revises: ${input.parent ?? ''}
Create Date: ${alembicCreateDate(input.createdAt)}

"""
${imports.join('\n')}

# revision identifiers, used by Alembic.
revision = ${pythonString(input.id)}
down_revision = ${input.parent === null ? 'None' : pythonString(input.parent)}
branch_labels = None
depends_on = None


def upgrade() -> None:
${body(upgrade)}


def downgrade() -> None:
${body(downgrade)}
`;
}
