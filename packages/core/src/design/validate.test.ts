import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors';
import { validateDesign } from './validate';

type Json = Record<string, unknown> & {
  tables: Array<Record<string, unknown> & { columns: Array<Record<string, unknown>> }>;
};

/** A small valid design (users, orders); each test breaks one thing. */
function base(): Json {
  return {
    format: 'retort.design/1',
    name: 'shop',
    enums: [{ id: 'e_status', name: 'order_status', values: ['new', 'paid'] }],
    tables: [
      {
        id: 't_users',
        name: 'users',
        columns: [
          { id: 'c_id', name: 'id', type: 'bigint', primaryKey: true },
          { id: 'c_email', name: 'email', type: 'varchar(320)', nullable: false, unique: true },
          { id: 'c_name', name: 'full_name', type: 'text', default: { sql: "''" } },
        ],
        checks: [{ id: 'k_name', name: null, expression: "full_name <> ''" }],
      },
      {
        id: 't_orders',
        name: 'orders',
        columns: [
          {
            id: 'c_order_id',
            name: 'order_id',
            type: 'int4',
            primaryKey: true,
            autoincrement: true,
          },
          { id: 'c_user_id', name: 'user_id', type: 'int8', nullable: false },
          { id: 'c_status', name: 'status', type: 'order_status', default: { sql: "'new'" } },
          { id: 'c_email2', name: 'email', type: 'character varying(320)' },
        ],
        foreignKeys: [
          {
            id: 'f_user',
            columns: ['c_user_id'],
            references: { table: 't_users', columns: ['c_id'] },
            onDelete: 'cascade',
          },
        ],
        indexes: [{ id: 'i_status', name: 'orders_status_idx', columns: ['c_status'] }],
      },
    ],
  };
}

function problems(design: unknown): Problem[] {
  return validateDesign(design).problems;
}

const users = (d: Json) => d.tables[0]!;
const orders = (d: Json) => d.tables[1]!;

describe('validateDesign', () => {
  it('accepts a valid design and fills in every default', () => {
    const result = validateDesign(base());
    expect(result.problems).toEqual([]);
    const design = result.design!;
    expect(design.tables[0]!.columns[0]).toEqual({
      id: 'c_id',
      name: 'id',
      type: 'BIGINT',
      nullable: false,
      primaryKey: true,
      autoincrement: false,
      unique: false,
      default: null,
      comment: null,
    });
    expect(design.tables[0]!.columns[2]!.nullable).toBe(true);
    expect(design.tables[1]!.columns[1]!.type).toBe('BIGINT');
    expect(design.tables[1]!.foreignKeys[0]).toEqual({
      id: 'f_user',
      name: null,
      columns: ['c_user_id'],
      references: { table: 't_users', columns: ['c_id'] },
      onDelete: 'CASCADE',
      onUpdate: null,
      match: 'SIMPLE',
      deferrable: false,
      initiallyDeferred: false,
      notValid: false,
      comment: null,
    });
    expect(design.tables[1]!.indexes[0]).toMatchObject({
      unique: false,
      method: 'btree',
      keys: null,
      include: [],
      where: null,
      nullsNotDistinct: false,
    });
    expect(design.tables[0]).toMatchObject({
      primaryKeyName: null,
      primaryKeyOrder: null,
      primaryKeyComment: null,
    });
    expect(design.tables[0]!.position).toBeNull();
    expect(design.tables[0]!.uniques).toEqual([]);
  });

  it('drops unknown fields instead of refusing them', () => {
    const d = base();
    (d as Record<string, unknown>).extension = { anything: 1 };
    users(d).tint = 'red';
    const { design, problems } = validateDesign(d);
    expect(problems).toEqual([]);
    expect(design).not.toHaveProperty('extension');
    expect(design!.tables[0]).not.toHaveProperty('tint');
  });

  it('keeps any type Postgres may have in its format_type spelling', () => {
    const d = base();
    users(d).columns[2]!.type = 'TIMESTAMP(6)';
    users(d).columns[2]!.default = null;
    orders(d).columns[2]!.type = 'CITEXT[][]';
    orders(d).columns[2]!.default = null;
    const result = validateDesign(d);
    expect(result.problems).toEqual([]);
    expect(result.design!.format).toBe('retort.design/5');
    expect(result.design!.tables[0]!.columns[2]!.type).toBe('timestamp(6) without time zone');
    expect(result.design!.tables[1]!.columns[2]!.type).toBe('citext[]');
  });

  it('reads a retort.design/1 file as the current format', () => {
    const d = base();
    expect(d.format).toBe('retort.design/1');
    expect(validateDesign(d).design!.format).toBe('retort.design/5');
  });

  it('reports every problem at once, each with its path', () => {
    const d = base();
    users(d).columns[0]!.type = 'serial';
    orders(d).columns[1]!.type = 'varchar(';
    users(d).name = 'orders';
    expect(problems(d).map((p) => p.path)).toEqual([
      'tables[0].columns[0].type',
      'tables[1].name',
      'tables[1].columns[1].type',
    ]);
  });

  const cases: Array<[string, (d: Json) => void, Problem]> = [
    [
      'a wrong format',
      (d) => {
        d.format = 'retort.design/9';
      },
      {
        path: 'format',
        message:
          'is "retort.design/9"; Retort reads "retort.design/1", "retort.design/2", "retort.design/3", "retort.design/4" and "retort.design/5".',
      },
    ],
    [
      'a field of the wrong JSON type',
      (d) => {
        users(d).columns[1]!.nullable = 'no';
      },
      {
        path: 'tables[0].columns[1].nullable',
        message: 'must be true or false, not the text "no".',
      },
    ],
    [
      'a missing name',
      (d) => {
        delete users(d).columns[1]!.name;
      },
      { path: 'tables[0].columns[1].name', message: 'is missing.' },
    ],
    [
      'tables that are not a list',
      (d) => {
        users(d).columns = {} as never;
        users(d).checks = [];
        orders(d).foreignKeys = [];
      },
      { path: 'tables[0].columns', message: 'must be a list, not an object.' },
    ],
    [
      'a bad position',
      (d) => {
        users(d).position = { x: 1, y: 'top' };
      },
      { path: 'tables[0].position.y', message: 'must be a number, not the text "top".' },
    ],
    [
      'an unknown referential action',
      (d) => {
        (orders(d).foreignKeys as Array<Record<string, unknown>>)[0]!.onDelete = 'EXPLODE';
      },
      {
        path: 'tables[1].foreignKeys[0].onDelete',
        message:
          'must be one of CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION or null, not the text "EXPLODE".',
      },
    ],
    [
      'a duplicate id',
      (d) => {
        orders(d).columns[3]!.id = 'c_email';
      },
      {
        path: 'tables[1].columns[3].id',
        message: 'id "c_email" is already used at tables[0].columns[1].id.',
      },
    ],
    [
      'a duplicate table name',
      (d) => {
        orders(d).name = 'users';
      },
      { path: 'tables[1].name', message: 'table "users" is already defined at tables[0].name.' },
    ],
    [
      'a duplicate column name',
      (d) => {
        users(d).columns[2]!.name = 'email';
        users(d).checks = [];
      },
      {
        path: 'tables[0].columns[2].name',
        message: 'column "email" already exists in table "users" (tables[0].columns[1].name).',
      },
    ],
    [
      'a duplicate enum name',
      (d) => {
        (d.enums as unknown[]).push({ id: 'e2', name: 'order_status', values: ['x'] });
      },
      {
        path: 'enums[1].name',
        message: 'enum "order_status" is already defined at enums[0].name.',
      },
    ],
    [
      'a table named like an enum',
      (d) => {
        orders(d).name = 'order_status';
      },
      {
        path: 'tables[1].name',
        message:
          'table "order_status" has the name of an enum; Postgres keeps both in one namespace of types.',
      },
    ],
    [
      'an index named like a table',
      (d) => {
        (orders(d).indexes as Array<Record<string, unknown>>)[0]!.name = 'users';
      },
      {
        path: 'tables[1].indexes[0].name',
        message: '"users" is already the name of a table, index or key at tables[0].name.',
      },
    ],
    [
      'a unique constraint named like an index in another table',
      (d) => {
        users(d).uniques = [{ id: 'u1', name: 'orders_status_idx', columns: ['c_name'] }];
      },
      {
        path: 'tables[1].indexes[0].name',
        message:
          '"orders_status_idx" is already the name of a table, index or key at tables[0].uniques[0].name.',
      },
    ],
    [
      'two constraints of one table with one name',
      (d) => {
        users(d).checks = [
          { id: 'k1', name: 'users_rule', expression: 'id > 0' },
          { id: 'k2', name: 'users_rule', expression: 'id < 10' },
        ];
      },
      {
        path: 'tables[0].checks[1].name',
        message:
          'constraint "users_rule" is already used in table "users" (tables[0].checks[0].name).',
      },
    ],
    [
      'an empty name',
      (d) => {
        users(d).columns[2]!.name = ' ';
        users(d).checks = [];
      },
      { path: 'tables[0].columns[2].name', message: 'Column name must not be empty.' },
    ],
    [
      'a name over 63 bytes',
      (d) => {
        users(d).name = 'ü'.repeat(32);
      },
      {
        path: 'tables[0].name',
        message: `Table name "${'ü'.repeat(32)}" is 64 bytes long; Postgres keeps only 63 and would truncate it.`,
      },
    ],
    [
      'a type that is no type name',
      (d) => {
        users(d).columns[2]!.type = 'text)';
      },
      {
        path: 'tables[0].columns[2].type',
        message: 'column "full_name" of table "users": "text)" is not a type name.',
      },
    ],
    [
      'SERIAL as a type',
      (d) => {
        orders(d).columns[0]!.type = 'serial';
        orders(d).columns[0]!.autoincrement = false;
      },
      {
        path: 'tables[1].columns[0].type',
        message:
          'column "order_id" of table "orders": "serial" is not a column type: use INTEGER with "autoincrement": true.',
      },
    ],
    [
      'an enum without values',
      (d) => {
        (d.enums as Array<Record<string, unknown>>)[0]!.values = [];
        orders(d).columns[2]!.default = null;
      },
      {
        path: 'enums[0].values',
        message: 'enum "order_status" has no values; give it at least one.',
      },
    ],
    [
      'a duplicate enum value',
      (d) => {
        (d.enums as Array<Record<string, unknown>>)[0]!.values = ['new', 'paid', 'new'];
      },
      {
        path: 'enums[0].values[2]',
        message: 'value "new" is already listed at enums[0].values[0].',
      },
    ],
    [
      'an enum default that is not a value',
      (d) => {
        orders(d).columns[2]!.default = { sql: "'lost'" };
      },
      {
        path: 'tables[1].columns[2].default.sql',
        message: '\'lost\' is not a value of enum "order_status".',
      },
    ],
    [
      'a table without columns',
      (d) => {
        users(d).columns = [];
        users(d).checks = [];
        orders(d).foreignKeys = [];
      },
      { path: 'tables[0].columns', message: 'table "users" has no columns; give it at least one.' },
    ],
    [
      'autoincrement on a non-integer type',
      (d) => {
        users(d).columns[2]!.autoincrement = true;
        users(d).columns[2]!.default = null;
      },
      {
        path: 'tables[0].columns[2].autoincrement',
        message: 'autoincrement needs SMALLINT, INTEGER or BIGINT; column "full_name" is TEXT.',
      },
    ],
    [
      'autoincrement with a default',
      (d) => {
        orders(d).columns[0]!.default = { sql: '1' };
      },
      {
        path: 'tables[1].columns[0].default',
        message:
          'column "order_id" is autoincrement, so its default is the sequence; remove the default.',
      },
    ],
    [
      'a nullable primary key column',
      (d) => {
        users(d).columns[0]!.nullable = true;
      },
      {
        path: 'tables[0].columns[0].nullable',
        message:
          'column "id" is part of the primary key, which Postgres makes NOT NULL; set "nullable": false.',
      },
    ],
    [
      'a foreign key to a missing table',
      (d) => {
        (orders(d).foreignKeys as Array<{ references: { table: string } }>)[0]!.references.table =
          't_people';
      },
      {
        path: 'tables[1].foreignKeys[0].references.table',
        message: 'no table with id "t_people".',
      },
    ],
    [
      'a foreign key to a missing column',
      (d) => {
        (
          orders(d).foreignKeys as Array<{ references: { columns: string[] } }>
        )[0]!.references.columns = ['c_nope'];
      },
      {
        path: 'tables[1].foreignKeys[0].references.columns[0]',
        message: 'no column with id "c_nope" in table "users".',
      },
    ],
    [
      'a foreign key from a missing column',
      (d) => {
        (orders(d).foreignKeys as Array<{ columns: string[] }>)[0]!.columns = ['c_id'];
      },
      {
        path: 'tables[1].foreignKeys[0].columns[0]',
        message: 'no column with id "c_id" in table "orders".',
      },
    ],
    [
      'an index on a missing column',
      (d) => {
        (orders(d).indexes as Array<{ columns: string[] }>)[0]!.columns = ['c_status', 'c_gone'];
      },
      {
        path: 'tables[1].indexes[0].columns[1]',
        message: 'no column with id "c_gone" in table "orders".',
      },
    ],
    [
      'a unique constraint without columns',
      (d) => {
        users(d).uniques = [{ id: 'u1', columns: [] }];
      },
      { path: 'tables[0].uniques[0].columns', message: 'must list at least one column.' },
    ],
    [
      'the same unique columns twice',
      (d) => {
        users(d).uniques = [{ id: 'u1', columns: ['c_email'] }];
      },
      {
        path: 'tables[0].uniques[0].columns',
        message:
          'the same columns are already unique (tables[0].columns[1].unique); Postgres would keep only one.',
      },
    ],
    [
      'a unique column that is the primary key',
      (d) => {
        users(d).columns[0]!.unique = true;
      },
      {
        path: 'tables[0].columns[0].unique',
        message:
          'the same columns are already unique (tables[0].columns[0].primaryKey); Postgres would keep only one.',
      },
    ],
    [
      'a foreign key column count mismatch',
      (d) => {
        (orders(d).foreignKeys as Array<{ columns: string[] }>)[0]!.columns = [
          'c_user_id',
          'c_email2',
        ];
      },
      {
        path: 'tables[1].foreignKeys[0].references.columns',
        message: 'the foreign key has 2 columns but references 1; the counts must match.',
      },
    ],
    [
      'a foreign key whose column type differs',
      (d) => {
        orders(d).columns[1]!.type = 'text';
      },
      {
        path: 'tables[1].foreignKeys[0].columns[0]',
        message:
          'column "user_id" is TEXT but references "users"."id", which is BIGINT; the types must be the same.',
      },
    ],
    [
      'a foreign key to neither a primary key nor a unique set',
      (d) => {
        (
          orders(d).foreignKeys as Array<{ columns: string[]; references: { columns: string[] } }>
        )[0]!.columns = ['c_email2'];
        (
          orders(d).foreignKeys as Array<{ references: { columns: string[] } }>
        )[0]!.references.columns = ['c_name'];
        orders(d).columns[3]!.type = 'text';
      },
      {
        path: 'tables[1].foreignKeys[0].references.columns',
        message:
          '"full_name" of table "users" is neither its primary key nor a unique set; Postgres can only reference those.',
      },
    ],
    [
      'SET NULL on a NOT NULL column',
      (d) => {
        (orders(d).foreignKeys as Array<Record<string, unknown>>)[0]!.onDelete = 'SET NULL';
      },
      {
        path: 'tables[1].foreignKeys[0].onDelete',
        message: 'SET NULL cannot work: "user_id" is NOT NULL.',
      },
    ],
    [
      'a default that is two statements',
      (d) => {
        users(d).columns[2]!.default = { sql: "''; DROP TABLE users" };
      },
      {
        path: 'tables[0].columns[2].default.sql',
        message:
          'default "\'\'; DROP TABLE users" contains ";": it must be exactly one expression, not statements.',
      },
    ],
    [
      'a check that is a query',
      (d) => {
        users(d).checks = [{ id: 'k1', expression: 'SELECT 1' }];
      },
      {
        path: 'tables[0].checks[0].expression',
        message: 'check "SELECT 1" is a statement, not an expression.',
      },
    ],
    [
      'a check on a column the table does not have',
      (d) => {
        users(d).checks = [{ id: 'k1', expression: 'age > 0 AND id > 0' }];
      },
      {
        path: 'tables[0].checks[0].expression',
        message: 'check "age > 0 AND id > 0" uses "age", which table "users" does not have.',
      },
    ],
    [
      'a default that names a column',
      (d) => {
        users(d).columns[2]!.default = { sql: 'unknown' };
      },
      {
        path: 'tables[0].columns[2].default.sql',
        message:
          'default "unknown" uses "unknown"; a default cannot refer to columns (write a string in quotes).',
      },
    ],
    [
      'a check with an unclosed parenthesis',
      (d) => {
        users(d).checks = [{ id: 'k1', expression: '(' }];
      },
      {
        path: 'tables[0].checks[0].expression',
        message: 'check "(" ends before the expression is complete.',
      },
    ],
  ];

  it.each(cases)('reports %s', (_, breakIt, problem) => {
    const d = base();
    breakIt(d);
    const result = validateDesign(d);
    expect(result.problems).toEqual([problem]);
    expect(result.design).toBeNull();
  });

  it('accepts a foreign key to a unique column, a unique constraint or a unique index, in any column order', () => {
    const d = base();
    orders(d).foreignKeys = [
      { id: 'f1', columns: ['c_email2'], references: { table: 't_users', columns: ['c_email'] } },
    ];
    expect(problems(d)).toEqual([]);
    users(d).columns[1]!.unique = false;
    users(d).indexes = [{ id: 'i1', columns: ['c_email'], unique: true }];
    expect(problems(d)).toEqual([]);
    users(d).indexes = [];
    users(d).uniques = [{ id: 'u1', columns: ['c_name', 'c_email'] }];
    orders(d).columns.push({ id: 'c_name2', name: 'full_name', type: 'text' });
    orders(d).foreignKeys = [
      {
        id: 'f1',
        columns: ['c_email2', 'c_name2'],
        references: { table: 't_users', columns: ['c_email', 'c_name'] },
      },
    ];
    expect(problems(d)).toEqual([]);
  });

  it('matches an autoincrement key with a plain integer of the same type', () => {
    const d = base();
    d.tables.push({
      id: 't_lines',
      name: 'lines',
      columns: [{ id: 'c_l_order', name: 'order_id', type: 'integer', primaryKey: true }],
      foreignKeys: [
        {
          id: 'f_l',
          columns: ['c_l_order'],
          references: { table: 't_orders', columns: ['c_order_id'] },
        },
      ],
    });
    expect(problems(d)).toEqual([]);
  });

  it('reads a non-object as one problem at the root', () => {
    expect(problems([])).toEqual([{ path: '$', message: 'must be an object, not a list.' }]);
  });

  it.each([
    ['the design name', 'name', 'shop\u0000'],
    ['a table name', 'tables[0].name', 'us\u0000ers'],
    ['a column name', 'tables[0].columns[0].name', 'i\u0000d'],
    ['a column comment', 'tables[0].columns[1].comment', 'where\u0000mail goes'],
    ['a table comment', 'tables[1].comment', '\u0000'],
    ['a default', 'tables[0].columns[2].default.sql', "'a\u0000b'"],
    ['an enum value', 'enums[0].values[1]', 'pa\u0000id'],
    ['an index name', 'tables[1].indexes[0].name', 'orders_status\u0000idx'],
    ['a check expression', 'tables[0].checks[0].expression', "full_name <> '\u0000'"],
  ])('refuses a NUL character in %s with a sentence at its path', (_, path, value) => {
    const d = base();
    const keys = path.split(/[.[\]]+/).filter((key) => key !== '');
    let owner = d as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) owner = owner[key] as Record<string, unknown>;
    owner[keys.at(-1)!] = value;
    const result = validateDesign(d);
    expect(result.design).toBeNull();
    expect(result.problems).toEqual([
      { path, message: 'must not contain a NUL character (\\u0000); Postgres cannot store one.' },
    ]);
  });

  it('validates the design name like any other name', () => {
    const blank = base();
    blank.name = '   ';
    expect(problems(blank)).toEqual([
      { path: 'name', message: 'The design name must not be empty.' },
    ]);
    const long = base();
    long.name = 'x'.repeat(64);
    expect(problems(long)).toEqual([
      {
        path: 'name',
        message: `The design name "${'x'.repeat(64)}" is 64 bytes long; Postgres keeps only 63 and would truncate it.`,
      },
    ]);
  });

  it("refuses a relation named like a serial column's sequence", () => {
    const d = base();
    (orders(d).indexes as { name: string }[])[0]!.name = 'orders_order_id_seq';
    expect(problems(d)).toEqual([
      {
        path: 'tables[1].columns[0].autoincrement',
        message:
          'serial column "order_id" of table "orders" gets the sequence "orders_order_id_seq" from Postgres, but that is already the name of a relation at tables[1].indexes[0].name; rename one of them.',
      },
    ]);
    const table = base();
    table.tables.push({
      id: 't_seq',
      name: 'orders_order_id_seq',
      columns: [{ id: 'c_seq', name: 'id', type: 'integer' }],
    });
    expect(problems(table).map((p) => p.path)).toEqual(['tables[1].columns[0].autoincrement']);
  });

  it('names sequences as Postgres truncates them, so two serials cannot share one', () => {
    const d = base();
    const long = 'a'.repeat(40);
    d.tables.push(
      {
        id: 't_a',
        name: `${long}_x`,
        columns: [
          {
            id: 'c_a',
            name: `${long}_one`,
            type: 'integer',
            primaryKey: true,
            autoincrement: true,
          },
        ],
      },
      {
        id: 't_b',
        name: `${long}_y`,
        columns: [
          {
            id: 'c_b',
            name: `${long}_two`,
            type: 'integer',
            primaryKey: true,
            autoincrement: true,
          },
        ],
      },
    );
    // Postgres keeps 29 bytes of each part: both sequences would be `aaa…_aaa…_seq`.
    expect(problems(d).map((p) => p.path)).toEqual(['tables[3].columns[0].autoincrement']);
  });
});
