/**
 * Everything the editor knows about the server side: the project, the version of
 * design.json last read or written, the save status, the pending changes, the revisions and
 * the state of an upgrade/downgrade run. Also autosave: every design edit is PUT after a
 * short pause, carrying the version it was based on, so a design changed elsewhere is never
 * overwritten (409 -> "Conflict", and the user reloads).
 */
import type { Design } from '@retort/core';
import type { PreflightFinding } from '@retort/migrate';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import {
  ApiError,
  api,
  type PendingChanges,
  type Problem,
  type ProjectInfo,
  type RevisionDetail,
  type RevisionList,
  type RunResult,
} from '../api';
import { designStore } from './design-store';
import { clearDraft, type Draft, readDraft, sameDesign, writeDraft } from './draft-storage';

export type SaveStatus = 'loading' | 'saved' | 'saving' | 'conflict' | 'invalid' | 'error';
export type ToastLevel = 'info' | 'error';

export interface Toast {
  id: number;
  text: string;
  level: ToastLevel;
}

export type RunState =
  | { state: 'idle' }
  | { state: 'running'; direction: 'upgrade' | 'downgrade'; target: string }
  | { state: 'done'; direction: 'upgrade' | 'downgrade'; target: string; result: RunResult }
  | {
      state: 'failed';
      direction: 'upgrade' | 'downgrade';
      target: string;
      error: string;
      revision: string | null;
      statement: string | null;
      /** Set when preflight refused the run: the rows it would break. Nothing ran. */
      preflight: PreflightFinding[];
    };

export type RunDirection = 'upgrade' | 'downgrade';

/** Options a person picks in the run dialog. */
export interface RunChoice {
  force?: boolean;
  /** Postgres' `lock_timeout` for the run's statements, like `5s`. */
  lockTimeout?: string;
}

/**
 * The run dialog: what a run would do, from a dry run of it (statements, what it drops and
 * the rows lost, rows it would break), asked before anything runs.
 */
export interface RunDialog {
  direction: RunDirection;
  target: string;
  force: boolean;
  /** A dry run is under way; `preview` is the last one's, if any, until it answers. */
  loading: boolean;
  preview: RunResult | null;
  error: string | null;
}

/** The lock timeout a run from the editor gets unless the person changes it. */
export const DEFAULT_LOCK_TIMEOUT = '5s';

export interface SessionState {
  project: ProjectInfo | null;
  loadError: string | null;
  version: string | null;
  saveStatus: SaveStatus;
  saveError: string | null;
  problems: Problem[];
  pending: PendingChanges | null;
  pendingError: string | null;
  revisions: RevisionList | null;
  run: RunState;
  runDialog: RunDialog | null;
  toasts: Toast[];
  /** A revision shown read-only instead of the design being edited. */
  viewing: RevisionDetail | null;
  /**
   * A draft found on load: `restored` when its edits are back on the canvas; otherwise it was
   * made on an older design.json and waits for the person to restore or discard it.
   */
  draft: { savedAt: string; restored: boolean } | null;
}

export interface SessionActions {
  /** Reads the project, the design, the revisions and the pending changes. */
  open(): Promise<void>;
  /** Re-reads design.json (after a conflict), dropping local edits that were not saved. */
  reloadDesign(): Promise<void>;
  refreshProject(): Promise<void>;
  refreshPending(): Promise<void>;
  refreshRevisions(): Promise<void>;
  createRevision(message: string): Promise<boolean>;
  migrate(direction: RunDirection, target: string, choice?: RunChoice): Promise<void>;
  /** Opens the run dialog with a dry run of the run; nothing changes until it is confirmed. */
  askToRun(direction: RunDirection, target: string, options?: { force?: boolean }): Promise<void>;
  closeRunDialog(): void;
  toast(text: string, level?: ToastLevel): void;
  dismissToast(id: number): void;
  viewRevision(id: string): Promise<void>;
  backToEditing(): void;
  /** Puts a draft made on an older design.json back on the canvas; saving replaces the file. */
  restoreDraft(): void;
  /** Forgets the draft and goes back to design.json as the server has it. */
  discardDraft(): Promise<void>;
  /** Hides the banner of a restored draft. */
  dismissDraftBanner(): void;
}

export type SessionStore = SessionState & SessionActions;

const SAVE_DELAY_MS = 600;
const DRAFT_DELAY_MS = 150;
let nextToastId = 1;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const sessionStore = createStore<SessionStore>()((set, get) => {
  /** The design as the server has it (last read or saved); edits differ from it. */
  let saved: Design | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let draftTimer: ReturnType<typeof setTimeout> | null = null;
  /** A draft made on an older design.json, until restored or discarded. */
  let staleDraft: Draft | null = null;

  const projectName = () => get().project?.name ?? null;

  /** Keeps the working copy in the browser until the server holds the same design. */
  const keepDraft = () => {
    draftTimer = null;
    const name = projectName();
    const design = designStore.getState().design;
    const { version } = get();
    if (!name || !design || version === null || designStore.getState().readOnly) return;
    if (saved && sameDesign(design, saved)) {
      clearDraft(name);
      return;
    }
    const kept = writeDraft(name, {
      design,
      baseVersion: version,
      savedAt: new Date().toISOString(),
    });
    if (!kept) get().toast('The browser refused to keep a draft of the unsaved edits.', 'error');
  };

  const loadFromServer = async () => {
    const document = await api.design();
    saved = document.design;
    designStore.getState().loadDesign(document.design);
    set({ version: document.version, saveStatus: 'saved', saveError: null, problems: [] });
  };

  const save = async () => {
    timer = null;
    const { version, saveStatus } = get();
    const design = designStore.getState().design;
    if (!design || version === null || saveStatus === 'conflict') return;
    if (design === saved) {
      if (saveStatus === 'saving') set({ saveStatus: 'saved' });
      return;
    }
    if (inFlight) return; // re-run when the request in flight returns
    inFlight = true;
    set({ saveStatus: 'saving' });
    try {
      const answer = await api.saveDesign(design, version);
      saved = design;
      if (designStore.getState().design === saved) {
        const name = projectName();
        if (name) clearDraft(name);
      }
      set({ version: answer.version, saveError: null, problems: [] });
      inFlight = false;
      if (designStore.getState().design !== saved) {
        void save();
        return;
      }
      set({ saveStatus: 'saved' });
      void get().refreshPending();
    } catch (error) {
      inFlight = false;
      if (error instanceof ApiError && error.status === 409) {
        set({ saveStatus: 'conflict', saveError: error.message });
        get().toast(
          `${error.message} Nothing was overwritten; Reload to continue from the saved design.`,
          'error',
        );
      } else if (error instanceof ApiError && error.status === 422) {
        set({
          saveStatus: 'invalid',
          saveError: error.message,
          problems: error.body.problems ?? [],
        });
      } else {
        set({ saveStatus: 'error', saveError: messageOf(error) });
      }
    }
  };

  /** No save or draft pending, and no draft kept: the server's design is the one to keep. */
  const forgetUnsavedEdits = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (draftTimer) clearTimeout(draftTimer);
    draftTimer = null;
    const name = projectName();
    if (name) clearDraft(name);
  };

  designStore.subscribe((state, previous) => {
    if (state.design === previous.design || state.readOnly) return;
    if (get().saveStatus === 'conflict' || get().version === null) return;
    if (state.design === saved) {
      // Undone back to what the server holds: nothing to save, no draft to keep, and the
      // problems of a design the server refused are gone with it.
      forgetUnsavedEdits();
      if (!inFlight) set({ saveStatus: 'saved', saveError: null, problems: [] });
      return;
    }
    if (get().saveStatus !== 'invalid') set({ saveStatus: 'saving' });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
    if (draftTimer) clearTimeout(draftTimer);
    draftTimer = setTimeout(keepDraft, DRAFT_DELAY_MS);
  });

  if (typeof window !== 'undefined') {
    // A tab closed or reloaded within the delay still leaves its draft behind.
    window.addEventListener('pagehide', () => {
      if (draftTimer) {
        clearTimeout(draftTimer);
        keepDraft();
      }
    });
  }

  /** After design.json is loaded: brings back the edits a reload or crash left in the draft. */
  const recoverDraft = () => {
    const name = projectName();
    const { version } = get();
    if (!name || !saved || version === null) return;
    const draft = readDraft(name);
    if (!draft || sameDesign(draft.design, saved)) {
      if (draft) clearDraft(name);
      return;
    }
    if (draft.baseVersion === version) {
      designStore.getState().loadDesign(draft.design);
      set({ draft: { savedAt: draft.savedAt, restored: true } });
    } else {
      staleDraft = draft;
      set({ draft: { savedAt: draft.savedAt, restored: false } });
    }
  };

  return {
    project: null,
    loadError: null,
    version: null,
    saveStatus: 'loading',
    saveError: null,
    problems: [],
    pending: null,
    pendingError: null,
    revisions: null,
    run: { state: 'idle' },
    runDialog: null,
    toasts: [],
    viewing: null,
    draft: null,

    async open() {
      try {
        const project = await api.project();
        set({ project, loadError: null });
        await loadFromServer();
        recoverDraft();
      } catch (error) {
        set({ loadError: messageOf(error), saveStatus: 'error' });
        return;
      }
      await Promise.all([get().refreshRevisions(), get().refreshPending()]);
    },

    async reloadDesign() {
      forgetUnsavedEdits();
      staleDraft = null;
      set({ draft: null });
      try {
        await loadFromServer();
        get().toast('Reloaded the design from the server.');
      } catch (error) {
        get().toast(messageOf(error), 'error');
      }
      await get().refreshPending();
    },

    async refreshProject() {
      try {
        set({ project: await api.project() });
      } catch (error) {
        get().toast(messageOf(error), 'error');
      }
    },

    async refreshPending() {
      try {
        set({ pending: await api.pending(), pendingError: null });
      } catch (error) {
        set({ pendingError: messageOf(error) });
      }
    },

    async refreshRevisions() {
      try {
        set({ revisions: await api.revisions() });
      } catch (error) {
        get().toast(messageOf(error), 'error');
      }
    },

    async createRevision(message) {
      try {
        const { revision } = await api.createRevision(message);
        // The last run's outcome described the chain before this revision.
        set({ run: { state: 'idle' } });
        get().toast(`Created revision ${revision.id}: ${revision.message}`);
        await Promise.all([
          get().refreshRevisions(),
          get().refreshPending(),
          get().refreshProject(),
        ]);
        return true;
      } catch (error) {
        get().toast(messageOf(error), 'error');
        return false;
      }
    },

    async askToRun(direction, target, options = {}) {
      const force = options.force ?? false;
      const open = get().runDialog;
      const same = open?.direction === direction && open.target === target;
      const base = { direction, target, force, preview: same ? open.preview : null };
      set({ runDialog: { ...base, loading: true, error: null } });
      const stillAsked = () => {
        const now = get().runDialog;
        return now?.direction === direction && now.target === target && now.force === force;
      };
      try {
        const dry = { dryRun: true, force };
        const preview =
          direction === 'upgrade'
            ? await api.upgrade(target, dry)
            : await api.downgrade(target, dry);
        if (stillAsked()) set({ runDialog: { ...base, preview, loading: false, error: null } });
      } catch (error) {
        if (stillAsked()) {
          set({
            // The last dry run's findings still describe the run; the failure says the rest.
            runDialog: { ...base, loading: false, error: messageOf(error) },
          });
        }
      }
    },

    closeRunDialog() {
      set({ runDialog: null });
    },

    async migrate(direction, target, choice = {}) {
      if (get().run.state === 'running') return;
      set({ run: { state: 'running', direction, target }, runDialog: null });
      try {
        const result =
          direction === 'upgrade'
            ? await api.upgrade(target, choice)
            : await api.downgrade(target, choice);
        set({ run: { state: 'done', direction, target, result } });
        const verb = direction === 'upgrade' ? 'Upgraded' : 'Downgraded';
        get().toast(
          result.steps.length === 0
            ? 'The database is already there.'
            : `${verb} to ${result.to ?? 'base'} (${result.steps.length} step${result.steps.length === 1 ? '' : 's'}).`,
        );
      } catch (error) {
        const body = error instanceof ApiError ? error.body : {};
        set({
          run: {
            state: 'failed',
            direction,
            target,
            error: messageOf(error),
            revision: body.revision ?? null,
            statement: body.statement ?? null,
            preflight: Array.isArray(body.preflight) ? body.preflight : [],
          },
        });
        // The outcome beside the button says the rest; the toast only points at it.
        get().toast(
          `${direction === 'upgrade' ? 'Upgrade' : 'Downgrade'} to ${target} failed; the panel says why.`,
          'error',
        );
      }
      await Promise.all([get().refreshProject(), get().refreshRevisions(), get().refreshPending()]);
    },

    toast(text, level = 'info') {
      const id = nextToastId++;
      set({ toasts: [...get().toasts, { id, text, level }].slice(-4) });
      setTimeout(() => get().dismissToast(id), level === 'error' ? 8000 : 4000);
    },

    dismissToast(id) {
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },

    async viewRevision(id) {
      try {
        set({ viewing: await api.revision(id) });
      } catch (error) {
        get().toast(messageOf(error), 'error');
      }
    },

    backToEditing() {
      set({ viewing: null });
    },

    restoreDraft() {
      if (!staleDraft) return;
      const draft = staleDraft;
      staleDraft = null;
      designStore.getState().loadDesign(draft.design);
      set({ draft: { savedAt: draft.savedAt, restored: true } });
    },

    async discardDraft() {
      await get().reloadDesign();
    },

    dismissDraftBanner() {
      set({ draft: null });
    },
  };
});

export function useSessionStore<T>(selector: (state: SessionStore) => T): T {
  return useStore(sessionStore, selector);
}
