/**
 * Domains, composite types and extensions on a real Postgres (PGlite and the server):
 * Retort's SQL builds them, introspection reads back the design's catalog and design, each
 * change runs both ways, and the downgrade leaves nothing.
 */
import {
  type Design,
  diff,
  lintOperations,
  type Operation,
  reverseOperations,
  toCatalog,
  validateDesign,
} from '@retort/core';
import { userTypesDesign, userTypesDesignInput } from '@retort/testing/user-types-design';
import { describe, expect, it } from 'vitest';
import {
  describeOnEachDatabase,
  expectBuiltAndReadBack,
  expectDowngradeLeavesNothing,
} from '../testing/each-database';
import { expectStepBothWays } from '../testing/step-round-trip';

const empty = (d: Design): Design => ({ format: d.format, name: d.name, enums: [], tables: [] });

function edited(edit: (d: Design) => void): Design {
  const d = structuredClone(userTypesDesign());
  edit(d);
  return validateDesign(d).design!;
}

const domain = (d: Design, id: string) => d.domains!.find((x) => x.id === id)!;
const composite = (d: Design, id: string) => d.compositeTypes!.find((x) => x.id === id)!;

const CHANGES: Array<[string, (d: Design) => void]> = [
  [
    'add a check to a domain',
    (d) => {
      domain(d, 'd_cents').checks.push({
        id: 'ck_small',
        name: 'small',
        expression: 'VALUE < 1000000',
      });
    },
  ],
  [
    'drop a named check and change another',
    (d) => {
      domain(d, 'd_cents').checks = [
        { id: 'ck_cents', name: 'positive_cents_check', expression: 'VALUE > 0' },
      ];
    },
  ],
  [
    'drop the default and NOT NULL of a domain',
    (d) => {
      const x = domain(d, 'd_cents');
      x.default = null;
      x.notNull = false;
      x.comment = null;
    },
  ],
  [
    'set a default and NOT NULL',
    (d) => {
      const x = domain(d, 'd_good_mood');
      x.default = { sql: "'ok'" };
      x.notNull = true;
      domain(d, 'd_year').default = { sql: '2000' };
    },
  ],
  [
    'add and drop attributes of a composite type a column has',
    (d) => {
      const t = composite(d, 'ct_address');
      t.attributes = [
        { name: 'street', type: 'text' },
        { name: 'city', type: 'text', collation: 'C' },
        { name: 'country', type: 'char(2)', collation: 'C' },
      ];
      t.comment = 'Postal address';
    },
  ],
  [
    'retype an attribute of a composite type no column has',
    (d) => {
      composite(d, 'ct_price').attributes[1]!.type = 'varchar(3)';
    },
  ],
  [
    'a new composite type',
    (d) => {
      d.compositeTypes!.push({
        id: 'ct_pair',
        name: 'pair',
        attributes: [
          { name: 'a', type: 'integer' },
          { name: 'b', type: 'integer' },
        ],
        comment: null,
      });
    },
  ],
  [
    'a new domain and a column of it',
    (d) => {
      d.domains!.push({
        id: 'd_email',
        name: 'email',
        schema: 'app',
        type: 'text',
        default: null,
        notNull: false,
        checks: [{ id: 'ck_email', name: null, expression: "VALUE ~ '@'" }],
        comment: null,
      });
      d.tables[0]!.columns.push({
        id: 'c_contact',
        name: 'contact',
        type: 'app.email',
        nullable: true,
        primaryKey: false,
        autoincrement: false,
        unique: false,
        default: null,
        comment: null,
      });
    },
  ],
  [
    'drop a column and the domain only it used',
    (d) => {
      d.tables[0]!.columns = d.tables[0]!.columns.filter((c) => c.id !== 'c_mood');
      d.domains = d.domains!.filter((x) => x.id !== 'd_good_mood');
    },
  ],
];

describeOnEachDatabase('user types', (db, kind) => {
  it('Retort SQL builds them; introspection reads back the catalog and the design; the downgrade leaves nothing', async () => {
    // PGlite has no citext until it is loaded; the server has contrib.
    const design = userTypesDesign({ extension: kind === 'server' });
    const { sql, read } = await expectBuiltAndReadBack(db(), design, 'user_types');
    expect(read.catalog.domains!.find((d) => d.name === 'year')!.checks.map((k) => k.name)).toEqual(
      ['year_check', 'year_max'],
    );
    // The check holds: Postgres refuses a year out of range through the domain.
    await expect(
      db().exec(`INSERT INTO app.invoices (total, fiscal_year) VALUES (1, 1800)`),
    ).rejects.toThrow();
    await expectDowngradeLeavesNothing(db(), sql);
  });

  it.each(CHANGES)('%s: the upgrade makes the new catalog, the downgrade the old', (_, edit) =>
    expectStepBothWays(db(), userTypesDesign(), edited(edit)),
  );
});

describe('domains and composite types in the design', () => {
  it('validation names the object in one sentence per problem', () => {
    const input = userTypesDesignInput();
    input.domains[0]!.type = 'no such(type';
    (input.domains[1]!.checks as object[]).push({
      id: 'ck_bad',
      name: 'year_max',
      expression: 'other > 1',
    });
    input.compositeTypes[0]!.attributes.push({ name: 'street', type: 'text' });
    const { problems } = validateDesign(input);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'domains[0].type: domain "app.positive_cents": "no such(type" is not a type name.',
      'domains[1].checks[2].name: domain "year" has two checks named "year_max".',
      'domains[1].checks[2].expression: domain "year" has check "other > 1" naming "other"; a domain check can use only VALUE.',
      'compositeTypes[0].attributes[3].name: composite type "app.postal_address" has two attributes named "street".',
    ]);
  });

  it('diff orders extensions, then types each after the types it names, and reverses exactly', () => {
    const design = userTypesDesign({ extension: true });
    const ops = diff(empty(design), design);
    const named = (o: Operation) =>
      `${o.kind}${'domain' in o ? ` ${o.domain.name}` : 'type' in o ? ` ${o.type.name}` : 'enum' in o ? ` ${o.enum.name}` : 'extension' in o ? ` ${o.extension.name}` : ''}`;
    expect(ops.map(named)).toEqual([
      'create_schema',
      'create_extension citext',
      'create_enum mood',
      'create_domain app.positive_cents',
      'create_composite_type app.postal_address',
      'create_domain code',
      'create_domain good_mood',
      'create_composite_type price',
      'create_domain year',
      'create_table',
    ]);
    expect(diff(design, empty(design))).toEqual(reverseOperations(ops));
  });

  it('lint: dropping a type in use is an error; a constraint on a used domain a data risk', () => {
    const before = userTypesDesign();
    const after = edited((d) => {
      domain(d, 'd_year').notNull = true;
      d.domains = d.domains!.filter((x) => x.id !== 'd_good_mood');
      composite(d, 'ct_address').attributes[2]!.type = 'text';
    });
    const ops = diff(before, after);
    const findings = lintOperations(ops, () => toCatalog(after)).map(
      (f) => `${f.level} ${f.code}: ${f.message}`,
    );
    expect(findings).toContain(
      'warning domain-constraint-checks-rows: Adding NOT NULL to domain year checks every row of app.invoices.fiscal_year and app.invoices.years; one that does not pass makes the change fail.',
    );
    expect(findings).toContain(
      'error domain-constraint-in-container: Adding NOT NULL to domain year fails: Postgres cannot check it inside app.invoices.years, an array of it.',
    );
    expect(findings).toContain(
      'error alter-attribute-in-use: Changing the type of attribute zip of composite type app.postal_address fails: column app.invoices.billed_to has the type.',
    );
    expect(findings).toContain(
      'error drop-type-in-use: Dropping domain good_mood fails: column app.invoices.mood still uses it.',
    );
  });
});
