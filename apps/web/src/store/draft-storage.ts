/**
 * The working copy kept in the browser's storage while it differs from design.json: an
 * invalid design the server refuses, edits not yet saved when the tab closes or crashes.
 * One draft per project; removed once the server holds the same design.
 */
import type { Design } from '@retort/core';

export interface Draft {
  design: Design;
  /** The design.json version the edits were made on. */
  baseVersion: string;
  /** ISO 8601: when the draft was last written. */
  savedAt: string;
}

const key = (project: string) => `retort.draft:${project}`;

export function readDraft(project: string, storage: Storage = localStorage): Draft | null {
  try {
    const text = storage.getItem(key(project));
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<Draft>;
    if (
      !draft.design ||
      typeof draft.design !== 'object' ||
      typeof draft.baseVersion !== 'string' ||
      typeof draft.savedAt !== 'string'
    ) {
      return null;
    }
    return draft as Draft;
  } catch {
    return null;
  }
}

/** False when the browser refuses (storage full or disabled): the caller says so. */
export function writeDraft(
  project: string,
  draft: Draft,
  storage: Storage = localStorage,
): boolean {
  try {
    storage.setItem(key(project), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(project: string, storage: Storage = localStorage): void {
  try {
    storage.removeItem(key(project));
  } catch {
    // Nothing to remove from a storage the browser does not give.
  }
}

/** Whether two designs are the same document (drafts are compared with the server's copy). */
export function sameDesign(a: Design, b: Design): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
