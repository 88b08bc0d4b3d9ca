/** Saved / Saving… / Conflict — Reload / Invalid (with the problems) / the save error. */
import { useState } from 'react';
import { useSessionStore } from '../store/session-store';

export function SaveStatusBadge() {
  const status = useSessionStore((s) => s.saveStatus);
  const error = useSessionStore((s) => s.saveError);
  const problems = useSessionStore((s) => s.problems);
  const reload = useSessionStore((s) => s.reloadDesign);
  const [open, setOpen] = useState(false);

  switch (status) {
    case 'loading':
      return <span className="save-status save-status--muted">Loading…</span>;
    case 'saved':
      return (
        <span className="save-status save-status--ok" data-testid="save-status">
          Saved
        </span>
      );
    case 'saving':
      return (
        <span className="save-status save-status--muted" data-testid="save-status">
          Saving…
        </span>
      );
    case 'conflict':
      return (
        <span
          className="save-status save-status--danger"
          data-testid="save-status"
          title={error ?? ''}
        >
          Conflict —{' '}
          <button type="button" className="link" onClick={() => void reload()}>
            Reload
          </button>
        </span>
      );
    case 'invalid':
      return (
        <span className="save-status save-status--danger" data-testid="save-status">
          <button type="button" className="link" onClick={() => setOpen((o) => !o)}>
            Invalid
          </button>
          {open && (
            <div className="problems-popover" role="dialog" aria-label="Problems">
              {problems.length === 0 && <p>{error}</p>}
              <ul>
                {problems.map((p) => (
                  <li key={`${p.path}-${p.message}`}>
                    <code>{p.path}</code> {p.message}
                  </li>
                ))}
              </ul>
              <p className="muted-note">
                design.json keeps its last valid version; your edits are kept as a draft in this
                browser, across reloads, and saved as soon as these are fixed.
              </p>
            </div>
          )}
        </span>
      );
    case 'error':
      return (
        <span
          className="save-status save-status--danger"
          data-testid="save-status"
          title={error ?? ''}
        >
          Not saved (kept as a draft in this browser): {error}
        </span>
      );
  }
}
