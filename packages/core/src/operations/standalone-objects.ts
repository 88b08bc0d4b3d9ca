import type { Operation } from './types';

/**
 * The operations on objects that stand apart from tables, columns, constraints and enums:
 * views, functions and the other objects of `objects/types.ts`, extensions, domains,
 * composite types and sequences. Passes that follow tables and their columns (live names,
 * enum value uses, preflight counts) have nothing to do for them, and Alembic has no
 * directive for any of them, so the revision runs Retort's own SQL.
 */
export type StandaloneObjectOperation = Extract<
  Operation,
  {
    kind:
      | 'create_object'
      | 'drop_object'
      | 'replace_object'
      | 'create_extension'
      | 'drop_extension'
      | 'create_domain'
      | 'drop_domain'
      | 'alter_domain'
      | 'create_composite_type'
      | 'drop_composite_type'
      | 'alter_composite_type'
      | 'create_sequence'
      | 'drop_sequence'
      | 'alter_sequence'
      | 'set_sequence_owner'
      | 'rename_sequence';
  }
>;

// A record, not a list, so that a kind added to the type above fails to compile until it is here.
const STANDALONE_OBJECT_KINDS: Record<StandaloneObjectOperation['kind'], true> = {
  create_object: true,
  drop_object: true,
  replace_object: true,
  create_extension: true,
  drop_extension: true,
  create_domain: true,
  drop_domain: true,
  alter_domain: true,
  create_composite_type: true,
  drop_composite_type: true,
  alter_composite_type: true,
  create_sequence: true,
  drop_sequence: true,
  alter_sequence: true,
  set_sequence_owner: true,
  rename_sequence: true,
};

/**
 * Whether `op` is a {@link StandaloneObjectOperation}. Tested before a `switch` over the other
 * kinds, it narrows `op` there, so `unhandledOperation` still proves that switch complete.
 */
export function isStandaloneObjectOperation(op: Operation): op is StandaloneObjectOperation {
  return Object.hasOwn(STANDALONE_OBJECT_KINDS, op.kind);
}
