/**
 * The exact reverse of every operation, beside their definitions (Alembic's
 * `MigrateOperation.reverse()`): running an operation and then its reverse leaves the
 * catalog as it was, and `reverseOperation(reverseOperation(op))` equals `op`.
 */
import { unhandledOperation } from './exhaustive';
import type { Operation } from './types';

export function reverseOperation(op: Operation): Operation {
  switch (op.kind) {
    case 'create_table':
      return { kind: 'drop_table', table: op.table };
    case 'drop_table':
      return { kind: 'create_table', table: op.table };
    case 'rename_table':
      return { kind: 'rename_table', from: op.to, to: op.from };
    case 'set_table_comment':
      return { kind: 'set_table_comment', table: op.table, from: op.to, to: op.from };
    case 'set_schema_comment':
      return { kind: 'set_schema_comment', schema: op.schema, from: op.to, to: op.from };
    case 'add_column':
      return { kind: 'drop_column', table: op.table, column: op.column };
    case 'drop_column':
      return { kind: 'add_column', table: op.table, column: op.column };
    case 'alter_column':
      return { kind: 'alter_column', table: op.table, before: op.after, after: op.before };
    case 'create_primary_key':
      return { kind: 'drop_primary_key', table: op.table, primaryKey: op.primaryKey };
    case 'drop_primary_key':
      return { kind: 'create_primary_key', table: op.table, primaryKey: op.primaryKey };
    case 'create_foreign_key':
      return { kind: 'drop_foreign_key', table: op.table, foreignKey: op.foreignKey };
    case 'drop_foreign_key':
      return { kind: 'create_foreign_key', table: op.table, foreignKey: op.foreignKey };
    case 'create_unique':
      return { kind: 'drop_unique', table: op.table, unique: op.unique };
    case 'drop_unique':
      return { kind: 'create_unique', table: op.table, unique: op.unique };
    case 'create_index':
      return { kind: 'drop_index', table: op.table, index: op.index };
    case 'drop_index':
      return { kind: 'create_index', table: op.table, index: op.index };
    case 'create_check':
      return { kind: 'drop_check', table: op.table, check: op.check };
    case 'drop_check':
      return { kind: 'create_check', table: op.table, check: op.check };
    case 'set_check_validity': {
      const { notValid: _notValid, ...check } = op.check;
      return {
        kind: 'set_check_validity',
        table: op.table,
        // The check as the operation leaves it.
        check: op.valid ? check : { ...check, notValid: true },
        valid: !op.valid,
      };
    }
    case 'create_exclusion':
      return { kind: 'drop_exclusion', table: op.table, exclusion: op.exclusion };
    case 'drop_exclusion':
      return { kind: 'create_exclusion', table: op.table, exclusion: op.exclusion };
    case 'set_exclusion_comment':
    case 'set_constraint_comment':
    case 'set_index_comment':
      return { ...op, from: op.to, to: op.from };
    case 'create_enum':
      return { kind: 'drop_enum', enum: op.enum };
    case 'drop_enum':
      return { kind: 'create_enum', enum: op.enum };
    case 'rename_enum':
      return { kind: 'rename_enum', from: op.to, to: op.from };
    case 'alter_enum':
      return {
        kind: 'alter_enum',
        name: op.name,
        before: op.after,
        after: op.before,
        renames: op.renames.map((r) => ({ from: r.to, to: r.from })),
        usages: op.usages,
      };
    case 'rename_constraint':
      return { kind: 'rename_constraint', table: op.table, from: op.to, to: op.from };
    case 'rename_index':
      return { kind: 'rename_index', table: op.table, from: op.to, to: op.from };
    case 'create_schema':
      return { kind: 'drop_schema', schema: op.schema };
    case 'drop_schema':
      return { kind: 'create_schema', schema: op.schema };
    case 'set_table_schema':
      return { kind: 'set_table_schema', table: op.table, from: op.to, to: op.from };
    case 'set_enum_schema':
      return { kind: 'set_enum_schema', name: op.name, from: op.to, to: op.from };
    case 'attach_partition':
      return { ...op, kind: 'detach_partition' };
    case 'detach_partition':
      return { ...op, kind: 'attach_partition' };
    case 'execute':
      return { kind: 'execute', upgrade: op.downgrade, downgrade: op.upgrade };
    case 'create_object':
      return { ...op, kind: 'drop_object' };
    case 'drop_object':
      return { ...op, kind: 'create_object' };
    case 'replace_object':
      return { kind: 'replace_object', before: op.after, after: op.before };
    case 'create_extension':
      return { kind: 'drop_extension', extension: op.extension };
    case 'drop_extension':
      return { kind: 'create_extension', extension: op.extension };
    case 'create_domain':
      return { kind: 'drop_domain', domain: op.domain };
    case 'drop_domain':
      return { kind: 'create_domain', domain: op.domain };
    case 'alter_domain':
      return { kind: 'alter_domain', before: op.after, after: op.before };
    case 'create_composite_type':
      return { kind: 'drop_composite_type', type: op.type };
    case 'drop_composite_type':
      return { kind: 'create_composite_type', type: op.type };
    case 'alter_composite_type':
      return { kind: 'alter_composite_type', before: op.after, after: op.before };
    case 'create_sequence':
      return { kind: 'drop_sequence', sequence: op.sequence };
    case 'drop_sequence':
      return { kind: 'create_sequence', sequence: op.sequence };
    case 'alter_sequence':
      return { kind: 'alter_sequence', before: op.after, after: op.before };
    case 'set_sequence_owner':
      return { kind: 'set_sequence_owner', sequence: op.sequence, from: op.to, to: op.from };
    case 'rename_sequence':
      return { kind: 'rename_sequence', from: op.to, to: op.from };
    default:
      return unhandledOperation(op);
  }
}

/** The operations that undo `ops`: each one reversed, last first. */
export function reverseOperations(ops: readonly Operation[]): Operation[] {
  return [...ops].reverse().map(reverseOperation);
}
