/**
 * What design.json keeps for the canvas beside the schema: a colour per table, notes, and
 * subject areas (named, coloured regions). Drawing only: the catalog, the diff and so the
 * revisions never read it, so editing it never produces a revision.
 *
 * The fields are optional and stay absent until used (a table without a colour has no
 * `color`, a design without notes or areas no `canvas`), so files and revision hashes
 * written before they existed read and hash the same.
 */
import type { Problem } from '../errors';
import type { CanvasData, Design } from './types';

export const NOTE_SIZE = { width: 220, height: 120 };
export const AREA_COLOR = '#3b82f6';
/** The smallest note or area, so each keeps room for its title and its resize handles. */
export const MIN_CANVAS_ITEM = { width: 80, height: 48 };
const COLOR = /^#[0-9a-f]{6}$/i;
const MAX_NOTE_TEXT = 10_000;

export function isCanvasColor(value: string): boolean {
  return COLOR.test(value);
}

/** The notes and areas of a design; none when it has no `canvas`. */
export function canvasOf(design: Design): CanvasData {
  return design.canvas ?? { notes: [], areas: [] };
}

/** What Postgres cannot object to but the canvas can: colours, sizes, note length, ids. */
export function checkCanvasData(
  design: Design,
  claimId: (id: string, path: string) => void,
): Problem[] {
  const problems: Problem[] = [];
  const colour = (value: string | undefined, path: string) => {
    if (value !== undefined && !isCanvasColor(value)) {
      problems.push({
        path,
        message: `must be a colour as #rrggbb (e.g. "#3b82f6"), not ${JSON.stringify(value)}.`,
      });
    }
  };
  const size = (item: { width: number; height: number }, path: string) => {
    for (const key of ['width', 'height'] as const) {
      if (!(item[key] >= MIN_CANVAS_ITEM[key])) {
        problems.push({
          path: `${path}.${key}`,
          message: `must be at least ${MIN_CANVAS_ITEM[key]}.`,
        });
      }
    }
  };
  design.tables.forEach((table, t) => {
    colour(table.color, `tables[${t}].color`);
  });
  const canvas = canvasOf(design);
  canvas.notes.forEach((note, i) => {
    const path = `canvas.notes[${i}]`;
    claimId(note.id, path);
    size(note, path);
    if (note.text.length > MAX_NOTE_TEXT) {
      problems.push({
        path: `${path}.text`,
        message: `is ${note.text.length} characters long; a note holds at most ${MAX_NOTE_TEXT}.`,
      });
    }
  });
  canvas.areas.forEach((area, i) => {
    const path = `canvas.areas[${i}]`;
    claimId(area.id, path);
    size(area, path);
    colour(area.color, `${path}.color`);
  });
  return problems;
}
