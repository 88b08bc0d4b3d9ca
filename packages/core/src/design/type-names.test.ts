import { describe, expect, it } from 'vitest';
import {
  columnTypeSpelling,
  describeUnknownType,
  normalizeColumnType,
  normalizeType,
  parseCanonicalType,
} from './type-names';

const ALIASES: Array<[string, string]> = [
  ['smallint', 'SMALLINT'],
  ['int2', 'SMALLINT'],
  ['int', 'INTEGER'],
  ['int4', 'INTEGER'],
  ['integer', 'INTEGER'],
  ['INTEGER', 'INTEGER'],
  ['bigint', 'BIGINT'],
  ['int8', 'BIGINT'],
  ['numeric', 'NUMERIC'],
  ['numeric(12)', 'NUMERIC(12,0)'],
  ['decimal(10,2)', 'NUMERIC(10,2)'],
  ['DECIMAL ( 10 , 2 )', 'NUMERIC(10,2)'],
  ['numeric(10, 0)', 'NUMERIC(10,0)'],
  ['real', 'REAL'],
  ['float4', 'REAL'],
  ['float(24)', 'REAL'],
  ['float(25)', 'DOUBLE PRECISION'],
  ['float8', 'DOUBLE PRECISION'],
  ['float', 'DOUBLE PRECISION'],
  ['double precision', 'DOUBLE PRECISION'],
  ['Double   Precision', 'DOUBLE PRECISION'],
  ['bool', 'BOOLEAN'],
  ['boolean', 'BOOLEAN'],
  ['varchar', 'VARCHAR'],
  ['varchar(255)', 'VARCHAR(255)'],
  ['character varying', 'VARCHAR'],
  ['character varying(40)', 'VARCHAR(40)'],
  ['CHARACTER VARYING (40)', 'VARCHAR(40)'],
  ['char', 'CHAR(1)'],
  ['character', 'CHAR(1)'],
  ['char(2)', 'CHAR(2)'],
  ['character(3)', 'CHAR(3)'],
  ['bpchar(4)', 'CHAR(4)'],
  ['text', 'TEXT'],
  ['date', 'DATE'],
  ['time', 'TIME'],
  ['time without time zone', 'TIME'],
  ['timestamp', 'TIMESTAMP'],
  ['timestamp without time zone', 'TIMESTAMP'],
  ['timestamptz', 'TIMESTAMPTZ'],
  ['timestamp with time zone', 'TIMESTAMPTZ'],
  ['interval', 'INTERVAL'],
  ['uuid', 'UUID'],
  ['json', 'JSON'],
  ['jsonb', 'JSONB'],
  ['bytea', 'BYTEA'],
  ['inet', 'INET'],
  ['text[]', 'TEXT[]'],
  ['int4[]', 'INTEGER[]'],
  ['character varying(10) []', 'VARCHAR(10)[]'],
  ['  timestamp with time zone[]  ', 'TIMESTAMPTZ[]'],
  ['order_status', 'order_status'],
  ['order_status[]', 'order_status[]'],
];

describe('normalizeType', () => {
  it.each(ALIASES)('reads %j as %s', (raw, canonical) => {
    expect(normalizeType(raw, ['order_status'])).toBe(canonical);
  });

  it('keeps every canonical spelling as it is', () => {
    for (const [, canonical] of ALIASES) {
      expect(normalizeType(canonical, ['order_status'])).toBe(canonical);
    }
  });

  it.each([
    'serial',
    'bigserial',
    '_int4',
    'varchar(0)',
    'numeric(2,3)',
    'numeric(1001)',
    'int(4)',
    'text(10)',
    'bpchar',
    'timestamp(3)',
    'money',
    'Order_Status',
    'varchar(',
    '',
    'text[][]x',
  ])('rejects %j', (raw) => {
    expect(normalizeType(raw, ['order_status'])).toBeNull();
  });

  it('matches enum names exactly, not case-insensitively', () => {
    expect(normalizeType('Mood', ['Mood'])).toBe('Mood');
    expect(normalizeType('mood', ['Mood'])).toBeNull();
  });

  it('points SERIAL users at autoincrement', () => {
    expect(describeUnknownType('serial')).toBe(
      '"serial" is not a column type: use INTEGER with "autoincrement": true.',
    );
    expect(describeUnknownType('BIGSERIAL')).toContain('use BIGINT with "autoincrement": true');
    expect(describeUnknownType('int(')).toBe('"int(" is not a type name.');
    expect(describeUnknownType('int; drop table x')).toBe(
      '"int; drop table x" is not a type name.',
    );
  });
});

/** What `format_type` prints for each, read from Postgres 17. */
const FORMAT_TYPE: Array<[string, string]> = [
  ['timestamp(6)', 'timestamp(6) without time zone'],
  ['TIMESTAMP(6) WITHOUT TIME ZONE', 'timestamp(6) without time zone'],
  ['timestamp(3) with time zone', 'timestamp(3) with time zone'],
  ['timestamptz(2)', 'timestamp(2) with time zone'],
  ['time(3) with time zone', 'time(3) with time zone'],
  ['timetz', 'time with time zone'],
  ['time(0)', 'time(0) without time zone'],
  ['interval day to second', 'interval day to second'],
  ['INTERVAL MINUTE TO SECOND', 'interval minute to second'],
  ['interval(3)', 'interval(3)'],
  ['interval day to second (3)', 'interval day to second(3)'],
  ['bit', 'bit(1)'],
  ['bit(8)', 'bit(8)'],
  ['bit varying (8)', 'bit varying(8)'],
  ['varbit', 'bit varying'],
  ['int[][]', 'INTEGER[]'],
  ['text[3]', 'TEXT[]'],
  ['pg_catalog.int4', 'INTEGER'],
  ['tsvector', 'tsvector'],
  ['CITEXT', 'citext'],
  ['public.citext[]', 'citext[]'],
  ['vector( 3 )', 'vector(3)'],
  ['app.year', 'app.year'],
  ['"Odd Type"', '"Odd Type"'],
  ['app . "Odd Type" [ ] [ ]', 'app."Odd Type"[]'],
  ['timestamp(6) without time zone[]', 'timestamp(6) without time zone[]'],
  ['"char"', '"char"'],
  ['money', 'money'],
];

describe('normalizeColumnType', () => {
  it.each(FORMAT_TYPE)('keeps %j as format_type spells it: %j', (raw, spelling) => {
    expect(normalizeColumnType(raw, [])).toBe(spelling);
    expect(columnTypeSpelling(raw, [])).toBe(spelling);
    // Reading back what the database prints changes nothing.
    expect(normalizeColumnType(spelling, [])).toBe(spelling);
  });

  it('keeps the canonical spelling of the types Retort knows, and enums', () => {
    expect(normalizeColumnType('character varying(40)', [])).toBe('VARCHAR(40)');
    expect(normalizeColumnType('order_status[]', ['order_status'])).toBe('order_status[]');
  });

  it.each(['', 'varchar(', 'int; drop table x', 'int -- x', 'int, text', 'int + 1', 'serial'])(
    'refuses %j, which is no column type',
    (raw) => {
      expect(normalizeColumnType(raw, [])).toBeNull();
    },
  );
});

describe('parseCanonicalType', () => {
  it('splits a canonical type into what emitters switch on', () => {
    expect(parseCanonicalType('VARCHAR(40)', [])).toEqual({
      base: 'VARCHAR',
      length: 40,
      array: false,
      enum: false,
      element: 'VARCHAR(40)',
    });
    expect(parseCanonicalType('NUMERIC(10,2)[]', [])).toEqual({
      base: 'NUMERIC',
      precision: 10,
      scale: 2,
      array: true,
      enum: false,
      element: 'NUMERIC(10,2)',
    });
    expect(parseCanonicalType('DOUBLE PRECISION', []).base).toBe('DOUBLE PRECISION');
    expect(parseCanonicalType('CHAR(1)', []).length).toBe(1);
    expect(parseCanonicalType('mood[]', ['mood'])).toEqual({
      base: 'ENUM',
      enumName: 'mood',
      array: true,
      enum: true,
      element: 'mood',
    });
  });

  it('calls every other type OTHER, its spelling the element', () => {
    expect(parseCanonicalType('citext[]', [])).toEqual({
      base: 'OTHER',
      array: true,
      enum: false,
      element: 'citext',
    });
    expect(parseCanonicalType('mood', []).base).toBe('OTHER');
  });
});
