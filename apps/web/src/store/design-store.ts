/**
 * The editor's one store: the design being drawn, what is selected, and whether editing is
 * allowed. Undo/redo is a property of this store (zundo): every action is one `set`, so one
 * edit is one undo step; only `design` is tracked, never the selection.
 *
 * React code uses `useDesignStore(selector)`; other code (autosave) uses `designStore`:
 * `designStore.subscribe((state, prev) => state.design !== prev.design && save(state.design))`.
 */
import type {
  CheckPatch,
  ColumnPatch,
  Design,
  DesignObject,
  EnumPatch,
  ExclusionPatch,
  ForeignKeyCheck,
  ForeignKeyPatch,
  IndexPatch,
  Position,
  ReferentialAction,
  SequencePatch,
  Table,
  UniquePatch,
} from '@retort/core';
import * as edits from '@retort/core';
import { checkForeignKey } from '@retort/core';
import { temporal } from 'zundo';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { placeViews } from '../layout/place-views';

export type Selection =
  | { kind: 'table'; id: string; tableId?: undefined }
  | { kind: 'column'; tableId: string; id: string }
  | { kind: 'foreignKey'; tableId: string; id: string }
  | { kind: 'enum'; id: string; tableId?: undefined }
  /** A note or a subject area on the canvas. */
  | { kind: 'note'; id: string; tableId?: undefined }
  | { kind: 'area'; id: string; tableId?: undefined }
  /** A view, function, trigger, policy... of `design.objects`. */
  | { kind: 'object'; id: string; tableId?: undefined }
  /** Two or more tables (shift-click, box selection, select all, a paste). */
  | { kind: 'tables'; ids: string[]; id?: undefined; tableId?: undefined };

export type AddForeignKeyResult =
  | { ok: true; foreignKeyId: string }
  | { ok: false; reason: string };

export interface DesignState {
  design: Design | null;
  selection: Selection | null;
  readOnly: boolean;
  /** Counts `loadDesign` calls, so views can tell a new document from an edit (to fit view). */
  loads: number;
  /** The table or column just added, until something else is selected: its name field takes the focus. */
  added: string | null;
}

export interface DesignActions {
  /** Replaces the design and forgets the undo history (a new document, or one reloaded). */
  loadDesign(design: Design | null): void;
  setReadOnly(readOnly: boolean): void;
  select(selection: Selection | null): void;

  /** Adds `table_N` with an `id INTEGER` autoincrement primary key; selects it; returns its id. */
  addTable(position?: Position): string | null;
  renameTable(tableId: string, name: string): void;
  setTableComment(tableId: string, comment: string | null): void;
  setPrimaryKeyComment(tableId: string, comment: string | null): void;
  /** Moves the table to another Postgres schema; empty text is public. */
  setTableSchema(tableId: string, schema: string): void;
  deleteTable(tableId: string): void;
  /** Selects these tables: one is a table selection, none is no selection. */
  selectTables(tableIds: readonly string[]): void;
  /** Deletes the tables and the foreign keys to them, as one undo step. */
  deleteTables(tableIds: readonly string[]): void;
  /** Adds copies of `tables` moved by `offset`, as one undo step; selects and returns them. */
  pasteTables(tables: readonly Table[], offset: Position): string[];
  /** The whole design at once, one undo step (an import); selects `tableIds` when given. */
  replaceDesign(design: Design, tableIds?: readonly string[]): void;
  /** Call on drag end only: one call is one undo step. */
  moveTable(tableId: string, position: Position): void;
  /**
   * All positions at once, one undo step (auto-layout). `{ record: false }` places tables
   * that had no position without an undo step (a design opened without a layout).
   */
  applyLayout(positions: Record<string, Position>, options?: { record?: boolean }): void;

  /** Adds `column_N TEXT NULL`; selects it; returns its id. */
  /** The header colour of a table (`#rrggbb`), or null for the theme's. Drawing only. */
  setTableColor(tableId: string, color: string | null): void;
  /** Adds a note at `position`; selects it; returns its id. */
  addNote(position: Position, text?: string): string | null;
  updateNote(noteId: string, patch: edits.NotePatch): void;
  deleteNote(noteId: string): void;
  /** Adds a subject area over `box`; selects it; returns its id. */
  addArea(
    box: { position: Position; width: number; height: number },
    name: string,
    color: string,
  ): string | null;
  updateArea(areaId: string, patch: edits.AreaPatch): void;
  deleteArea(areaId: string): void;
  /** Tables, notes and areas moved together (an area and what it holds): one undo step. */
  moveCanvasItems(positions: Record<string, Position>): void;

  addColumn(tableId: string): string | null;
  updateColumn(tableId: string, columnId: string, patch: ColumnPatch): void;
  moveColumn(tableId: string, columnId: string, toIndex: number): void;
  deleteColumn(tableId: string, columnId: string): void;

  /** Refuses (and changes nothing) when the types differ or the target is not PK/unique. */
  addForeignKey(
    fromTableId: string,
    fromColumnId: string,
    toTableId: string,
    toColumnId: string,
    actions?: { onDelete?: ReferentialAction | null; onUpdate?: ReferentialAction | null },
  ): AddForeignKeyResult;
  updateForeignKey(tableId: string, foreignKeyId: string, patch: ForeignKeyPatch): void;
  deleteForeignKey(tableId: string, foreignKeyId: string): void;

  addUnique(tableId: string, columnIds: string[]): string | null;
  updateUnique(tableId: string, uniqueId: string, patch: UniquePatch): void;
  deleteUnique(tableId: string, uniqueId: string): void;
  addIndex(tableId: string, columnIds: string[], unique?: boolean): string | null;
  updateIndex(tableId: string, indexId: string, patch: IndexPatch): void;
  deleteIndex(tableId: string, indexId: string): void;
  addCheck(tableId: string, expression: string, name?: string): string | null;
  updateCheck(tableId: string, checkId: string, patch: CheckPatch): void;
  deleteCheck(tableId: string, checkId: string): void;
  addExclusion(tableId: string, columnId: string): string | null;
  updateExclusion(tableId: string, exclusionId: string, patch: ExclusionPatch): void;
  deleteExclusion(tableId: string, exclusionId: string): void;

  addEnum(name?: string, values?: string[]): string | null;
  updateEnum(enumId: string, patch: EnumPatch): void;
  setEnumSchema(enumId: string, schema: string): void;
  deleteEnum(enumId: string): void;

  /** A new standalone sequence with Postgres' defaults; returns its id. */
  addSequence(name?: string): string | null;
  updateSequence(sequenceId: string, patch: SequencePatch): void;
  deleteSequence(sequenceId: string): void;

  /**
   * Puts a checked object into the design, one undo step: in place of the one with its id,
   * else as a new one (a new view drawn beside what it reads). Selects it.
   */
  putObject(object: DesignObject): void;
  /** Why the object cannot be deleted (other objects need it), or null when it was. */
  deleteObject(objectId: string): string | null;
  /** Row-level security on a table, and whether it binds the owner too: one undo step. */
  setRowSecurity(tableId: string, setting: { enabled: boolean; forced: boolean }): void;
}

export type DesignStore = DesignState & DesignActions;

const READ_ONLY: AddForeignKeyResult = { ok: false, reason: 'This design is read-only.' };

export function createDesignStore(initial: Partial<DesignState> = {}) {
  const history = {
    clear: () => {},
    pause: () => {},
    resume: () => {},
    get: (): { pastStates: Partial<Pick<DesignState, 'design'>>[] } => ({ pastStates: [] }),
    setPast: (_: Partial<Pick<DesignState, 'design'>>[]) => {},
  };
  const api = createStore<DesignStore>()(
    temporal(
      (set, get) => {
        /** Runs a pure edit; stores the result only when it changed something. */
        const edit = (fn: (design: Design) => Design, selection?: Selection | null) => {
          const { design, readOnly } = get();
          if (!design || readOnly) return false;
          const next = fn(design);
          if (next === design) return false;
          set(selection === undefined ? { design: next } : { design: next, selection });
          return true;
        };
        /** Clears the selection when it points into something that an edit removed. */
        const selectionAfterDelete = (removed: (s: Selection) => boolean) => {
          const { selection } = get();
          return selection && removed(selection) ? null : undefined;
        };

        return {
          design: initial.design ?? null,
          selection: initial.selection ?? null,
          readOnly: initial.readOnly ?? false,
          loads: 0,
          added: null,

          loadDesign(design) {
            set({ design, selection: null, loads: get().loads + 1 });
            history.clear();
          },
          setReadOnly(readOnly) {
            set({ readOnly });
          },
          select(selection) {
            set({ selection, added: null });
          },

          addTable(position = { x: 0, y: 0 }) {
            let tableId: string | null = null;
            edit((d) => {
              const result = edits.addTable(d, position);
              tableId = result.tableId;
              return result.design;
            });
            if (tableId) set({ selection: { kind: 'table', id: tableId }, added: tableId });
            return tableId;
          },
          renameTable(tableId, name) {
            edit((d) => edits.renameTable(d, tableId, name));
          },
          setTableComment(tableId, comment) {
            edit((d) => edits.setTableComment(d, tableId, comment));
          },
          setPrimaryKeyComment(tableId, comment) {
            edit((d) => edits.setPrimaryKeyComment(d, tableId, comment));
          },
          setTableSchema(tableId, schema) {
            edit((d) => edits.setTableSchema(d, tableId, schema));
          },
          deleteTable(tableId) {
            edit(
              (d) => edits.deleteTable(d, tableId),
              selectionAfterDelete((s) => s.id === tableId || s.tableId === tableId),
            );
          },
          selectTables(tableIds) {
            const ids = [...new Set(tableIds)];
            set({
              selection:
                ids.length === 0
                  ? null
                  : ids.length === 1
                    ? { kind: 'table', id: ids[0]! }
                    : { kind: 'tables', ids },
            });
          },
          deleteTables(tableIds) {
            const gone = new Set(tableIds);
            edit(
              (d) => edits.deleteTables(d, tableIds),
              selectionAfterDelete((s) =>
                s.kind === 'tables'
                  ? s.ids.some((id) => gone.has(id))
                  : gone.has(s.id) || (s.tableId !== undefined && gone.has(s.tableId)),
              ),
            );
          },
          pasteTables(tables, offset) {
            let tableIds: string[] = [];
            edit((d) => {
              const result = edits.pasteTables(d, tables, offset);
              tableIds = result.tableIds;
              return result.design;
            });
            if (tableIds.length > 0) get().selectTables(tableIds);
            return tableIds;
          },
          replaceDesign(design, tableIds = []) {
            if (edit(() => design, null) && tableIds.length > 0) get().selectTables(tableIds);
          },
          moveTable(tableId, position) {
            edit((d) => edits.moveTable(d, tableId, position));
          },
          applyLayout(positions, options = {}) {
            if (options.record !== false) {
              edit((d) => edits.applyLayout(d, positions));
              return;
            }
            // Rewrites the current design and every design in the history, so undoing past
            // this point does not bring back tables without positions.
            const place = (d: Design | null | undefined) =>
              d ? edits.applyLayout(d, positions) : d;
            const temporalState = history.get();
            history.pause();
            edit((d) => edits.applyLayout(d, positions));
            history.resume();
            history.setPast(
              temporalState.pastStates.map((s) => ({ ...s, design: place(s.design) ?? null })),
            );
          },

          setTableColor(tableId, color) {
            edit((d) => edits.setTableColor(d, tableId, color));
          },
          addNote(position, text) {
            let noteId: string | null = null;
            edit((d) => {
              const result = edits.addNote(d, position, text);
              noteId = result.noteId;
              return result.design;
            });
            if (noteId) set({ selection: { kind: 'note', id: noteId } });
            return noteId;
          },
          updateNote(noteId, patch) {
            edit((d) => edits.updateNote(d, noteId, patch));
          },
          deleteNote(noteId) {
            edit(
              (d) => edits.deleteNote(d, noteId),
              selectionAfterDelete((s) => s.id === noteId),
            );
          },
          addArea(box, name, color) {
            let areaId: string | null = null;
            edit((d) => {
              const result = edits.addArea(d, box, name, color);
              areaId = result.areaId;
              return result.design;
            });
            if (areaId) set({ selection: { kind: 'area', id: areaId } });
            return areaId;
          },
          updateArea(areaId, patch) {
            edit((d) => edits.updateArea(d, areaId, patch));
          },
          deleteArea(areaId) {
            edit(
              (d) => edits.deleteArea(d, areaId),
              selectionAfterDelete((s) => s.id === areaId),
            );
          },
          moveCanvasItems(positions) {
            edit((d) => edits.moveCanvasItems(d, positions));
          },

          addColumn(tableId) {
            let columnId: string | null = null;
            edit((d) => {
              const result = edits.addColumn(d, tableId);
              columnId = result.columnId || null;
              return result.design;
            });
            if (columnId) {
              set({ selection: { kind: 'column', tableId, id: columnId }, added: columnId });
            }
            return columnId;
          },
          updateColumn(tableId, columnId, patch) {
            edit((d) => edits.updateColumn(d, tableId, columnId, patch));
          },
          moveColumn(tableId, columnId, toIndex) {
            edit((d) => edits.moveColumn(d, tableId, columnId, toIndex));
          },
          deleteColumn(tableId, columnId) {
            const before = get().design;
            const removedKeys = new Set<string>();
            if (before) {
              for (const t of before.tables) {
                for (const fk of t.foreignKeys) {
                  if (
                    (t.id === tableId && fk.columns.includes(columnId)) ||
                    (fk.references.table === tableId && fk.references.columns.includes(columnId))
                  ) {
                    removedKeys.add(fk.id);
                  }
                }
              }
            }
            edit(
              (d) => edits.deleteColumn(d, tableId, columnId),
              selectionAfterDelete(
                (s) => s.id === columnId || (s.id !== undefined && removedKeys.has(s.id)),
              ),
            );
          },

          addForeignKey(fromTableId, fromColumnId, toTableId, toColumnId, actions = {}) {
            const { design, readOnly } = get();
            if (!design || readOnly) return READ_ONLY;
            const check: ForeignKeyCheck = checkForeignKey(
              design,
              fromTableId,
              fromColumnId,
              toTableId,
              toColumnId,
            );
            if (!check.ok) return check;
            const { design: next, foreignKeyId } = edits.insertForeignKey(design, fromTableId, {
              name: null,
              columns: [fromColumnId],
              references: { table: toTableId, columns: [toColumnId] },
              onDelete: actions.onDelete ?? null,
              onUpdate: actions.onUpdate ?? null,
            });
            set({
              design: next,
              selection: { kind: 'foreignKey', tableId: fromTableId, id: foreignKeyId },
            });
            return { ok: true, foreignKeyId };
          },
          updateForeignKey(tableId, foreignKeyId, patch) {
            edit((d) => edits.updateForeignKey(d, tableId, foreignKeyId, patch));
          },
          deleteForeignKey(tableId, foreignKeyId) {
            edit(
              (d) => edits.deleteForeignKey(d, tableId, foreignKeyId),
              selectionAfterDelete((s) => s.id === foreignKeyId),
            );
          },

          addUnique(tableId, columnIds) {
            let id: string | null = null;
            edit((d) => {
              const result = edits.addUnique(d, tableId, columnIds);
              id = result.id || null;
              return result.design;
            });
            return id;
          },
          updateUnique(tableId, uniqueId, patch) {
            edit((d) => edits.updateUnique(d, tableId, uniqueId, patch));
          },
          deleteUnique(tableId, uniqueId) {
            edit((d) => edits.deleteUnique(d, tableId, uniqueId));
          },
          addIndex(tableId, columnIds, unique = false) {
            let id: string | null = null;
            edit((d) => {
              const result = edits.addIndex(d, tableId, columnIds, unique);
              id = result.id || null;
              return result.design;
            });
            return id;
          },
          updateIndex(tableId, indexId, patch) {
            edit((d) => edits.updateIndex(d, tableId, indexId, patch));
          },
          deleteIndex(tableId, indexId) {
            edit((d) => edits.deleteIndex(d, tableId, indexId));
          },
          addCheck(tableId, expression, name) {
            let id: string | null = null;
            edit((d) => {
              const result = edits.addCheck(d, tableId, expression, name);
              id = result.id || null;
              return result.design;
            });
            return id;
          },
          updateCheck(tableId, checkId, patch) {
            edit((d) => edits.updateCheck(d, tableId, checkId, patch));
          },
          deleteCheck(tableId, checkId) {
            edit((d) => edits.deleteCheck(d, tableId, checkId));
          },
          addExclusion(tableId, columnId) {
            let id: string | null = null;
            edit((d) => {
              const result = edits.addExclusion(d, tableId, columnId);
              id = result.id || null;
              return result.design;
            });
            return id;
          },
          updateExclusion(tableId, exclusionId, patch) {
            edit((d) => edits.updateExclusion(d, tableId, exclusionId, patch));
          },
          deleteExclusion(tableId, exclusionId) {
            edit((d) => edits.deleteExclusion(d, tableId, exclusionId));
          },

          addEnum(name, values) {
            let enumId: string | null = null;
            edit((d) => {
              const result = edits.addEnum(d, name, values);
              enumId = result.enumId;
              return result.design;
            });
            if (enumId) set({ selection: { kind: 'enum', id: enumId } });
            return enumId;
          },
          setEnumSchema(enumId, schema) {
            edit((d) => edits.setEnumSchema(d, enumId, schema));
          },
          updateEnum(enumId, patch) {
            edit((d) => edits.updateEnum(d, enumId, patch));
          },
          deleteEnum(enumId) {
            edit(
              (d) => edits.deleteEnum(d, enumId),
              selectionAfterDelete((s) => s.id === enumId),
            );
          },

          addSequence(name) {
            let id: string | null = null;
            edit((d) => {
              const result = edits.addSequence(d, name);
              id = result.id;
              return result.design;
            });
            return id;
          },
          updateSequence(sequenceId, patch) {
            edit((d) => edits.updateSequence(d, sequenceId, patch));
          },
          deleteSequence(sequenceId) {
            edit((d) => edits.deleteSequence(d, sequenceId));
          },

          putObject(object) {
            const selection: Selection = { kind: 'object', id: object.id };
            edit((d) => {
              const next = edits.putObject(d, object);
              const spot = placeViews(next)[object.id];
              return spot ? edits.moveObjects(next, { [object.id]: spot }) : next;
            }, selection);
            if (get().selection?.id !== object.id) set({ selection });
          },
          deleteObject(objectId) {
            const { design, readOnly } = get();
            if (!design || readOnly) return 'This design is read-only.';
            const needed = edits
              .objectDependents(design, objectId)
              .filter((o) => o.table !== objectId);
            if (needed.length > 0) {
              return `${needed.map((o) => `${edits.OBJECT_KIND_WORDS[o.kind]} ${o.name}`).join(', ')} ${needed.length === 1 ? 'depends' : 'depend'} on it; delete or change ${needed.length === 1 ? 'that' : 'those'} first.`;
            }
            edit(
              (d) => edits.deleteObject(d, objectId),
              selectionAfterDelete((s) => s.id === objectId),
            );
            return null;
          },
          setRowSecurity(tableId, setting) {
            edit((d) => edits.setRowSecurity(d, tableId, setting));
          },
        };
      },
      {
        partialize: (state): Pick<DesignState, 'design'> => ({ design: state.design }),
        equality: (past, current) => past.design === current.design,
        limit: 500,
      },
    ),
  );
  history.clear = () => api.temporal.getState().clear();
  history.pause = () => api.temporal.getState().pause();
  history.resume = () => api.temporal.getState().resume();
  history.get = () => api.temporal.getState();
  history.setPast = (pastStates) => api.temporal.setState({ pastStates });
  return api;
}

export type DesignStoreApi = ReturnType<typeof createDesignStore>;

function designHistory(api: DesignStoreApi) {
  return api.temporal.getState();
}

/** The editor's store. */
export const designStore: DesignStoreApi = createDesignStore();

export function useDesignStore<T>(selector: (state: DesignStore) => T): T {
  return useStore(designStore, selector);
}

export function undo(): void {
  if (!designStore.getState().readOnly) designHistory(designStore).undo();
}

export function redo(): void {
  if (!designStore.getState().readOnly) designHistory(designStore).redo();
}

export function canUndo(): boolean {
  return designHistory(designStore).pastStates.length > 0;
}

export function canRedo(): boolean {
  return designHistory(designStore).futureStates.length > 0;
}

/** `{ canUndo, canRedo, undo, redo }`, re-rendering when the history changes. */
export function useDesignHistory() {
  const canUndoNow = useStore(designStore.temporal, (s) => s.pastStates.length > 0);
  const canRedoNow = useStore(designStore.temporal, (s) => s.futureStates.length > 0);
  return { canUndo: canUndoNow, canRedo: canRedoNow, undo, redo };
}
