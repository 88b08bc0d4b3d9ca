/**
 * Edits of what the canvas keeps beside the schema (see `canvas-data.ts`): table colours,
 * notes and subject areas. Like every edit, one that changes nothing returns the design.
 */
import { canvasOf, NOTE_SIZE } from '../canvas-data';
import { designIds } from '../ids';
import type { CanvasData, CanvasNote, Design, Position, SubjectArea } from '../types';
import { newId } from './new-id';
import { moveObjects } from './object-edits';

export type NotePatch = Partial<Omit<CanvasNote, 'id'>>;
export type AreaPatch = Partial<Omit<SubjectArea, 'id'>>;

/** Sets a table's header colour; null takes it back to the theme's. */
export function setTableColor(design: Design, tableId: string, color: string | null): Design {
  const table = design.tables.find((t) => t.id === tableId);
  if (!table || (table.color ?? null) === color) return design;
  const { color: _old, ...rest } = table;
  const next = color === null ? rest : { ...rest, color };
  return { ...design, tables: design.tables.map((t) => (t.id === tableId ? next : t)) };
}

function withCanvas(design: Design, canvas: CanvasData): Design {
  return { ...design, canvas };
}

function allIds(design: Design): Set<string> {
  const ids = designIds(design);
  const canvas = canvasOf(design);
  for (const item of [...canvas.notes, ...canvas.areas]) ids.add(item.id);
  return ids;
}

const rounded = (p: Position): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });

export function addNote(
  design: Design,
  position: Position,
  text = '',
): { design: Design; noteId: string } {
  const noteId = newId('n', allIds(design));
  const canvas = canvasOf(design);
  const note: CanvasNote = { id: noteId, text, position: rounded(position), ...NOTE_SIZE };
  return { design: withCanvas(design, { ...canvas, notes: [...canvas.notes, note] }), noteId };
}

export function updateNote(design: Design, noteId: string, patch: NotePatch): Design {
  const canvas = canvasOf(design);
  const notes = patchList(canvas.notes, noteId, patch);
  return notes === canvas.notes ? design : withCanvas(design, { ...canvas, notes });
}

export function deleteNote(design: Design, noteId: string): Design {
  const canvas = canvasOf(design);
  if (!canvas.notes.some((n) => n.id === noteId)) return design;
  return withCanvas(design, { ...canvas, notes: canvas.notes.filter((n) => n.id !== noteId) });
}

export function addArea(
  design: Design,
  box: { position: Position; width: number; height: number },
  name: string,
  color: string,
): { design: Design; areaId: string } {
  const areaId = newId('a', allIds(design));
  const canvas = canvasOf(design);
  const area: SubjectArea = {
    id: areaId,
    name,
    color,
    position: rounded(box.position),
    width: Math.round(box.width),
    height: Math.round(box.height),
  };
  return { design: withCanvas(design, { ...canvas, areas: [...canvas.areas, area] }), areaId };
}

export function updateArea(design: Design, areaId: string, patch: AreaPatch): Design {
  const canvas = canvasOf(design);
  const areas = patchList(canvas.areas, areaId, patch);
  return areas === canvas.areas ? design : withCanvas(design, { ...canvas, areas });
}

export function deleteArea(design: Design, areaId: string): Design {
  const canvas = canvasOf(design);
  if (!canvas.areas.some((a) => a.id === areaId)) return design;
  return withCanvas(design, { ...canvas, areas: canvas.areas.filter((a) => a.id !== areaId) });
}

/** New positions of tables, views, notes and areas at once (an area dragged with what it holds). */
export function moveCanvasItems(design: Design, positions: Record<string, Position>): Design {
  let next = moveObjects(design, positions);
  const tables = design.tables.map((t) => {
    const p = positions[t.id];
    if (!p) return t;
    const position = rounded(p);
    return t.position?.x === position.x && t.position.y === position.y ? t : { ...t, position };
  });
  if (tables.some((t, i) => t !== design.tables[i])) next = { ...next, tables };

  const canvas = canvasOf(design);
  const move = <T extends { id: string; position: Position }>(items: T[]): T[] => {
    const moved = items.map((item) => {
      const p = positions[item.id];
      if (!p) return item;
      const position = rounded(p);
      return item.position.x === position.x && item.position.y === position.y
        ? item
        : { ...item, position };
    });
    return moved.some((item, i) => item !== items[i]) ? moved : items;
  };
  const notes = move(canvas.notes);
  const areas = move(canvas.areas);
  if (notes !== canvas.notes || areas !== canvas.areas) next = withCanvas(next, { notes, areas });
  return next;
}

function patchList<T extends { id: string; position: Position }>(
  items: T[],
  id: string,
  patch: Partial<Omit<T, 'id'>>,
): T[] {
  let changed = false;
  const next = items.map((item) => {
    if (item.id !== id) return item;
    const given = patch as Partial<T>;
    const keys = (Object.keys(given) as (keyof T)[]).filter((k) => given[k] !== undefined);
    if (!keys.some((k) => JSON.stringify(item[k]) !== JSON.stringify(given[k]))) return item;
    changed = true;
    const merged: T = { ...item, ...given };
    return given.position ? { ...merged, position: rounded(given.position) } : merged;
  });
  return changed ? next : items;
}
