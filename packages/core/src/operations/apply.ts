/**
 * What running operations does to a catalog, without a database: the project store uses it
 * to tell a revision edited by hand (its operations no longer lead to its snapshot), and
 * the diff uses it to know the state between two of its steps. An operation that does not
 * fit the catalog (dropping a missing table, adding a column twice) throws a RetortError.
 */

import { renameExclusionColumns, renameIndexColumns } from '../catalog/index-columns';
import type {
  Catalog,
  CatalogColumn,
  CatalogSequence,
  CatalogSequenceOwner,
  CatalogTable,
} from '../catalog/types';
import { renameInPartitionKey } from '../design/partition-key';
import { RetortError } from '../errors';
import {
  DEFAULT_SCHEMA,
  qualifiedName,
  schemaOf,
  sortedSchemaComments,
  unqualifiedName,
} from '../naming/qualified-names';
import { sortObjects } from '../objects/catalog';
import { describeObject, objectKey } from '../objects/types';
import { renameSequenceInDefault } from '../sequences/catalog';
import { unhandledOperation } from './exhaustive';
import { renameColumnsInExpression } from './expression-rename';
import type { Operation } from './types';

const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

function misfit(op: Operation, reason: string): RetortError {
  return new RetortError(
    `Operation ${op.kind} does not fit the schema: ${reason}.`,
    'invalid_input',
    {
      operation: op,
    },
  );
}

/**
 * A copy of catalog data (plain objects, arrays, strings, numbers, booleans, null). Copied
 * by hand: a catalog is copied whole for every plan and snapshot, and structuredClone of a
 * thousand tables costs several times as much.
 */
function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = clone((value as Record<string, unknown>)[key]);
  return copy as T;
}

/** A catalog changed in place by one operation at a time. */
export class CatalogState {
  readonly catalog: Catalog;

  /** Tables by name, kept in step with creates, drops and renames. */
  private readonly byName = new Map<string, CatalogTable>();

  /**
   * Works on a copy of `catalog`, but for the tables named in `shared`: those are taken as
   * they are, for a caller that knows no operation it applies changes them (the diff's
   * untouched tables), since copying a large catalog whole is most of a small plan's cost.
   */
  constructor(catalog: Catalog, shared: ReadonlySet<string> = new Set()) {
    const copy: Record<string, unknown> = {};
    for (const key in catalog) {
      copy[key] =
        key === 'tables'
          ? catalog.tables.map((t) => (shared.has(t.name) ? t : clone(t)))
          : clone(catalog[key as keyof Catalog]);
    }
    this.catalog = copy as unknown as Catalog;
    for (const t of this.catalog.tables) this.byName.set(t.name, t);
  }

  table(name: string): CatalogTable | undefined {
    return this.byName.get(name);
  }

  column(table: string, name: string): CatalogColumn | undefined {
    return this.table(table)?.columns.find((c) => c.name === name);
  }

  /** The catalog with tables, enums and constraints sorted by name, as `toCatalog` gives it. */
  snapshot(): Catalog {
    const catalog = clone(this.catalog);
    if (catalog.schemas !== undefined) {
      if (catalog.schemas.length === 0) delete catalog.schemas;
      else catalog.schemas.sort();
    }
    if (catalog.schemaComments !== undefined) {
      const comments = sortedSchemaComments(catalog.schemaComments);
      if (comments) catalog.schemaComments = comments;
      else delete catalog.schemaComments;
    }
    catalog.enums.sort(byName);
    catalog.tables.sort(byName);
    for (const t of catalog.tables) {
      t.foreignKeys.sort(byName);
      t.uniques.sort(byName);
      t.indexes.sort(byName);
      t.checks.sort(byName);
      if (t.exclusions !== undefined) {
        if (t.exclusions.length === 0) delete t.exclusions;
        else t.exclusions.sort(byName);
      }
    }
    if (catalog.objects !== undefined) catalog.objects = sortObjects(catalog.objects);
    for (const key of ['domains', 'compositeTypes', 'extensions', 'sequences'] as const) {
      const items = catalog[key];
      if (items === undefined) continue;
      if (items.length === 0) delete catalog[key];
      else items.sort(byName);
    }
    for (const d of catalog.domains ?? []) d.checks.sort(byName);
    return catalog;
  }

  private mustPartitioned(op: Operation, name: string): void {
    if (!this.mustTable(op, name).partitionBy)
      throw misfit(op, `table "${name}" is not partitioned`);
  }

  /** A table's new name in the keys that reference it and the partitions that name it. */
  private renameReferences(from: string, to: string): void {
    for (const t of this.catalog.tables) {
      for (const fk of t.foreignKeys) if (fk.refTable === from) fk.refTable = to;
      if (t.partitionOf?.table === from) t.partitionOf.table = to;
    }
    for (const q of this.catalog.sequences ?? []) {
      if (q.ownedBy?.table === from) q.ownedBy.table = to;
    }
  }

  private mustTable(op: Operation, name: string): CatalogTable {
    const table = this.table(name);
    if (!table) throw misfit(op, `there is no table "${name}"`);
    return table;
  }

  apply(op: Operation): void {
    const tables = this.catalog.tables;
    switch (op.kind) {
      case 'create_table': {
        if (this.table(op.table.name)) throw misfit(op, `table "${op.table.name}" already exists`);
        this.mustSchema(op, schemaOf(op.table.name));
        for (const fk of op.table.foreignKeys) {
          if (fk.refTable !== op.table.name) this.mustTable(op, fk.refTable);
        }
        if (op.table.partitionOf) this.mustPartitioned(op, op.table.partitionOf.table);
        const table = { ...clone(op.table), indexes: [] };
        tables.push(table);
        this.byName.set(table.name, table);
        return;
      }
      case 'drop_table': {
        const table = this.mustTable(op, op.table.name);
        const referrer = tables.find(
          (t) => t !== table && t.foreignKeys.some((fk) => fk.refTable === table.name),
        );
        if (referrer) throw misfit(op, `table "${referrer.name}" still references "${table.name}"`);
        const partition = tables.find((t) => t.partitionOf?.table === table.name);
        if (partition) throw misfit(op, `"${partition.name}" is still a partition of it`);
        tables.splice(tables.indexOf(table), 1);
        this.byName.delete(table.name);
        this.dropOwnedSequences(table.name);
        return;
      }
      case 'rename_table': {
        const table = this.mustTable(op, op.from);
        if (this.table(op.to)) throw misfit(op, `table "${op.to}" already exists`);
        table.name = op.to;
        this.byName.delete(op.from);
        this.byName.set(op.to, table);
        this.renameReferences(op.from, op.to);
        return;
      }
      case 'set_table_comment':
        this.mustTable(op, op.table).comment = op.to;
        return;
      case 'add_column': {
        const table = this.mustTable(op, op.table);
        if (table.columns.some((c) => c.name === op.column.name)) {
          throw misfit(op, `table "${op.table}" already has a column "${op.column.name}"`);
        }
        table.columns.push(clone(op.column));
        return;
      }
      case 'drop_column': {
        const table = this.mustTable(op, op.table);
        const index = table.columns.findIndex((c) => c.name === op.column.name);
        if (index < 0) throw misfit(op, `table "${op.table}" has no column "${op.column.name}"`);
        table.columns.splice(index, 1);
        this.dropOwnedSequences(table.name, op.column.name);
        return;
      }
      case 'alter_column': {
        const table = this.mustTable(op, op.table);
        const index = table.columns.findIndex((c) => c.name === op.before.name);
        if (index < 0) throw misfit(op, `table "${op.table}" has no column "${op.before.name}"`);
        const from = op.before.name;
        const to = op.after.name;
        if (from !== to) {
          if (table.columns.some((c) => c.name === to)) {
            throw misfit(op, `table "${op.table}" already has a column "${to}"`);
          }
          this.renameColumn(table, from, to);
          // Postgres prints the partition key with the column's new name.
          if (table.partitionBy)
            table.partitionBy = renameInPartitionKey(table.partitionBy, from, to);
        }
        table.columns[index] = clone(op.after);
        if (op.after.generated !== undefined && op.before.generated !== op.after.generated) {
          // Made generated by dropping it and adding it again: it is now the last column.
          table.columns.push(...table.columns.splice(index, 1));
        }
        return;
      }
      case 'create_primary_key': {
        const table = this.mustTable(op, op.table);
        if (table.primaryKey) throw misfit(op, `table "${op.table}" already has a primary key`);
        table.primaryKey = clone(op.primaryKey);
        return;
      }
      case 'drop_primary_key': {
        const table = this.mustTable(op, op.table);
        if (table.primaryKey?.name !== op.primaryKey.name) {
          throw misfit(op, `table "${op.table}" has no primary key "${op.primaryKey.name}"`);
        }
        table.primaryKey = null;
        return;
      }
      case 'create_foreign_key':
        this.mustTable(op, op.foreignKey.refTable);
        this.add(op, op.table, 'foreignKeys', op.foreignKey);
        return;
      case 'drop_foreign_key':
        this.remove(op, op.table, 'foreignKeys', op.foreignKey.name);
        return;
      case 'create_unique':
        this.add(op, op.table, 'uniques', op.unique);
        return;
      case 'drop_unique':
        this.remove(op, op.table, 'uniques', op.unique.name);
        return;
      case 'create_index':
        this.add(op, op.table, 'indexes', op.index);
        return;
      case 'drop_index':
        this.remove(op, op.table, 'indexes', op.index.name);
        return;
      case 'create_check':
        this.add(op, op.table, 'checks', op.check);
        return;
      case 'drop_check':
        this.remove(op, op.table, 'checks', op.check.name);
        return;
      case 'set_check_validity': {
        const check = this.mustTable(op, op.table).checks.find((k) => k.name === op.check.name);
        if (!check) throw misfit(op, `table "${op.table}" has no check "${op.check.name}"`);
        if (!check.notValid === op.valid) {
          throw misfit(
            op,
            `check "${op.check.name}" is ${op.valid ? 'valid' : 'NOT VALID'} already`,
          );
        }
        if (op.valid) delete check.notValid;
        else check.notValid = true;
        return;
      }
      case 'create_exclusion': {
        const table = this.mustTable(op, op.table);
        table.exclusions ??= [];
        this.add(op, op.table, 'exclusions', op.exclusion);
        return;
      }
      case 'drop_exclusion':
        this.remove(op, op.table, 'exclusions', op.exclusion.name);
        return;
      case 'set_exclusion_comment': {
        const exclusion = this.mustTable(op, op.table).exclusions?.find(
          (x) => x.name === op.exclusion,
        );
        if (!exclusion) {
          throw misfit(op, `table "${op.table}" has no exclusion constraint "${op.exclusion}"`);
        }
        if (op.to === null) delete exclusion.comment;
        else exclusion.comment = op.to;
        return;
      }
      case 'set_constraint_comment': {
        const table = this.mustTable(op, op.table);
        const constraint = [
          ...(table.primaryKey ? [table.primaryKey] : []),
          ...table.uniques,
          ...table.checks,
          ...table.foreignKeys,
        ].find((c) => c.name === op.constraint);
        if (!constraint)
          throw misfit(op, `table "${op.table}" has no constraint "${op.constraint}"`);
        if (op.to === null) delete constraint.comment;
        else constraint.comment = op.to;
        return;
      }
      case 'set_index_comment': {
        const index = this.mustTable(op, op.table).indexes.find((i) => i.name === op.index);
        if (!index) throw misfit(op, `table "${op.table}" has no index "${op.index}"`);
        if (op.to === null) delete index.comment;
        else index.comment = op.to;
        return;
      }
      case 'create_enum':
        if (this.catalog.enums.some((e) => e.name === op.enum.name)) {
          throw misfit(op, `type "${op.enum.name}" already exists`);
        }
        this.mustSchema(op, schemaOf(op.enum.name));
        this.catalog.enums.push(clone(op.enum));
        return;
      case 'drop_enum': {
        const index = this.catalog.enums.findIndex((e) => e.name === op.enum.name);
        if (index < 0) throw misfit(op, `there is no enum "${op.enum.name}"`);
        const user = this.usages(op.enum.name)[0];
        if (user) throw misfit(op, `column "${user.table}.${user.column}" still uses it`);
        this.catalog.enums.splice(index, 1);
        return;
      }
      case 'rename_enum': {
        const found = this.catalog.enums.find((e) => e.name === op.from);
        if (!found) throw misfit(op, `there is no enum "${op.from}"`);
        if (this.catalog.enums.some((e) => e.name === op.to)) {
          throw misfit(op, `type "${op.to}" already exists`);
        }
        found.name = op.to;
        this.retypeEnumColumns(op.from, op.to);
        return;
      }
      case 'alter_enum': {
        const found = this.catalog.enums.find((e) => e.name === op.name);
        if (!found) throw misfit(op, `there is no enum "${op.name}"`);
        found.values = [...op.after];
        for (const rename of op.renames) {
          for (const t of tables) {
            for (const c of t.columns) {
              if (c.type === op.name && c.default === quoteLiteral(rename.from)) {
                c.default = quoteLiteral(rename.to);
              }
            }
          }
        }
        return;
      }
      case 'rename_constraint':
      case 'rename_index': {
        const table = this.mustTable(op, op.table);
        const all = [
          ...(table.primaryKey ? [table.primaryKey] : []),
          ...table.foreignKeys,
          ...table.uniques,
          ...table.checks,
          ...(table.exclusions ?? []),
          ...table.indexes,
        ];
        const found = all.find((c) => c.name === op.from);
        if (!found) throw misfit(op, `table "${op.table}" has no constraint or index "${op.from}"`);
        found.name = op.to;
        return;
      }
      case 'create_schema': {
        const schemas = this.catalog.schemas ?? [];
        if (op.schema === DEFAULT_SCHEMA || schemas.includes(op.schema)) {
          throw misfit(op, `schema "${op.schema}" already exists`);
        }
        this.catalog.schemas = [...schemas, op.schema];
        return;
      }
      case 'drop_schema': {
        const schemas = this.catalog.schemas ?? [];
        if (!schemas.includes(op.schema)) throw misfit(op, `there is no schema "${op.schema}"`);
        const user = [
          ...tables,
          ...this.catalog.enums,
          ...(this.catalog.domains ?? []),
          ...(this.catalog.compositeTypes ?? []),
          ...(this.catalog.sequences ?? []),
        ].find((o) => schemaOf(o.name) === op.schema);
        if (user) throw misfit(op, `"${user.name}" is still in it`);
        const extension = (this.catalog.extensions ?? []).find((e) => e.schema === op.schema);
        if (extension) throw misfit(op, `extension "${extension.name}" is still in it`);
        this.catalog.schemas = schemas.filter((s) => s !== op.schema);
        // Postgres drops a schema's comment with it.
        if (this.catalog.schemaComments) delete this.catalog.schemaComments[op.schema];
        return;
      }
      case 'set_schema_comment': {
        if (op.schema === DEFAULT_SCHEMA) throw misfit(op, 'public keeps its own comment');
        this.mustSchema(op, op.schema);
        const comments = { ...this.catalog.schemaComments };
        if (op.to === null) delete comments[op.schema];
        else comments[op.schema] = op.to;
        this.catalog.schemaComments = comments;
        return;
      }
      case 'set_table_schema': {
        const from = qualifiedName(op.from, op.table);
        const to = qualifiedName(op.to, op.table);
        const table = this.mustTable(op, from);
        this.mustSchema(op, op.to);
        if (this.table(to)) throw misfit(op, `table "${to}" already exists`);
        table.name = to;
        this.byName.delete(from);
        this.byName.set(to, table);
        // Postgres moves the sequences the table's columns own along with it.
        for (const q of this.catalog.sequences ?? []) {
          if (q.ownedBy?.table === from) {
            this.renameSequence(q.name, qualifiedName(op.to, unqualifiedName(q.name)));
          }
        }
        this.renameReferences(from, to);
        return;
      }
      case 'set_enum_schema': {
        const from = qualifiedName(op.from, op.name);
        const to = qualifiedName(op.to, op.name);
        const found = this.catalog.enums.find((e) => e.name === from);
        if (!found) throw misfit(op, `there is no enum "${from}"`);
        this.mustSchema(op, op.to);
        if (this.catalog.enums.some((e) => e.name === to)) {
          throw misfit(op, `type "${to}" already exists`);
        }
        found.name = to;
        this.retypeEnumColumns(from, to);
        return;
      }
      case 'attach_partition': {
        const table = this.mustTable(op, op.table);
        this.mustPartitioned(op, op.parent);
        if (table.partitionOf) {
          throw misfit(op, `"${op.table}" is already a partition of "${table.partitionOf.table}"`);
        }
        table.partitionOf = { table: op.parent, bound: op.bound };
        return;
      }
      case 'detach_partition': {
        const table = this.mustTable(op, op.table);
        if (table.partitionOf?.table !== op.parent || table.partitionOf.bound !== op.bound) {
          throw misfit(op, `"${op.table}" is not the partition of "${op.parent}" ${op.bound}`);
        }
        delete table.partitionOf;
        return;
      }
      case 'execute':
        return;
      case 'create_object': {
        const objects = this.catalog.objects ?? [];
        const key = objectKey(op.object);
        if (objects.some((o) => objectKey(o) === key)) {
          throw misfit(op, `${describeObject(op.object)} already exists`);
        }
        this.catalog.objects = [...objects, clone(op.object)];
        return;
      }
      case 'drop_object':
      case 'replace_object': {
        const gone = op.kind === 'drop_object' ? op.object : op.before;
        const objects = this.catalog.objects ?? [];
        const key = objectKey(gone);
        const at = objects.findIndex((o) => objectKey(o) === key);
        if (at < 0) throw misfit(op, `there is no ${describeObject(gone)}`);
        const rest = objects.filter((_, i) => i !== at);
        if (op.kind === 'replace_object') rest.push(clone(op.after));
        if (rest.length > 0) this.catalog.objects = rest;
        else delete this.catalog.objects;
        return;
      }
      case 'create_extension': {
        const extensions = this.catalog.extensions ?? [];
        if (extensions.some((e) => e.name === op.extension.name)) {
          throw misfit(op, `extension "${op.extension.name}" already exists`);
        }
        this.mustSchema(op, op.extension.schema);
        this.catalog.extensions = [...extensions, clone(op.extension)];
        return;
      }
      case 'drop_extension': {
        const extensions = this.catalog.extensions ?? [];
        if (!extensions.some((e) => e.name === op.extension.name)) {
          throw misfit(op, `there is no extension "${op.extension.name}"`);
        }
        this.catalog.extensions = extensions.filter((e) => e.name !== op.extension.name);
        return;
      }
      case 'create_domain':
      case 'create_composite_type': {
        const name = op.kind === 'create_domain' ? op.domain.name : op.type.name;
        if (this.typeExists(name)) throw misfit(op, `type "${name}" already exists`);
        this.mustSchema(op, schemaOf(name));
        if (op.kind === 'create_domain') {
          this.catalog.domains = [...(this.catalog.domains ?? []), clone(op.domain)];
        } else {
          this.catalog.compositeTypes = [...(this.catalog.compositeTypes ?? []), clone(op.type)];
        }
        return;
      }
      case 'drop_domain':
      case 'drop_composite_type': {
        const name = op.kind === 'drop_domain' ? op.domain.name : op.type.name;
        const list: { name: string }[] =
          op.kind === 'drop_domain'
            ? (this.catalog.domains ?? [])
            : (this.catalog.compositeTypes ?? []);
        if (!list.some((t) => t.name === name)) throw misfit(op, `there is no type "${name}"`);
        // A type still in use is lint's to refuse (Postgres would): the plan may recreate one.
        if (op.kind === 'drop_domain') {
          this.catalog.domains = (this.catalog.domains ?? []).filter((t) => t.name !== name);
        } else {
          this.catalog.compositeTypes = (this.catalog.compositeTypes ?? []).filter(
            (t) => t.name !== name,
          );
        }
        return;
      }
      case 'alter_domain': {
        const domains = this.catalog.domains ?? [];
        const at = domains.findIndex((d) => d.name === op.before.name);
        if (at < 0) throw misfit(op, `there is no domain "${op.before.name}"`);
        domains[at] = clone(op.after);
        return;
      }
      case 'alter_composite_type': {
        const types = this.catalog.compositeTypes ?? [];
        const at = types.findIndex((t) => t.name === op.before.name);
        if (at < 0) throw misfit(op, `there is no composite type "${op.before.name}"`);
        types[at] = clone(op.after);
        return;
      }
      case 'create_sequence': {
        const q = op.sequence;
        if (this.relationTaken(q.name)) throw misfit(op, `relation "${q.name}" already exists`);
        this.mustSchema(op, schemaOf(q.name));
        if (q.ownedBy !== null) this.mustOwner(op, q.ownedBy);
        this.catalog.sequences = [...(this.catalog.sequences ?? []), clone(q)];
        return;
      }
      case 'drop_sequence':
        this.mustSequence(op, op.sequence.name);
        this.catalog.sequences = (this.catalog.sequences ?? []).filter(
          (q) => q.name !== op.sequence.name,
        );
        return;
      case 'alter_sequence': {
        const sequences = this.catalog.sequences ?? [];
        const at = sequences.findIndex((q) => q.name === op.before.name);
        if (at < 0) throw misfit(op, `there is no sequence "${op.before.name}"`);
        sequences[at] = { ...clone(op.after), ownedBy: clone(sequences[at]!.ownedBy) };
        return;
      }
      case 'set_sequence_owner': {
        const q = this.mustSequence(op, op.sequence);
        if (op.to !== null) this.mustOwner(op, op.to);
        q.ownedBy = clone(op.to);
        return;
      }
      case 'rename_sequence': {
        this.mustSequence(op, op.from);
        if (this.relationTaken(op.to)) throw misfit(op, `relation "${op.to}" already exists`);
        this.mustSchema(op, schemaOf(op.to));
        this.renameSequence(op.from, op.to);
        return;
      }
      default:
        unhandledOperation(op);
    }
  }

  private mustOwner(op: Operation, owner: CatalogSequenceOwner): void {
    if (!this.column(owner.table, owner.column)) {
      throw misfit(op, `there is no column "${owner.column}" in table "${owner.table}"`);
    }
  }

  /** A sequence's new name, and the column defaults that call it (Postgres keeps its oid there). */
  private renameSequence(from: string, to: string): void {
    const q = this.sequence(from);
    if (q) q.name = to;
    for (const t of this.catalog.tables) {
      for (const c of t.columns) {
        if (c.default === null) continue;
        const renamed = renameSequenceInDefault(c.default, from, to);
        if (renamed !== c.default) c.default = renamed;
      }
    }
  }

  private typeExists(name: string): boolean {
    return [
      ...this.catalog.enums,
      ...(this.catalog.domains ?? []),
      ...(this.catalog.compositeTypes ?? []),
    ].some((t) => t.name === name);
  }

  /** The columns (`table.column`), domains and composite types that name the type `name`. */
  typeUsers(name: string): { kind: 'column' | 'domain' | 'composite type'; name: string }[] {
    const uses = (type: string) => type === name || type === `${name}[]`;
    return [
      ...this.catalog.tables.flatMap((t) =>
        t.columns
          .filter((c) => uses(c.type))
          .map((c) => ({ kind: 'column' as const, name: `${t.name}.${c.name}` })),
      ),
      ...(this.catalog.domains ?? [])
        .filter((d) => uses(d.type))
        .map((d) => ({ kind: 'domain' as const, name: d.name })),
      ...(this.catalog.compositeTypes ?? [])
        .filter((t) => t.attributes.some((a) => uses(a.type)))
        .map((t) => ({ kind: 'composite type' as const, name: t.name })),
    ];
  }

  /** Columns of the enum `name` (or arrays of it). */
  usages(
    name: string,
  ): { table: string; column: string; default: string | null; array: boolean }[] {
    return this.catalog.tables.flatMap((t) =>
      t.columns
        .filter((c) => c.type === name || c.type === `${name}[]`)
        .map((c) => ({
          table: t.name,
          column: c.name,
          default: c.default,
          array: c.type.endsWith('[]'),
        })),
    );
  }

  /** Columns of the enum `from` (or arrays of it) now name it `to`. */
  private retypeEnumColumns(from: string, to: string): void {
    for (const t of this.catalog.tables) {
      for (const c of t.columns) {
        if (c.type === from) c.type = to;
        else if (c.type === `${from}[]`) c.type = `${to}[]`;
      }
    }
  }

  /** Public always exists; another schema only once created. */
  private mustSchema(op: Operation, schema: string): void {
    if (schema !== DEFAULT_SCHEMA && !(this.catalog.schemas ?? []).includes(schema)) {
      throw misfit(op, `there is no schema "${schema}"`);
    }
  }

  private renameColumn(table: CatalogTable, from: string, to: string): void {
    const rename = (names: string[]) => names.map((n) => (n === from ? to : n));
    if (table.primaryKey) table.primaryKey.columns = rename(table.primaryKey.columns);
    for (const fk of table.foreignKeys) fk.columns = rename(fk.columns);
    for (const u of table.uniques) u.columns = rename(u.columns);
    const map = new Map([[from, to]]);
    table.indexes = table.indexes.map(
      (i) => renameIndexColumns(i, (n) => (n === from ? to : n), map) ?? i,
    );
    for (const k of table.checks) k.expression = renameColumnsInExpression(k.expression, map);
    if (table.exclusions) {
      table.exclusions = table.exclusions.map(
        (x) => renameExclusionColumns(x, (n) => (n === from ? to : n), map) ?? x,
      );
    }
    for (const t of this.catalog.tables) {
      // Only keys that name the column are changed: the others may be shared (see above).
      for (const fk of t.foreignKeys) {
        if (fk.refTable === table.name && fk.refColumns.includes(from)) {
          fk.refColumns = rename(fk.refColumns);
        }
      }
    }
    for (const q of this.catalog.sequences ?? []) {
      if (q.ownedBy?.table === table.name && q.ownedBy.column === from) q.ownedBy.column = to;
    }
  }

  sequence(name: string): CatalogSequence | undefined {
    return (this.catalog.sequences ?? []).find((q) => q.name === name);
  }

  private mustSequence(op: Operation, name: string): CatalogSequence {
    const found = this.sequence(name);
    if (!found) throw misfit(op, `there is no sequence "${name}"`);
    return found;
  }

  /** Postgres drops a sequence with the column (or table, when `column` is absent) that owns it. */
  private dropOwnedSequences(table: string, column?: string): void {
    const sequences = this.catalog.sequences;
    if (!sequences) return;
    this.catalog.sequences = sequences.filter(
      (q) => q.ownedBy?.table !== table || (column !== undefined && q.ownedBy.column !== column),
    );
  }

  /** A relation name is taken by a table or a sequence. */
  private relationTaken(name: string): boolean {
    return this.table(name) !== undefined || this.sequence(name) !== undefined;
  }

  private add<K extends 'foreignKeys' | 'uniques' | 'indexes' | 'checks' | 'exclusions'>(
    op: Operation,
    tableName: string,
    key: K,
    item: NonNullable<CatalogTable[K]>[number],
  ): void {
    const table = this.mustTable(op, tableName);
    const list = (table[key] ?? []) as { name: string }[];
    if (list.some((c) => c.name === item.name)) {
      throw misfit(op, `table "${tableName}" already has "${item.name}"`);
    }
    list.push(clone(item));
  }

  private remove(
    op: Operation,
    tableName: string,
    key: 'foreignKeys' | 'uniques' | 'indexes' | 'checks' | 'exclusions',
    name: string,
  ): void {
    const table = this.mustTable(op, tableName);
    const list = (table[key] ?? []) as { name: string }[];
    const index = list.findIndex((c) => c.name === name);
    if (index < 0) throw misfit(op, `table "${tableName}" has no "${name}"`);
    list.splice(index, 1);
  }
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The catalog after `ops` run on `catalog`; throws a RetortError naming the first that does not fit. */
export function applyOperations(catalog: Catalog, ops: readonly Operation[]): Catalog {
  const state = new CatalogState(catalog);
  for (const op of ops) state.apply(op);
  return state.snapshot();
}
