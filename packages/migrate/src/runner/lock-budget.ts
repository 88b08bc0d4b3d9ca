/**
 * Postgres takes a lock per object a transaction touches and keeps them all to commit. The
 * shared lock table is sized for `max_locks_per_transaction` × every backend slot, and may
 * grow into spare shared memory beyond that, so how many locks fit is known only by trying:
 * a run is never refused up front. When the table overflows, Postgres reports `out of shared
 * memory` (53200) and the run's single transaction rolls back whole; the estimate here only
 * names the setting that would let that run through.
 */
import type { Catalog, CatalogTable, Operation } from '@retort/core';
import { qualifiedName, RetortError } from '@retort/core';
import type { Queryable } from '../contract';

export interface LockStep {
  operations: readonly Operation[];
  /** The catalogs before and after the step, to count a table's indexes and sequences. */
  before: Catalog;
  after: Catalog;
}

/** Locks a run of `steps` holds at commit, over-estimating rather than under. */
export function estimateLocks(steps: readonly LockStep[]): number {
  let total = 0;
  for (const step of steps) {
    const find = (catalog: Catalog, name: string) => catalog.tables.find((t) => t.name === name);
    const touched = new Map<string, number>();
    const touch = (name: string, weight: number) =>
      touched.set(name, Math.max(touched.get(name) ?? 0, weight));
    for (const op of step.operations) {
      switch (op.kind) {
        case 'drop_table': {
          const table = find(step.before, op.table.name);
          touch(op.table.name, table ? tableObjects(table) : 10);
          for (const fk of op.table.foreignKeys) touch(fk.refTable, 1);
          break;
        }
        case 'create_table': {
          const table = find(step.after, op.table.name);
          touch(op.table.name, table ? tableObjects(table) : 10);
          for (const fk of op.table.foreignKeys) touch(fk.refTable, 1);
          break;
        }
        case 'rename_table':
          touch(op.from, 1);
          break;
        case 'alter_enum':
          total += 2;
          for (const usage of op.usages)
            touch(usage.table, rewriteObjects(find(step.before, usage.table)));
          break;
        case 'create_enum':
        case 'drop_enum':
        case 'rename_enum':
        case 'set_enum_schema':
          total += 2;
          break;
        case 'set_table_schema':
          touch(qualifiedName(op.from, op.table), 1);
          break;
        case 'create_schema':
        case 'drop_schema':
        case 'set_schema_comment':
          total += 1;
          break;
        case 'execute':
          break;
        case 'create_extension':
        case 'drop_extension':
        case 'create_domain':
        case 'drop_domain':
        case 'alter_domain':
        case 'create_composite_type':
        case 'drop_composite_type':
        case 'alter_composite_type':
          // The type and its array type; an extension's own objects are counted as a few.
          total += op.kind.endsWith('extension') ? 8 : 2;
          break;
        case 'create_sequence':
        case 'drop_sequence':
        case 'alter_sequence':
        case 'set_sequence_owner':
        case 'rename_sequence':
          // The sequence, and the table of its owning column.
          total += 2;
          break;
        case 'create_object':
        case 'drop_object': {
          const o = op.object;
          total += 1;
          if (o.table !== null) touch(o.table, 1);
          break;
        }
        case 'replace_object':
          total += 1;
          if (op.after.table !== null) touch(op.after.table, 1);
          break;
        case 'create_foreign_key':
        case 'drop_foreign_key':
          touch(op.table, rewriteObjects(find(step.before, op.table)));
          touch(op.foreignKey.refTable, 1);
          break;
        default:
          touch(
            op.table,
            rewriteObjects(find(step.before, op.table) ?? find(step.after, op.table)),
          );
      }
    }
    for (const weight of touched.values()) total += weight;
  }
  return total;
}

const indexCount = (t: CatalogTable) =>
  (t.primaryKey ? 1 : 0) + t.uniques.length + t.indexes.length;
const sequenceCount = (t: CatalogTable) => t.columns.filter((c) => c.autoincrement).length;

/**
 * Creating or dropping a table locks about the same objects: the table, its row and array
 * types, its TOAST table, type and index, each index and its constraint, each sequence,
 * default and constraint, and the triggers behind each foreign key. Measured on Postgres 15:
 * 14.3 locks per table of `largeDesign`, where this counts 15.6.
 */
function tableObjects(t: CatalogTable): number {
  const defaults = t.columns.filter((c) => c.default !== null || c.autoincrement).length;
  return (
    6 +
    2 * indexCount(t) +
    2 * sequenceCount(t) +
    defaults +
    FOREIGN_KEY_OBJECTS * t.foreignKeys.length +
    t.checks.length
  );
}

/** A foreign key is a constraint and its triggers. */
const FOREIGN_KEY_OBJECTS = 4;

/** Altering a table may rewrite it with its TOAST table and every index. */
function rewriteObjects(t: CatalogTable | undefined): number {
  return t ? 3 + indexCount(t) + sequenceCount(t) : 4;
}

export interface LockBudget {
  maxLocksPerTransaction: number;
  /** Backend slots the table is sized for (connections, workers, WAL senders, prepared). */
  slots: number;
}

/** The SQLSTATE of a lock table that ran out of room (`out of shared memory`). */
export const OUT_OF_SHARED_MEMORY = '53200';

export async function lockBudget(db: Queryable): Promise<LockBudget> {
  const { rows } = await db.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings
      WHERE name IN ('max_locks_per_transaction', 'max_connections', 'autovacuum_max_workers',
                     'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions')`,
  );
  const get = (name: string) => Number(rows.find((r) => r.name === name)?.setting ?? 0);
  const maxLocksPerTransaction = get('max_locks_per_transaction') || 64;
  // Postgres' MaxBackends: connections, autovacuum workers and their launcher, background
  // workers, WAL senders; the lock table also counts prepared transactions.
  const slots = Math.max(
    1,
    get('max_connections') +
      get('autovacuum_max_workers') +
      1 +
      get('max_worker_processes') +
      get('max_wal_senders') +
      get('max_prepared_transactions'),
  );
  return { maxLocksPerTransaction, slots };
}

/**
 * The `max_locks_per_transaction` that lets a run needing about `needed` locks through: the
 * over-estimate spread over the table's slots, and at least double today's value (when the
 * estimate says it fits, other sessions' locks filled the table).
 */
export function requiredLocksSetting(budget: LockBudget, needed: number): number {
  return Math.max(Math.ceil(needed / budget.slots), 2 * budget.maxLocksPerTransaction);
}

/** The one sentence for a run the lock table could not hold. */
export function outOfLocksError(
  budget: LockBudget,
  needed: number,
  at: { revision: string; statement: string } | null,
): RetortError {
  const required = requiredLocksSetting(budget, needed);
  const where = at ? ` (at revision ${at.revision}: ${at.statement})` : '';
  return new RetortError(
    `Postgres ran out of lock table space${where}, so the run rolled back whole and nothing was changed: set max_locks_per_transaction to at least ${required} (now ${budget.maxLocksPerTransaction}) and restart Postgres, or apply fewer revisions at a time.`,
    'migration_failed',
    {
      needed,
      setting: 'max_locks_per_transaction',
      current: budget.maxLocksPerTransaction,
      required,
      ...(at ?? {}),
    },
  );
}
