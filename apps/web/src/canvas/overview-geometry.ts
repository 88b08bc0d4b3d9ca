/**
 * What the overview (`Overview.tsx`) draws: the nodes' outlines as one path, and the frame of
 * the view within the nodes' bounds. Pure: derived from React Flow's state alone.
 */
import type { Node, ReactFlowState } from '@xyflow/react';

/** The overview's size on screen, in pixels. */
export const WIDTH = 200;
export const HEIGHT = 150;
/** Space around the content, in overview pixels (React Flow's MiniMap uses the same). */
export const OFFSET_SCALE = 5;
const RADIUS = 6;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Frame {
  /** What the view shows, in design coordinates. */
  view: Box;
  /** The nodes' bounds together with the view. */
  bounds: Box;
}

const sameBox = (a: Box, b: Box) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export const sameFrame = (a: Frame, b: Frame) =>
  sameBox(a.view, b.view) && sameBox(a.bounds, b.bounds);

// A pan asks for the frame every frame; the nodes' bounds change only with the node array.
const boundsOfNodes = new WeakMap<Node[], Box | null>();

function nodesBounds(nodes: Node[]): Box | null {
  const known = boundsOfNodes.get(nodes);
  if (known !== undefined) return known;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    const size = sizeOf(node);
    if (!size) continue;
    x0 = Math.min(x0, node.position.x);
    y0 = Math.min(y0, node.position.y);
    x1 = Math.max(x1, node.position.x + size.width);
    y1 = Math.max(y1, node.position.y + size.height);
  }
  const bounds = x0 <= x1 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
  boundsOfNodes.set(nodes, bounds);
  return bounds;
}

/** A node's size once known; hidden and unmeasured nodes are not drawn. */
function sizeOf(node: Node): { width: number; height: number } | null {
  if (node.hidden) return null;
  const width = node.measured?.width ?? node.width ?? node.initialWidth;
  const height = node.measured?.height ?? node.height ?? node.initialHeight;
  return width && height ? { width, height } : null;
}

export function frameOf(
  s: Pick<ReactFlowState, 'transform' | 'width' | 'height' | 'nodes'>,
): Frame {
  const [tx, ty, zoom] = s.transform;
  const view = { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom };
  const nodes = nodesBounds(s.nodes);
  if (!nodes) return { view, bounds: view };
  const x = Math.min(nodes.x, view.x);
  const y = Math.min(nodes.y, view.y);
  return {
    view,
    bounds: {
      x,
      y,
      width: Math.max(nodes.x + nodes.width, view.x + view.width) - x,
      height: Math.max(nodes.y + nodes.height, view.y + view.height) - y,
    },
  };
}

/** One rounded rectangle per node, in design coordinates: the unselected, and the selected. */
export function outlines(nodes: readonly Node[]): { plain: string; selected: string } {
  let plain = '';
  let selected = '';
  for (const node of nodes) {
    const size = sizeOf(node);
    if (!size) continue;
    const { x, y } = node.position;
    const r = Math.min(RADIUS, size.width / 2, size.height / 2);
    const w = size.width - 2 * r;
    const h = size.height - 2 * r;
    const d = `M${x + r},${y}h${w}a${r},${r} 0 0 1 ${r},${r}v${h}a${r},${r} 0 0 1 ${-r},${r}h${-w}a${r},${r} 0 0 1 ${-r},${-r}v${-h}a${r},${r} 0 0 1 ${r},${-r}z`;
    if (node.selected) selected += d;
    else plain += d;
  }
  return { plain, selected };
}
