/**
 * The ordering pass: one run of the family comparers, in the order Postgres needs.
 *  0. create the schemas and extensions that come (last steps drop those that go), drop
 *     objects that go or must be created again, create new independent functions (objects.ts),
 *     clear the owners of sequences that change owner or go (sequences.ts),
 *     detach the partitions that move (partitions.ts),
 *  1. drop foreign keys that go (and the keys of tables that go),
 *  2. drop tables that go (reverse foreign-key order),
 *  3. drop other constraints and indexes that go, 4. drop columns that go,
 *  5. moves to another schema and renames: enums, tables, columns, then constraint and index
 *     names, then sequences,
 *  6. change columns away from an enum about to be recreated, 7. change enum values,
 *  8. create new enums, then domains and composite types (and change those that stay), then
 *     sequences (and change those that stay),
 *  9. change columns and table comments, 10. drop sequences, domains, composite types and
 *     enums that go,
 *  11. add columns, 12. create tables (foreign-key order), 13. create constraints and
 *  indexes, 14. create foreign keys, then attach the partitions detached first (partitions.ts), and set sequence owners, 15. drop independent functions that go, then create
 *  and replace objects in dependency order.
 * Each step reads the catalog as the steps before it left it (`ctx.state`).
 */
import type { Design } from '../design/types';
import type { Operation } from '../operations/types';
import {
  addColumns,
  alterColumns,
  dropColumns,
  moveColumnsOffRecreatedEnums,
  renameColumns,
} from './columns';
import {
  createConstraints,
  createForeignKeys,
  dropConstraints,
  dropForeignKeys,
  renameConstraints,
} from './constraints';
import {
  alterEnums,
  changedEnums,
  createEnums,
  dropEnums,
  moveEnums,
  recreatedEnums,
  renameEnums,
} from './enums';
import { type MatchOptions, matchDesigns } from './match';
import { createObjects, dropObjects, planObjects } from './objects';
import { attachPartitions, detachPartitions } from './partitions';
import { createSchemas, dropSchemas } from './schemas';
import {
  clearSequenceOwners,
  createSequences,
  dropSequences,
  renameSequences,
  setSequenceOwners,
} from './sequences';
import { createNewTables, dropTables, moveTables, renameTables, setTableComment } from './tables';
import { createExtensions, createUserTypes, dropExtensions, dropUserTypes } from './user-types';

export function plan(a: Design, b: Design, options: MatchOptions = {}): Operation[] {
  const ctx = matchDesigns(a, b, options);
  createSchemas(ctx);
  createExtensions(ctx);
  const objects = planObjects(ctx);
  dropObjects(ctx, objects);
  clearSequenceOwners(ctx);
  detachPartitions(ctx);
  dropForeignKeys(ctx);
  dropTables(ctx);
  dropConstraints(ctx);
  dropColumns(ctx);

  moveEnums(ctx);
  renameEnums(ctx);
  moveTables(ctx);
  renameTables(ctx);
  renameColumns(ctx);
  renameConstraints(ctx);
  renameSequences(ctx);

  const changed = changedEnums(ctx);
  moveColumnsOffRecreatedEnums(ctx, recreatedEnums(changed));
  alterEnums(ctx, changed);
  createEnums(ctx);
  createUserTypes(ctx);
  createSequences(ctx);
  for (const p of ctx.pairs) {
    alterColumns(ctx, p);
    setTableComment(ctx, p);
  }
  dropSequences(ctx);
  dropUserTypes(ctx);
  dropEnums(ctx);

  addColumns(ctx);
  createNewTables(ctx);
  createConstraints(ctx);
  createForeignKeys(ctx);
  attachPartitions(ctx);
  setSequenceOwners(ctx);
  createObjects(ctx, objects);
  dropExtensions(ctx);
  dropSchemas(ctx);
  return ctx.ops;
}
