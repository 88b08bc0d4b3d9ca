/**
 * What the next revision would hold: the operations since head in plain words, each with its
 * lint findings and preflight row counts, the SQL and Alembic previews; then "Create
 * revision" and "Apply" (upgrade to head) with the run's outcome.
 */
import { lintExplanations } from '@retort/core';
import { useEffect, useState } from 'react';
import type { PreflightFinding } from '../api';
import { useSessionStore } from '../store/session-store';
import { describeOperation } from './describe-operation';
import { MigrationPreview, sqlScript } from './MigrationPreview';
import { RunOutcome } from './RunOutcome';

export function ReviewPanel() {
  const pending = useSessionStore((s) => s.pending);
  const pendingError = useSessionStore((s) => s.pendingError);
  const project = useSessionStore((s) => s.project);
  const saveStatus = useSessionStore((s) => s.saveStatus);
  const run = useSessionStore((s) => s.run);
  const refreshPending = useSessionStore((s) => s.refreshPending);
  const createRevision = useSessionStore((s) => s.createRevision);
  const askToRun = useSessionStore((s) => s.askToRun);
  const [message, setMessage] = useState('');
  const [creating, setCreating] = useState(false);
  const [preview, setPreview] = useState<'sql' | 'downgrade' | 'alembic'>('sql');

  useEffect(() => {
    void refreshPending();
  }, [refreshPending]);

  const operations = pending?.operations ?? [];
  const atHead = project !== null && project.current === project.head;
  const running = run.state === 'running';
  const unsaved = saveStatus !== 'saved';

  const create = async () => {
    setCreating(true);
    const ok = await createRevision(message.trim() || 'Changes from the editor');
    setCreating(false);
    if (ok) setMessage('');
  };

  return (
    <section className="panel review-panel" aria-label="Review">
      <h2 className="panel-title">Pending changes</h2>
      {pendingError && <p className="error-note">{pendingError}</p>}
      {!pending && !pendingError && <p className="empty-note">Loading…</p>}
      {pending && operations.length === 0 && (
        <p className="empty-note" data-testid="no-pending">
          No changes since the head revision.
        </p>
      )}
      {operations.length > 0 && (
        <ol className="operations" data-testid="operations">
          {operations.map((op, index) => {
            const lint = pending?.lint.filter((l) => l.operation === index) ?? [];
            const preflight = pending?.preflight.filter((p) => p.operation === index) ?? [];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: operations have no identity but their order
              <li key={index} className="operation" data-testid="operation">
                <span className="operation__text">{describeOperation(op)}</span>
                {lint.map((finding) => (
                  <div
                    key={`${finding.code}-${finding.message}`}
                    className={`finding finding--${finding.level}`}
                    data-testid="lint-finding"
                    data-level={finding.level}
                  >
                    <span className="finding__level">{finding.level}</span>
                    <code className="finding__code">
                      {[finding.code, ...(finding.aliases ?? [])].join(' / ')}
                    </code>
                    <span className="finding__message">{finding.message}</span>
                    {lintExplanations[finding.code] && (
                      <span className="finding__why" data-testid="lint-explanation">
                        {lintExplanations[finding.code]}
                      </span>
                    )}
                  </div>
                ))}
                {preflight.map((p: PreflightFinding) => (
                  <div
                    key={`${p.code}-${p.message}`}
                    className="finding finding--error"
                    data-testid="preflight-finding"
                  >
                    <span className="finding__level">
                      {p.rows} row{p.rows === 1 ? '' : 's'}
                    </span>
                    <span>{p.message}</span>
                  </div>
                ))}
              </li>
            );
          })}
        </ol>
      )}

      {operations.length > 0 && pending && (
        <>
          <MigrationPreview
            title="Preview"
            files={[
              {
                id: 'sql',
                tab: 'SQL upgrade',
                code: sqlScript(pending.sql.upgrade),
                language: 'sql',
                label: 'sql',
                file: 'upgrade.sql',
              },
              {
                id: 'downgrade',
                tab: 'SQL downgrade',
                code: sqlScript(pending.sql.downgrade),
                language: 'sql',
                label: 'sql',
                file: 'downgrade.sql',
              },
              {
                id: 'alembic',
                tab: 'Alembic',
                code: pending.alembic,
                language: 'python',
                label: 'alembic',
                file: 'revision.py',
              },
            ]}
            selected={preview}
            onSelect={setPreview}
            maxHeight="260px"
          />
          {preview === 'downgrade' && (
            <p className="muted-note" data-testid="downgrade-note">
              Downgrading drops what this revision adds. Dropped data does not come back: the tables
              and columns return empty on the next upgrade.
            </p>
          )}
          <form
            className="revision-form"
            onSubmit={(event) => {
              event.preventDefault();
              void create();
            }}
          >
            <input
              type="text"
              aria-label="Revision message"
              placeholder="Revision message"
              value={message}
              onChange={(event) => setMessage(event.target.value)}
            />
            <button type="submit" className="primary" disabled={creating || unsaved}>
              Create revision
            </button>
          </form>
          {unsaved && <p className="muted-note">Waiting for the design to be saved…</p>}
        </>
      )}

      <div className="apply-box">
        <div>
          Database: <strong>{project?.current ?? 'base'}</strong>
          {' · '}head: <strong>{project?.head ?? 'none'}</strong>
          {atHead && <span className="badge badge--ok">at head</span>}
        </div>
        <button
          type="button"
          className="primary"
          disabled={running || atHead || !project?.head}
          onClick={() => void askToRun('upgrade', 'head')}
        >
          {running && run.direction === 'upgrade' ? 'Applying…' : 'Apply'}
        </button>
      </div>
      <RunOutcome />
    </section>
  );
}
