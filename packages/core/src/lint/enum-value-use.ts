/**
 * `enum-value-used-in-same-revision`: Postgres refuses to use an enum value added by
 * `ALTER TYPE ... ADD VALUE` until that transaction commits ("unsafe use of new value"), and
 * a revision runs in one transaction. So a revision that adds a value and then uses it (a
 * column default, a check, hand-written SQL) passes review and fails at apply. Postgres 15
 * refuses it even for an enum created in the same revision (18 allows that), so those are
 * reported too: splitting works everywhere. A recreated type's values are new with it, so safe.
 */
import type { CatalogColumn } from '../catalog/types';
import { enumChange } from '../operations/enum-change';
import { unhandledOperation } from '../operations/exhaustive';
import { isStandaloneObjectOperation } from '../operations/standalone-objects';
import type { Operation } from '../operations/types';
import { readSql, type SqlLiteral } from './sql-literals';
import type { LintFinding } from './types';

export const ENUM_VALUE_USED_IN_SAME_REVISION = 'enum-value-used-in-same-revision';

interface Use {
  operation: number;
  enumName: string;
  value: string;
  /** `the default of orders.state`, `check orders_state_check on orders.state`, ... */
  place: string;
}

export function enumValueUses(ops: readonly Operation[]): LintFinding[] {
  /** Enum name -> values added by ADD VALUE earlier in the run, not yet committed. */
  const added = new Map<string, Set<string>>();
  /** Table -> column -> enum name, for the columns of an enum type known so far. */
  const columns = new Map<string, Map<string, string>>();
  const uses: Use[] = [];

  const enumOf = (type: string) => type.replace(/\[\]$/, '');
  const setColumn = (table: string, column: string, type: string | null) => {
    const map = columns.get(table) ?? new Map<string, string>();
    columns.set(table, map);
    if (type === null) map.delete(column);
    else map.set(column, enumOf(type));
  };
  /** The added values a literal holds, when it is cast to the enum or `typed` says it is of it. */
  const addedIn = (literal: SqlLiteral, enumName: string, values: Set<string>, typed: boolean) =>
    literal.cast === enumName || typed
      ? [literal.value, ...literal.elements].filter((v) => values.has(v))
      : [];
  const defaultUse = (operation: number, table: string, column: CatalogColumn) => {
    if (column.default === null) return;
    const text = readSql(column.default);
    for (const [enumName, values] of added) {
      const typed = enumOf(column.type) === enumName;
      for (const value of text.literals.flatMap((l) => addedIn(l, enumName, values, typed))) {
        uses.push({ operation, enumName, value, place: `the default of ${table}.${column.name}` });
      }
    }
  };
  /**
   * Uses in a check or statement: a literal cast to the enum (`'paid'::status`,
   * `CAST('paid' AS status)`), or compared with or assigned to a column of it.
   */
  const textUse = (operation: number, sql: string, tables: string[], place: string) => {
    const text = readSql(sql);
    for (const [enumName, values] of added) {
      const enumColumns = new Map(
        tables.flatMap((table) =>
          [...(columns.get(table) ?? [])]
            .filter(([, type]) => type === enumName)
            .map(([column]) => [column, `${table}.${column}`] as const),
        ),
      );
      for (const literal of text.literals) {
        const typed = literal.neighbours.some((w) => w === enumName || enumColumns.has(w));
        for (const value of addedIn(literal, enumName, values, typed)) {
          const column = literal.neighbours.map((word) => enumColumns.get(word)).find(Boolean);
          uses.push({
            operation,
            enumName,
            value,
            place: column ? `${place} on ${column}` : place,
          });
        }
      }
    }
  };

  ops.forEach((op, operation) => {
    if (isStandaloneObjectOperation(op)) return;
    switch (op.kind) {
      case 'drop_enum':
        added.delete(op.enum.name);
        return;
      case 'rename_enum': {
        const values = added.get(op.from);
        added.delete(op.from);
        if (values) added.set(op.to, values);
        for (const map of columns.values()) {
          for (const [column, type] of map) if (type === op.from) map.set(column, op.to);
        }
        return;
      }
      case 'alter_enum': {
        for (const usage of op.usages) setColumn(usage.table, usage.column, op.name);
        const change = enumChange(op);
        if (change.kind === 'recreate') {
          // A recreated type is new in this transaction, so all its values are safe.
          added.delete(op.name);
        } else if (change.kind === 'rename') {
          const values = added.get(op.name);
          for (const r of change.renames) {
            if (values?.delete(r.from)) values.add(r.to);
          }
        } else {
          const values = added.get(op.name) ?? new Set<string>();
          for (const v of change.values) values.add(v.value);
          added.set(op.name, values);
        }
        return;
      }
      case 'create_table': {
        const table = op.table.name;
        columns.delete(table);
        for (const c of op.table.columns) {
          setColumn(table, c.name, c.type);
          defaultUse(operation, table, c);
        }
        for (const check of op.table.checks) {
          textUse(operation, check.expression, [table], `check ${check.name}`);
        }
        return;
      }
      case 'drop_table':
        columns.delete(op.table.name);
        return;
      case 'rename_table': {
        const map = columns.get(op.from);
        columns.delete(op.from);
        if (map) columns.set(op.to, map);
        return;
      }
      case 'add_column':
        setColumn(op.table, op.column.name, op.column.type);
        defaultUse(operation, op.table, op.column);
        return;
      case 'drop_column':
        setColumn(op.table, op.column.name, null);
        return;
      case 'alter_column': {
        const { before, after } = op;
        setColumn(op.table, before.name, null);
        setColumn(op.table, after.name, after.type);
        if (before.default !== after.default || before.type !== after.type) {
          defaultUse(operation, op.table, after);
        }
        return;
      }
      case 'create_check':
        textUse(operation, op.check.expression, [op.table], `check ${op.check.name}`);
        return;
      case 'execute':
        for (const sql of op.upgrade) {
          const words = readSql(sql).words;
          const tables = [...columns.keys()].filter((t) => words.has(t));
          textUse(operation, sql, tables, 'hand-written SQL');
        }
        return;
      case 'create_schema':
      case 'drop_schema':
      case 'set_schema_comment':
      case 'set_table_schema':
      case 'set_enum_schema':
      case 'set_table_comment':
      case 'attach_partition':
      case 'detach_partition':
      case 'create_primary_key':
      case 'drop_primary_key':
      case 'create_foreign_key':
      case 'drop_foreign_key':
      case 'create_unique':
      case 'drop_unique':
      case 'create_index':
      case 'drop_index':
      case 'drop_check':
      case 'set_check_validity':
      case 'create_exclusion':
      case 'drop_exclusion':
      case 'set_exclusion_comment':
      case 'set_constraint_comment':
      case 'set_index_comment':
      case 'rename_constraint':
      case 'rename_index':
      case 'create_enum':
        return;
      default:
        unhandledOperation(op);
    }
  });

  const seen = new Set<string>();
  return uses
    .filter((use) => {
      const key = `${use.operation}\0${use.enumName}\0${use.value}\0${use.place}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((use) => ({
      code: ENUM_VALUE_USED_IN_SAME_REVISION,
      level: 'error',
      operation: use.operation,
      message: `Enum ${use.enumName} gets the value '${use.value}' in this revision and ${use.place} uses it; Postgres refuses a new enum value until the transaction that added it commits, so split this into two revisions: add the value first, then use it.`,
    }));
}
