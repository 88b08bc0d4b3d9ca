/**
 * Validation of standalone sequences: one sentence per problem, naming the sequence. A
 * sequence shares its schema's relation namespace with tables and indexes, its options must
 * fit its type, and its owner is a column of a table in the same schema (Postgres refuses
 * `OWNED BY` across schemas).
 */

import type { Design } from '../design/types';
import type { Problem } from '../errors';
import { identifierBytes, MAX_IDENTIFIER_BYTES } from '../naming/postgres-names';
import {
  DEFAULT_SCHEMA,
  objectQualifiedName,
  qualifiedName,
  schemaNameProblem,
} from '../naming/qualified-names';
import { sequenceOptionProblems } from './options';

export function checkSequences(design: Design): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const ids = new Set<string>([
    ...design.enums.map((e) => e.id),
    ...(design.domains ?? []).map((d) => d.id),
    ...(design.compositeTypes ?? []).map((t) => t.id),
    ...design.tables.flatMap((t) => [t.id, ...t.columns.map((c) => c.id)]),
  ]);
  // Relations (tables, named indexes and keys) by qualified name.
  const relations = new Map<string, string>();
  for (const t of design.tables) {
    const at = (name: string) => qualifiedName(t.schema, name);
    relations.set(objectQualifiedName(t), `table "${objectQualifiedName(t)}"`);
    for (const n of [
      t.primaryKeyName,
      ...t.uniques.map((u) => u.name),
      ...t.indexes.map((i) => i.name),
    ]) {
      if (n !== null && !relations.has(at(n))) relations.set(at(n), `index "${at(n)}"`);
    }
  }
  const tablesById = new Map(design.tables.map((t) => [t.id, t]));
  (design.sequences ?? []).forEach((s, i) => {
    const path = `sequences[${i}]`;
    const qualified = objectQualifiedName(s);
    const what = `sequence "${qualified}"`;
    if (s.id === '') add(`${path}.id`, `${what} has no id.`);
    else if (ids.has(s.id)) add(`${path}.id`, `${what} has id "${s.id}", which is already used.`);
    ids.add(s.id);
    if (s.name.trim() === '') add(`${path}.name`, 'A sequence has an empty name.');
    else if (identifierBytes(s.name) > MAX_IDENTIFIER_BYTES) {
      add(
        `${path}.name`,
        `${what} has a name longer than ${MAX_IDENTIFIER_BYTES} bytes; Postgres would cut it short.`,
      );
    }
    if (s.schema !== undefined) {
      const problem = schemaNameProblem(s.schema);
      if (problem !== null) add(`${path}.schema`, `${what}: ${problem}`);
    }
    const first = relations.get(qualified);
    if (first !== undefined) {
      add(
        `${path}.name`,
        `${what} has the name of ${first}; Postgres keeps tables, indexes and sequences in one namespace per schema.`,
      );
    } else relations.set(qualified, what);
    for (const p of sequenceOptionProblems(s, s.dataType.toUpperCase(), 'sequence')) {
      add(`${path}.${p.key}`, `${what}: ${p.message}`);
    }
    if (s.ownedBy !== null) {
      const table = tablesById.get(s.ownedBy.table);
      const column = table?.columns.find((c) => c.id === s.ownedBy!.column);
      if (!table) {
        add(
          `${path}.ownedBy.table`,
          `${what} is owned by table "${s.ownedBy.table}", which the design does not have.`,
        );
      } else if (!column) {
        add(
          `${path}.ownedBy.column`,
          `${what} is owned by column "${s.ownedBy.column}", which table "${objectQualifiedName(table)}" does not have.`,
        );
      } else if ((table.schema ?? DEFAULT_SCHEMA) !== (s.schema ?? DEFAULT_SCHEMA)) {
        add(
          `${path}.ownedBy.table`,
          `${what} is owned by a column of table "${objectQualifiedName(table)}" in another schema; Postgres requires the same schema.`,
        );
      } else if (table.partitionOf !== undefined) {
        add(
          `${path}.ownedBy.table`,
          `${what} is owned by a partition; own it by a column of the partitioned table.`,
        );
      }
    }
  });
  return problems;
}
