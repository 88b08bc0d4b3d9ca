/**
 * The size of a table node, shared by the canvas (CSS in `styles/canvas.css` uses the same
 * numbers) and auto-layout, so the layout leaves room for what is actually drawn.
 */
import type { Table } from '@retort/core';

export const TABLE_WIDTH = 280;
export const TABLE_HEADER_HEIGHT = 36;
export const COLUMN_ROW_HEIGHT = 28;
export const GRID_SIZE = 16;
/** Handle box (9px + 1px border each side) and its offset outside the node's edge. */
export const HANDLE_SIZE = 11;
const HANDLE_LEFT_X = -9.5;
const HANDLE_RIGHT_X = TABLE_WIDTH - 1.5;
const FIRST_HANDLE_Y = 1 + TABLE_HEADER_HEIGHT + (COLUMN_ROW_HEIGHT - 1) / 2 - HANDLE_SIZE / 2;

/** The box of row `index`'s handle on the `side` edge, relative to the node's top left. */
export function handleBox(index: number, side: 'left' | 'right'): { x: number; y: number } {
  return {
    x: side === 'left' ? HANDLE_LEFT_X : HANDLE_RIGHT_X,
    y: FIRST_HANDLE_Y + index * COLUMN_ROW_HEIGHT,
  };
}

export function tableHeight(columnCount: number): number {
  return TABLE_HEADER_HEIGHT + Math.max(1, columnCount) * COLUMN_ROW_HEIGHT + 2;
}

/** The line under the rows that says a table is partitioned, or a partition of which. */
export const PARTITION_LINE_HEIGHT = 20;

/** A table node's height: its rows, and its partition line when it has one. */
export function tableBoxHeight(
  table: Pick<Table, 'columns' | 'partitionOf' | 'partitionBy'>,
): number {
  const partitionLine =
    table.partitionOf !== undefined || table.partitionBy ? PARTITION_LINE_HEIGHT : 0;
  return tableHeight(table.columns.length) + partitionLine;
}

/** A view or materialized view on the canvas: its name and schema, and a badge of its kind. */
export const VIEW_WIDTH = 240;
export const VIEW_HEIGHT = 64;
