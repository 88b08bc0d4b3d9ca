/**
 * A design with domains, composite types and (optionally) an extension: `app.positive_cents`
 * (NOT NULL, a default, a named check), `year` (two checks, one unnamed), a composite
 * `app.postal_address` with a collated attribute and a comment, a domain over an enum and a
 * composite type naming a domain; a table using them, arrays too. (The composite naming a
 * domain is used by no column: Postgres cannot add a check to a domain inside a composite
 * type a column has.)
 */
import { type Design, parseDesign } from '@retort/core';

export function userTypesDesignInput(options: { extension?: boolean } = {}) {
  return {
    format: 'retort.design/5',
    name: 'user_types',
    enums: [{ id: 'e_mood', name: 'mood', values: ['ok', 'great'] }],
    domains: [
      {
        id: 'd_cents',
        name: 'positive_cents',
        schema: 'app',
        type: 'bigint',
        default: { sql: '0' },
        notNull: true,
        checks: [{ id: 'ck_cents', name: 'positive_cents_check', expression: 'VALUE >= 0' }],
        comment: 'Money in cents',
      },
      {
        id: 'd_year',
        name: 'year',
        type: 'integer',
        checks: [
          { id: 'ck_year_min', name: null, expression: 'VALUE >= 1901' },
          { id: 'ck_year_max', name: 'year_max', expression: 'VALUE <= 2155' },
        ],
      },
      { id: 'd_good_mood', name: 'good_mood', type: 'mood', checks: [] },
      { id: 'd_code', name: 'code', type: 'text', collation: 'C', checks: [] },
    ],
    compositeTypes: [
      {
        id: 'ct_address',
        name: 'postal_address',
        schema: 'app',
        attributes: [
          { name: 'street', type: 'text' },
          { name: 'city', type: 'text', collation: 'C' },
          { name: 'zip', type: 'varchar(10)' },
        ],
        comment: 'Where paper invoices go',
      },
      {
        id: 'ct_price',
        name: 'price',
        attributes: [
          { name: 'amount', type: 'app.positive_cents' },
          { name: 'currency', type: 'char(3)' },
        ],
      },
    ],
    ...(options.extension ? { extensions: [{ name: 'citext' }] } : {}),
    tables: [
      {
        id: 't_invoices',
        name: 'invoices',
        schema: 'app',
        columns: [
          { id: 'c_id', name: 'id', type: 'bigint', primaryKey: true, autoincrement: true },
          { id: 'c_total', name: 'total', type: 'app.positive_cents' },
          { id: 'c_billed', name: 'billed_to', type: 'app.postal_address' },
          { id: 'c_year', name: 'fiscal_year', type: 'year' },
          { id: 'c_years', name: 'years', type: 'year[]' },
          { id: 'c_mood', name: 'mood', type: 'good_mood' },
          ...(options.extension ? [{ id: 'c_email', name: 'email', type: 'citext' }] : []),
        ],
      },
    ],
  };
}

export function userTypesDesign(options: { extension?: boolean } = {}): Design {
  return parseDesign(JSON.stringify(userTypesDesignInput(options)));
}
