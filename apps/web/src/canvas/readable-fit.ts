/**
 * What "fit view" fits: every table when they all fit at a readable zoom; otherwise the most
 * connected part of the schema that does: the largest group of tables joined by foreign
 * keys, else its most referenced table with its neighbours, else the densest part of the
 * diagram: the view-sized window (at the readable zoom) that holds the most tables wholly.
 * So a 1000-table design opens on a screenful of tables one can read, not on a grey carpet
 * nor on one lonely hub; people zoom out from there.
 */
import type { Design } from '@retort/core';
import { getNodesBounds, type Node } from '@xyflow/react';
import { connectedComponents } from '../layout/connected-components';

export interface Fit<N> {
  /** The nodes to fit; undefined: all of them. */
  nodes?: N[];
  /** At most this zoom, so that one table is not blown up to fill the screen. */
  maxZoom?: number;
}

export function readableFit<N extends Node>(
  design: Design,
  nodes: N[],
  view: { width: number; height: number },
  options: { padding: number; minZoom: number },
): Fit<N> {
  if (nodes.length === 0 || view.width === 0 || view.height === 0) return {};
  const fits = (part: N[]) => {
    const bounds = getNodesBounds(part);
    const zoom = Math.min(
      view.width / (bounds.width * (1 + 2 * options.padding)),
      view.height / (bounds.height * (1 + 2 * options.padding)),
    );
    return zoom >= options.minZoom;
  };
  if (fits(nodes)) return {};
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const largest = connectedComponents(design.tables)[0] ?? [];
  const group = largest.map((t) => byId.get(t.id)).filter((n): n is N => n !== undefined);
  if (group.length > 0 && fits(group)) return { nodes: group };

  // The most referenced table with its neighbours, when they fit.
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = neighbours.get(a) ?? new Set<string>();
    set.add(b);
    neighbours.set(a, set);
  };
  for (const table of largest) {
    for (const fk of table.foreignKeys) {
      if (fk.references.table === table.id) continue;
      link(table.id, fk.references.table);
      link(fk.references.table, table.id);
    }
  }
  let hub: string | null = null;
  for (const [id, set] of neighbours) {
    if (!hub || set.size > (neighbours.get(hub)?.size ?? 0)) hub = id;
  }
  if (hub) {
    const around = [hub, ...(neighbours.get(hub) ?? [])]
      .map((id) => byId.get(id))
      .filter((n): n is N => n !== undefined);
    if (fits(around)) return { nodes: around };
  }

  const window = {
    width: view.width / ((1 + 2 * options.padding) * options.minZoom),
    height: view.height / ((1 + 2 * options.padding) * options.minZoom),
  };
  const densest = densestWindow(nodes, window);
  // At the readable zoom itself: the window was sized for it, and what lies around it shows.
  if (densest.length > 1) return { nodes: densest, maxZoom: options.minZoom };
  return { nodes: [densest[0] ?? nodes[0]!], maxZoom: options.minZoom };
}

interface Box {
  x: number;
  y: number;
  right: number;
  bottom: number;
}

/**
 * The nodes (areas aside: they are backgrounds) wholly inside the window of this size that
 * holds the most, among windows centred on a node or with a node in their top-left corner.
 * Quadratic, which is a few milliseconds for a thousand tables.
 */
export function densestWindow<N extends Node>(
  nodes: N[],
  window: { width: number; height: number },
): N[] {
  const items = nodes
    .filter((n) => n.type !== 'area')
    .map((node) => {
      const width = node.measured?.width ?? node.width ?? 0;
      const height = node.measured?.height ?? node.height ?? 0;
      const { x, y } = node.position;
      return { node, box: { x, y, right: x + width, bottom: y + height } };
    });
  const inside = (frame: Box) =>
    items.filter(
      ({ box }) =>
        box.x >= frame.x &&
        box.y >= frame.y &&
        box.right <= frame.right &&
        box.bottom <= frame.bottom,
    );
  let best: typeof items = [];
  for (const { box } of items) {
    const cx = (box.x + box.right) / 2;
    const cy = (box.y + box.bottom) / 2;
    const margin = 1;
    for (const frame of [
      {
        x: cx - window.width / 2,
        y: cy - window.height / 2,
        right: cx + window.width / 2,
        bottom: cy + window.height / 2,
      },
      {
        x: box.x - margin,
        y: box.y - margin,
        right: box.x - margin + window.width,
        bottom: box.y - margin + window.height,
      },
    ]) {
      const found = inside(frame);
      if (found.length > best.length) best = found;
    }
  }
  return best.map((item) => item.node);
}

/** Space kept free at each edge of the view, in pixels. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const paddingOf = (insets: Insets) =>
  ({
    top: `${insets.top}px`,
    right: `${insets.right}px`,
    bottom: `${insets.bottom}px`,
    left: `${insets.left}px`,
  }) as const;

/**
 * The readable fit inside the view less each choice of insets, and the choice that shows the
 * fitted tables largest (the first when they tie, e.g. both at the largest zoom).
 */
export function clearFit<N extends Node>(
  design: Design,
  nodes: N[],
  view: { width: number; height: number },
  choices: readonly Insets[],
  minZoom: number,
  maxZoom = 1,
): { fit: Fit<N>; insets: Insets } {
  let best: { fit: Fit<N>; insets: Insets; zoom: number } | null = null;
  for (const insets of choices) {
    const free = {
      width: Math.max(0, view.width - insets.left - insets.right),
      height: Math.max(0, view.height - insets.top - insets.bottom),
    };
    const fit = readableFit(design, nodes, free, { padding: 0, minZoom });
    const shown = fit.nodes ?? nodes;
    const bounds = shown.length > 0 ? getNodesBounds(shown) : null;
    const zoom = bounds
      ? Math.min(
          fit.maxZoom ?? maxZoom,
          maxZoom,
          free.width / Math.max(1, bounds.width),
          free.height / Math.max(1, bounds.height),
        )
      : 0;
    if (!best || zoom > best.zoom) best = { fit, insets, zoom };
  }
  return best ?? { fit: {}, insets: choices[0] ?? { top: 0, right: 0, bottom: 0, left: 0 } };
}
