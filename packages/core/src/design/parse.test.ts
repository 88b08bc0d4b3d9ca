import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isRetortError, type RetortError } from '../errors';
import { parseDesign } from './parse';

const shopText = readFileSync(
  fileURLToPath(new URL('../../../../examples/shop/design.json', import.meta.url)),
  'utf8',
);

function thrown(fn: () => unknown): RetortError {
  try {
    fn();
  } catch (error) {
    if (isRetortError(error)) return error;
    throw error;
  }
  throw new Error('expected a RetortError');
}

describe('parseDesign', () => {
  it('reads the shop example: the tutorial four tables with their keys', () => {
    const design = parseDesign(shopText);
    expect(design.name).toBe('shop');
    expect(design.tables.map((t) => t.name)).toEqual([
      'users',
      'orders',
      'products',
      'order_products',
    ]);
    const users = design.tables[0]!;
    expect(users.columns.map((c) => `${c.name} ${c.type}${c.nullable ? '' : ' NOT NULL'}`)).toEqual(
      [
        'telegram_id BIGINT NOT NULL',
        'full_name VARCHAR(255) NOT NULL',
        'username VARCHAR(255)',
        'language_code VARCHAR(255) NOT NULL',
        'created_at TIMESTAMP',
        'referrer_id BIGINT',
      ],
    );
    expect(users.columns[4]!.default).toEqual({ sql: 'now()' });
    expect(
      design.tables.flatMap((t) => t.foreignKeys.map((f) => `${t.name}.${f.onDelete}`)),
    ).toEqual([
      'users.SET NULL',
      'orders.CASCADE',
      'order_products.CASCADE',
      'order_products.RESTRICT',
    ]);
    const orderProducts = design.tables[3]!;
    expect(orderProducts.columns.filter((c) => c.primaryKey).map((c) => c.name)).toEqual([
      'order_id',
      'product_id',
    ]);
  });

  it('takes a parsed value as well as text', () => {
    expect(parseDesign(JSON.parse(shopText))).toEqual(parseDesign(shopText));
  });

  it('names the line and column of malformed JSON', () => {
    const error = thrown(() => parseDesign('{\n  "format": "retort.design/1",\n  "name": shop\n}'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'design.json is not valid JSON at line 3, column 11: expected a value, found "s".',
    );
  });

  it('says when the JSON ends too early', () => {
    const error = thrown(() => parseDesign('{"format": "retort.design/1",'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'design.json is not valid JSON at line 1, column 30: expected a property name in double quotes, found the end of the text.',
    );
  });

  it('refuses another format in one sentence', () => {
    const error = thrown(() => parseDesign({ format: 'x', tables: [] }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'design.json has format "x"; Retort reads "retort.design/1", "retort.design/2", "retort.design/3", "retort.design/4" and "retort.design/5".',
    );
    expect(thrown(() => parseDesign('[]')).message).toBe('design.json must hold a JSON object.');
  });

  it('throws invalid_design with the first problem and a count of the rest', () => {
    const design = JSON.parse(shopText);
    design.tables[0].columns[1].type = 'varchar(';
    design.tables[1].foreignKeys[0].references.columns = ['c_missing'];
    const error = thrown(() => parseDesign(design));
    expect(error.code).toBe('invalid_design');
    expect(error.message).toBe(
      'tables[0].columns[1].type: column "full_name" of table "users": "varchar(" is not a type name (and 1 more problem).',
    );
    expect(error.details.problems).toEqual([
      {
        path: 'tables[0].columns[1].type',
        message: 'column "full_name" of table "users": "varchar(" is not a type name.',
      },
      {
        path: 'tables[1].foreignKeys[0].references.columns[0]',
        message: 'no column with id "c_missing" in table "users".',
      },
    ]);
  });
});
