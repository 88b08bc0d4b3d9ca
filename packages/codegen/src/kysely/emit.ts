/**
 * `emitKysely`: the design as the types a Kysely app declares, in the shape `kysely-codegen`
 * writes them: one interface per table whose property names are the column names, a
 * `Database` interface keyed by table name, `Generated<>` for columns the server fills in
 * (serials and defaults), and `ColumnType<Select, Insert, Update>` aliases where what
 * node-postgres returns differs from what it accepts (`Int8`, `Numeric`, `Timestamp`).
 *
 * Read types follow node-postgres' defaults: BIGINT and NUMERIC arrive as strings (they may
 * not fit a JS number), DATE/TIMESTAMP/TIMESTAMPTZ as Date, JSON parsed, BYTEA a Buffer,
 * INTERVAL a postgres-interval object (declared here, so the module needs no import of it).
 * Where kysely-codegen names the interface after the plural table (`Users`), Retort uses the
 * singular class name (`User`), as in its other models.
 */

import {
  type BuiltinTypeBase,
  type Catalog,
  type CatalogColumn,
  type Design,
  parseCanonicalType,
  type TypeInfo,
  toCatalog,
} from '@retort/core';
import { pascalCase } from '../names/case';
import { classNames } from '../names/class-name';
import { propertyKey, stringLiteral, uniqueIdentifier } from '../typescript/identifier';
import { POSTGRES_INTERVAL_FIELDS } from '../typescript/postgres-interval';
import { arrayOf, otherBase, readType } from '../typescript/read-type';
import {
  deferrableKeysComment,
  exclusionsComment,
  objectsComment,
  partitionsComment,
  readableColumnType,
  sequencesComment,
  userTypesComment,
  withObjectsComment,
  withoutPartitions,
} from '../typescript/unexpressed';
import { VIEW_KINDS, viewModels } from '../typescript/views';

type Helper =
  | 'Generated'
  | 'GeneratedAlways'
  | 'ArrayType'
  | 'Int8'
  | 'Numeric'
  | 'Timestamp'
  | 'Json'
  | 'Interval';

/** The helper types, as kysely-codegen declares them. */
const HELPERS: Record<Helper, string[]> = {
  ArrayType: [
    'export type ArrayType<T> = ArrayTypeImpl<T> extends (infer U)[] ? U[] : ArrayTypeImpl<T>;',
    '',
    'export type ArrayTypeImpl<T> = T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S[], I[], U[]> : T[];',
  ],
  Generated: [
    'export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>',
    '  ? ColumnType<S, I | undefined, U>',
    '  : ColumnType<T, T | undefined, T>;',
  ],
  // kysely's own GeneratedAlways<S> would keep a helper type such as Int8 as the selected type.
  GeneratedAlways: [
    'export type GeneratedAlways<T> = T extends ColumnType<infer S, infer _I, infer _U>',
    '  ? ColumnType<S, never, never>',
    '  : ColumnType<T, never, never>;',
  ],
  Int8: [
    'export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;',
  ],
  Interval: [
    '/** What node-postgres returns for INTERVAL (a postgres-interval object). */',
    'export interface IPostgresInterval {',
    ...POSTGRES_INTERVAL_FIELDS,
    '  toPostgres(): string;',
    '  toISO(): string;',
    '}',
    '',
    'export type Interval = ColumnType<IPostgresInterval, IPostgresInterval | number | string, IPostgresInterval | number | string>;',
  ],
  Json: [
    'export type Json = JsonValue;',
    '',
    'export type JsonArray = JsonValue[];',
    '',
    'export type JsonObject = {',
    '  [x: string]: JsonValue | undefined;',
    '};',
    '',
    'export type JsonPrimitive = boolean | number | string | null;',
    '',
    'export type JsonValue = JsonArray | JsonObject | JsonPrimitive;',
  ],
  Numeric: ['export type Numeric = ColumnType<string, number | string, number | string>;'],
  Timestamp: ['export type Timestamp = ColumnType<Date, Date | string, Date | string>;'],
};

const HELPER_NAMES = [
  'ColumnType',
  'ArrayType',
  'ArrayTypeImpl',
  'Generated',
  'GeneratedAlways',
  'Int8',
  'Interval',
  'IPostgresInterval',
  'Json',
  'JsonArray',
  'JsonObject',
  'JsonPrimitive',
  'JsonValue',
  'Numeric',
  'Timestamp',
  'Database',
];

export function emitKysely(design: Design): string {
  return withObjectsComment(renderKysely(withoutPartitions(toCatalog(design))), [
    ...partitionsComment('Kysely', design),
    ...userTypesComment('Kysely', design),
    ...sequencesComment('Kysely', design),
    ...exclusionsComment('Kysely', design),
    ...deferrableKeysComment('Kysely', design),
    ...objectsComment('Kysely', design, '//', VIEW_KINDS),
  ]);
}

function renderKysely(catalog: Catalog): string {
  const views = viewModels(catalog);
  const enumNames = catalog.enums.map((e) => e.name);
  const taken = new Set(HELPER_NAMES);
  const enumTypes = new Map(
    catalog.enums.map((e) => [e.name, uniqueIdentifier(e.name, taken, pascalCase)]),
  );
  const interfaces = classNames(
    [...catalog.tables.map((t) => t.name), ...views.map((v) => v.name)],
    taken,
  );
  const used = new Set<Helper>();

  const tableBlocks = catalog.tables.map((table) => {
    const lines = table.columns.map(
      (column) =>
        `  ${propertyKey(column.name)}: ${columnType(column, parseCanonicalType(readableColumnType(column.type, catalog), enumNames), enumTypes, used)};`,
    );
    return [`export interface ${interfaces.get(table.name)} {`, ...lines, '}', ''];
  });

  // A view's columns are read-only and may be null; unknown columns leave its row untyped.
  const viewBlocks = views.map((view) => {
    const what = view.materialized ? 'Materialized view' : 'View';
    const lines =
      view.columns === null
        ? [
            `  // ${what} ${view.name}: its columns are not known until it is read back from the database.`,
            '  [column: string]: unknown;',
          ]
        : view.columns.map(
            (column) =>
              `  ${propertyKey(column.name)}: ${columnType(column, parseCanonicalType(column.type, enumNames), enumTypes, used)};`,
          );
    return [`export interface ${interfaces.get(view.name)} {`, ...lines, '}', ''];
  });

  const out: string[] = ["import type { ColumnType } from 'kysely';", ''];
  for (const e of catalog.enums) {
    out.push(
      `export type ${enumTypes.get(e.name)} = ${e.values.map(stringLiteral).join(' | ')};`,
      '',
    );
  }
  for (const helper of Object.keys(HELPERS) as Helper[]) {
    if (used.has(helper)) out.push(...HELPERS[helper], '');
  }
  for (const block of [...tableBlocks, ...viewBlocks]) out.push(...block);
  out.push('export interface Database {');
  for (const table of catalog.tables)
    out.push(`  ${propertyKey(table.name)}: ${interfaces.get(table.name)};`);
  for (const view of views) out.push(`  ${propertyKey(view.name)}: ${interfaces.get(view.name)};`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

function columnType(
  column: CatalogColumn,
  type: TypeInfo,
  enumTypes: Map<string, string>,
  used: Set<Helper>,
): string {
  let element = elementType(type, enumTypes, used);
  if (type.array) {
    if (['Int8', 'Numeric', 'Timestamp', 'Interval'].includes(element)) {
      used.add('ArrayType');
      element = `ArrayType<${element}>`;
    } else element = arrayOf(element);
  }
  if (column.nullable) element = `${element} | null`;
  // The server fills these in: ALWAYS ones refuse a value, the others take one or default.
  if (column.generated !== undefined || column.identity?.generation === 'ALWAYS') {
    used.add('GeneratedAlways');
    element = `GeneratedAlways<${element}>`;
  } else if (column.autoincrement || column.identity || column.default !== null) {
    used.add('Generated');
    element = `Generated<${element}>`;
  }
  return element;
}

/** Where kysely-codegen declares a helper type instead of the plain node-postgres type. */
const HELPER_TYPES: Partial<Record<BuiltinTypeBase, Helper>> = {
  BIGINT: 'Int8',
  NUMERIC: 'Numeric',
  DATE: 'Timestamp',
  TIMESTAMP: 'Timestamp',
  TIMESTAMPTZ: 'Timestamp',
  INTERVAL: 'Interval',
  JSON: 'Json',
  JSONB: 'Json',
};

function elementType(type: TypeInfo, enumTypes: Map<string, string>, used: Set<Helper>): string {
  const base = type.base === 'OTHER' ? otherBase(type) : type.base;
  const helper = base === 'ENUM' || base === null ? undefined : HELPER_TYPES[base];
  if (helper === undefined) return readType(type, enumTypes);
  used.add(helper);
  return helper;
}
