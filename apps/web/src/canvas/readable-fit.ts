/**
 * What "fit view" fits: every table when they all fit at a readable zoom; otherwise the most
 * connected part of the schema that does: the largest group of tables joined by foreign
 * keys, else its most referenced table with its neighbours, else that table alone. So a
 * 1000-table design opens on tables one can read, not on a grey carpet; people zoom out
 * from there.
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
  const pick = (ids: Iterable<string>) =>
    [...ids].map((id) => byId.get(id)).filter((n): n is N => n !== undefined);

  const largest = connectedComponents(design.tables)[0] ?? [];
  const group = pick(largest.map((t) => t.id));
  if (group.length > 0 && fits(group)) return { nodes: group };

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
  if (!hub) return { nodes: pick([nodes[0]!.id]), maxZoom: options.minZoom };
  const around = pick([hub, ...(neighbours.get(hub) ?? [])]);
  if (fits(around)) return { nodes: around };
  return { nodes: pick([hub]), maxZoom: options.minZoom };
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
