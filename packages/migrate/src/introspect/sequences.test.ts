/**
 * Standalone sequences on a real Postgres (PGlite and the server): Retort's SQL builds them,
 * introspection reads back the design's catalog and design, each change runs both ways, and
 * the downgrade leaves nothing.
 */
import { renderMigrationSql } from '@retort/codegen';
import {
  type Design,
  diff,
  lintOperations,
  type Operation,
  reverseOperations,
  toCatalog,
  validateDesign,
} from '@retort/core';
import { sequencesDesign, sequencesDesignInput } from '@retort/testing/sequences-design';
import { describe, expect, it } from 'vitest';
import { preflight } from '../preflight/preflight';
import {
  describeOnEachDatabase,
  expectBuiltAndReadBack,
  expectDowngradeLeavesNothing,
} from '../testing/each-database';
import { expectStepBothWays } from '../testing/step-round-trip';

const empty = (d: Design): Design => ({ format: d.format, name: d.name, enums: [], tables: [] });

function edited(edit: (d: Design) => void): Design {
  const d = structuredClone(sequencesDesign());
  edit(d);
  const { design, problems } = validateDesign(JSON.parse(JSON.stringify(d)));
  expect(problems).toEqual([]);
  return design!;
}

const sequence = (d: Design, id: string) => d.sequences!.find((s) => s.id === id)!;
const invoices = (d: Design) => d.tables.find((t) => t.id === 't_invoices')!;

const CHANGES: Array<[string, (d: Design) => void]> = [
  [
    'change every option and the comment',
    (d) => {
      Object.assign(sequence(d, 's_tickets'), {
        dataType: 'integer',
        increment: '-2',
        minValue: '-5000',
        start: '-10',
        cache: '1',
        cycle: false,
        comment: null,
      });
    },
  ],
  [
    'clear the owner',
    (d) => {
      sequence(d, 's_invoice_number').ownedBy = null;
    },
  ],
  [
    'own a sequence by a new column',
    (d) => {
      invoices(d).columns.push({
        id: 'c_extra',
        name: 'extra',
        type: 'bigint',
        nullable: true,
        primaryKey: false,
        autoincrement: false,
        unique: false,
        default: null,
        comment: null,
      });
      const s = sequence(d, 's_tickets');
      s.schema = 'app';
      s.ownedBy = { table: 't_invoices', column: 'c_extra' };
      invoices(d).columns[1]!.default = { sql: "nextval('app.tickets'::regclass)" };
    },
  ],
  [
    'rename a sequence and move it to another schema',
    (d) => {
      const s = sequence(d, 's_tickets');
      s.name = 'desk_tickets';
      s.schema = 'app';
      invoices(d).columns[1]!.default = { sql: "nextval('app.desk_tickets'::regclass)" };
    },
  ],
  [
    'rename the owning table and column',
    (d) => {
      invoices(d).name = 'bills';
      invoices(d).columns[0]!.name = 'no';
    },
  ],
  [
    'drop a sequence and the default that calls it',
    (d) => {
      d.sequences = d.sequences!.filter((s) => s.id !== 's_tickets');
      invoices(d).columns[1]!.default = null;
    },
  ],
  [
    'drop the owning table and its sequence',
    (d) => {
      d.tables = [];
      d.sequences = d.sequences!.filter((s) => s.id !== 's_invoice_number');
    },
  ],
  [
    'drop the owning table and keep its sequence',
    (d) => {
      d.tables = [];
      sequence(d, 's_invoice_number').ownedBy = null;
    },
  ],
];

describeOnEachDatabase('sequences', (db) => {
  it('Retort SQL builds them; introspection reads back the catalog and the design; the downgrade leaves nothing', async () => {
    const design = sequencesDesign();
    const { sql } = await expectBuiltAndReadBack(db(), design, 'sequences');
    await db().exec(`INSERT INTO app.invoices (note) VALUES ('a'), ('b')`);
    const { rows } = await db().query<{ number: number; ticket: string }>(
      'SELECT number, ticket::text AS ticket FROM app.invoices ORDER BY number',
    );
    expect(rows).toEqual([
      { number: 1000, ticket: '-1' },
      { number: 1001, ticket: '-2' },
    ]);
    // Preflight tells what dropping a sequence that has handed out values loses.
    const down = diff(
      design,
      edited((d) => {
        d.sequences = d.sequences!.filter((s) => s.id !== 's_tickets');
        invoices(d).columns[1]!.default = null;
      }),
    );
    const findings = await preflight(db(), down);
    // A cache of 5 takes five values at once.
    expect(findings.map((f) => f.message)).toContain(
      'Sequence tickets has handed out values up to -5; dropping it loses that, and a downgrade creates it again starting at -1.',
    );
    await db().exec('DELETE FROM app.invoices');
    await expectDowngradeLeavesNothing(db(), sql);
  });

  it.each(CHANGES)('%s: the upgrade makes the new catalog, the downgrade the old', (_, edit) =>
    expectStepBothWays(db(), sequencesDesign(), edited(edit)),
  );
});

describe('standalone sequences in the design', () => {
  it('validation names the sequence in one sentence per problem', () => {
    const input = sequencesDesignInput() as ReturnType<typeof sequencesDesignInput> & {
      sequences: Record<string, unknown>[];
    };
    input.sequences[0]!.schema = 'public';
    input.sequences[1]!.name = 'invoices';
    input.sequences[1]!.schema = 'app';
    input.sequences[1]!.dataType = 'smallint';
    input.sequences[1]!.minValue = '-40000';
    input.sequences.push({ id: 's_bad', name: 'bad', ownedBy: { table: 't_none', column: 'x' } });
    const { problems } = validateDesign(input);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'sequences[0].ownedBy.table: sequence "invoice_number_seq" is owned by a column of table "app.invoices" in another schema; Postgres requires the same schema.',
      'sequences[1].name: sequence "app.invoices" has the name of table "app.invoices"; Postgres keeps tables, indexes and sequences in one namespace per schema.',
      'sequences[1].minValue: sequence "app.invoices": -40000 is outside the range of SMALLINT (-32768 to 32767).',
      'sequences[2].ownedBy.table: sequence "bad" is owned by table "t_none", which the design does not have.',
    ]);
  });

  it('diff creates sequences before the tables that call them, owns them after, and reverses exactly', () => {
    const design = sequencesDesign();
    const ops = diff(empty(design), design);
    const named = (o: Operation) =>
      `${o.kind}${'sequence' in o ? ` ${typeof o.sequence === 'string' ? o.sequence : o.sequence.name}` : ''}`;
    expect(ops.map(named)).toEqual([
      'create_schema',
      'create_sequence app.invoice_number_seq',
      'create_sequence tickets',
      'create_table',
      'set_sequence_owner app.invoice_number_seq',
    ]);
    expect(diff(design, empty(design))).toEqual(reverseOperations(ops));
    expect(renderMigrationSql(ops).upgrade.filter((s) => s.includes('SEQUENCE'))).toEqual([
      'CREATE SEQUENCE app.invoice_number_seq\n    AS integer\n    START WITH 1000\n    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1',
      'CREATE SEQUENCE tickets\n    AS bigint\n    START WITH -1\n    INCREMENT BY -1\n    MINVALUE -1000\n    NO MAXVALUE\n    CACHE 5\n    CYCLE',
      "COMMENT ON SEQUENCE tickets IS 'Handed out at the desk'",
      'ALTER SEQUENCE app.invoice_number_seq OWNED BY app.invoices.number',
    ]);
  });

  it('lint: dropping a sequence a default still calls is an error; any drop loses its value', () => {
    const before = sequencesDesign();
    const after = edited((d) => {
      d.sequences = d.sequences!.filter((s) => s.id !== 's_tickets');
    });
    const ops = diff(before, after);
    const findings = lintOperations(ops, () => toCatalog(after)).map(
      (f) => `${f.level} ${f.code}: ${f.message}`,
    );
    expect(findings).toEqual([
      'warning drop-sequence: Dropping sequence tickets loses the value it has reached; a downgrade cannot bring dropped data back (it comes back at its start).',
      'error drop-sequence-in-use: Dropping sequence tickets fails: the default of app.invoices.ticket still calls it.',
    ]);
  });
});
