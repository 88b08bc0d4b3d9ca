/**
 * Schemas: tables and enums outside public are named `schema.name` in the catalog; the diff
 * creates a schema before its first object and drops it after its last, moves a table or an
 * enum with SET SCHEMA, and every step has its exact reverse.
 */
import { schemasDesign } from '@retort/testing/schemas-design';
import { describe, expect, it } from 'vitest';
import { toCatalog } from '../catalog/from-design';
import { setTableSchema } from '../design/edits/edits';
import type { Design } from '../design/types';
import { validateDesign } from '../design/validate';
import { applyOperations } from '../operations/apply';
import type { Operation } from '../operations/types';
import { expectRoundTrip } from '../testing/round-trip';
import { diff } from './diff';

const empty = (d: Design): Design => ({ ...d, enums: [], tables: [] });
const kinds = (ops: Operation[]) => ops.map((op) => op.kind);
const EMPTY_CATALOG = { enums: [], tables: [] };

function edited(edit: (d: Design) => void): Design {
  const d = structuredClone(schemasDesign());
  edit(d);
  return d;
}

describe('schemas in the catalog', () => {
  it('names tables, enums and key targets by schema; default names are per schema', () => {
    const catalog = toCatalog(schemasDesign());
    expect(catalog.schemas).toEqual(['app', 'audit']);
    expect(catalog.enums.map((e) => e.name)).toEqual(['app.order_status']);
    expect(catalog.tables.map((t) => t.name)).toEqual([
      'app.orders',
      'app.users',
      'audit.events',
      'users',
    ]);
    const appUsers = catalog.tables.find((t) => t.name === 'app.users')!;
    const users = catalog.tables.find((t) => t.name === 'users')!;
    // The same names in two schemas: Postgres chooses them per schema.
    expect(appUsers.primaryKey!.name).toBe('users_pkey');
    expect(users.primaryKey!.name).toBe('users_pkey');
    expect(appUsers.indexes.map((i) => i.name)).toEqual(['users_email_idx']);
    const orders = catalog.tables.find((t) => t.name === 'app.orders')!;
    expect(orders.foreignKeys[0]!.refTable).toBe('users');
    expect(orders.columns.find((c) => c.name === 'status')!.type).toBe('app.order_status');
    const events = catalog.tables.find((t) => t.name === 'audit.events')!;
    expect(events.foreignKeys[0]!.refTable).toBe('app.orders');
  });

  it('a design without schemas has the catalog it always had', () => {
    const d = edited((x) => {
      x.enums = [];
      x.tables = x.tables.filter((t) => t.schema === undefined);
    });
    expect(toCatalog(d)).not.toHaveProperty('schemas');
  });
});

describe('schema validation', () => {
  it('allows one name in two schemas, refuses it twice in one', () => {
    expect(validateDesign(schemasDesign()).problems).toEqual([]);
    const twice = edited((d) => {
      d.tables.find((t) => t.id === 't_users')!.schema = 'app';
    });
    expect(validateDesign(twice).problems[0]).toEqual({
      path: 'tables[1].name',
      message: 'table "users" is already defined at tables[0].name.',
    });
  });

  it('refuses the system schemas and a dot, one sentence each', () => {
    for (const [schema, message] of [
      [
        'pg_catalog',
        `schema "pg_catalog" is Postgres' own; put the design's objects in another schema.`,
      ],
      ['pg_temp', `schema "pg_temp" is Postgres' own; put the design's objects in another schema.`],
      [
        'information_schema',
        `schema "information_schema" is Postgres' own; put the design's objects in another schema.`,
      ],
      ['a.b', 'schema name "a.b" must not contain a dot.'],
    ]) {
      const d = edited((x) => {
        x.tables[0]!.schema = schema;
      });
      expect(validateDesign(d).problems).toEqual([{ path: 'tables[0].schema', message }]);
    }
  });
});

describe('schemas in the diff', () => {
  it('creates the schemas first and drops them last, with nothing left behind', () => {
    const design = schemasDesign();
    const { schemaComments: _, ...bare } = empty(design);
    const ops = expectRoundTrip(bare, design);
    expect(kinds(ops).slice(0, 3)).toEqual(['create_schema', 'create_schema', 'create_enum']);
    expect(ops.slice(0, 2)).toEqual([
      { kind: 'create_schema', schema: 'app' },
      { kind: 'create_schema', schema: 'audit' },
    ]);
    const down = diff(design, bare);
    expect(kinds(down).slice(-2)).toEqual(['drop_schema', 'drop_schema']);
    expect(applyOperations(toCatalog(design), down)).toEqual(EMPTY_CATALOG);
  });

  it('moves a table to another schema with SET SCHEMA, its keys following', () => {
    const after = edited((d) => {
      d.tables.find((t) => t.id === 't_orders')!.schema = 'audit';
    });
    const ops = expectRoundTrip(schemasDesign(), after);
    expect(ops).toEqual([{ kind: 'set_table_schema', table: 'orders', from: 'app', to: 'audit' }]);
  });

  it('creates the schema a moved table goes to, and drops the one it leaves empty', () => {
    const after = edited((d) => {
      d.tables.find((t) => t.id === 't_events')!.schema = 'archive';
    });
    const ops = expectRoundTrip(schemasDesign(), after);
    expect(ops).toEqual([
      { kind: 'create_schema', schema: 'archive' },
      { kind: 'set_table_schema', table: 'events', from: 'audit', to: 'archive' },
      { kind: 'drop_schema', schema: 'audit' },
    ]);
  });

  it('moves and renames a table in one change', () => {
    const after = edited((d) => {
      const t = d.tables.find((x) => x.id === 't_users')!;
      t.schema = 'audit';
      t.name = 'people';
    });
    const ops = expectRoundTrip(schemasDesign(), after);
    // Planned the other way round (see diff.ts): renamed in public, then moved.
    expect(
      ops.filter((op) => op.kind.endsWith('_table') || op.kind === 'set_table_schema'),
    ).toEqual([
      { kind: 'rename_table', from: 'users', to: 'people' },
      { kind: 'set_table_schema', table: 'people', from: 'public', to: 'audit' },
    ]);
    expect(
      ops
        .filter((op) => op.kind === 'rename_constraint')
        .map((op) => op.kind === 'rename_constraint' && op.to),
    ).toEqual(['people_email_key', 'people_pkey']);
  });

  it('moves an enum with SET SCHEMA; its columns name it in the new schema', () => {
    const after = edited((d) => {
      d.enums[0]!.schema = undefined;
      const orders = d.tables.find((t) => t.id === 't_orders')!;
      orders.columns[2]!.type = 'order_status';
      orders.columns[3]!.type = 'order_status[]';
    });
    delete after.enums[0]!.schema;
    const ops = expectRoundTrip(schemasDesign(), after);
    expect(ops).toEqual([
      { kind: 'set_enum_schema', name: 'order_status', from: 'app', to: 'public' },
    ]);
  });

  it('refuses a move into a schema that is not there, and a drop of one still in use', () => {
    const catalog = toCatalog(schemasDesign());
    expect(() =>
      applyOperations(catalog, [
        { kind: 'set_table_schema', table: 'users', from: 'public', to: 'nowhere' },
      ]),
    ).toThrow('there is no schema "nowhere"');
    expect(() => applyOperations(catalog, [{ kind: 'drop_schema', schema: 'audit' }])).toThrow(
      '"audit.events" is still in it',
    );
  });
});

describe('moving a table in the editor', () => {
  it('sets the schema, and leaves the field out for public', () => {
    const moved = setTableSchema(schemasDesign(), 't_users', ' audit ');
    expect(moved.tables.find((t) => t.id === 't_users')!.schema).toBe('audit');
    const back = setTableSchema(moved, 't_users', 'public');
    expect(back.tables.find((t) => t.id === 't_users')).not.toHaveProperty('schema');
    expect(setTableSchema(back, 't_users', '')).toBe(back);
    expect(diff(schemasDesign(), moved)).toEqual([
      { kind: 'set_table_schema', table: 'users', from: 'public', to: 'audit' },
    ]);
  });
});

describe('comments on schemas', () => {
  const commented = (comments: Record<string, string> | undefined) =>
    edited((d) => {
      if (comments) d.schemaComments = comments;
    });

  it('set right after the schema is created, cleared right before it is dropped', () => {
    const design = commented({ audit: 'Who did what', app: 'The application' });
    expect(toCatalog(design).schemaComments).toEqual({
      app: 'The application',
      audit: 'Who did what',
    });
    const { schemaComments: _, ...bare } = empty(design);
    const ops = expectRoundTrip(bare, design);
    const at = (kind: string, schema: string) =>
      ops.findIndex((op) => op.kind === kind && 'schema' in op && op.schema === schema);
    expect(at('set_schema_comment', 'app')).toBe(at('create_schema', 'app') + 1);
    const down = diff(design, bare);
    expect(
      down.filter((op) => op.kind.endsWith('_schema') || op.kind === 'set_schema_comment'),
    ).toEqual([
      { kind: 'set_schema_comment', schema: 'audit', from: 'Who did what', to: null },
      { kind: 'drop_schema', schema: 'audit' },
      { kind: 'set_schema_comment', schema: 'app', from: 'The application', to: null },
      { kind: 'drop_schema', schema: 'app' },
    ]);
  });

  it('changed and cleared on a schema that stays, each with its exact reverse', () => {
    const before = commented({ app: 'The application' });
    expect(expectRoundTrip(before, commented({ app: 'What the app reads' }))).toEqual([
      {
        kind: 'set_schema_comment',
        schema: 'app',
        from: 'The application',
        to: 'What the app reads',
      },
    ]);
    expect(expectRoundTrip(before, commented(undefined))).toEqual([
      { kind: 'set_schema_comment', schema: 'app', from: 'The application', to: null },
    ]);
  });

  it('is refused on a schema the design puts nothing in, and on public', () => {
    const { problems } = validateDesign(commented({ nowhere: 'Empty', public: 'Standard' }));
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'schemaComments.nowhere: is on schema "nowhere", which holds nothing of the design; put a table or type in it, or drop the comment.',
      'schemaComments.public: public keeps its own comment; comment only on the other schemas the design uses.',
    ]);
  });
});
