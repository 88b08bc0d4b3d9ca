/**
 * Auto-layout: each group of tables joined by foreign keys (see `connected-components.ts`)
 * is laid out on its own with elkjs' layered algorithm, left to right, with orthogonal edge
 * routing: a table that references another is placed to its left, so each foreign-key edge
 * runs from a row's right-hand handle to the referenced row's left-hand handle. Hub tables, that a good part of the schema references
 * (users, organisations), join no group: they would pull every group into one column a
 * hundred tables tall. They come first, in a row, and the groups are then packed in rows,
 * largest first, into a rectangle about as wide as a screen is, relative to its height; the tables
 * without any foreign key end up as a compact grid at the end. Node sizes follow the drawn
 * size of each table. Views and materialized views are placed after the tables, beside what
 * they read (`place-views.ts`).
 */
import type { Design, Position, Table } from '@retort/core';
import type { ELK as ElkApi, ElkNode } from 'elkjs/lib/elk-api';
import { GRID_SIZE, TABLE_WIDTH, tableBoxHeight } from '../canvas/table-size';
import { connectedComponents } from './connected-components';
import { placeViews } from './place-views';

// elkjs is over a megabyte: it is loaded the first time a layout is needed, not with the app.
let elk: Promise<ElkApi> | null = null;
function loadElk(): Promise<ElkApi> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk;
}

const NODE_SPACING = 48;
const LAYER_SPACING = 112;
const GROUP_SPACING = 128;
/** A group of more tables than this is laid out with the cheaper options. */
const LARGE_GROUP = 120;
/** Width over height of the packed groups: a landscape screen. */
const ASPECT = 1.6;

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': String(NODE_SPACING),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_SPACING),
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.separateConnectedComponents': 'false',
};

interface PlacedGroup {
  positions: Record<string, Position>;
  width: number;
  height: number;
}

/**
 * Positions for every table and view of the design, keyed by id; given `tables`, for those
 * tables only.
 */
export async function autoLayout(
  design: Design,
  tables?: readonly Table[],
): Promise<Record<string, Position>> {
  const positions = await layoutTables(tables ?? design.tables);
  if (tables !== undefined) return positions;
  return { ...positions, ...placeViews(design, positions, { all: true }) };
}

async function layoutTables(tables: readonly Table[]): Promise<Record<string, Position>> {
  if (tables.length === 0) return {};
  const hubs = hubTables(tables);
  const groups = connectedComponents(tables, hubs);
  const linked = groups.filter((g) => g.length > 1);
  const alone = groups.filter((g) => g.length === 1 && !hubs.has(g[0]!.id)).map((g) => g[0]!);
  const placed = await Promise.all(linked.map((group) => layoutGroup(group)));
  if (hubs.size > 0)
    placed.unshift(
      gridOf(
        tables.filter((t) => hubs.has(t.id)),
        1 / 0,
      ),
    );
  if (alone.length > 0) placed.push(gridOf(alone));
  return pack(placed);
}

/** Tables referenced from more than a few tables and from more than √n of them. */
function hubTables(tables: readonly Table[]): Set<string> {
  const referencedBy = new Map<string, Set<string>>();
  for (const table of tables) {
    for (const fk of table.foreignKeys) {
      if (fk.references.table === table.id) continue;
      const from = referencedBy.get(fk.references.table) ?? new Set<string>();
      from.add(table.id);
      referencedBy.set(fk.references.table, from);
    }
  }
  const threshold = Math.max(8, Math.sqrt(tables.length));
  return new Set([...referencedBy].filter(([, from]) => from.size > threshold).map(([id]) => id));
}

async function layoutGroup(tables: Table[]): Promise<PlacedGroup> {
  const included = new Set(tables.map((t) => t.id));
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  for (const table of tables) {
    for (const fk of table.foreignKeys) {
      const target = fk.references.table;
      if (target === table.id || !included.has(target)) continue;
      edges.push({ id: `${table.id}:${fk.id}`, sources: [table.id], targets: [target] });
    }
  }
  // Network simplex layering makes few, tall layers of a large group; the min-width
  // heuristic spreads it over more layers, closer to the shape of a screen. Keeping the
  // model's order as well costs minutes on a group of hundreds of tables (a 300-table tree:
  // 7.2 s with it, 2 s without; 1000 tables: over 5 minutes, 10 s), so a large group gives
  // up that order and tries one width bound instead of several.
  const layoutOptions =
    tables.length > LARGE_GROUP
      ? {
          ...LAYOUT_OPTIONS,
          'elk.layered.layering.strategy': 'MIN_WIDTH',
          'elk.layered.considerModelOrder.strategy': 'NONE',
          'elk.layered.layering.minWidth.upperBoundOnWidth': '4',
          'elk.layered.layering.minWidth.upperLayerEstimationScalingFactor': '2',
        }
      : tables.length > 16
        ? { ...LAYOUT_OPTIONS, 'elk.layered.layering.strategy': 'MIN_WIDTH' }
        : LAYOUT_OPTIONS;
  const graph: ElkNode = await (await loadElk()).layout({
    id: 'group',
    layoutOptions,
    children: tables.map((t) => ({
      id: t.id,
      width: TABLE_WIDTH,
      height: tableBoxHeight(t),
    })),
    edges,
  });
  const positions: Record<string, Position> = {};
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  for (const child of graph.children ?? []) {
    minX = Math.min(minX, child.x ?? 0);
    minY = Math.min(minY, child.y ?? 0);
  }
  let width = 0;
  let height = 0;
  for (const child of graph.children ?? []) {
    const x = (child.x ?? 0) - minX;
    const y = (child.y ?? 0) - minY;
    positions[child.id] = { x, y };
    width = Math.max(width, x + (child.width ?? TABLE_WIDTH));
    height = Math.max(height, y + (child.height ?? 0));
  }
  return { positions, width, height };
}

/** Tables in rows of equal count, shaped like the screen (or `aspect`: one row for Infinity). */
function gridOf(tables: Table[], aspect = ASPECT): PlacedGroup {
  const tallest = Math.max(...tables.map((t) => tableBoxHeight(t)));
  const columns = Math.min(
    tables.length,
    Math.max(
      1,
      Math.round(
        Math.sqrt(
          (tables.length * aspect * (tallest + NODE_SPACING)) / (TABLE_WIDTH + NODE_SPACING),
        ),
      ),
    ),
  );
  const positions: Record<string, Position> = {};
  let width = 0;
  let height = 0;
  tables.forEach((table, i) => {
    const x = (i % columns) * (TABLE_WIDTH + NODE_SPACING);
    const y = Math.floor(i / columns) * (tallest + NODE_SPACING);
    positions[table.id] = { x, y };
    width = Math.max(width, x + TABLE_WIDTH);
    height = Math.max(height, y + tableBoxHeight(table));
  });
  return { positions, width, height };
}

/**
 * Shelf packing, in the given order (largest group first): rows no wider than the widest
 * group or the width that makes the whole about ASPECT times as wide as it is high.
 */
function pack(groups: PlacedGroup[]): Record<string, Position> {
  const area = groups.reduce(
    (sum, g) => sum + (g.width + GROUP_SPACING) * (g.height + GROUP_SPACING),
    0,
  );
  const rowWidth = Math.max(...groups.map((g) => g.width), Math.sqrt(area * ASPECT));
  const positions: Record<string, Position> = {};
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const group of groups) {
    if (x > 0 && x + group.width > rowWidth) {
      x = 0;
      y += rowHeight + GROUP_SPACING;
      rowHeight = 0;
    }
    for (const [id, p] of Object.entries(group.positions)) {
      positions[id] = { x: snap(x + p.x), y: snap(y + p.y) };
    }
    x += group.width + GROUP_SPACING;
    rowHeight = Math.max(rowHeight, group.height);
  }
  return positions;
}

/**
 * Positions for the tables and views that have none, or `null` when every one has one. When
 * some tables are placed already, the new ones are laid out among themselves below them; views
 * go beside what they read.
 */
export async function layoutMissingPositions(
  design: Design,
): Promise<Record<string, Position> | null> {
  const tables = await missingTablePositions(design);
  const views = placeViews(design, tables ?? {});
  if (tables === null && Object.keys(views).length === 0) return null;
  return { ...tables, ...views };
}

/** Whether a table or view waits for a position; the canvas asks on every design change. */
export function hasMissingPositions(design: Design): boolean {
  return (
    design.tables.some((t) => !t.position) ||
    (design.objects?.some(
      (o) => (o.kind === 'view' || o.kind === 'materialized_view') && !o.position,
    ) ??
      false)
  );
}

async function missingTablePositions(design: Design): Promise<Record<string, Position> | null> {
  const missing = design.tables.filter((t) => !t.position);
  if (missing.length === 0) return null;
  const placed = design.tables.filter((t) => t.position);
  const positions = await autoLayout(design, missing);
  if (placed.length === 0) return positions;
  const left = Math.min(...placed.map((t) => t.position!.x));
  const bottom = Math.max(...placed.map((t) => t.position!.y + tableBoxHeight(t)));
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
