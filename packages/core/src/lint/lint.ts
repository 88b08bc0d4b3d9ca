/**
 * Lint: what a reviewer must see before a run, one finding per risk, each with a stable code.
 * The codes are the union of Atlas' (DS1xx destructive, MF1xx data-dependent, BC1xx
 * backward-incompatible, CD1xx constraints) and squawk's rule names (locks and rewrites),
 * so a finding reads the same as in the tool a reviewer knows. Operations on a table created
 * in the same run say nothing about rows or locks: there are none yet.
 */

import type { Catalog, CatalogColumn, CatalogExclusion } from '../catalog/types';
import { identifierBytes, MAX_IDENTIFIER_BYTES } from '../naming/postgres-names';
import { comparableDefinition } from '../objects/catalog';
import { type CatalogObject, describeObject, objectKey } from '../objects/types';
import { bareName } from '../objects/validate';
import { needsUsing } from '../operations/casts';
import { NOT_RESTORED } from '../operations/data-loss';
import { enumChange } from '../operations/enum-change';
import { unhandledOperation } from '../operations/exhaustive';
import { LiveNames } from '../operations/live-names';
import type { Operation } from '../operations/types';
import { foldAliases } from './aliases';
import { enumValueUses } from './enum-value-use';
import { keyWidthFindings } from './key-widths';
import { narrowing } from './narrowing';
import { rewritesTable } from './rewrite';
import { sequenceFindings } from './sequences';
import type { LintFinding, LintLevel } from './types';
import { userTypeFindings } from './user-types';

const q = (name: string) => `"${name}"`;

/** Whether a trigger's definition (`... EXECUTE FUNCTION public.touch()`) calls `name`. */
function callsFunction(definition: string, name: string): boolean {
  const match = /EXECUTE (?:FUNCTION|PROCEDURE) (.+?)\(/i.exec(definition);
  if (!match) return false;
  const called = match[1]!.split('.').at(-1)!.replace(/^"|"$/g, '').replaceAll('""', '"');
  return called === name;
}
const at = (table: string, column: string) => `${table}.${column}`;

/** `room_id WITH =, during WITH &&`: the elements as the constraint lists them. */
function exclusionText(exclusion: CatalogExclusion): string {
  return exclusion.elements
    .map((e) => `${e.column ?? `(${e.expression})`} WITH ${e.operator}`)
    .join(', ');
}

/**
 * `after` gives the schema the operations lead to, for the findings that need more than the
 * operations say (column types at both ends of a foreign key); it is called only when one of
 * those findings could apply. `before`: the objects of the schema the operations start from,
 * so dropping a function a trigger still calls is seen even when the trigger is not part of
 * the change.
 */
export function lintOperations(
  ops: readonly Operation[],
  after?: () => Catalog,
  before: { objects?: readonly CatalogObject[] } = {},
): LintFinding[] {
  const findings: LintFinding[] = [];
  const dropped = new Set(
    ops.flatMap((op) => (op.kind === 'drop_object' ? [objectKey(op.object)] : [])),
  );
  const createdObjects = new Map(
    ops.flatMap((op) => (op.kind === 'create_object' ? [[objectKey(op.object), op.object]] : [])),
  );
  const created = new Set(createdObjects.keys());
  const triggers = [
    ...(before.objects ?? []).filter((o) => !dropped.has(objectKey(o))),
    ...ops.flatMap((op) => (op.kind === 'create_object' ? [op.object] : [])),
  ].filter((o) => o.kind === 'trigger' || o.kind === 'event_trigger');
  // Operations on a table created in the same list say nothing about rows or locks.
  const names = new LiveNames();
  const lintOne = (op: Operation, operation: number) => {
    const add = (code: string, level: LintLevel, message: string) =>
      findings.push({ code, level, message, operation });
    const existing = (table: string) => names.table(table) !== null;
    const identifiers = (...list: string[]) => {
      for (const name of list) {
        if (identifierBytes(name) > MAX_IDENTIFIER_BYTES) {
          add(
            'identifier-too-long',
            'error',
            `The name ${q(name)} is longer than ${MAX_IDENTIFIER_BYTES} bytes; Postgres would cut it short.`,
          );
        }
      }
    };
    const columnTypes = (table: string, column: CatalogColumn) => {
      const base = column.type.replace(/\[\]$/, '');
      if (base === 'TIMESTAMP') {
        add(
          'prefer-timestamptz',
          'notice',
          `Column ${at(table, column.name)} is TIMESTAMP; TIMESTAMPTZ keeps the time zone and compares correctly across zones.`,
        );
      }
      if (/^CHAR\(/.test(base)) {
        add(
          'ban-char-field',
          'notice',
          `Column ${at(table, column.name)} is ${base}, which pads values with spaces; prefer TEXT or VARCHAR.`,
        );
      }
      if (/^VARCHAR\(/.test(base)) {
        add(
          'prefer-text-field',
          'notice',
          `Column ${at(table, column.name)} is ${base}; changing its length later needs a lock, TEXT with a CHECK does not.`,
        );
      }
    };
    switch (op.kind) {
      case 'create_table': {
        identifiers(op.table.name, ...op.table.columns.map((c) => c.name));
        for (const c of op.table.columns) columnTypes(op.table.name, c);
        return;
      }
      case 'drop_table':
        add(
          'DS102',
          'warning',
          `Dropping table ${op.table.name} deletes all of its rows; ${NOT_RESTORED} (the table comes back empty).`,
        );
        if (op.table.partitionOf) {
          add(
            'drop-partition',
            'warning',
            `${op.table.name} is a partition of ${op.table.partitionOf.table}: its rows are gone from ${op.table.partitionOf.table} too, for every reader of it.`,
          );
        }
        add(
          'ban-drop-table',
          'warning',
          `Table ${op.table.name} is dropped; code still using it will fail.`,
        );
        return;
      case 'rename_table':
        identifiers(op.to);
        if (!existing(op.from)) return;
        add(
          'BC101',
          'warning',
          `Renaming table ${op.from} to ${op.to} breaks code that still uses the old name.`,
        );
        add(
          'renaming-table',
          'warning',
          `Table ${op.from} is renamed to ${op.to}; clients using ${op.from} fail until they are deployed with the new name.`,
        );
        return;
      case 'add_column': {
        const c = op.column;
        identifiers(c.name);
        columnTypes(op.table, c);
        if (!existing(op.table)) return;
        // Serial, identity and generated columns bring a value for every existing row.
        const filled = c.autoincrement || c.identity !== undefined || c.generated !== undefined;
        if (!c.nullable && c.default === null && !filled) {
          add(
            'MF103',
            'warning',
            `Adding NOT NULL column ${at(op.table, c.name)} without a default fails if ${op.table} has rows.`,
          );
          add(
            'adding-not-nullable-field',
            'warning',
            `Column ${at(op.table, c.name)} is added as NOT NULL without a default; add it nullable, backfill, then set NOT NULL.`,
          );
        }
        if (filled) {
          const kind = c.autoincrement ? 'serial' : c.identity ? 'identity' : 'generated';
          add(
            'adding-serial-primary-key-field',
            'warning',
            `Adding ${kind} column ${at(op.table, c.name)} rewrites ${op.table} under an exclusive lock.`,
          );
        }
        return;
      }
      case 'drop_column':
        if (!existing(op.table)) return;
        add(
          'DS103',
          'warning',
          `Dropping column ${at(op.table, op.column.name)} deletes its values; ${NOT_RESTORED} (the column comes back empty).`,
        );
        add(
          'ban-drop-column',
          'warning',
          `Column ${at(op.table, op.column.name)} is dropped; code still selecting it will fail.`,
        );
        return;
      case 'alter_column': {
        const { before, after } = op;
        const where = at(op.table, before.name);
        if (before.name !== after.name) {
          identifiers(after.name);
          if (existing(op.table)) {
            add(
              'BC102',
              'warning',
              `Renaming column ${where} to ${after.name} breaks code that still uses the old name.`,
            );
            add(
              'renaming-column',
              'warning',
              `Column ${where} is renamed to ${after.name}; clients using ${before.name} fail until they are deployed with the new name.`,
            );
          }
        }
        if (before.type !== after.type) {
          columnTypes(op.table, after);
          if (existing(op.table)) {
            if (rewritesTable(before.type, after.type))
              add(
                'changing-column-type',
                'warning',
                `Changing the type of ${where} from ${before.type} to ${after.type} may rewrite ${op.table} and its indexes under an exclusive lock.`,
              );
            const clause = narrowing(before.type, after.type);
            if (clause)
              add(
                'MF105',
                'warning',
                `Changing ${where} from ${before.type} to ${after.type} fails if ${clause}.`,
              );
            else if (needsUsing(before.type, after.type)) {
              add(
                'MF106',
                'warning',
                `Changing ${where} from ${before.type} to ${after.type} needs a cast (USING) and fails if any value does not convert.`,
              );
            }
          }
        }
        if (before.nullable && !after.nullable && existing(op.table)) {
          add('MF104', 'warning', `Making ${where} NOT NULL fails if any row holds NULL there.`);
          add(
            'adding-not-nullable-field',
            'warning',
            `Setting ${where} NOT NULL scans ${op.table} under an exclusive lock; a CHECK (${before.name} IS NOT NULL) NOT VALID validated first avoids it.`,
          );
        }
        return;
      }
      case 'create_unique':
        identifiers(op.unique.name);
        if (!existing(op.table)) return;
        add(
          'MF101',
          'warning',
          `Adding unique constraint ${op.unique.name} on ${op.table} (${op.unique.columns.join(', ')}) fails if there are duplicate values.`,
        );
        add(
          'disallowed-unique-constraint',
          'warning',
          `Adding unique constraint ${op.unique.name} builds its index under an exclusive lock on ${op.table}; build a unique index CONCURRENTLY and add the constraint USING INDEX.`,
        );
        return;
      case 'create_index':
        identifiers(op.index.name);
        if (!existing(op.table)) return;
        if (op.index.unique) {
          add(
            'MF101',
            'warning',
            `Adding unique index ${op.index.name} on ${op.table} (${op.index.columns.join(', ')}) fails if there are duplicate values.`,
          );
        }
        add(
          'require-concurrent-index-creation',
          'warning',
          `Index ${op.index.name} on ${op.table} is built without CONCURRENTLY, which blocks writes to ${op.table} while it builds; on a busy table, build it with CREATE INDEX CONCURRENTLY in a revision step of its own, outside the transaction.`,
        );
        return;
      case 'create_exclusion':
        identifiers(op.exclusion.name);
        if (!existing(op.table)) return;
        add(
          'MF101',
          'warning',
          `Adding exclusion constraint ${op.exclusion.name} on ${op.table} fails if two existing rows conflict (${exclusionText(op.exclusion)}).`,
        );
        add(
          'adding-exclusion-constraint',
          'warning',
          `Adding exclusion constraint ${op.exclusion.name} builds its index under an ACCESS EXCLUSIVE lock on ${op.table}, blocking reads and writes; Postgres has no CONCURRENTLY way to add one.`,
        );
        return;
      case 'create_foreign_key':
        identifiers(op.foreignKey.name);
        // A NOT VALID key checks no existing row: nothing to fail, no long lock.
        if (!existing(op.table) || op.foreignKey.notValid) return;
        add(
          'CD101',
          'warning',
          `Adding foreign key ${op.foreignKey.name} on ${op.table} (${op.foreignKey.columns.join(', ')}) fails if any row references a missing ${op.foreignKey.refTable} row.`,
        );
        add(
          'adding-foreign-key-constraint',
          'warning',
          `Foreign key ${op.foreignKey.name} locks ${op.table} and ${op.foreignKey.refTable} while every row is checked; add it NOT VALID, then VALIDATE CONSTRAINT.`,
        );
        return;
      case 'create_check':
        identifiers(op.check.name);
        // A NOT VALID check checks no existing row: nothing to fail, no long lock.
        if (!existing(op.table) || op.check.notValid) return;
        add(
          'CD101',
          'warning',
          `Adding check ${op.check.name} on ${op.table} fails if any row does not satisfy ${op.check.expression}.`,
        );
        add(
          'constraint-missing-not-valid',
          'warning',
          `Check ${op.check.name} scans ${op.table} under a lock; add it NOT VALID, then VALIDATE CONSTRAINT.`,
        );
        return;
      case 'set_check_validity':
        // Validating takes a lock that lets reads and writes go on; it fails on a bad row.
        if (!op.valid) return;
        add(
          'CD101',
          'warning',
          `Validating check ${op.check.name} on ${op.table} fails if any row does not satisfy ${op.check.expression}.`,
        );
        return;
      case 'create_primary_key':
        identifiers(op.primaryKey.name);
        if (!existing(op.table)) return;
        add(
          'MF101',
          'warning',
          `Adding primary key ${op.primaryKey.name} on ${op.table} (${op.primaryKey.columns.join(', ')}) fails if there are duplicate or NULL values.`,
        );
        add(
          'adding-serial-primary-key-field',
          'warning',
          `Adding primary key ${op.primaryKey.name} builds its index under an exclusive lock on ${op.table}.`,
        );
        return;
      case 'alter_enum': {
        const change = enumChange(op);
        if (change.kind !== 'recreate') return;
        const removed = op.before.filter((v) => !op.after.includes(v));
        if (removed.length > 0 && op.usages.length > 0) {
          const columns = op.usages.map((u) => at(u.table, u.column)).join(', ');
          add(
            'MF107',
            'warning',
            `Removing ${removed.map((v) => `'${v}'`).join(', ')} from enum ${op.name} fails if ${columns} holds ${removed.length === 1 ? 'that value' : 'those values'}.`,
          );
        }
        if (op.usages.length > 0) {
          add(
            'changing-column-type',
            'warning',
            `Recreating enum ${op.name} rewrites ${[...new Set(op.usages.map((u) => u.table))].join(', ')} under an exclusive lock.`,
          );
        }
        return;
      }
      case 'drop_enum':
        add(
          'drop-enum',
          'notice',
          `Dropping enum ${op.enum.name} removes the type; code that still names it fails.`,
        );
        return;
      case 'rename_enum':
        identifiers(op.to);
        return;
      case 'rename_constraint':
      case 'rename_index':
        identifiers(op.to);
        return;
      case 'create_object':
      case 'replace_object': {
        const o = op.kind === 'create_object' ? op.object : op.after;
        if (
          (o.kind === 'function' || o.kind === 'procedure') &&
          /\bSECURITY DEFINER\b/i.test(o.definition) &&
          !/^\s*SET search_path\b/im.test(o.definition)
        ) {
          add(
            'security-definer-without-search-path',
            'warning',
            `${describeObject(o)} runs as its owner (SECURITY DEFINER) without its own search_path; a caller's schema can put objects in its way. Add SET search_path.`,
          );
        }
        if (op.kind === 'create_object') identifiers(bareName(o));
        if (op.kind === 'create_object' && o.kind === 'event_trigger') {
          add(
            'event-trigger-needs-superuser',
            'notice',
            `Creating ${describeObject(o)} needs a superuser: the role that runs this revision must be one. From then on it runs on DDL anywhere in the database, later revisions' included.`,
          );
        }
        if (
          op.kind === 'create_object' &&
          o.kind === 'materialized_view' &&
          dropped.has(objectKey(o))
        ) {
          add(
            'recreate-materialized-view',
            'notice',
            `${describeObject(o)} is filled again from its tables inside the revision's transaction (CREATE MATERIALIZED VIEW, not REFRESH ... CONCURRENTLY): readers of it wait until the revision commits, for as long as its query takes.`,
          );
        }
        return;
      }
      case 'drop_object': {
        const o = op.object;
        const again = createdObjects.get(objectKey(o));
        if (
          !op.around &&
          again !== undefined &&
          (o.kind === 'view' || o.kind === 'materialized_view') &&
          comparableDefinition(again.definition) !== comparableDefinition(o.definition)
        ) {
          add(
            'recreate-changed-view',
            'warning',
            o.kind === 'view'
              ? `${describeObject(o)} is dropped and created again, not replaced: its new query does not keep the old columns (names and types, in order, only appending) as far as Retort can tell, which CREATE OR REPLACE VIEW refuses. Views over it go and come back with it, and grants on them are lost.`
              : `${describeObject(o)} is dropped and created again (a materialized view has no CREATE OR REPLACE); views over it go and come back with it, and grants on them are lost.`,
          );
        }
        if (op.around) {
          add(
            'recreate-dependent-object',
            'notice',
            `${describeObject(o)} depends on ${op.around.join(', ')}, which Postgres cannot change under it: it is dropped and created again in this revision.`,
          );
          return;
        }
        if (o.kind !== 'function' || created.has(objectKey(o))) return;
        const name = bareName(o);
        const callers = triggers.filter(
          (t) => t.dependsOn.includes(objectKey(o)) || callsFunction(t.definition, name),
        );
        if (callers.length > 0) {
          add(
            'drop-function-used-by-trigger',
            'error',
            `Dropping ${describeObject(o)} fails: ${callers.map(describeObject).join(', ')} still ${callers.length === 1 ? 'calls' : 'call'} it.`,
          );
        }
        return;
      }
      case 'detach_partition':
        add(
          'detach-partition',
          'warning',
          `Detaching ${op.table} takes its rows out of ${op.parent}: readers of ${op.parent} no longer see them (they stay in ${op.table}).`,
        );
        return;
      case 'attach_partition':
        add(
          'attach-partition',
          'notice',
          `Attaching ${op.table} to ${op.parent} reads every row of ${op.table} to check it fits ${op.bound}, under a lock; a CHECK constraint matching the bound lets Postgres skip that.`,
        );
        return;
      case 'execute':
        add(
          'hand-written-sql',
          'notice',
          'Hand-written SQL runs as written; Retort does not check what it does.',
        );
        return;
      case 'create_schema':
        identifiers(op.schema);
        return;
      case 'drop_schema':
      case 'set_schema_comment':
      case 'set_table_schema':
      case 'set_enum_schema':
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
        if (op.kind === 'create_enum') identifiers(op.enum.name);
        return;
      case 'create_domain':
        identifiers(op.domain.name, ...op.domain.checks.map((k) => k.name));
        return;
      case 'create_composite_type':
        identifiers(op.type.name, ...op.type.attributes.map((a) => a.name));
        return;
      case 'create_sequence':
        identifiers(op.sequence.name.split('.').at(-1)!);
        return;
      case 'rename_sequence':
        identifiers(op.to.split('.').at(-1)!);
        return;
      case 'drop_sequence':
      case 'alter_sequence':
      case 'set_sequence_owner':
        // A drop's findings need the columns' defaults: sequenceFindings.
        return;
      case 'create_extension':
      case 'drop_extension':
      case 'drop_domain':
      case 'alter_domain':
      case 'drop_composite_type':
      case 'alter_composite_type':
        // In use or not is for userTypeFindings, which sees the columns.
        return;
      default:
        unhandledOperation(op);
    }
  };
  ops.forEach((op, operation) => {
    lintOne(op, operation);
    names.follow(op);
  });
  findings.push(...enumValueUses(ops));
  if (after) findings.push(...keyWidthFindings(ops, after), ...userTypeFindings(ops, after));
  findings.push(...sequenceFindings(ops, after));
  // Stable: findings on one operation keep their order.
  return foldAliases(findings.sort((a, b) => a.operation - b.operation));
}
