/** DBML in: the design it describes, what it leaves out listed by name, and the round trip. */
import { designToDbml } from '@retort/codegen';
import { type Design, isRetortError } from '@retort/core';
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { readDbmlDesign } from './read-dbml';

/** The design with every id replaced by the name of what it names, and no positions. */
function byName(design: Design): unknown {
  const names = new Map<string, string>();
  for (const e of design.enums) names.set(e.id, `enum ${e.name}`);
  for (const t of design.tables) {
    names.set(t.id, `table ${t.name}`);
    for (const c of t.columns) names.set(c.id, `${t.name}.${c.name}`);
    for (const list of [t.foreignKeys, t.uniques, t.indexes, t.checks]) {
      for (const [n, o] of list.entries()) names.set(o.id, `${t.name} #${n}`);
    }
  }
  return JSON.parse(
    JSON.stringify({ ...design, tables: design.tables.map((t) => ({ ...t, position: null })) }),
    (_key, value) => (typeof value === 'string' && names.has(value) ? names.get(value) : value),
  );
}

async function problemsOf(text: string): Promise<unknown> {
  try {
    await readDbmlDesign(text);
  } catch (error) {
    if (isRetortError(error)) return { message: error.message, problems: error.details.problems };
    throw error;
  }
  throw new Error('expected the DBML to be refused');
}

describe('readDbmlDesign', () => {
  it.each([
    ['the shop example', loadShopDesign()],
    ['the every-feature design', everyFeatureDesign],
  ])('reads %s back from its DBML as the same design, ids aside', async (_label, design) => {
    const read = await readDbmlDesign(designToDbml(design));
    expect(read.unmodelled).toEqual([]);
    expect(byName(read.design)).toEqual(byName(design));
  });

  it('reads what people write: serials, inline refs, notes, composite keys, enums', async () => {
    const { design, unmodelled } = await readDbmlDesign(`
      Enum status {
        active
        "on hold"
      }
      Table users {
        id serial [pk]
        email varchar(320) [not null, unique, note: 'login']
        status status [default: 'active']
      }
      Table memberships {
        user_id int [ref: > users.id]
        team text
        since timestamptz [default: \`now()\`]
        indexes { (user_id, team) [pk] }
      }
    `);
    expect(unmodelled).toEqual([]);
    const users = design.tables.find((t) => t.name === 'users')!;
    expect(users.columns[0]).toMatchObject({
      type: 'INTEGER',
      autoincrement: true,
      primaryKey: true,
    });
    expect(users.columns[1]).toMatchObject({
      type: 'VARCHAR(320)',
      nullable: false,
      unique: true,
      comment: 'login',
    });
    expect(users.columns[2]).toMatchObject({ type: 'status', default: { sql: "'active'" } });
    const memberships = design.tables.find((t) => t.name === 'memberships')!;
    expect(memberships.columns.filter((c) => c.primaryKey).map((c) => c.name)).toEqual([
      'user_id',
      'team',
    ]);
    expect(memberships.foreignKeys).toEqual([
      expect.objectContaining({ references: { table: users.id, columns: [users.columns[0]!.id] } }),
    ]);
    expect(design.enums).toEqual([
      expect.objectContaining({ name: 'status', values: ['active', 'on hold'] }),
    ]);
  });

  it('lists every object it leaves out, by name, and keeps the rest', async () => {
    const { design, unmodelled } = await readDbmlDesign(`
      Table places {
        id int [pk]
        shape gis.geometry
        area geometry
        code varchar
        indexes { shape [name: 'ix_shape'] }
      }
      Table tags { id int [pk] }
      Table sales.orders { id int [pk] }
      Ref: places.id <> tags.id
      Ref: places.shape > tags.id
    `);
    expect(design.tables.map((t) => t.name)).toEqual(['places', 'tags']);
    // A type Retort has no special knowledge of is kept; one in another schema is not.
    expect(design.tables[0]!.columns.map((c) => `${c.name} ${c.type}`)).toEqual([
      'id INTEGER',
      'area geometry',
      'code VARCHAR',
    ]);
    expect(unmodelled).toEqual([
      { kind: 'table', name: 'sales.orders', why: expect.stringContaining('schema sales') },
      {
        kind: 'column',
        name: 'places.shape',
        why: 'type gis.geometry is in schema gis; left out',
      },
      { kind: 'index', name: 'ix_shape', why: 'it uses a column that was left out' },
      {
        kind: 'reference',
        name: 'places(id) - tags(id)',
        why: expect.stringContaining('many-to-many'),
      },
      {
        kind: 'reference',
        name: 'places(shape) - tags(id)',
        why: 'it joins a table or column that was left out',
      },
    ]);
  });

  it('refuses DBML that does not parse, with every diagnostic and its line', async () => {
    const refused = (await problemsOf('Table a {\n  id int [pk\n}\nTable b {')) as {
      message: string;
      problems: { path: string }[];
    };
    expect(refused.message).toMatch(/^The DBML does not parse: line \d+, column \d+: /);
    expect(refused.problems.length).toBeGreaterThan(0);
  });

  it('refuses a schema Retort would not keep, naming each object', async () => {
    expect(
      await problemsOf(`
        Table a { id int [pk] }
        Table b { a_id text }
        Ref: b.a_id > a.id
      `),
    ).toEqual({
      message: expect.stringMatching(
        /^The DBML describes a schema Retort cannot keep \(1 problem\)\.$/,
      ),
      problems: [{ path: expect.stringMatching(/^table b/), message: expect.any(String) }],
    });
  });
});
