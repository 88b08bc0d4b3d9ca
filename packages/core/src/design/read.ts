/**
 * Reading the shape of a `design.json` value: every field checked for its JSON type, every
 * optional field filled with its documented default, unknown fields dropped (extensions
 * are allowed, so they are not an error). Shape problems are collected, not thrown, so the
 * caller can report them all together with the semantic ones.
 */
import type { Problem } from '../errors';
import { DEFAULT_SCHEMA } from '../naming/qualified-names';
import { readObjects } from '../objects/read';
import type {
  CanvasData,
  CheckConstraint,
  Column,
  ColumnIdentity,
  CompositeType,
  Design,
  DomainType,
  EnumType,
  ExclusionConstraint,
  ExclusionElement,
  ForeignKey,
  ForeignKeyMatch,
  Index,
  IndexKey,
  NullsOrder,
  Position,
  ReferentialAction,
  Sequence,
  SequenceDataType,
  Table,
  UniqueConstraint,
} from './types';
import {
  DESIGN_FORMAT,
  INDEX_METHODS,
  PARTITION_STRATEGIES,
  READABLE_DESIGN_FORMATS,
  readableFormats,
  SEQUENCE_DATA_TYPES,
} from './types';

export const REFERENTIAL_ACTIONS: readonly ReferentialAction[] = [
  'CASCADE',
  'SET NULL',
  'SET DEFAULT',
  'RESTRICT',
  'NO ACTION',
];

type Json = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

export class DesignReader {
  readonly problems: Problem[] = [];

  private problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  private object(value: unknown, path: string): Json | null {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Json;
    this.problem(path, `must be an object, not ${describe(value)}.`);
    return null;
  }

  private list(value: unknown, path: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.problem(path, `must be a list, not ${describe(value)}.`);
    return [];
  }

  private string(obj: Json, key: string, path: string): string {
    const value = obj[key];
    if (typeof value === 'string') return value;
    this.problem(
      `${path}.${key}`,
      value === undefined ? 'is missing.' : `must be text, not ${describe(value)}.`,
    );
    return '';
  }

  private nullableString(obj: Json, key: string, path: string): string | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value;
    this.problem(`${path}.${key}`, `must be text or null, not ${describe(value)}.`);
    return null;
  }

  private boolean(obj: Json, key: string, path: string, fallback: boolean): boolean {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    this.problem(`${path}.${key}`, `must be true or false, not ${describe(value)}.`);
    return fallback;
  }

  private idList(obj: Json, key: string, path: string): string[] {
    const value = obj[key];
    if (!Array.isArray(value)) {
      this.problem(
        `${path}.${key}`,
        value === undefined
          ? 'is missing: list the column ids.'
          : `must be a list of column ids, not ${describe(value)}.`,
      );
      return [];
    }
    return value.flatMap((item, i) => {
      if (typeof item === 'string') return [item];
      this.problem(`${path}.${key}[${i}]`, `must be a column id (text), not ${describe(item)}.`);
      return [];
    });
  }

  private action(obj: Json, key: string, path: string): ReferentialAction | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') {
      const upper = value.trim().toUpperCase().replace(/\s+/g, ' ') as ReferentialAction;
      if (REFERENTIAL_ACTIONS.includes(upper)) return upper;
    }
    this.problem(
      `${path}.${key}`,
      `must be one of ${REFERENTIAL_ACTIONS.join(', ')} or null, not ${describe(value)}.`,
    );
    return null;
  }

  private choice<T extends string>(
    obj: Json,
    key: string,
    path: string,
    choices: readonly T[],
    fallback: T,
  ): T {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string') {
      const found = choices.find((c) => c.toLowerCase() === value.trim().toLowerCase());
      if (found !== undefined) return found;
    }
    this.problem(`${path}.${key}`, `must be one of ${choices.join(', ')}, not ${describe(value)}.`);
    return fallback;
  }

  private optionalIdList(obj: Json, key: string, path: string): string[] | null {
    if (obj[key] === undefined || obj[key] === null) return null;
    return this.idList(obj, key, path);
  }

  design(input: unknown): Design {
    const object = this.object(input, '$');
    const root = object ?? {};
    const format = root.format;
    if (object && !READABLE_DESIGN_FORMATS.includes(format as string)) {
      this.problem(
        'format',
        format === undefined
          ? `is missing: a design.json starts with "format": "${DESIGN_FORMAT}".`
          : `is ${JSON.stringify(format)}; Retort reads ${readableFormats()}.`,
      );
    }
    return {
      format: DESIGN_FORMAT,
      name: typeof root.name === 'string' ? root.name : this.designName(root.name),
      enums: this.list(root.enums, 'enums').map((value, i) => this.enumType(value, `enums[${i}]`)),
      tables: this.list(root.tables, 'tables').map((value, i) => this.table(value, `tables[${i}]`)),
      ...(root.canvas === undefined || root.canvas === null
        ? {}
        : { canvas: this.canvas(root.canvas, 'canvas') }),
      ...this.objects(root.objects),
      ...this.userTypes(root),
      ...this.sequences(root),
      ...this.schemaComments(root.schemaComments),
    };
  }

  /** Standalone sequences: the list kept only when the file has one. */
  private sequences(root: Json): Pick<Design, 'sequences'> {
    const sequences = this.list(root.sequences, 'sequences').map((v, i) =>
      this.sequence(v, `sequences[${i}]`),
    );
    return sequences.length > 0 ? { sequences } : {};
  }

  private sequence(value: unknown, path: string): Sequence {
    const obj = this.object(value, path) ?? {};
    let ownedBy: Sequence['ownedBy'] = null;
    if (obj.ownedBy !== undefined && obj.ownedBy !== null) {
      const o = this.object(obj.ownedBy, `${path}.ownedBy`);
      if (o) {
        ownedBy = {
          table: this.string(o, 'table', `${path}.ownedBy`),
          column: this.string(o, 'column', `${path}.ownedBy`),
        };
      }
    }
    return {
      id: this.string(obj, 'id', path),
      name: this.string(obj, 'name', path),
      ...this.schema(obj, path),
      dataType: this.choice<SequenceDataType>(obj, 'dataType', path, SEQUENCE_DATA_TYPES, 'bigint'),
      start: this.integerText(obj, 'start', path),
      increment: this.integerText(obj, 'increment', path),
      minValue: this.integerText(obj, 'minValue', path),
      maxValue: this.integerText(obj, 'maxValue', path),
      cache: this.integerText(obj, 'cache', path),
      cycle: this.boolean(obj, 'cycle', path, false),
      ownedBy,
      comment: this.nullableString(obj, 'comment', path),
    };
  }

  /** `{ "app": "What the application reads" }`: kept only when the file has one. */
  private schemaComments(value: unknown): Pick<Design, 'schemaComments'> {
    if (value === undefined || value === null) return {};
    const obj = this.object(value, 'schemaComments');
    if (obj === null) return {};
    const comments: Record<string, string> = {};
    for (const schema of Object.keys(obj)) {
      comments[schema] = this.string(obj, schema, 'schemaComments');
    }
    return Object.keys(comments).length > 0 ? { schemaComments: comments } : {};
  }

  /** Domains, composite types and extensions: each list kept only when the file has one. */
  private userTypes(root: Json): Pick<Design, 'domains' | 'compositeTypes' | 'extensions'> {
    const domains = this.list(root.domains, 'domains').map((v, i) =>
      this.domain(v, `domains[${i}]`),
    );
    const compositeTypes = this.list(root.compositeTypes, 'compositeTypes').map((v, i) =>
      this.compositeType(v, `compositeTypes[${i}]`),
    );
    const extensions = this.list(root.extensions, 'extensions').map((v, i) => {
      const path = `extensions[${i}]`;
      const obj = this.object(v, path) ?? {};
      return { name: this.string(obj, 'name', path), ...this.schema(obj, path) };
    });
    return {
      ...(domains.length > 0 ? { domains } : {}),
      ...(compositeTypes.length > 0 ? { compositeTypes } : {}),
      ...(extensions.length > 0 ? { extensions } : {}),
    };
  }

  private domain(value: unknown, path: string): DomainType {
    const obj = this.object(value, path) ?? {};
    let def: DomainType['default'] = null;
    if (obj.default !== undefined && obj.default !== null) {
      const d = this.object(obj.default, `${path}.default`);
      if (d) def = { sql: this.string(d, 'sql', `${path}.default`) };
    }
    const domain: DomainType = {
      id: this.string(obj, 'id', path),
      name: this.string(obj, 'name', path),
      ...this.schema(obj, path),
      type: this.string(obj, 'type', path),
      default: def,
      notNull: this.boolean(obj, 'notNull', path, false),
      checks: this.list(obj.checks, `${path}.checks`).map((item, i) => {
        const {
          notValid: _notValid,
          comment: _comment,
          ...check
        } = this.check(item, `${path}.checks[${i}]`);
        return check;
      }),
      comment: this.nullableString(obj, 'comment', path),
    };
    const collation = this.nullableString(obj, 'collation', path);
    if (collation !== null) domain.collation = collation;
    return domain;
  }

  private compositeType(value: unknown, path: string): CompositeType {
    const obj = this.object(value, path) ?? {};
    if (obj.attributes === undefined) this.problem(`${path}.attributes`, 'is missing.');
    return {
      id: this.string(obj, 'id', path),
      name: this.string(obj, 'name', path),
      ...this.schema(obj, path),
      attributes: this.list(obj.attributes, `${path}.attributes`).map((item, i) => {
        const at = `${path}.attributes[${i}]`;
        const a = this.object(item, at) ?? {};
        const collation = this.nullableString(a, 'collation', at);
        return {
          name: this.string(a, 'name', at),
          type: this.string(a, 'type', at),
          ...(collation !== null ? { collation } : {}),
        };
      }),
      comment: this.nullableString(obj, 'comment', path),
    };
  }

  private objects(value: unknown): Pick<Design, 'objects'> {
    const objects = readObjects(value, (path, message) => this.problem(path, message));
    return objects ? { objects } : {};
  }

  /** Notes and subject areas; kept only when the file has them (see `canvas-data.ts`). */
  private canvas(value: unknown, path: string): CanvasData {
    const obj = this.object(value, path) ?? {};
    return {
      notes: this.list(obj.notes, `${path}.notes`).map((item, i) => {
        const at = `${path}.notes[${i}]`;
        const note = this.object(item, at) ?? {};
        return {
          id: this.string(note, 'id', at),
          text: this.string(note, 'text', at),
          ...this.box(note, at),
        };
      }),
      areas: this.list(obj.areas, `${path}.areas`).map((item, i) => {
        const at = `${path}.areas[${i}]`;
        const area = this.object(item, at) ?? {};
        return {
          id: this.string(area, 'id', at),
          name: this.string(area, 'name', at),
          color: this.string(area, 'color', at),
          ...this.box(area, at),
        };
      }),
    };
  }

  private box(obj: Json, path: string): { position: Position; width: number; height: number } {
    const position = this.position(obj.position, `${path}.position`);
    if (obj.position === undefined || obj.position === null) {
      this.problem(`${path}.position`, 'is missing.');
    }
    const size = (key: 'width' | 'height') => {
      const value = obj[key];
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      this.problem(
        `${path}.${key}`,
        value === undefined ? 'is missing.' : `must be a number, not ${describe(value)}.`,
      );
      return 0;
    };
    return { position: position ?? { x: 0, y: 0 }, width: size('width'), height: size('height') };
  }

  private designName(value: unknown): string {
    if (value !== undefined && value !== null) {
      this.problem('name', `must be text, not ${describe(value)}.`);
    }
    return '';
  }

  private enumType(value: unknown, path: string): EnumType {
    const obj = this.object(value, path) ?? {};
    const values = this.list(obj.values, `${path}.values`).flatMap((item, i) => {
      if (typeof item === 'string') return [item];
      this.problem(`${path}.values[${i}]`, `must be text, not ${describe(item)}.`);
      return [];
    });
    if (obj.values === undefined) this.problem(`${path}.values`, 'is missing.');
    return {
      id: this.string(obj, 'id', path),
      name: this.string(obj, 'name', path),
      ...this.schema(obj, path),
      values,
    };
  }

  /** A table with its defaults filled (also for the tables a revision file holds). */
  table(value: unknown, path: string): Table {
    const obj = this.object(value, path) ?? {};
    return {
      id: this.string(obj, 'id', path),
      name: this.string(obj, 'name', path),
      ...this.schema(obj, path),
      comment: this.nullableString(obj, 'comment', path),
      position: this.position(obj.position, `${path}.position`),
      columns: this.list(obj.columns, `${path}.columns`).map((item, i) =>
        this.column(item, `${path}.columns[${i}]`),
      ),
      primaryKeyName: this.nullableString(obj, 'primaryKeyName', path),
      primaryKeyOrder: this.optionalIdList(obj, 'primaryKeyOrder', path),
      primaryKeyComment: this.nullableString(obj, 'primaryKeyComment', path),
      ...this.deferrability(obj, path, 'primaryKeyDeferrable', 'primaryKeyInitiallyDeferred'),
      foreignKeys: this.list(obj.foreignKeys, `${path}.foreignKeys`).map((item, i) =>
        this.foreignKey(item, `${path}.foreignKeys[${i}]`),
      ),
      uniques: this.list(obj.uniques, `${path}.uniques`).map((item, i) =>
        this.unique(item, `${path}.uniques[${i}]`),
      ),
      indexes: this.list(obj.indexes, `${path}.indexes`).map((item, i) =>
        this.index(item, `${path}.indexes[${i}]`),
      ),
      checks: this.list(obj.checks, `${path}.checks`).map((item, i) =>
        this.check(item, `${path}.checks[${i}]`),
      ),
      ...this.exclusions(obj, path),
      ...this.tableColor(obj, path),
      ...this.partitioning(obj, path),
    };
  }

  /** `exclusions`, absent when there are none, so a design without them reads as before. */
  private exclusions(obj: Json, path: string): Pick<Table, 'exclusions'> {
    if (obj.exclusions === undefined || obj.exclusions === null) return {};
    const list = this.list(obj.exclusions, `${path}.exclusions`).map((item, i) =>
      this.exclusion(item, `${path}.exclusions[${i}]`),
    );
    return list.length > 0 ? { exclusions: list } : {};
  }

  private exclusion(value: unknown, path: string): ExclusionConstraint {
    const obj = this.object(value, path) ?? {};
    const deferrable = this.boolean(obj, 'deferrable', path, false);
    return {
      id: this.string(obj, 'id', path),
      name: this.nullableString(obj, 'name', path),
      method: this.choice(obj, 'method', path, INDEX_METHODS, 'gist'),
      elements: this.list(obj.elements, `${path}.elements`).map((item, i) =>
        this.exclusionElement(item, `${path}.elements[${i}]`),
      ),
      include: this.optionalIdList(obj, 'include', path) ?? [],
      where: this.nullableString(obj, 'where', path),
      deferrable,
      initiallyDeferred: deferrable && this.boolean(obj, 'initiallyDeferred', path, false),
      comment: this.nullableString(obj, 'comment', path),
    };
  }

  private exclusionElement(value: unknown, path: string): ExclusionElement {
    const obj = this.object(value, path) ?? {};
    return { ...this.indexKey(value, path), operator: this.string(obj, 'operator', path).trim() };
  }

  /** `partitionBy`, `partitionOf` and `partitionBound`, each absent when not given. */
  private partitioning(
    obj: Json,
    path: string,
  ): Pick<Table, 'partitionBy' | 'partitionOf' | 'partitionBound'> {
    const out: Pick<Table, 'partitionBy' | 'partitionOf' | 'partitionBound'> = {};
    if (obj.partitionBy !== undefined && obj.partitionBy !== null) {
      const by = this.object(obj.partitionBy, `${path}.partitionBy`);
      if (by) {
        out.partitionBy = {
          strategy: this.choice(
            by,
            'strategy',
            `${path}.partitionBy`,
            PARTITION_STRATEGIES,
            'RANGE',
          ),
          key: this.string(by, 'key', `${path}.partitionBy`).trim(),
        };
      }
    }
    const of = this.nullableString(obj, 'partitionOf', path);
    if (of !== null) out.partitionOf = of;
    const bound = this.nullableString(obj, 'partitionBound', path);
    if (bound !== null) out.partitionBound = bound.trim();
    return out;
  }

  /** A table's or enum's schema; absent for public, so a design without schemas reads as before. */
  private schema(obj: Json, path: string): { schema?: string } {
    const value = obj.schema;
    if (value === undefined || value === null || value === DEFAULT_SCHEMA) return {};
    if (typeof value === 'string') return { schema: value };
    this.problem(`${path}.schema`, `must be text, not ${describe(value)}.`);
    return {};
  }

  private tableColor(obj: Json, path: string): { color?: string } {
    const value = obj.color;
    if (value === undefined || value === null) return {};
    if (typeof value === 'string') return { color: value };
    this.problem(`${path}.color`, `must be a colour as #rrggbb, not ${describe(value)}.`);
    return {};
  }

  private position(value: unknown, path: string): Position | null {
    if (value === undefined || value === null) return null;
    const obj = this.object(value, path);
    if (!obj) return null;
    const x = obj.x;
    const y = obj.y;
    const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    if (!finite(x)) this.problem(`${path}.x`, `must be a number, not ${describe(x)}.`);
    if (!finite(y)) this.problem(`${path}.y`, `must be a number, not ${describe(y)}.`);
    return finite(x) && finite(y) ? { x, y } : null;
  }

  private column(value: unknown, path: string): Column {
    const obj = this.object(value, path) ?? {};
    const primaryKey = this.boolean(obj, 'primaryKey', path, false);
    let def: Column['default'] = null;
    if (obj.default !== undefined && obj.default !== null) {
      const d = this.object(obj.default, `${path}.default`);
      if (d) def = { sql: this.string(d, 'sql', `${path}.default`) };
    }
    const column: Column = {
      id: this.string(obj, 'id', path),
      name: this.string(obj, 'name', path),
      type: this.string(obj, 'type', path),
      // Postgres makes every primary key column NOT NULL, so that is its default here too.
      // Identity columns too (format /2).
      nullable: this.boolean(
        obj,
        'nullable',
        path,
        !primaryKey && (obj.identity === undefined || obj.identity === null),
      ),
      primaryKey,
      autoincrement: this.boolean(obj, 'autoincrement', path, false),
      unique: this.boolean(obj, 'unique', path, false),
      default: def,
      comment: this.nullableString(obj, 'comment', path),
    };
    // Format /2's fields are absent when unused, so a /1 design reads (and hashes) as before.
    if (obj.identity !== undefined && obj.identity !== null) {
      const identity = this.identity(obj.identity, `${path}.identity`);
      if (identity) column.identity = identity;
    }
    if (obj.generated !== undefined && obj.generated !== null) {
      const g = this.object(obj.generated, `${path}.generated`);
      if (g) column.generated = { sql: this.string(g, 'sql', `${path}.generated`) };
    }
    const collation = this.nullableString(obj, 'collation', path);
    if (collation !== null) column.collation = collation;
    return column;
  }

  private identity(value: unknown, path: string): ColumnIdentity | null {
    const obj = this.object(value, path);
    if (!obj) return null;
    const generation =
      typeof obj.generation === 'string'
        ? obj.generation.trim().toUpperCase().replace(/\s+/g, ' ')
        : obj.generation;
    if (generation !== undefined && generation !== 'ALWAYS' && generation !== 'BY DEFAULT') {
      this.problem(
        `${path}.generation`,
        `must be "ALWAYS" or "BY DEFAULT", not ${describe(obj.generation)}.`,
      );
    }
    return {
      generation: generation === 'BY DEFAULT' ? 'BY DEFAULT' : 'ALWAYS',
      start: this.integerText(obj, 'start', path),
      increment: this.integerText(obj, 'increment', path),
      minValue: this.integerText(obj, 'minValue', path),
      maxValue: this.integerText(obj, 'maxValue', path),
      cache: this.integerText(obj, 'cache', path),
      cycle: this.boolean(obj, 'cycle', path, false),
    };
  }

  /** A whole number as JSON number or decimal text (a BIGINT's may not fit a number), or null. */
  private integerText(obj: Json, key: string, path: string): string | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value === 'string' && /^-?[0-9]{1,19}$/.test(value.trim())) {
      return BigInt(value.trim()).toString();
    }
    this.problem(`${path}.${key}`, `must be a whole number or null, not ${describe(value)}.`);
    return null;
  }

  private foreignKey(value: unknown, path: string): ForeignKey {
    const obj = this.object(value, path) ?? {};
    const ref =
      obj.references === undefined ? null : this.object(obj.references, `${path}.references`);
    if (obj.references === undefined) this.problem(`${path}.references`, 'is missing.');
    return {
      id: this.string(obj, 'id', path),
      name: this.nullableString(obj, 'name', path),
      columns: this.idList(obj, 'columns', path),
      references: ref
        ? {
            table: this.string(ref, 'table', `${path}.references`),
            columns: this.idList(ref, 'columns', `${path}.references`),
          }
        : { table: '', columns: [] },
      onDelete: this.action(obj, 'onDelete', path),
      onUpdate: this.action(obj, 'onUpdate', path),
      match: this.choice<ForeignKeyMatch>(obj, 'match', path, ['SIMPLE', 'FULL'], 'SIMPLE'),
      deferrable: this.boolean(obj, 'deferrable', path, false),
      initiallyDeferred: this.boolean(obj, 'initiallyDeferred', path, false),
      notValid: this.boolean(obj, 'notValid', path, false),
      comment: this.nullableString(obj, 'comment', path),
    };
  }

  private unique(value: unknown, path: string): UniqueConstraint {
    const obj = this.object(value, path) ?? {};
    return {
      id: this.string(obj, 'id', path),
      name: this.nullableString(obj, 'name', path),
      columns: this.idList(obj, 'columns', path),
      nullsNotDistinct: this.boolean(obj, 'nullsNotDistinct', path, false),
      ...this.deferrability(obj, path, 'deferrable', 'initiallyDeferred'),
      comment: this.nullableString(obj, 'comment', path),
    };
  }

  /** Two flags present only when true, so a design without them reads and hashes as before. */
  private deferrability<D extends string, I extends string>(
    obj: Json,
    path: string,
    deferrable: D,
    initially: I,
  ): Partial<Record<D | I, boolean>> {
    const out: Partial<Record<D | I, boolean>> = {};
    if (this.boolean(obj, deferrable, path, false)) out[deferrable] = true;
    if (this.boolean(obj, initially, path, false)) out[initially] = true;
    return out;
  }

  private index(value: unknown, path: string): Index {
    const obj = this.object(value, path) ?? {};
    const keys =
      obj.keys === undefined || obj.keys === null
        ? null
        : this.list(obj.keys, `${path}.keys`).map((item, i) =>
            this.indexKey(item, `${path}.keys[${i}]`),
          );
    // With keys, the column list is theirs; a file may leave it out.
    const columns =
      keys === null
        ? this.idList(obj, 'columns', path)
        : keys.flatMap((k) => (k.column === null ? [] : [k.column]));
    return {
      id: this.string(obj, 'id', path),
      name: this.nullableString(obj, 'name', path),
      columns,
      unique: this.boolean(obj, 'unique', path, false),
      method: this.choice(obj, 'method', path, INDEX_METHODS, 'btree'),
      // Plain ascending column keys are the columns: one spelling for one index.
      keys: keys?.every(isPlainKey) ? null : keys,
      include: this.optionalIdList(obj, 'include', path) ?? [],
      where: this.nullableString(obj, 'where', path),
      nullsNotDistinct: this.boolean(obj, 'nullsNotDistinct', path, false),
      comment: this.nullableString(obj, 'comment', path),
    };
  }

  private indexKey(value: unknown, path: string): IndexKey {
    const obj = this.object(value, path) ?? {};
    const column = this.nullableString(obj, 'column', path);
    const expression = this.nullableString(obj, 'expression', path);
    if ((column === null) === (expression === null)) {
      this.problem(path, 'must have either a "column" (an id) or an "expression", not both.');
    }
    const descending = this.boolean(obj, 'descending', path, false);
    const nulls =
      obj.nulls === undefined || obj.nulls === null
        ? null
        : this.choice<NullsOrder>(obj, 'nulls', path, ['FIRST', 'LAST'], 'LAST');
    return {
      column,
      expression: column === null ? expression : null,
      descending,
      // Postgres' default for the direction is no option at all.
      nulls: nulls === (descending ? 'FIRST' : 'LAST') ? null : nulls,
      opclass: this.nullableString(obj, 'opclass', path),
      collation: this.nullableString(obj, 'collation', path),
    };
  }

  private check(value: unknown, path: string): CheckConstraint {
    const obj = this.object(value, path) ?? {};
    return {
      id: this.string(obj, 'id', path),
      name: this.nullableString(obj, 'name', path),
      expression: this.string(obj, 'expression', path),
      notValid: this.boolean(obj, 'notValid', path, false),
      comment: this.nullableString(obj, 'comment', path),
    };
  }
}

export function isPlainKey(key: IndexKey): boolean {
  return (
    key.column !== null &&
    !key.descending &&
    key.nulls === null &&
    key.opclass === null &&
    key.collation === null
  );
}
