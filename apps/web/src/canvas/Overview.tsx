/**
 * The overview in the bottom right corner: every node's outline and a frame around what the
 * view shows; dragging in it pans the view, the wheel zooms it.
 *
 * React Flow's own MiniMap draws one SVG rect per node, each subscribed to the store. On a
 * large design those thousand rects were laid out and restyled on every pan frame in which
 * the view reached past the design's edge (the overview's viewBox follows the view there, and
 * its mask's stroke width was a custom property inherited by every rect). Here all outlines
 * are one path, rebuilt only when the nodes change; a pan only moves the mask and the viewBox.
 */
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { frameOf, HEIGHT, OFFSET_SCALE, outlines, sameFrame, WIDTH } from './overview-geometry';

const Outlines = memo(function Outlines() {
  const nodes = useStore((s) => s.nodes);
  const { plain, selected } = useMemo(() => outlines(nodes), [nodes]);
  return (
    <>
      <path className="retort-overview__nodes" d={plain} shapeRendering="crispEdges" />
      {selected && (
        <path
          className="retort-overview__nodes retort-overview__nodes--selected"
          d={selected}
          shapeRendering="crispEdges"
        />
      )}
    </>
  );
});

export function Overview({ ariaLabel }: { ariaLabel: string }) {
  const flow = useReactFlow();
  const { view, bounds } = useStore(frameOf, sameFrame);
  const svg = useRef<SVGSVGElement>(null);

  const viewScale = Math.max(bounds.width / WIDTH, bounds.height / HEIGHT);
  const offset = OFFSET_SCALE * viewScale;
  const width = viewScale * WIDTH + 2 * offset;
  const height = viewScale * HEIGHT + 2 * offset;
  const x = bounds.x - (width - bounds.width) / 2;
  const y = bounds.y - (height - bounds.height) / 2;
  // Design units per overview pixel, for the handlers below (they outlive this render).
  const scale = useRef(viewScale);
  scale.current = viewScale;

  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    let last: { x: number; y: number } | null = null;
    const onPointerDown = (event: PointerEvent) => {
      if (event.button !== 0) return;
      event.preventDefault();
      element.setPointerCapture(event.pointerId);
      last = { x: event.clientX, y: event.clientY };
    };
    const onPointerMove = (event: PointerEvent) => {
      if (!last) return;
      const { x, y, zoom } = flow.getViewport();
      const move = scale.current * zoom;
      void flow.setViewport({
        x: x - (event.clientX - last.x) * move,
        y: y - (event.clientY - last.y) * move,
        zoom,
      });
      last = { x: event.clientX, y: event.clientY };
    };
    const onPointerUp = () => {
      last = null;
    };
    // Not passive: the wheel zooms the diagram, never scrolls the page.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const delta = event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002);
      void flow.zoomTo(flow.getZoom() * 2 ** -delta);
    };
    element.addEventListener('pointerdown', onPointerDown);
    element.addEventListener('pointermove', onPointerMove);
    element.addEventListener('pointerup', onPointerUp);
    element.addEventListener('pointercancel', onPointerUp);
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('pointermove', onPointerMove);
      element.removeEventListener('pointerup', onPointerUp);
      element.removeEventListener('pointercancel', onPointerUp);
      element.removeEventListener('wheel', onWheel);
    };
  }, [flow]);

  const outer = `M${x - offset},${y - offset}h${width + 2 * offset}v${height + 2 * offset}h${-width - 2 * offset}z`;
  const inner = `M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`;
  return (
    <Panel position="bottom-right" className="react-flow__minimap retort-minimap">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${x} ${y} ${width} ${height}`}
        className="react-flow__minimap-svg retort-overview"
        role="img"
        aria-label={ariaLabel}
      >
        <Outlines />
        <path className="retort-overview__mask" d={`${outer}${inner}`} fillRule="evenodd" />
      </svg>
    </Panel>
  );
}
