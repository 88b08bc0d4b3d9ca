/**
 * The dot grid behind the diagram, one dot per grid step at the diagram's zoom.
 *
 * React Flow's Background moves its SVG pattern on every pan frame, which repaints (and, with
 * software raster, re-rasterises) the whole canvas each frame. Here the pattern is drawn once
 * per zoom on a layer a little larger than the canvas, and a pan only shifts that layer by
 * less than one grid step: a compositor move, no repaint.
 */
import { type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';

const zoomOf = (s: ReactFlowState) => s.transform[2];
const idOf = (s: ReactFlowState) => `retort-dots-${s.rfId}`;

export function CanvasDots({ gap, size }: { gap: number; size: number }) {
  const zoom = useStore(zoomOf);
  const id = useStore(idOf);
  const store = useStoreApi();
  const layer = useRef<HTMLDivElement>(null);
  const step = gap * zoom;
  const radius = (size * zoom) / 2;

  useEffect(() => {
    const element = layer.current;
    if (!element) return;
    // The layer reaches one step past every side; a shift within (-step/2, step/2] keeps
    // the canvas covered and puts a dot on every grid point.
    const place = ([x, y]: readonly [number, number, number]) => {
      const dx = (((x % step) + step) % step) - step / 2;
      const dy = (((y % step) + step) % step) - step / 2;
      element.style.transform = `translate(${dx}px, ${dy}px)`;
    };
    place(store.getState().transform);
    let last = store.getState().transform;
    return store.subscribe((state) => {
      if (state.transform === last) return;
      last = state.transform;
      place(state.transform);
    });
  }, [store, step]);

  return (
    <div className="react-flow__background canvas-dots" data-testid="canvas-dots">
      <div ref={layer} className="canvas-dots__layer" style={{ inset: -step }}>
        <svg width="100%" height="100%" aria-hidden="true">
          <pattern id={id} width={step} height={step} patternUnits="userSpaceOnUse">
            <circle
              cx={step / 2}
              cy={step / 2}
              r={radius}
              className="react-flow__background-pattern dots"
            />
          </pattern>
          <rect width="100%" height="100%" fill={`url(#${id})`} />
        </svg>
      </div>
    </div>
  );
}
