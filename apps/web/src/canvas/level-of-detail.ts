/**
 * How much of each table the canvas draws at a zoom. Zoomed out, text is too small to read
 * and every column row (with its connection handles, each a React Flow store subscriber)
 * costs time on every frame, so tables shrink to their names, then to plain blocks. A node
 * keeps its size at every level, so edges, the minimap and auto-layout never see a change.
 */
import { createContext } from 'react';

export type Detail = 'full' | 'title' | 'block';

/** At or above this zoom, tables show their columns. */
export const FULL_DETAIL_ZOOM = 0.45;
/** At or above this zoom (and below full detail), tables show their names. */
export const TITLE_ZOOM = 0.2;
/** Fitting the view never zooms out further than this: the columns stay readable. */
export const READABLE_ZOOM = 0.5;

export function detailAt(zoom: number): Detail {
  if (zoom >= FULL_DETAIL_ZOOM) return 'full';
  if (zoom >= TITLE_ZOOM) return 'title';
  return 'block';
}

/** The canvas' current level of detail, for the table nodes. */
export const DetailContext = createContext<Detail>('full');
