/** One operation in plain words, as a reviewer reads it: "Change type of users.x from A to B". */
import { exclusionClause } from '@retort/codegen';
import {
  type CatalogObject,
  describeObject,
  eventTriggerParts,
  type Operation,
  unhandledOperation,
} from '@retort/core';

function columnChanges(op: Extract<Operation, { kind: 'alter_column' }>): string {
  const { before, after, table } = op;
  const where = `${table}.${before.name}`;
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(`Rename column ${where} to ${after.name}`);
  const subject = before.name !== after.name ? `${table}.${after.name}` : where;
  if (before.type !== after.type)
    parts.push(`Change type of ${subject} from ${before.type} to ${after.type}`);
  if (before.nullable !== after.nullable)
    parts.push(after.nullable ? `Allow NULL in ${subject}` : `Make ${subject} NOT NULL`);
  if (before.default !== after.default)
    parts.push(
      after.default === null
        ? `Drop the default of ${subject}`
        : `Set the default of ${subject} to ${after.default}`,
    );
  if (before.comment !== after.comment) parts.push(`Change the comment of ${subject}`);
  if (before.autoincrement !== after.autoincrement)
    parts.push(`${after.autoincrement ? 'Make' : 'Stop making'} ${subject} autoincrement`);
  return parts.length > 0 ? parts.join('; ') : `Alter column ${where}`;
}

function domainChanges(op: Extract<Operation, { kind: 'alter_domain' }>): string {
  const { before, after } = op;
  const name = after.name;
  const parts: string[] = [];
  const key = (k: { name: string; expression: string }) => `${k.name}\0${k.expression}`;
  const had = new Set(before.checks.map(key));
  const kept = new Set(after.checks.map(key));
  for (const k of before.checks)
    if (!kept.has(key(k))) parts.push(`Drop check ${k.name} of domain ${name}`);
  if (before.default !== after.default)
    parts.push(
      after.default === null
        ? `Drop the default of domain ${name}`
        : `Set the default of domain ${name} to ${after.default}`,
    );
  if (before.notNull !== after.notNull)
    parts.push(after.notNull ? `Make domain ${name} NOT NULL` : `Allow NULL in domain ${name}`);
  for (const k of after.checks)
    if (!had.has(key(k))) parts.push(`Add check ${k.name} on domain ${name}: ${k.expression}`);
  if (before.comment !== after.comment) parts.push(`Change the comment of domain ${name}`);
  return parts.length > 0 ? parts.join('; ') : `Alter domain ${name}`;
}

function compositeChanges(op: Extract<Operation, { kind: 'alter_composite_type' }>): string {
  const { before, after } = op;
  const name = after.name;
  const parts: string[] = [];
  const afterByName = new Map(after.attributes.map((a) => [a.name, a]));
  const beforeNames = new Set(before.attributes.map((a) => a.name));
  for (const a of before.attributes) {
    const next = afterByName.get(a.name);
    if (!next) parts.push(`Drop attribute ${name}.${a.name}`);
    else if (next.type !== a.type || next.collation !== a.collation)
      parts.push(`Change type of attribute ${name}.${a.name} from ${a.type} to ${next.type}`);
  }
  for (const a of after.attributes)
    if (!beforeNames.has(a.name)) parts.push(`Add attribute ${name}.${a.name} ${a.type}`);
  if (before.comment !== after.comment) parts.push(`Change the comment of composite type ${name}`);
  return parts.length > 0 ? parts.join('; ') : `Alter composite type ${name}`;
}

export function describeOperation(op: Operation): string {
  switch (op.kind) {
    case 'create_table':
      if (op.table.partitionOf) {
        return `Create partition ${op.table.name} of ${op.table.partitionOf.table} ${op.table.partitionOf.bound}`;
      }
      return `Create table ${op.table.name} (${op.table.columns.length} column${op.table.columns.length === 1 ? '' : 's'})${op.table.partitionBy ? ` partitioned by ${op.table.partitionBy}` : ''}`;
    case 'drop_table':
      if (op.table.partitionOf) {
        return `Drop partition ${op.table.name} of ${op.table.partitionOf.table} and all of its rows (a downgrade creates it again empty)`;
      }
      return `Drop table ${op.table.name} and all of its rows (a downgrade creates it again empty)`;
    case 'rename_table':
      return `Rename table ${op.from} to ${op.to}`;
    case 'set_table_comment':
      return op.to === null
        ? `Remove the comment of table ${op.table}`
        : `Set the comment of table ${op.table}`;
    case 'add_column':
      return `Add column ${op.table}.${op.column.name} ${op.column.type}${op.column.nullable ? '' : ' NOT NULL'}`;
    case 'drop_column':
      return `Drop column ${op.table}.${op.column.name} and its values (a downgrade adds it back empty)`;
    case 'alter_column':
      return columnChanges(op);
    case 'create_primary_key':
      return `Add primary key ${op.primaryKey.name} on ${op.table} (${op.primaryKey.columns.join(', ')})`;
    case 'drop_primary_key':
      return `Drop primary key ${op.primaryKey.name} of ${op.table}`;
    case 'create_foreign_key':
      return `Add foreign key ${op.foreignKey.name}: ${op.table} (${op.foreignKey.columns.join(', ')}) → ${op.foreignKey.refTable} (${op.foreignKey.refColumns.join(', ')})`;
    case 'drop_foreign_key':
      return `Drop foreign key ${op.foreignKey.name} of ${op.table}`;
    case 'create_unique':
      return `Add unique constraint ${op.unique.name} on ${op.table} (${op.unique.columns.join(', ')})`;
    case 'drop_unique':
      return `Drop unique constraint ${op.unique.name} of ${op.table}`;
    case 'create_index':
      return `Create ${op.index.unique ? 'unique ' : ''}index ${op.index.name} on ${op.table} (${op.index.columns.join(', ')})`;
    case 'drop_index':
      return `Drop index ${op.index.name} of ${op.table}`;
    case 'create_check':
      return `Add check ${op.check.name} on ${op.table}: ${op.check.expression}${op.check.notValid ? ' (NOT VALID: rows already there are not checked)' : ''}`;
    case 'set_check_validity':
      return op.valid
        ? `Validate check ${op.check.name} of ${op.table}: every row already there is checked`
        : `Make check ${op.check.name} of ${op.table} NOT VALID (Postgres cannot un-validate: the check is dropped and added again NOT VALID)`;
    case 'set_index_comment':
      return op.to === null
        ? `Remove the comment of index ${op.index} on ${op.table}`
        : `Set the comment of index ${op.index} on ${op.table}: ${op.to}`;
    case 'drop_check':
      return `Drop check ${op.check.name} of ${op.table}`;
    case 'create_exclusion':
      return `Add exclusion constraint ${op.exclusion.name} on ${op.table}: ${exclusionClause(op.exclusion)}`;
    case 'drop_exclusion':
      return `Drop exclusion constraint ${op.exclusion.name} of ${op.table}`;
    case 'set_exclusion_comment':
      return op.to === null
        ? `Remove the comment of exclusion constraint ${op.exclusion} on ${op.table}`
        : `Set the comment of exclusion constraint ${op.exclusion} on ${op.table}: ${op.to}`;
    case 'set_constraint_comment':
      return op.to === null
        ? `Remove the comment of constraint ${op.constraint} on ${op.table}`
        : `Set the comment of constraint ${op.constraint} on ${op.table}: ${op.to}`;
    case 'create_enum':
      return `Create enum ${op.enum.name} (${op.enum.values.join(', ')})`;
    case 'drop_enum':
      return `Drop enum ${op.enum.name}`;
    case 'rename_enum':
      return `Rename enum ${op.from} to ${op.to}`;
    case 'alter_enum':
      return `Change the values of enum ${op.name} from (${op.before.join(', ')}) to (${op.after.join(', ')})`;
    case 'rename_constraint':
      return `Rename constraint ${op.table}.${op.from} to ${op.to}`;
    case 'rename_index':
      return `Rename index ${op.table}.${op.from} to ${op.to}`;
    case 'create_schema':
      return `Create schema ${op.schema}`;
    case 'drop_schema':
      return `Drop schema ${op.schema}`;
    case 'set_schema_comment':
      return op.to === null
        ? `Clear the comment on schema ${op.schema}`
        : `Set the comment on schema ${op.schema}`;
    case 'set_table_schema':
      return `Move table ${op.table} from schema ${op.from} to ${op.to}`;
    case 'set_enum_schema':
      return `Move enum ${op.name} from schema ${op.from} to ${op.to}`;
    case 'attach_partition':
      return `Attach ${op.table} to ${op.parent} as its partition ${op.bound}`;
    case 'detach_partition':
      return `Detach partition ${op.table} from ${op.parent} (its rows leave ${op.parent})`;
    case 'execute':
      return `Run ${op.upgrade.length} hand-written SQL statement${op.upgrade.length === 1 ? '' : 's'}`;
    case 'create_object':
      return `${op.around ? 'Create again' : 'Create'} ${describeObject(op.object)}${op.around ? ` (after the change to ${op.around.join(', ')})` : ''}`;
    case 'drop_object':
      return `Drop ${describeObject(op.object)}${op.around ? ` (to change ${op.around.join(', ')}; created again after)` : ''}`;
    case 'replace_object':
      return replacement(op.before, op.after);
    case 'create_extension':
      return `Create extension ${op.extension.name} in schema ${op.extension.schema}`;
    case 'drop_extension':
      return `Drop extension ${op.extension.name}`;
    case 'create_domain':
      return `Create domain ${op.domain.name} over ${op.domain.type}`;
    case 'drop_domain':
      return `Drop domain ${op.domain.name}`;
    case 'alter_domain':
      return domainChanges(op);
    case 'create_composite_type':
      return `Create composite type ${op.type.name} (${op.type.attributes.map((a) => `${a.name} ${a.type}`).join(', ')})`;
    case 'drop_composite_type':
      return `Drop composite type ${op.type.name}`;
    case 'alter_composite_type':
      return compositeChanges(op);
    case 'create_sequence':
      return `Create sequence ${op.sequence.name} (${op.sequence.dataType}, starting at ${op.sequence.start})`;
    case 'drop_sequence':
      return `Drop sequence ${op.sequence.name}`;
    case 'alter_sequence':
      return `Change the options of sequence ${op.after.name}`;
    case 'set_sequence_owner':
      return op.to === null
        ? `Sequence ${op.sequence} owned by no column`
        : `Sequence ${op.sequence} owned by ${op.to.table}.${op.to.column}`;
    case 'rename_sequence':
      return `Rename sequence ${op.from} to ${op.to}`;
    default:
      return unhandledOperation(op);
  }
}

/**
 * A replace in the words of what it does: a rename is a replace between two names (`ALTER
 * ... RENAME TO`), an event trigger's is its state, and an aggregate's is in place, so what
 * uses it stays.
 */
function replacement(before: CatalogObject, after: CatalogObject): string {
  const rename = `Rename ${describeObject(before)} to ${after.name}`;
  const renamed = before.name !== after.name;
  if (after.kind === 'event_trigger') {
    const state = eventTriggerParts(after.definition).state;
    const was = eventTriggerParts(before.definition).state?.replace(before.name, after.name);
    if (state !== (was ?? null)) {
      const words = /\b(DISABLE|ENABLE(?: REPLICA| ALWAYS)?)$/i.exec(state ?? 'ENABLE')![1]!;
      const [verb, how] = {
        DISABLE: ['Disable', ''],
        ENABLE: ['Enable', ''],
        'ENABLE REPLICA': ['Enable', ' for replicas only'],
        'ENABLE ALWAYS': ['Enable', ' always'],
      }[words.toUpperCase()] ?? ['Enable', ''];
      return renamed
        ? `${rename}, then ${verb!.toLowerCase()} it${how}`
        : `${verb} ${describeObject(after)}${how}`;
    }
  }
  if (renamed) return rename;
  if (after.kind === 'aggregate') {
    return `Replace ${describeObject(after)} in place (CREATE OR REPLACE AGGREGATE); what uses it stays`;
  }
  return `Replace ${describeObject(after)}`;
}
