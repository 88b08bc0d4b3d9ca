/**
 * Table colours, notes and subject areas are drawing only: they survive reading, are
 * checked, and never make the diff find anything (so never a revision).
 */
import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { diff } from '../diff/diff';
import {
  addArea,
  addNote,
  deleteNote,
  moveCanvasItems,
  setTableColor,
  updateArea,
  updateNote,
} from './edits';
import { parseDesign } from './parse';
import type { Design } from './types';
import { validateDesign } from './validate';

function organised(design: Design): Design {
  let next = setTableColor(design, design.tables[0]!.id, '#f97316');
  const note = addNote(next, { x: 10.4, y: -20 }, 'Orders are never deleted.');
  next = note.design;
  next = addArea(
    next,
    { position: { x: -40, y: -60 }, width: 900, height: 500 },
    'Sales',
    '#22c55e',
  ).design;
  return next;
}

describe('canvas data', () => {
  const shop = loadShopDesign();

  it('is absent from a design that has none, so older files and hashes stay the same', () => {
    expect('canvas' in shop).toBe(false);
    expect(shop.tables.some((t) => 'color' in t)).toBe(false);
  });

  it('survives writing and reading design.json', () => {
    const design = organised(shop);
    const read = parseDesign(JSON.stringify(design));
    expect(read.tables[0]!.color).toBe('#f97316');
    expect(read.canvas?.notes).toEqual([
      expect.objectContaining({ text: 'Orders are never deleted.', position: { x: 10, y: -20 } }),
    ]);
    expect(read.canvas?.areas).toEqual([
      expect.objectContaining({ name: 'Sales', color: '#22c55e', width: 900, height: 500 }),
    ]);
  });

  it('never makes the diff find a change, in either direction', () => {
    const design = organised(shop);
    expect(diff(shop, design)).toEqual([]);
    expect(diff(design, shop)).toEqual([]);
    const moved = moveCanvasItems(design, {
      [design.canvas!.areas[0]!.id]: { x: 100, y: 100 },
      [design.tables[1]!.id]: { x: 700, y: 300 },
    });
    expect(diff(design, moved)).toEqual([]);
  });

  it('does not change the operations of a real schema change', () => {
    const renamed = structuredClone(shop);
    renamed.tables[0]!.name = 'members';
    renamed.tables[1]!.columns[1]!.type = 'TEXT';
    expect(diff(organised(shop), renamed)).toEqual(diff(shop, renamed));
    expect(diff(shop, organised(renamed))).toEqual(diff(shop, renamed));
  });

  it('reports a bad colour, a tiny area and a reused id, each at its place', () => {
    const design = organised(shop);
    const bad = structuredClone(design) as unknown as {
      tables: { color?: unknown }[];
      canvas: { notes: { id: string }[]; areas: { width: number; color: string }[] };
    };
    bad.tables[1]!.color = 'orange';
    bad.canvas.areas[0]!.width = 10;
    bad.canvas.areas[0]!.color = '#12';
    bad.canvas.notes[0]!.id = shop.tables[0]!.id;
    const problems = validateDesign(bad)
      .problems.map((p) => p.path)
      .sort();
    expect(problems).toEqual([
      'canvas.areas[0].color',
      'canvas.areas[0].width',
      'canvas.notes[0].id',
      'tables[1].color',
    ]);
    expect(
      validateDesign({ ...bad, canvas: { notes: [{ id: 'n1' }] } }).problems.map((p) => p.path),
    ).toEqual(expect.arrayContaining(['canvas.notes[0].text', 'canvas.notes[0].position']));
  });

  it('edits that change nothing return the same design', () => {
    const design = organised(shop);
    const noteId = design.canvas!.notes[0]!.id;
    const areaId = design.canvas!.areas[0]!.id;
    expect(setTableColor(design, design.tables[0]!.id, '#f97316')).toBe(design);
    expect(updateNote(design, noteId, { text: 'Orders are never deleted.' })).toBe(design);
    expect(updateArea(design, areaId, { name: 'Sales' })).toBe(design);
    expect(moveCanvasItems(design, {})).toBe(design);
    expect(deleteNote(design, 'n_missing')).toBe(design);
    const plain = setTableColor(design, design.tables[0]!.id, null);
    expect('color' in plain.tables[0]!).toBe(false);
  });
});
