/**
 * Shown while the database is at `base`, i.e. no revision has been applied to it: says what
 * that means and offers the first Apply (or, without any revision yet, the review to make one).
 */
import { useSessionStore } from '../store/session-store';

export function BaseStateBanner({ onReview }: { onReview: () => void }) {
  const project = useSessionStore((s) => s.project);
  const running = useSessionStore((s) => s.run.state === 'running');
  const askToRun = useSessionStore((s) => s.askToRun);
  const viewing = useSessionStore((s) => s.viewing);
  if (!project || project.current !== null || viewing) return null;
  const where =
    project.database.kind === 'pglite' ? 'the embedded PGlite database' : 'the database';
  return (
    <div className="notice notice--info" role="status" data-testid="base-banner">
      {project.head ? (
        <span>
          <strong>The database is at base:</strong> no revision has been applied to {where}, so it
          has none of these tables yet. Apply runs the revisions up to <code>{project.head}</code>{' '}
          in one transaction, after showing what they do.
        </span>
      ) : (
        <span>
          <strong>The database is at base</strong> and the project has no revision yet. Draw the
          tables, then create the first revision in Review and apply it.
        </span>
      )}
      <span className="notice__actions">
        {project.head ? (
          <button
            type="button"
            className="primary"
            disabled={running}
            onClick={() => void askToRun('upgrade', 'head')}
          >
            Apply…
          </button>
        ) : (
          <button type="button" className="primary" onClick={onReview}>
            Open Review
          </button>
        )}
      </span>
    </div>
  );
}
