/**
 * The names already used in one schema, for choosing default names without collisions the
 * way Postgres does: indexes (and the indexes behind primary keys and uniques) share the
 * relation namespace with tables; every constraint name is checked against all
 * constraints of the schema (`users_username_key1` when `users_username_key` is taken).
 */
import { chooseName, columnNamesPart } from './postgres-names';

export interface SchemaNames {
  /** Marks a name as used (tables, explicitly named constraints and indexes). */
  reserveRelation(name: string): void;
  reserveConstraint(name: string): void;
  primaryKey(table: string): string;
  unique(table: string, columns: readonly string[]): string;
  index(table: string, columns: readonly string[]): string;
  exclusion(table: string, columns: readonly string[]): string;
  foreignKey(table: string, columns: readonly string[]): string;
  check(table: string, referencedColumns: readonly string[]): string;
}

export function createSchemaNames(): SchemaNames {
  const relations = new Set<string>();
  const constraints = new Set<string>();
  const indexBacked = (name1: string, name2: string | null, label: string): string => {
    const name = chooseName(name1, name2, label, (n) => relations.has(n) || constraints.has(n));
    relations.add(name);
    constraints.add(name);
    return name;
  };
  const constraintOnly = (name1: string, name2: string | null, label: string): string => {
    const name = chooseName(name1, name2, label, (n) => constraints.has(n));
    constraints.add(name);
    return name;
  };
  return {
    reserveRelation: (name) => void relations.add(name),
    reserveConstraint: (name) => void constraints.add(name),
    primaryKey: (table) => indexBacked(table, null, 'pkey'),
    unique: (table, columns) => indexBacked(table, columnNamesPart(columns), 'key'),
    index: (table, columns) => {
      const name = chooseName(table, columnNamesPart(columns), 'idx', (n) => relations.has(n));
      relations.add(name);
      return name;
    },
    exclusion: (table, columns) => indexBacked(table, columnNamesPart(columns), 'excl'),
    foreignKey: (table, columns) => constraintOnly(table, columnNamesPart(columns), 'fkey'),
    check: (table, referenced) => {
      const unique = [...new Set(referenced)];
      const name = constraintOnly(table, unique.length === 1 ? unique[0]! : null, 'check');
      return name;
    },
  };
}
