/**
 * Statements for standalone sequences, as pg_dump spells them: `CREATE SEQUENCE` with every
 * option (`NO MINVALUE` / `NO MAXVALUE` where the type's default holds), then `ALTER
 * SEQUENCE ... OWNED BY` once the column exists.
 */
import {
  type CatalogSequence,
  type CatalogSequenceOwner,
  resolveSequenceOptions,
  splitQualifiedName,
} from '@retort/core';
import { quoteLiteral, quoteName, quoteTable } from './identifier';

/** The option clauses that differ between `from` (null: every clause) and `to`. */
export function sequenceClauses(from: CatalogSequence | null, to: CatalogSequence): string[] {
  const defaults = resolveSequenceOptions({
    dataType: to.dataType,
    start: null,
    increment: to.increment,
    minValue: null,
    maxValue: null,
    cache: null,
    cycle: false,
  });
  const retyped = from === null || from.dataType !== to.dataType;
  const out: string[] = [];
  if (retyped) out.push(`AS ${to.dataType}`);
  if (from === null || from.start !== to.start) out.push(`START WITH ${to.start}`);
  if (from === null || from.increment !== to.increment) out.push(`INCREMENT BY ${to.increment}`);
  // A new type moves a default bound with it, so both bounds are said again.
  if (retyped || from.minValue !== to.minValue) {
    out.push(to.minValue === defaults.minValue ? 'NO MINVALUE' : `MINVALUE ${to.minValue}`);
  }
  if (retyped || from.maxValue !== to.maxValue) {
    out.push(to.maxValue === defaults.maxValue ? 'NO MAXVALUE' : `MAXVALUE ${to.maxValue}`);
  }
  if (from === null || from.cache !== to.cache) out.push(`CACHE ${to.cache}`);
  if (from === null ? to.cycle : from.cycle !== to.cycle) out.push(to.cycle ? 'CYCLE' : 'NO CYCLE');
  return out;
}

export function sequenceCommentSql(name: string, text: string | null): string {
  return `COMMENT ON SEQUENCE ${quoteTable(name)} IS ${text === null ? 'NULL' : quoteLiteral(text)}`;
}

export function ownerSql(sequence: string, owner: CatalogSequenceOwner | null): string {
  return `ALTER SEQUENCE ${quoteTable(sequence)} OWNED BY ${
    owner === null ? 'NONE' : `${quoteTable(owner.table)}.${quoteName(owner.column)}`
  }`;
}

export function createSequenceSql(s: CatalogSequence): string[] {
  return [
    `CREATE SEQUENCE ${quoteTable(s.name)}\n    ${sequenceClauses(null, s).join('\n    ')}`,
    ...(s.comment !== null ? [sequenceCommentSql(s.name, s.comment)] : []),
    ...(s.ownedBy !== null ? [ownerSql(s.name, s.ownedBy)] : []),
  ];
}

export function dropSequenceSql(s: CatalogSequence): string[] {
  return [`DROP SEQUENCE ${quoteTable(s.name)}`];
}

export function alterSequenceSql(before: CatalogSequence, after: CatalogSequence): string[] {
  const clauses = sequenceClauses(before, after);
  return [
    ...(clauses.length > 0
      ? [`ALTER SEQUENCE ${quoteTable(after.name)} ${clauses.join(' ')}`]
      : []),
    ...(before.comment !== after.comment ? [sequenceCommentSql(after.name, after.comment)] : []),
  ];
}

export function renameSequenceSql(from: string, to: string): string[] {
  const a = splitQualifiedName(from);
  const b = splitQualifiedName(to);
  const out: string[] = [];
  let current = from;
  if (a.schema !== b.schema) {
    out.push(`ALTER SEQUENCE ${quoteTable(current)} SET SCHEMA ${quoteName(b.schema)}`);
    current = `${quoteName(b.schema)}.${quoteName(a.name)}`;
  } else current = quoteTable(from);
  if (a.name !== b.name) out.push(`ALTER SEQUENCE ${current} RENAME TO ${quoteName(b.name)}`);
  return out;
}
