/** Says that edits left unsaved by a reload or a crash were found, and what became of them. */
import { useSessionStore } from '../store/session-store';

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function DraftBanner() {
  const draft = useSessionStore((s) => s.draft);
  const saveStatus = useSessionStore((s) => s.saveStatus);
  const restore = useSessionStore((s) => s.restoreDraft);
  const discard = useSessionStore((s) => s.discardDraft);
  const dismiss = useSessionStore((s) => s.dismissDraftBanner);
  if (!draft) return null;
  const when = formatTime(draft.savedAt);
  return (
    <div className="draft-banner" role="status" data-testid="draft-banner">
      {draft.restored ? (
        <span>
          Restored your unsaved edits from {when}.{' '}
          {saveStatus === 'invalid'
            ? 'The design has problems, so design.json keeps its last valid version until they are fixed; the edits stay kept in this browser meanwhile.'
            : 'They are saved to design.json as usual.'}
        </span>
      ) : (
        <span>
          Unsaved edits from {when} were found, made on an older design.json than the one on disk.
          Restoring them replaces design.json with them.
        </span>
      )}
      <span className="draft-banner__actions">
        {!draft.restored && (
          <button type="button" className="primary" onClick={restore}>
            Restore the edits
          </button>
        )}
        <button type="button" onClick={() => void discard()}>
          Discard the edits
        </button>
        {draft.restored && (
          <button type="button" onClick={dismiss}>
            Keep them
          </button>
        )}
      </span>
    </div>
  );
}
