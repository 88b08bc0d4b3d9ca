/**
 * Statements for extensions, domains and composite types. A domain is created whole
 * (`CREATE DOMAIN ... DEFAULT ... NOT NULL CONSTRAINT ... CHECK (...)`) and changed one
 * clause at a time; a composite type's attributes are dropped, changed and added in the
 * order that reaches the new attribute order (the plan chooses only changes that can).
 */
import type {
  CatalogCompositeAttribute,
  CatalogCompositeType,
  CatalogDomain,
  CatalogExtension,
} from '@retort/core';
import { quoteLiteral, quoteName, quoteTable, sqlType } from './identifier';

function comment(kind: 'DOMAIN' | 'TYPE', name: string, text: string | null): string {
  return `COMMENT ON ${kind} ${quoteTable(name)} IS ${text === null ? 'NULL' : quoteLiteral(text)}`;
}

function collate(collation: string | undefined): string {
  return collation === undefined ? '' : ` COLLATE ${quoteName(collation)}`;
}

export function createExtensionSql(e: CatalogExtension): string[] {
  return [`CREATE EXTENSION ${quoteName(e.name)} WITH SCHEMA ${quoteName(e.schema)}`];
}

export function dropExtensionSql(e: CatalogExtension): string[] {
  return [`DROP EXTENSION ${quoteName(e.name)}`];
}

export function createDomainSql(d: CatalogDomain): string[] {
  let text = `CREATE DOMAIN ${quoteTable(d.name)} AS ${sqlType(d.type)}${collate(d.collation)}`;
  if (d.default !== null) text += ` DEFAULT ${d.default}`;
  if (d.notNull) text += ' NOT NULL';
  for (const k of d.checks) text += ` CONSTRAINT ${quoteName(k.name)} CHECK (${k.expression})`;
  return [text, ...(d.comment !== null ? [comment('DOMAIN', d.name, d.comment)] : [])];
}

export function dropDomainSql(d: CatalogDomain): string[] {
  return [`DROP DOMAIN ${quoteTable(d.name)}`];
}

/** Checks that go are dropped before those that come are added: a changed check keeps its name. */
export function alterDomainSql(before: CatalogDomain, after: CatalogDomain): string[] {
  const alter = `ALTER DOMAIN ${quoteTable(after.name)}`;
  const out: string[] = [];
  const key = (k: { name: string; expression: string }) => `${k.name}\0${k.expression}`;
  const kept = new Set(after.checks.map(key));
  const had = new Set(before.checks.map(key));
  for (const k of before.checks) {
    if (!kept.has(key(k))) out.push(`${alter} DROP CONSTRAINT ${quoteName(k.name)}`);
  }
  if (before.default !== after.default) {
    out.push(
      after.default === null ? `${alter} DROP DEFAULT` : `${alter} SET DEFAULT ${after.default}`,
    );
  }
  if (before.notNull !== after.notNull)
    out.push(`${alter} ${after.notNull ? 'SET' : 'DROP'} NOT NULL`);
  for (const k of after.checks) {
    if (!had.has(key(k))) {
      out.push(`${alter} ADD CONSTRAINT ${quoteName(k.name)} CHECK (${k.expression})`);
    }
  }
  if (before.comment !== after.comment) out.push(comment('DOMAIN', after.name, after.comment));
  return out;
}

function attribute(a: CatalogCompositeAttribute): string {
  return `${quoteName(a.name)} ${sqlType(a.type)}${collate(a.collation)}`;
}

export function createCompositeTypeSql(t: CatalogCompositeType): string[] {
  return [
    `CREATE TYPE ${quoteTable(t.name)} AS (${t.attributes.map(attribute).join(', ')})`,
    ...(t.comment !== null ? [comment('TYPE', t.name, t.comment)] : []),
  ];
}

export function dropCompositeTypeSql(t: CatalogCompositeType): string[] {
  return [`DROP TYPE ${quoteTable(t.name)}`];
}

export function alterCompositeTypeSql(
  before: CatalogCompositeType,
  after: CatalogCompositeType,
): string[] {
  const alter = `ALTER TYPE ${quoteTable(after.name)}`;
  const actions: string[] = [];
  const afterByName = new Map(after.attributes.map((a) => [a.name, a]));
  const beforeByName = new Map(before.attributes.map((a) => [a.name, a]));
  for (const a of before.attributes) {
    const next = afterByName.get(a.name);
    if (!next) actions.push(`DROP ATTRIBUTE ${quoteName(a.name)}`);
    else if (next.type !== a.type || next.collation !== a.collation) {
      actions.push(
        `ALTER ATTRIBUTE ${quoteName(a.name)} TYPE ${sqlType(next.type)}${collate(next.collation)}`,
      );
    }
  }
  for (const a of after.attributes) {
    if (!beforeByName.has(a.name)) actions.push(`ADD ATTRIBUTE ${attribute(a)}`);
  }
  return [
    ...(actions.length > 0 ? [`${alter} ${actions.join(', ')}`] : []),
    ...(before.comment !== after.comment ? [comment('TYPE', after.name, after.comment)] : []),
  ];
}
