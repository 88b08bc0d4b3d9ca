/**
 * A picture of the diagram, as people paste into docs and pull requests: html-to-image (what
 * React Flow's own "download image" example uses) draws React Flow's viewport element with a
 * transform that puts the chosen tables' bounds at the picture's origin. Only the chosen
 * tables and the edges between them are kept. The canvas first draws every table at full
 * detail in the chosen theme (see `Canvas`), since the live view draws only what is visible.
 */
import { getNodesBounds, type Rect } from '@xyflow/react';
import type { ForeignKeyFlowEdge, TableFlowNode } from './design-to-flow';

export type ImageFormat = 'png' | 'svg';
export type ImageTheme = 'light' | 'dark';

export interface ImageExportOptions {
  format: ImageFormat;
  theme: ImageTheme;
  /** Only the selected tables (and the foreign keys between them); else the whole diagram. */
  selectionOnly: boolean;
}

export interface DiagramImage {
  /** A data: URL (PNG) or the SVG document's text. */
  data: string;
  width: number;
  height: number;
}

/** Space around the tables, in diagram pixels. */
export const IMAGE_PADDING = 32;
/** PNGs are drawn at twice the size for sharp text, less when that would pass this side. */
const MAX_PNG_SIDE = 8192;

/** The picture's size in diagram pixels and the bounds it shows. */
export function imageFrame(nodes: readonly TableFlowNode[]): {
  bounds: Rect;
  width: number;
  height: number;
} {
  const bounds = getNodesBounds([...nodes]);
  return {
    bounds,
    width: Math.ceil(bounds.width + 2 * IMAGE_PADDING),
    height: Math.ceil(bounds.height + 2 * IMAGE_PADDING),
  };
}

export function pngPixelRatio(width: number, height: number): number {
  return Math.min(2, MAX_PNG_SIDE / Math.max(width, height));
}

export async function drawDiagram(
  viewport: HTMLElement,
  nodes: readonly TableFlowNode[],
  edges: readonly ForeignKeyFlowEdge[],
  options: ImageExportOptions & { background: string },
): Promise<DiagramImage> {
  const { toPng, toSvg } = await import('html-to-image');
  const { bounds, width, height } = imageFrame(nodes);
  const kept = new Set(nodes.map((n) => n.id));
  const keptEdges = new Set(
    edges.filter((e) => kept.has(e.source) && kept.has(e.target)).map((e) => e.id),
  );
  const settings = {
    backgroundColor: options.background,
    width,
    height,
    skipFonts: true,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${IMAGE_PADDING - bounds.x}px, ${IMAGE_PADDING - bounds.y}px) scale(1)`,
    },
    filter: (element: HTMLElement) => {
      const classes = element.classList;
      if (!classes) return true;
      if (classes.contains('react-flow__node')) return kept.has(element.dataset.id ?? '');
      if (classes.contains('react-flow__edge')) return keptEdges.has(element.dataset.id ?? '');
      return !classes.contains('react-flow__handle');
    },
  };
  if (options.format === 'png') {
    const pixelRatio = pngPixelRatio(width, height);
    const data = await toPng(viewport, { ...settings, pixelRatio });
    return { data, width: Math.round(width * pixelRatio), height: Math.round(height * pixelRatio) };
  }
  const url = await toSvg(viewport, settings);
  return { data: decodeURIComponent(url.slice(url.indexOf(',') + 1)), width, height };
}
