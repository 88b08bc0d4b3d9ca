/**
 * The design after an import, laid out: a new design is laid out whole; merged tables are
 * laid out among themselves and the block is put right of every table already drawn, on
 * canvas nobody uses, so nothing the person placed moves. Without layout, SQL keeps the grid
 * its import gives (DBML has no positions, so it is laid out anyway).
 */
import {
  applyLayout,
  type Design,
  mergeImportedDesign,
  type Position,
  replaceWithImported,
  type Table,
} from '@retort/core';
import { TABLE_WIDTH } from '../canvas/table-size';
import { autoLayout } from '../layout';

export type ImportMode = 'merge' | 'replace';

/** Room left between what was drawn and the imported block. */
const GAP = 240;

export interface PlacedImport {
  design: Design;
  /** The imported tables' ids in the resulting design. */
  tableIds: string[];
}

/**
 * Positions for `tables`: auto-layout when `layout`, else the positions they came with (the
 * grid `retort import --sql` writes); tables without one are laid out either way.
 */
async function positionsFor(
  design: Design,
  tables: readonly Table[],
  layout: boolean,
): Promise<Record<string, Position>> {
  const kept = layout ? [] : tables.filter((t) => t.position !== null);
  const rest = layout ? tables : tables.filter((t) => t.position === null);
  const positions: Record<string, Position> = Object.fromEntries(
    kept.map((t) => [t.id, t.position!]),
  );
  if (rest.length > 0) {
    const laid = await autoLayout(design, rest);
    // Laid-out tables go below the ones that kept their place.
    const below = kept.length > 0 ? Math.max(...kept.map((t) => t.position!.y)) + 600 : 0;
    for (const [id, p] of Object.entries(laid)) positions[id] = { x: p.x, y: p.y + below };
  }
  return positions;
}

export async function placeImport(
  current: Design,
  imported: Design,
  mode: ImportMode,
  layout = true,
): Promise<PlacedImport> {
  if (mode === 'replace') {
    const design = replaceWithImported(current, imported);
    return {
      design: applyLayout(design, await positionsFor(design, design.tables, layout)),
      tableIds: design.tables.map((t) => t.id),
    };
  }
  const merged = mergeImportedDesign(current, imported);
  const added = new Set(merged.tableIds);
  const positions = await positionsFor(
    merged.design,
    merged.design.tables.filter((t) => added.has(t.id)),
    layout,
  );
  const drawn = current.tables.flatMap((t) => (t.position ? [t] : []));
  const placed = Object.values(positions);
  if (drawn.length > 0 && placed.length > 0) {
    const right = Math.max(...drawn.map((t) => t.position!.x + TABLE_WIDTH));
    const top = Math.min(...drawn.map((t) => t.position!.y));
    const left = Math.min(...placed.map((p) => p.x));
    const high = Math.min(...placed.map((p) => p.y));
    const shift: Position = { x: right + GAP - left, y: top - high };
    for (const id of Object.keys(positions)) {
      const p = positions[id]!;
      positions[id] = { x: p.x + shift.x, y: p.y + shift.y };
    }
  }
  return { design: applyLayout(merged.design, positions), tableIds: merged.tableIds };
}

/** DBML when the text reads like it (a `Table x {` or `Enum x {` block), else SQL. */
export function guessFormat(text: string, fileName = ''): 'sql' | 'dbml' {
  if (/\.dbml$/i.test(fileName)) return 'dbml';
  if (/\.sql$/i.test(fileName)) return 'sql';
  return /^\s*(Table|Enum|Project|Ref)\b[^\n(]*[{:]/im.test(text) && !/^\s*CREATE\s/im.test(text)
    ? 'dbml'
    : 'sql';
}

/** The summary a preview starts with: tables, enums and columns the import adds. */
export function importCounts(design: Design): { tables: number; enums: number; columns: number } {
  return {
    tables: design.tables.length,
    enums: design.enums.length,
    columns: design.tables.reduce((n, t) => n + t.columns.length, 0),
  };
}
