import { describe, expect, it } from 'vitest';
import { PARTITION_LINE_HEIGHT, tableBoxHeight, tableHeight } from './table-size';

describe('a table node is as tall as what it draws', () => {
  it('adds the partition line under the rows of a partitioned table and of a partition', () => {
    const columns = [{}, {}, {}] as never[];
    expect(tableBoxHeight({ columns })).toBe(tableHeight(3));
    expect(tableBoxHeight({ columns, partitionBy: { strategy: 'RANGE', key: 'RANGE (at)' } })).toBe(
      tableHeight(3) + PARTITION_LINE_HEIGHT,
    );
    expect(tableBoxHeight({ columns: [], partitionOf: 't1' })).toBe(
      tableHeight(0) + PARTITION_LINE_HEIGHT,
    );
  });
});
