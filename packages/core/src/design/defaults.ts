/**
 * The fields added to `design.json` after its first format, at their documented defaults.
 * A design's hash (the `schemaHash` of revision files) and the tables a revision file
 * holds leave them out, so a design that does not use them hashes and stores as it always
 * did; `fillTableDefaults` puts them back when a stored table is read.
 */
import { sameJson } from '../same-json';
import { DesignReader } from './read';
import type {
  CheckConstraint,
  ColumnIdentity,
  Design,
  ExclusionConstraint,
  ForeignKey,
  Index,
  Table,
  UniqueConstraint,
} from './types';

type Loose = Record<string, unknown>;

function omit(record: Loose, defaults: Loose): Loose {
  const out: Loose = {};
  for (const [key, value] of Object.entries(record)) {
    if (key in defaults && sameJson(value, defaults[key])) continue;
    out[key] = value;
  }
  return out;
}

/** An identity whose sequence options are all Postgres' own (`GENERATED … AS IDENTITY`). */
export const IDENTITY_OPTION_DEFAULTS: Omit<ColumnIdentity, 'generation'> = {
  start: null,
  increment: null,
  minValue: null,
  maxValue: null,
  cache: null,
  cycle: false,
};

export const TABLE_KEY_DEFAULTS: Pick<
  Table,
  'primaryKeyName' | 'primaryKeyOrder' | 'primaryKeyComment'
> = {
  primaryKeyName: null,
  primaryKeyOrder: null,
  primaryKeyComment: null,
};
export const FOREIGN_KEY_DEFAULTS: Pick<
  ForeignKey,
  'match' | 'deferrable' | 'initiallyDeferred' | 'notValid' | 'comment'
> = {
  match: 'SIMPLE',
  deferrable: false,
  initiallyDeferred: false,
  notValid: false,
  comment: null,
};
export const UNIQUE_DEFAULTS: Pick<UniqueConstraint, 'nullsNotDistinct' | 'comment'> = {
  nullsNotDistinct: false,
  comment: null,
};
export const INDEX_DEFAULTS: Pick<
  Index,
  'method' | 'keys' | 'include' | 'where' | 'nullsNotDistinct' | 'comment'
> = {
  method: 'btree',
  keys: null,
  include: [],
  where: null,
  nullsNotDistinct: false,
  comment: null,
};
export const CHECK_DEFAULTS: Pick<CheckConstraint, 'notValid' | 'comment'> = {
  notValid: false,
  comment: null,
};
export const EXCLUSION_DEFAULTS: Pick<
  ExclusionConstraint,
  'method' | 'include' | 'where' | 'deferrable' | 'initiallyDeferred' | 'comment'
> = {
  method: 'gist',
  include: [],
  where: null,
  deferrable: false,
  initiallyDeferred: false,
  comment: null,
};

const loose = (value: object) => value as Loose;

/** A table without the later fields that hold their defaults. */
export function compactTable(table: Table): Table {
  const record = omit(loose(table), TABLE_KEY_DEFAULTS);
  record.foreignKeys = table.foreignKeys.map((fk) => omit(loose(fk), FOREIGN_KEY_DEFAULTS));
  record.uniques = table.uniques.map((u) => omit(loose(u), UNIQUE_DEFAULTS));
  record.indexes = table.indexes.map((i) => omit(loose(i), INDEX_DEFAULTS));
  record.checks = table.checks.map((k) => omit(loose(k), CHECK_DEFAULTS));
  if (table.exclusions) {
    record.exclusions = table.exclusions.map((x) => omit(loose(x), EXCLUSION_DEFAULTS));
  }
  return record as unknown as Table;
}

/** The design as it hashes: every table compact. */
export function compactDesign(design: Design): Design {
  return { ...design, tables: design.tables.map(compactTable) };
}

/** A stored table (compact or whole) with every default filled. */
export function fillTableDefaults(table: Table): Table {
  return new DesignReader().table(table, '');
}
