import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Design } from '../types';
import { validateDesign } from '../validate';
import { setTableComment, updateColumn } from './edits';

const shopFile = fileURLToPath(
  new URL('../../../../../examples/shop/design.json', import.meta.url),
);
const shop = (): Design => validateDesign(JSON.parse(readFileSync(shopFile, 'utf8'))).design!;
const orders = (design: Design) => design.tables.find((t) => t.id === 't_orders')!;

describe('comments', () => {
  it('a table comment keeps no trailing newline or spaces', () => {
    const next = setTableComment(shop(), 't_orders', 'What was bought, and when.\n  \n');
    expect(orders(next).comment).toBe('What was bought, and when.');
  });

  it('a column comment keeps no trailing newline but keeps its inner lines', () => {
    const design = shop();
    const columnId = orders(design).columns[0]!.id;
    const next = updateColumn(design, 't_orders', columnId, { comment: 'First line\nsecond\r\n' });
    expect(orders(next).columns[0]!.comment).toBe('First line\nsecond');
  });

  it('a comment of only whitespace is no comment', () => {
    const design = shop();
    const columnId = orders(design).columns[0]!.id;
    expect(orders(setTableComment(design, 't_orders', ' \n')).comment).toBeNull();
    const next = updateColumn(design, 't_orders', columnId, { comment: '\n\n' });
    expect(orders(next).columns[0]!.comment).toBeNull();
  });
});
