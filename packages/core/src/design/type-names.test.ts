import { describe, expect, it } from 'vitest';
import { describeUnknownType, normalizeType, parseCanonicalType } from './type-names';

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
    expect(describeUnknownType('money')).toBe('"money" is not a known type or enum.');
  });
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

  it('refuses what is not canonical', () => {
    expect(() => parseCanonicalType('int4', [])).toThrow('"int4" is not a canonical type.');
    expect(() => parseCanonicalType('mood', [])).toThrow();
  });
});
