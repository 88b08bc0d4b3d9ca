/**
 * Whether the SQL editor is open, and on what: an object of the design (its definition to
 * change) or a new one, started from a template. Not part of the design, never undone.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type ObjectEditing = { objectId: string } | { objectId?: undefined; template: string };

export interface ObjectEditorState {
  editing: ObjectEditing | null;
  edit(objectId: string): void;
  create(template: string): void;
  close(): void;
}

export const objectEditorStore = createStore<ObjectEditorState>()((set) => ({
  editing: null,
  edit(objectId) {
    set({ editing: { objectId } });
  },
  create(template) {
    set({ editing: { template } });
  },
  close() {
    set({ editing: null });
  },
}));

export function useObjectEditor<T>(selector: (state: ObjectEditorState) => T): T {
  return useStore(objectEditorStore, selector);
}
