/**
 * Preflight: for each operation that can fail on existing rows, the number of rows that
 * would actually break it (never a bare row count of the table); for a dropped column, the
 * rows whose value would be lost, and for a dropped table, its rows. Runs against the database
 * as it is before `operations`, so names are mapped back through the renames earlier in
 * the list, and tables or columns the list itself creates are skipped: they hold no rows yet.
 * Read-only; each count runs under a savepoint so a count that cannot run leaves the
 * transaction usable.
 *
 * Outside a run (the review of pending changes), nothing from the design is evaluated that
 * could have side effects: a new check is counted only when every function and operator it
 * calls is immutable or stable in the database's catalog. Inside the run's own transaction,
 * after the person applied, every check is counted.
 */
import { exclusionOperatorSql } from '@retort/codegen';
import {
  type CatalogSequence,
  expressionRoutines,
  isStandaloneObjectOperation,
  LiveNames,
  NOT_RESTORED,
  type Operation,
  quoteIdentifier as q,
  quoteQualifiedIdentifier as qt,
  unhandledOperation,
} from '@retort/core';
import type { Database, DataLoss, PreflightFinding, Queryable } from '../contract';
import { SESSION_SETTINGS } from '../runner/session-settings';

type Count = Omit<PreflightFinding, 'operation' | 'query' | 'sample'> & {
  sql: string;
  /** The live table whose rows break, and a SELECT listing them all. */
  table: string;
  list: string;
};

/** What a drop deletes, before its rows are counted. */
type Dropped = Omit<DataLoss, 'operation' | 'rows'>;

/** The preflight's findings and, from the same counts, everything the operations drop. */
export interface PreflightReport {
  findings: PreflightFinding[];
  /** Every table, column and enum dropped, with the rows (for a column: values) it holds now. */
  dataLoss: DataLoss[];
}

/** Preflight before anything is applied: design expressions with possible side effects are not run. */
export function preflight(
  db: Queryable | Database,
  operations: readonly Operation[],
): Promise<PreflightFinding[]> {
  // Savepoints need a transaction; a Database gets one of its own, rolled back by nothing written.
  return 'transaction' in db
    ? db.transaction(async (tx) => {
        for (const setting of SESSION_SETTINGS) await tx.query(setting);
        return preflightIn(tx, operations, { evaluate: 'side-effect-free' });
      })
    : preflightIn(db, operations, { evaluate: 'side-effect-free' });
}

export interface PreflightOptions {
  /**
   * `all` (inside the run's transaction, after the person applied): every new check is
   * counted. `side-effect-free`: only checks whose functions and operators are all
   * immutable or stable.
   */
  evaluate: 'all' | 'side-effect-free';
}

/** Preflight on a connection already inside a transaction (the runner's). */
export async function preflightIn(
  db: Queryable,
  operations: readonly Operation[],
  options: PreflightOptions = { evaluate: 'all' },
): Promise<PreflightFinding[]> {
  return (await preflightReport(db, operations, options)).findings;
}

/**
 * Preflight, and what the operations drop with the rows lost: one count per drop serves
 * both (a finding when it holds rows; an entry of `dataLoss` always, zero rows included).
 */
export async function preflightReport(
  db: Queryable,
  operations: readonly Operation[],
  options: PreflightOptions = { evaluate: 'all' },
): Promise<PreflightReport> {
  const names = new LiveNames();
  const castCheck = await castChecker(db);
  const findings: PreflightFinding[] = [];
  const dataLoss: DataLoss[] = [];
  const unsafe =
    options.evaluate === 'all' ? new Map<string, string>() : await unsafeChecks(db, operations);
  for (const [index, op] of operations.entries()) {
    const checked = checkedExpression(op);
    const notRun = checked === null ? undefined : unsafe.get(checked);
    if ((op.kind === 'create_check' || op.kind === 'set_check_validity') && notRun !== undefined) {
      findings.push({
        operation: index,
        code: 'check_counted_at_apply',
        rows: 0,
        message: `The ${op.kind === 'create_check' ? 'new ' : ''}check ${op.check.name} calls ${notRun}, which may change data, so it is not run before you apply; the rows that fail it are counted when the revision is applied.`,
      });
      names.follow(op);
      continue;
    }
    if (op.kind === 'drop_sequence') {
      const finding = await sequenceValueLost(db, op.sequence);
      if (finding) findings.push({ operation: index, ...finding });
    }
    const dropped = droppedBy(op);
    let lost = 0;
    for (const count of counts(op, names, castCheck)) {
      const rows = await countRows(db, count.sql);
      if (DATA_LOST.has(count.code)) lost = rows;
      if (rows > 0) {
        const plural = rows === 1 ? 'row' : 'rows';
        findings.push({
          operation: index,
          code: count.code,
          rows,
          query: count.list,
          sample: await sampleKeys(db, count.table, count.list),
          message: count.message
            .replace('{rows}', `${rows} ${plural}`)
            // `{hold}`: the verb agreeing with the count.
            .replace(/\{(hold|share|point|fail|go|conflict)\}/g, (_, verb: string) =>
              rows === 1 ? `${verb}${verb === 'go' ? 'es' : 's'}` : verb,
            ),
        });
      }
    }
    // A table or column the list itself created holds no rows yet; an enum's values are
    // counted with the columns that use it.
    if (dropped) dataLoss.push({ operation: index, ...dropped, rows: lost });
    names.follow(op);
  }
  return { findings, dataLoss };
}

/**
 * A sequence that has handed out values loses its place when dropped: the downgrade creates
 * it again at its start, so new rows could take numbers old ones have.
 */
async function sequenceValueLost(
  db: Queryable,
  sequence: CatalogSequence,
): Promise<Omit<PreflightFinding, 'operation'> | null> {
  const exists = await db.query<{ found: boolean }>(
    `SELECT to_regclass(${literal(qt(sequence.name))}) IS NOT NULL AS found`,
  );
  if (!exists.rows[0]?.found) return null;
  const { rows } = await db.query<{ last: string; called: boolean }>(
    `SELECT last_value::text AS last, is_called AS called FROM ${qt(sequence.name)}`,
  );
  const row = rows[0];
  if (!row?.called) return null;
  return {
    code: 'sequence_value_lost',
    rows: 0,
    message: `Sequence ${sequence.name} has handed out values up to ${row.last}; dropping it loses that, and a downgrade creates it again starting at ${sequence.start}.`,
  };
}

/** Preflight codes for data a drop deletes, rather than rows that break a statement. */
export const DATA_LOST: ReadonlySet<string> = new Set(['values_lost', 'rows_lost']);

function droppedBy(op: Operation): Dropped | null {
  switch (op.kind) {
    case 'drop_table':
      return { kind: 'table', table: op.table.name, name: op.table.name };
    case 'drop_column':
      return { kind: 'column', table: op.table, name: op.column.name };
    case 'drop_enum':
      return { kind: 'enum', table: null, name: op.enum.name };
    default:
      return null;
  }
}

/** A SQL predicate: whether `value` (text) casts to `type`. */
type CastCheck = (value: string, type: string) => string;

async function castChecker(db: Queryable): Promise<CastCheck> {
  const { rows } = await db.query<{ v: number }>(
    `SELECT current_setting('server_version_num')::int AS v`,
  );
  if ((rows[0]?.v ?? 0) >= 160000) {
    return (value, type) => `pg_input_is_valid(${value}, ${literal(type)})`;
  }
  // Before Postgres 16: try the cast per row, catching the error, in a session function.
  await db.exec(`CREATE OR REPLACE FUNCTION pg_temp.retort_casts(value text, type text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT %L::%s', value, type);
  RETURN true;
EXCEPTION WHEN others THEN
  RETURN false;
END $$`);
  return (value, type) => `pg_temp.retort_casts(${value}, ${literal(type)})`;
}

/** The expression an operation checks every existing row against, if it does. */
function checkedExpression(op: Operation): string | null {
  if (op.kind === 'create_check') return op.check.notValid ? null : op.check.expression;
  if (op.kind === 'set_check_validity') return op.valid ? op.check.expression : null;
  return null;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The new checks that must not run before the person applies, each with the first routine
 * that makes it so: a function or operator the catalog does not know, or knows as volatile
 * (any overload of its name counts).
 */
async function unsafeChecks(
  db: Queryable,
  operations: readonly Operation[],
): Promise<Map<string, string>> {
  const checks = operations.flatMap((op) => {
    const checked = checkedExpression(op);
    return checked === null ? [] : [checked];
  });
  const unsafe = new Map<string, string>();
  if (checks.length === 0) return unsafe;
  const routines = new Map(checks.map((sql) => [sql, expressionRoutines(sql)]));
  const functions = [...new Set([...routines.values()].flatMap((r) => r?.functions ?? []))];
  const operators = [...new Set([...routines.values()].flatMap((r) => r?.operators ?? []))];
  const { rows: procs } = await db.query<{ schema: string; name: string; volatile: boolean }>(
    `SELECT n.nspname AS schema, p.proname AS name, p.provolatile = 'v' AS volatile
     FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE p.proname = ANY($1::text[])`,
    [functions.map((f) => f.split('.').at(-1)!)],
  );
  const { rows: ops } = await db.query<{ name: string; volatile: boolean }>(
    `SELECT o.oprname AS name, p.provolatile = 'v' AS volatile
     FROM pg_operator o JOIN pg_proc p ON p.oid = o.oprcode
     WHERE o.oprname = ANY($1::text[])`,
    [operators],
  );
  const safeFunction = (name: string): boolean => {
    const parts = name.split('.');
    const fn = parts.at(-1)!;
    const schema = parts.length > 1 ? parts[0] : null;
    const found = procs.filter((p) => p.name === fn && (schema === null || p.schema === schema));
    return found.length > 0 && found.every((p) => !p.volatile);
  };
  const safeOperator = (name: string): boolean => {
    const found = ops.filter((o) => o.name === name);
    return found.length > 0 && found.every((o) => !o.volatile);
  };
  for (const [sql, used] of routines) {
    if (!used) {
      unsafe.set(sql, 'something Retort cannot read');
      continue;
    }
    const fn = used.functions.find((f) => !safeFunction(f));
    const op = used.operators.find((o) => !safeOperator(o));
    if (fn !== undefined) unsafe.set(sql, `${fn}()`);
    else if (op !== undefined) unsafe.set(sql, `the operator ${op}`);
  }
  return unsafe;
}

/** The primary key (or, without one, every column) of the first few breaking rows. */
async function sampleKeys(
  db: Queryable,
  table: string,
  list: string,
): Promise<Record<string, string | null>[]> {
  await db.exec('SAVEPOINT retort_preflight');
  try {
    const { rows: keys } = await db.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
       WHERE i.indrelid = ${literal(qt(table))}::regclass AND i.indisprimary
       ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    );
    const columns = keys.length > 0 ? keys.map((k) => `breaking.${q(k.name)}`).join(', ') : '*';
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT ${columns} FROM (${list}) AS breaking LIMIT ${SAMPLE_SIZE}`,
    );
    await db.exec('RELEASE SAVEPOINT retort_preflight');
    return rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)])),
    );
  } catch {
    await db.exec('ROLLBACK TO SAVEPOINT retort_preflight');
    return [];
  }
}

const SAMPLE_SIZE = 3;

async function countRows(db: Queryable, sql: string): Promise<number> {
  await db.exec('SAVEPOINT retort_preflight');
  try {
    const { rows } = await db.query<{ n: string | number }>(sql);
    await db.exec('RELEASE SAVEPOINT retort_preflight');
    return Number(rows[0]?.n ?? 0);
  } catch {
    await db.exec('ROLLBACK TO SAVEPOINT retort_preflight');
    return 0;
  }
}

/** Rows from which a materialized view built inside a revision makes its readers wait long. */
export const LARGE_MATERIALIZED_VIEW_ROWS = 100_000;

function counts(op: Operation, names: LiveNames, casts: CastCheck): Count[] {
  const liveTable = (name: string) => names.table(name);
  const liveColumns = (table: string, columns: readonly string[]) => {
    const live = columns.map((c) => names.column(table, c));
    return live.every((c) => c !== null) ? (live as string[]) : null;
  };
  // Of the standalone objects, only a materialized view has rows to count: the ones it reads.
  if (isStandaloneObjectOperation(op) && op.kind !== 'create_object') return [];
  switch (op.kind) {
    case 'create_object': {
      const o = op.object;
      if (o.kind !== 'materialized_view') return [];
      return o.dependsOn.flatMap((dep) => {
        const table = dep.startsWith('table:') ? liveTable(dep.slice('table:'.length)) : null;
        if (!table) return [];
        const t = qt(table);
        return [
          {
            code: 'materialized_view_over_large_table',
            rows: 0,
            message: `${dep.slice('table:'.length)} holds {rows}, from which materialized view ${o.schema}.${o.name} is filled inside the revision's transaction without CONCURRENTLY; its readers wait until the revision commits.`,
            sql: `SELECT CASE WHEN n >= ${LARGE_MATERIALIZED_VIEW_ROWS} THEN n ELSE 0 END AS n FROM (SELECT count(*) AS n FROM ${t}) AS counted`,
            table,
            list: `SELECT * FROM ${t}`,
          },
        ];
      });
    }
    case 'alter_column': {
      const table = liveTable(op.table);
      const column = table && names.column(op.table, op.before.name);
      if (!table || !column) return [];
      const t = qt(table);
      const c = q(column);
      const out: Count[] = [];
      if (op.before.type !== op.after.type) {
        const length = stringLength(op.after.type);
        if (length !== null && stringLength(op.before.type) !== length) {
          out.push({
            code: 'rows_too_long',
            rows: 0,
            message: `{rows} of ${op.table} {hold} a value in ${op.before.name} longer than ${length} characters, the new length.`,
            sql: `SELECT count(*) AS n FROM ${t} WHERE ${c} IS NOT NULL AND char_length(${c}::text) > ${length}`,
            table,
            list: `SELECT * FROM ${t} WHERE char_length(${c}::text) > ${length}`,
          });
        } else if (length === null && !isUnboundedText(op.after.type)) {
          out.push({
            code: 'rows_not_castable',
            rows: 0,
            message: `{rows} of ${op.table} {hold} a value in ${op.before.name} that does not convert to ${op.after.type}.`,
            sql: `SELECT count(*) AS n FROM ${t} WHERE ${c} IS NOT NULL AND NOT ${casts(`${c}::text`, op.after.type)}`,
            table,
            list: `SELECT * FROM ${t} WHERE ${c} IS NOT NULL AND NOT ${casts(`${c}::text`, op.after.type)}`,
          });
        }
      }
      if (op.before.nullable && !op.after.nullable) {
        out.push({
          code: 'null_rows',
          rows: 0,
          message: `{rows} of ${op.table} {hold} NULL in ${op.before.name}, which becomes NOT NULL.`,
          sql: `SELECT count(*) AS n FROM ${t} WHERE ${c} IS NULL`,
          table,
          list: `SELECT * FROM ${t} WHERE ${c} IS NULL`,
        });
      }
      return out;
    }
    case 'add_column': {
      const table = liveTable(op.table);
      if (!table || op.column.nullable || op.column.default !== null || op.column.autoincrement)
        return [];
      // Every existing row gets NULL in a NOT NULL column without a default: each one breaks.
      return [
        {
          code: 'null_rows',
          rows: 0,
          message: `{rows} of ${op.table} would get NULL in the new NOT NULL column ${op.column.name}, which has no default.`,
          sql: `SELECT count(*) AS n FROM ${qt(table)}`,
          table,
          list: `SELECT * FROM ${qt(table)}`,
        },
      ];
    }
    case 'create_primary_key':
    case 'create_unique':
    case 'create_index': {
      const key =
        op.kind === 'create_primary_key'
          ? op.primaryKey
          : op.kind === 'create_unique'
            ? op.unique
            : op.index;
      if (op.kind === 'create_index' && !op.index.unique) return [];
      const table = liveTable(op.table);
      const columns = table && liveColumns(op.table, key.columns);
      if (!table || !columns) return [];
      const list = columns.map(q).join(', ');
      const notNull = columns.map((c) => `${q(c)} IS NOT NULL`).join(' AND ');
      const out: Count[] = [
        {
          code: 'duplicate_rows',
          rows: 0,
          message: `{rows} of ${op.table} {share} their (${key.columns.join(', ')}) with another row, so ${key.name} cannot be created.`,
          sql: `SELECT coalesce(sum(n), 0) AS n FROM (SELECT count(*) AS n FROM ${qt(table)} WHERE ${notNull} GROUP BY ${list} HAVING count(*) > 1) AS d`,
          table,
          list: `SELECT * FROM ${qt(table)} WHERE (${list}) IN (SELECT ${list} FROM ${qt(table)} WHERE ${notNull} GROUP BY ${list} HAVING count(*) > 1) ORDER BY ${list}`,
        },
      ];
      if (op.kind === 'create_primary_key') {
        out.push({
          code: 'null_rows',
          rows: 0,
          message: `{rows} of ${op.table} {hold} NULL in (${key.columns.join(', ')}), the new primary key.`,
          sql: `SELECT count(*) AS n FROM ${qt(table)} WHERE NOT (${notNull})`,
          table,
          list: `SELECT * FROM ${qt(table)} WHERE NOT (${notNull})`,
        });
      }
      return out;
    }
    case 'create_foreign_key': {
      const fk = op.foreignKey;
      const table = liveTable(op.table);
      const ref = liveTable(fk.refTable);
      const columns = table && liveColumns(op.table, fk.columns);
      const refColumns = ref && liveColumns(fk.refTable, fk.refColumns);
      if (!table || !ref || !columns || !refColumns) return [];
      const notNull = columns.map((c) => `c.${q(c)} IS NOT NULL`).join(' AND ');
      const match = columns.map((c, i) => `p.${q(refColumns[i]!)} = c.${q(c)}`).join(' AND ');
      return [
        {
          code: 'orphan_rows',
          rows: 0,
          message: `{rows} of ${op.table} {point} to a ${fk.refTable} row that does not exist, so ${fk.name} cannot be created.`,
          sql: `SELECT count(*) AS n FROM ${qt(table)} AS c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${qt(ref)} AS p WHERE ${match})`,
          table,
          list: `SELECT c.* FROM ${qt(table)} AS c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${qt(ref)} AS p WHERE ${match})`,
        },
      ];
    }
    case 'create_check':
    case 'set_check_validity': {
      const table = liveTable(op.table);
      if (!table || table !== op.table || checkedExpression(op) === null) return [];
      return [
        {
          code: 'rows_failing_check',
          rows: 0,
          message: `{rows} of ${op.table} {fail} the ${op.kind === 'create_check' ? 'new ' : ''}check ${op.check.name} (${op.check.expression}).`,
          sql: `SELECT count(*) AS n FROM ${qt(table)} WHERE NOT (${op.check.expression})`,
          table,
          list: `SELECT * FROM ${qt(table)} WHERE NOT (${op.check.expression})`,
        },
      ];
    }
    case 'create_exclusion': {
      // Rows conflicting with another row, compared element by element as the constraint
      // will; only for column elements, which name no column a self-join would confuse.
      const x = op.exclusion;
      const table = liveTable(op.table);
      const columns = x.elements.map((e) => e.column ?? null);
      if (!table || x.where !== undefined || columns.includes(null)) return [];
      const live = liveColumns(op.table, columns as string[]);
      if (!live) return [];
      const conflict = live
        .map((c, i) => `a.${q(c)} ${exclusionOperatorSql(x.elements[i]!.operator)} b.${q(c)}`)
        .join(' AND ');
      const conflicting = `FROM ${qt(table)} AS a WHERE EXISTS (SELECT 1 FROM ${qt(table)} AS b WHERE a.ctid <> b.ctid AND ${conflict})`;
      return [
        {
          code: 'conflicting_rows',
          rows: 0,
          message: `{rows} of ${op.table} {conflict} with another row (${live.map((c, i) => `${c} WITH ${x.elements[i]!.operator}`).join(', ')}), so ${x.name} cannot be created.`,
          sql: `SELECT count(*) AS n ${conflicting}`,
          table,
          list: `SELECT a.* ${conflicting}`,
        },
      ];
    }
    case 'drop_column': {
      const table = liveTable(op.table);
      const column = table && names.column(op.table, op.column.name);
      if (!table || !column) return [];
      return [
        {
          code: 'values_lost',
          rows: 0,
          message: `{rows} of ${op.table} {hold} a value in ${op.column.name}, which is dropped with the column; ${NOT_RESTORED} (the column comes back empty).`,
          sql: `SELECT count(*) AS n FROM ${qt(table)} WHERE ${q(column)} IS NOT NULL`,
          table,
          list: `SELECT * FROM ${qt(table)} WHERE ${q(column)} IS NOT NULL`,
        },
      ];
    }
    case 'detach_partition': {
      // The rows stay in the table, but the parent's readers lose them.
      const table = liveTable(op.table);
      if (!table) return [];
      return [
        {
          code: 'rows_lost',
          rows: 0,
          message: `{rows} of ${op.table} {go} out of ${op.parent}: its readers no longer see them (they stay in ${op.table}).`,
          sql: `SELECT count(*) AS n FROM ${qt(table)}`,
          table,
          list: `SELECT * FROM ${qt(table)}`,
        },
      ];
    }
    case 'drop_table': {
      const table = liveTable(op.table.name);
      if (!table) return [];
      return [
        {
          code: 'rows_lost',
          rows: 0,
          message: `{rows} of ${op.table.name} {go} with the table; ${NOT_RESTORED} (the table comes back empty).`,
          sql: `SELECT count(*) AS n FROM ${qt(table)}`,
          table,
          list: `SELECT * FROM ${qt(table)}`,
        },
      ];
    }
    case 'alter_enum': {
      const renamed = new Set(op.renames.map((r) => r.from));
      const removed = op.before.filter((v) => !op.after.includes(v) && !renamed.has(v));
      if (removed.length === 0) return [];
      const values = removed.map(literal).join(', ');
      return op.usages.flatMap((usage): Count[] => {
        const table = liveTable(usage.table);
        const column = table && names.column(usage.table, usage.column);
        if (!table || !column) return [];
        return [
          {
            code: 'rows_with_removed_value',
            rows: 0,
            message: `{rows} of ${usage.table} {hold} a value in ${usage.column} that ${op.name} no longer has (${removed.join(', ')}).`,
            sql: `SELECT count(*) AS n FROM ${qt(table)} WHERE ${q(column)}::text IN (${values})`,
            table,
            list: `SELECT * FROM ${qt(table)} WHERE ${q(column)}::text IN (${values})`,
          },
        ];
      });
    }
    case 'create_schema':
    case 'drop_schema':
    case 'set_schema_comment':
    case 'set_table_schema':
    case 'set_enum_schema':
    case 'create_table':
    case 'rename_table':
    case 'attach_partition':
    case 'set_table_comment':
    case 'drop_primary_key':
    case 'drop_foreign_key':
    case 'drop_unique':
    case 'drop_index':
    case 'drop_check':
    case 'drop_exclusion':
    case 'set_exclusion_comment':
    case 'set_constraint_comment':
    case 'set_index_comment':
    case 'create_enum':
    case 'drop_enum':
    case 'rename_enum':
    case 'rename_constraint':
    case 'rename_index':
    case 'execute':
      return [];
    default:
      return unhandledOperation(op);
  }
}

function stringLength(type: string): number | null {
  const match = /^(?:VARCHAR|CHAR)\((\d+)\)$/.exec(type);
  return match ? Number(match[1]) : null;
}

function isUnboundedText(type: string): boolean {
  return type === 'TEXT' || type === 'VARCHAR';
}
