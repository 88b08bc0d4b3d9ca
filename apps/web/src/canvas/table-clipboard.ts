/**
 * Keys for working on many tables at once, while focus is not in a text field: Ctrl/Cmd+A
 * selects every table, Ctrl/Cmd+D duplicates the selected tables, Ctrl/Cmd+C copies them to
 * the clipboard as JSON (so another tab, or another design, can paste them) and Ctrl/Cmd+V
 * pastes. Each edit is one undo step.
 */
import { copyTables, type Position, readCopiedTables, type Table } from '@retort/core';
import { useEffect } from 'react';
import { designStore } from '../store/design-store';
import { GRID_SIZE } from './table-size';

/** Where a copy lands when its original is in view: a little below and to the right. */
const NUDGE: Position = { x: 2 * GRID_SIZE, y: 2 * GRID_SIZE };

// What was copied last, for when the page may not read the clipboard.
let lastCopied: string | null = null;

export function selectedTableIds(): string[] {
  const { selection } = designStore.getState();
  if (selection?.kind === 'tables') return selection.ids;
  if (selection?.kind === 'table') return [selection.id];
  if (selection?.kind === 'column' || selection?.kind === 'foreignKey') return [selection.tableId];
  return [];
}

export function useTableClipboard(options: {
  enabled: boolean;
  isTyping: (target: EventTarget | null) => boolean;
  viewCenter: () => Position;
}) {
  const { enabled, isTyping, viewCenter } = options;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const state = designStore.getState();
      const design = state.design;
      if (!design || state.readOnly) return;
      switch (event.key.toLowerCase()) {
        case 'a':
          event.preventDefault();
          state.selectTables(design.tables.map((t) => t.id));
          return;
        case 'd': {
          event.preventDefault();
          const copied = copyTables(design, selectedTableIds());
          state.pasteTables(copied.tables, NUDGE);
          return;
        }
        case 'c': {
          const ids = selectedTableIds();
          if (ids.length === 0 || hasTextSelection()) return;
          event.preventDefault();
          const text = JSON.stringify(copyTables(design, ids), null, 2);
          lastCopied = text;
          void navigator.clipboard?.writeText(text).catch(() => {});
          return;
        }
        case 'v':
          event.preventDefault();
          void readClipboard().then((text) => {
            const copied = text ? readCopiedTables(text) : null;
            if (!copied) return;
            paste(copied.tables, viewCenter());
          });
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, isTyping, viewCenter]);
}

/** Pastes beside the originals when they are in this design, else at the centre of the view. */
function paste(tables: Table[], center: Position) {
  const state = designStore.getState();
  if (!state.design || tables.length === 0) return;
  const here = new Set(state.design.tables.map((t) => t.id));
  if (tables.some((t) => here.has(t.id))) {
    state.pasteTables(tables, NUDGE);
    return;
  }
  const left = Math.min(...tables.map((t) => t.position?.x ?? 0));
  const top = Math.min(...tables.map((t) => t.position?.y ?? 0));
  const snap = (v: number) => Math.round(v / GRID_SIZE) * GRID_SIZE;
  state.pasteTables(tables, { x: snap(center.x - left), y: snap(center.y - top) });
}

async function readClipboard(): Promise<string | null> {
  try {
    const text = await navigator.clipboard?.readText();
    if (text && readCopiedTables(text)) return text;
  } catch {
    // No permission to read: fall back to what this page copied.
  }
  return lastCopied;
}

function hasTextSelection(): boolean {
  const selected = window.getSelection();
  return selected !== null && !selected.isCollapsed && selected.toString().length > 0;
}
