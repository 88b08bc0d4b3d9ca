/**
 * Partitioned tables and partitions: validation, the catalog, and the plan. A partition is
 * created after its parent and dropped before it; a changed bound detaches and attaches
 * again; a changed partition key drops and creates again; every step has its exact reverse.
 */
import { partitionsDesign, partitionsDesignInput } from '@retort/testing/partitions-design';
import { describe, expect, it } from 'vitest';
import { describeCatalogDifferences } from '../catalog/compare';
import { toCatalog } from '../catalog/from-design';
import {
  deleteTable,
  setPartitionBound,
  setPartitionKey,
  updateColumn,
} from '../design/edits/edits';
import type { Design } from '../design/types';
import { validateDesign } from '../design/validate';
import { lintOperations } from '../lint/lint';
import type { Operation } from '../operations/types';
import { expectRoundTrip } from '../testing/round-trip';

const kinds = (ops: Operation[]) =>
  ops.map((op) =>
    `${op.kind} ${'table' in op ? (typeof op.table === 'string' ? op.table : op.table.name) : ''}`.trim(),
  );

function edited(edit: (d: Design) => void): Design {
  const d = structuredClone(partitionsDesign());
  edit(d);
  return d;
}

const problems = (edit: (input: typeof partitionsDesignInput) => void) => {
  const input = structuredClone(partitionsDesignInput);
  edit(input);
  return validateDesign(input).problems.map((p) => `${p.path}: ${p.message}`);
};

type Json = Record<string, unknown>;
const table = (input: typeof partitionsDesignInput, id: string) =>
  input.tables.find((t) => t.id === id) as Json;

describe('partitions in a design', () => {
  it('reads the fields, absent on other tables, and validates the design', () => {
    const d = partitionsDesign();
    const readings = d.tables.find((t) => t.id === 't_readings')!;
    expect(readings.partitionBy).toEqual({ strategy: 'RANGE', key: 'RANGE (taken_on)' });
    const p2026 = d.tables.find((t) => t.id === 't_readings_2026')!;
    expect(p2026.partitionOf).toBe('t_readings');
    expect(p2026.partitionBound).toBe("FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
    expect(d.tables.find((t) => t.id === 't_devices')).not.toHaveProperty('partitionBy');
    expect(validateDesign(structuredClone(partitionsDesignInput)).problems).toEqual([]);
  });

  it('refuses what Postgres refuses, one sentence each', () => {
    expect(
      problems((i) => {
        table(i, 't_readings_2026').columns = [{ id: 'c_x', name: 'x', type: 'text' }];
        table(i, 't_readings_other').partitionBound = "FOR VALUES IN ('a')";
        table(i, 't_sessions_0').partitionBound = 'DEFAULT';
        table(i, 't_tickets_eu').partitionOf = 't_devices';
        table(i, 't_tickets').partitionBy = { strategy: 'LIST', key: 'LIST (nowhere)' };
        table(i, 't_readings').partitionBy = { strategy: 'RANGE', key: 'RANGE (device_id)' };
        delete table(i, 't_tickets_am').partitionBound;
      }),
    ).toEqual([
      'tables[1].partitionBy.key: the primary key of partitioned table "readings" must hold the partition key\'s "device_id"; Postgres refuses it otherwise.',
      'tables[2].columns: partition "readings_2026" takes its columns from "readings"; it cannot have its own.',
      "tables[3].partitionBound: \"FOR VALUES IN ('a')\" is no bound of a RANGE partition; write it as Postgres prints it, e.g. FOR VALUES FROM ('2026-01-01') TO ('2027-01-01').",
      'tables[4].partitionBy.key: the partition key uses "nowhere", which table "tickets" does not have.',
      'tables[5].partitionOf: table "devices" is not partitioned; give it a partitionBy first.',
      'tables[6].partitionBound: partition "tickets_am" has no bound; give one, or DEFAULT.',
      'tables[8].partitionBound: a HASH partitioned table has no DEFAULT partition.',
    ]);
  });

  it('gives the catalog the key, the parent and the bound; a partition has no columns of its own', () => {
    const catalog = toCatalog(partitionsDesign());
    const readings = catalog.tables.find((t) => t.name === 'readings')!;
    expect(readings.partitionBy).toBe('RANGE (taken_on)');
    const eu = catalog.tables.find((t) => t.name === 'app.tickets_eu')!;
    expect(eu.partitionOf).toEqual({ table: 'app.tickets', bound: "FOR VALUES IN ('eu')" });
    expect(eu.columns).toEqual([]);
    const moved = toCatalog(
      edited((d) => {
        d.tables.find((t) => t.id === 't_tickets_eu')!.partitionBound = "FOR VALUES IN ('de')";
      }),
    );
    expect(describeCatalogDifferences(catalog, moved)).toEqual([
      `table "app.tickets_eu": is a partition of app.tickets FOR VALUES IN ('de') in the database, a partition of app.tickets FOR VALUES IN ('eu') expected`,
    ]);
  });
});

describe('partitions in the plan', () => {
  it('creates each parent before its partitions and drops them first', () => {
    const d = partitionsDesign();
    const ops = expectRoundTrip({ ...d, tables: [] }, d);
    expect(kinds(ops)).toEqual([
      'create_schema',
      'create_table devices',
      'create_table readings',
      'create_index readings',
      'create_table readings_2026',
      'create_table readings_other',
      'create_table app.tickets',
      'create_table app.tickets_eu',
      'create_table app.tickets_am',
      'create_table sessions',
      'create_table sessions_0',
      'create_table sessions_1',
    ]);
  });

  it('a new bound or parent detaches the partition and attaches it again, keeping its rows', () => {
    const before = partitionsDesign();
    const after = edited((d) => {
      d.tables.find((t) => t.id === 't_readings_2026')!.partitionBound =
        "FOR VALUES FROM ('2026-01-01') TO ('2028-01-01')";
      d.tables.find((t) => t.id === 't_readings_2026')!.name = 'readings_2026_27';
    });
    const ops = expectRoundTrip(before, after);
    expect(ops).toEqual([
      {
        kind: 'detach_partition',
        table: 'readings_2026',
        parent: 'readings',
        bound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
      },
      { kind: 'rename_table', from: 'readings_2026', to: 'readings_2026_27' },
      {
        kind: 'attach_partition',
        table: 'readings_2026_27',
        parent: 'readings',
        bound: "FOR VALUES FROM ('2026-01-01') TO ('2028-01-01')",
      },
    ]);
    expect(lintOperations(ops).map((f) => f.code)).toEqual([
      'detach-partition',
      'BC101',
      'attach-partition',
    ]);
  });

  it('a new partition key drops the table and its partitions and creates them again', () => {
    const before = partitionsDesign();
    const after = edited((d) => {
      d.tables.find((t) => t.id === 't_sessions')!.partitionBy = {
        strategy: 'HASH',
        key: 'HASH (user_id, token)',
      };
    });
    const ops = expectRoundTrip(before, after);
    expect(kinds(ops)).toEqual([
      'drop_table sessions_1',
      'drop_table sessions_0',
      'drop_table sessions',
      'create_table sessions',
      'create_table sessions_0',
      'create_table sessions_1',
    ]);
    expect(lintOperations(ops).map((f) => f.code)).toContain('drop-partition');
  });

  it('a column added to a parent is added once: Postgres gives it to the partitions', () => {
    const before = partitionsDesign();
    const after = edited((d) => {
      d.tables
        .find((t) => t.id === 't_tickets')!
        .columns.push({
          ...d.tables.find((t) => t.id === 't_tickets')!.columns[1]!,
          id: 'c_tickets_note',
          name: 'note',
          nullable: true,
        });
    });
    expect(kinds(expectRoundTrip(before, after))).toEqual(['add_column app.tickets']);
  });
});

describe('partition edits', () => {
  it('a deleted parent takes its partitions with it; key and bound are set as typed', () => {
    const d = partitionsDesign();
    expect(deleteTable(d, 't_readings').tables.map((t) => t.id)).toEqual([
      't_devices',
      't_tickets',
      't_tickets_eu',
      't_tickets_am',
      't_sessions',
      't_sessions_0',
      't_sessions_1',
    ]);
    const keyed = setPartitionKey(d, 't_devices', ' list (id) ');
    expect(keyed.tables[0]!.partitionBy).toEqual({ strategy: 'LIST', key: 'list (id)' });
    expect(toCatalog(keyed).tables.find((t) => t.name === 'devices')!.partitionBy).toBe(
      'LIST (id)',
    );
    expect(setPartitionKey(keyed, 't_devices', '').tables[0]).not.toHaveProperty('partitionBy');
    const bound = setPartitionBound(d, 't_tickets_eu', "FOR VALUES IN ('eu', 'uk')");
    expect(bound.tables.find((t) => t.id === 't_tickets_eu')!.partitionBound).toBe(
      "FOR VALUES IN ('eu', 'uk')",
    );
    expect(setPartitionBound(d, 't_devices', 'DEFAULT')).toBe(d);
  });
});

describe('a renamed key column', () => {
  it('renames the column in the key: the table keeps its rows, and the edit keeps the design valid', () => {
    const before = partitionsDesign();
    const after = updateColumn(before, 't_tickets', 'c_tickets_region', { name: 'Area' });
    expect(after.tables.find((t) => t.id === 't_tickets')!.partitionBy!.key).toBe('LIST ("Area")');
    expect(validateDesign(after).problems).toEqual([]);
    const ops = expectRoundTrip(before, after);
    expect(kinds(ops)).toEqual(['alter_column app.tickets']);
    expect(toCatalog(after).tables.find((t) => t.name === 'app.tickets')!.partitionBy).toBe(
      'LIST ("Area")',
    );
  });
});
