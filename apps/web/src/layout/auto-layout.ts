/**
 * Auto-layout with elkjs' layered algorithm, left to right: a table that references another
 * is placed to its left, so each foreign-key edge runs from a row's right-hand handle to the
 * referenced row's left-hand handle. Node sizes follow the drawn size of each table.
 */
import type { Design, Position, Table } from '@retort/core';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api';
import { GRID_SIZE, TABLE_WIDTH, tableHeight } from '../canvas/table-size';

// elkjs is over a megabyte: it is loaded the first time a layout is needed, not with the app.
let elk: Promise<ElkApi> | null = null;
function loadElk(): Promise<ElkApi> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk;
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '112',
  'elk.spacing.componentComponent': '96',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** Positions for every table of the design (or only `tables`), keyed by table id. */
export async function autoLayout(
  design: Design,
  tables: readonly Table[] = design.tables,
): Promise<Record<string, Position>> {
  if (tables.length === 0) return {};
  const included = new Set(tables.map((t) => t.id));
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  for (const table of tables) {
    for (const fk of table.foreignKeys) {
      const target = fk.references.table;
      if (target === table.id || !included.has(target)) continue;
      edges.push({ id: `${table.id}:${fk.id}`, sources: [table.id], targets: [target] });
    }
  }
  const graph = await (await loadElk()).layout({
    id: 'design',
    layoutOptions: LAYOUT_OPTIONS,
    children: tables.map((t) => ({
      id: t.id,
      width: TABLE_WIDTH,
      height: tableHeight(t.columns.length),
    })),
    edges,
  });
  const positions: Record<string, Position> = {};
  for (const child of graph.children ?? []) {
    positions[child.id] = { x: snap(child.x ?? 0), y: snap(child.y ?? 0) };
  }
  return positions;
}

/**
 * Positions for the tables that have none, or `null` when every table has one. When some
 * tables are placed already, the new ones are laid out among themselves below them.
 */
export async function layoutMissingPositions(
  design: Design,
): Promise<Record<string, Position> | null> {
  const missing = design.tables.filter((t) => !t.position);
  if (missing.length === 0) return null;
  const placed = design.tables.filter((t) => t.position);
  const positions = await autoLayout(design, missing);
  if (placed.length === 0) return positions;
  const left = Math.min(...placed.map((t) => t.position!.x));
  const bottom = Math.max(...placed.map((t) => t.position!.y + tableHeight(t.columns.length)));
  const top = snap(bottom + 96);
  for (const id of Object.keys(positions)) {
    const p = positions[id]!;
    positions[id] = { x: snap(left + p.x), y: top + p.y };
  }
  return positions;
}

function snap(value: number): number {
  return Math.round(value / GRID_SIZE) * GRID_SIZE;
}
