/**
 * The sidebar's frame: a handle on its left edge that drags (or, focused, arrow-keys) its
 * width, and a button that folds it to a thin strip and back. Width and fold are kept in
 * the browser, and given to the page's grid and to the toasts as `--sidebar-width`.
 */
import { type KeyboardEvent, type PointerEvent, type ReactNode, useEffect, useState } from 'react';

const STORAGE_KEY = 'retort.sidePanel';
export const DEFAULT_WIDTH = 400;
const MIN_WIDTH = 280;
/** The canvas keeps at least this much of the window. */
const MIN_CANVAS = 320;
const FOLDED_WIDTH = 32;
const KEY_STEP = 20;

interface PanelSize {
  width: number;
  folded: boolean;
}

function readSize(): PanelSize {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<PanelSize>;
    return {
      width: typeof stored?.width === 'number' ? stored.width : DEFAULT_WIDTH,
      folded: stored?.folded === true,
    };
  } catch {
    return { width: DEFAULT_WIDTH, folded: false };
  }
}

function clampWidth(width: number): number {
  const max = Math.max(MIN_WIDTH, window.innerWidth - MIN_CANVAS);
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, width)));
}

export function SidePanel({ children }: { children: ReactNode }) {
  const [size, setSize] = useState<PanelSize>(readSize);
  const width = clampWidth(size.width);

  useEffect(() => {
    const shown = size.folded ? FOLDED_WIDTH : width;
    document.documentElement.style.setProperty('--sidebar-width', `${shown}px`);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ width, folded: size.folded }));
    } catch {
      // A browser that keeps nothing still gets the width for this visit.
    }
  }, [width, size.folded]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const onMove = (move: globalThis.PointerEvent) =>
      setSize((s) => ({ ...s, width: clampWidth(window.innerWidth - move.clientX) }));
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowLeft' ? KEY_STEP : event.key === 'ArrowRight' ? -KEY_STEP : 0;
    if (step === 0) return;
    event.preventDefault();
    setSize((s) => ({ ...s, width: clampWidth(clampWidth(s.width) + step) }));
  };

  const fold = (folded: boolean) => setSize((s) => ({ ...s, folded }));

  if (size.folded) {
    return (
      <aside className="sidebar sidebar--folded" aria-label="Sidebar">
        <button
          type="button"
          className="sidebar__fold"
          onClick={() => fold(false)}
          title="Show the side panel"
          aria-label="Show the side panel"
        >
          «
        </button>
      </aside>
    );
  }
  return (
    <aside className="sidebar" aria-label="Sidebar">
      {/* biome-ignore lint/a11y/useSemanticElements: a draggable splitter has no native element; role separator with a value is the ARIA pattern */}
      <div
        className="sidebar__resize"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the side panel"
        aria-valuenow={width}
        aria-valuemin={MIN_WIDTH}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onDoubleClick={() => setSize((s) => ({ ...s, width: DEFAULT_WIDTH }))}
        title="Drag to resize; double-click for the default width"
      />
      <button
        type="button"
        className="sidebar__fold sidebar__fold--hide"
        onClick={() => fold(true)}
        title="Hide the side panel"
        aria-label="Hide the side panel"
      >
        »
      </button>
      {children}
    </aside>
  );
}
