/**
 * How the diagram is being looked at, apart from the design: the table (or note, or area)
 * last jumped to (centred by the canvas, and a table drawn highlighted) and focus mode (one table and its neighbours up
 * to one or two foreign-key hops; the rest fades). None of it is saved or undone.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type FocusHops = 1 | 2;

export interface ViewState {
  /** What the canvas centres (a table: highlighted); `seq` grows with every jump, so a repeat jumps again. */
  reveal: { id: string; seq: number } | null;
  focus: { tableId: string; hops: FocusHops } | null;
  /** Jumps to a table, note or area by id: the canvas centres on it and highlights a table. */
  revealItem(id: string): void;
  clearReveal(): void;
  /** Focuses on a table, keeping the number of hops already chosen (one at first). */
  focusOn(tableId: string, hops?: FocusHops): void;
  setFocusHops(hops: FocusHops): void;
  clearFocus(): void;
}

export const viewStore = createStore<ViewState>()((set, get) => ({
  reveal: null,
  focus: null,
  revealItem(id) {
    set({ reveal: { id, seq: (get().reveal?.seq ?? 0) + 1 } });
  },
  clearReveal() {
    if (get().reveal) set({ reveal: null });
  },
  focusOn(tableId, hops) {
    set({ focus: { tableId, hops: hops ?? get().focus?.hops ?? 1 } });
  },
  setFocusHops(hops) {
    const focus = get().focus;
    if (focus) set({ focus: { ...focus, hops } });
  },
  clearFocus() {
    if (get().focus) set({ focus: null });
  },
}));

export function useViewStore<T>(selector: (state: ViewState) => T): T {
  return useStore(viewStore, selector);
}
