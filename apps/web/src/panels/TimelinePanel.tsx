/**
 * The revisions as a vertical history, newest on top, with the database's current one
 * marked; each can be upgraded or downgraded to, or opened to see the schema as it was then.
 */
import { useEffect, useState } from 'react';
import { api, type RevisionSummary } from '../api';
import { useSessionStore } from '../store/session-store';
import { MigrationPreview, sqlScript } from './MigrationPreview';
import { RunOutcome } from './RunOutcome';

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function TimelinePanel() {
  const list = useSessionStore((s) => s.revisions);
  const run = useSessionStore((s) => s.run);
  const viewing = useSessionStore((s) => s.viewing);
  const refreshRevisions = useSessionStore((s) => s.refreshRevisions);
  const askToRun = useSessionStore((s) => s.askToRun);
  const viewRevision = useSessionStore((s) => s.viewRevision);
  const backToEditing = useSessionStore((s) => s.backToEditing);
  const [file, setFile] = useState<'sql' | 'alembic'>('sql');

  useEffect(() => {
    void refreshRevisions();
  }, [refreshRevisions]);

  if (!list) return <p className="empty-note">Loading…</p>;
  const newestFirst = [...list.revisions].reverse();
  const running = run.state === 'running';

  const action = (revision: RevisionSummary) => {
    if (revision.current) return null;
    const upgrade = !revision.applied;
    return (
      <button
        type="button"
        disabled={running}
        onClick={(event) => {
          event.stopPropagation();
          void askToRun(upgrade ? 'upgrade' : 'downgrade', revision.id);
        }}
      >
        {upgrade ? 'Upgrade to here' : 'Downgrade to here'}
      </button>
    );
  };

  return (
    <section className="panel timeline-panel" aria-label="Timeline">
      <div className="panel-heading">
        <h2 className="panel-title">Revisions</h2>
        {/* The server sends it as an attachment: a plain link downloads it, with the session's cookie. */}
        <a
          className="button"
          href={api.exportAlembicUrl}
          download
          title="alembic.ini, env.py, models.py and one file per revision in versions/, ready for `alembic upgrade head`"
        >
          Download Alembic project
        </a>
      </div>
      {viewing && (
        <div className="viewing-box" data-testid="viewing">
          <div className="viewing-box__head">
            <span>
              Viewing <code>{viewing.revision.id}</code> — {viewing.revision.message}
            </span>
            <button type="button" className="primary" onClick={backToEditing}>
              Back to editing
            </button>
          </div>
          <MigrationPreview
            title="Revision file"
            files={[
              {
                id: 'sql',
                tab: 'SQL',
                code: sqlScript(viewing.revision.sql.upgrade),
                language: 'sql',
                label: 'revision-sql',
                file: `${viewing.revision.id}_upgrade.sql`,
              },
              {
                id: 'alembic',
                tab: 'Alembic',
                code: viewing.alembic,
                language: 'python',
                label: 'revision-alembic',
                file: `${viewing.revision.id}.py`,
              },
            ]}
            selected={file}
            onSelect={setFile}
            maxHeight="220px"
          />
        </div>
      )}
      <RunOutcome />
      <ol className="timeline" data-testid="timeline">
        {newestFirst.map((revision) => (
          <li
            key={revision.id}
            className={[
              'timeline__item',
              revision.applied ? 'timeline__item--applied' : '',
              viewing?.revision.id === revision.id ? 'timeline__item--viewing' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            data-testid="revision"
            data-revision={revision.id}
          >
            <span className="timeline__dot" aria-hidden="true" />
            <button
              type="button"
              className="timeline__body"
              onClick={() => void viewRevision(revision.id)}
              title="Show the schema as it was at this revision"
            >
              <span className="timeline__message">{revision.message}</span>
              <span className="timeline__meta">
                <code>{revision.id.slice(0, 12)}</code> · {formatDate(revision.createdAt)} ·{' '}
                {revision.operations} change{revision.operations === 1 ? '' : 's'}
              </span>
              <span className="timeline__badges">
                {revision.id === list.head && <span className="badge">head</span>}
                {revision.current && (
                  <span className="badge badge--current" data-testid="current-badge">
                    database
                  </span>
                )}
                {revision.applied ? (
                  <span className="badge badge--ok">applied</span>
                ) : (
                  <span className="badge badge--muted">not applied</span>
                )}
              </span>
            </button>
            <div className="timeline__actions">{action(revision)}</div>
          </li>
        ))}
        <li className="timeline__item timeline__item--base" data-testid="revision-base">
          <span className="timeline__dot" aria-hidden="true" />
          <div className="timeline__body">
            <span className="timeline__message">base (empty database)</span>
            <span className="timeline__badges">
              {list.current === null && (
                <span className="badge badge--current" data-testid="current-badge">
                  database
                </span>
              )}
            </span>
          </div>
          <div className="timeline__actions">
            {list.current !== null && (
              <button
                type="button"
                disabled={running}
                onClick={() => void askToRun('downgrade', 'base')}
              >
                Downgrade to here
              </button>
            )}
          </div>
        </li>
      </ol>
    </section>
  );
}
