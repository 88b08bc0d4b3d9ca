/** The last upgrade/downgrade: its progress, the steps it applied, or Postgres' refusal. */
import { sessionStore, useSessionStore } from '../store/session-store';
import { BreakingRows } from './RunDialog';

export function RunOutcome() {
  const run = useSessionStore((s) => s.run);
  if (run.state === 'idle') return null;
  if (run.state === 'running')
    return (
      <div className="run run--running" role="status" data-testid="run-outcome">
        <span className="spinner" aria-hidden="true" />
        {run.direction === 'upgrade' ? 'Upgrading' : 'Downgrading'} to {run.target}…
      </div>
    );
  if (run.state === 'failed')
    return (
      <div className="run run--failed" role="alert" data-testid="run-outcome">
        <strong>
          {run.direction === 'upgrade' ? 'Upgrade' : 'Downgrade'} failed
          {/* Only a failed statement means something ran; a refusal (preflight, lock budget,
              another run) stops before the first one, and the server's sentence says so. */}
          {run.statement ? ' and was rolled back.' : '.'}
        </strong>
        {/* A refusal's sentence repeats its findings: each is shown once, below, instead. */}
        {run.preflight.length > 0 ? (
          <p>
            Revision {run.revision} would break existing rows, so nothing ran and nothing was
            changed.
          </p>
        ) : (
          <p>{run.error}</p>
        )}
        {run.revision && run.preflight.length === 0 && <p>Revision: {run.revision}</p>}
        {run.statement && <pre className="statement">{run.statement}</pre>}
        {run.preflight.length > 0 && (
          <>
            <BreakingRows findings={run.preflight} force={false} verb={run.direction} />
            <button
              type="button"
              onClick={() =>
                void sessionStore.getState().askToRun(run.direction, run.target, { force: true })
              }
            >
              {run.direction === 'upgrade' ? 'Upgrade' : 'Downgrade'} with force…
            </button>
          </>
        )}
      </div>
    );
  const { result } = run;
  return (
    <div className="run run--done" role="status" data-testid="run-outcome">
      <strong>
        {result.steps.length === 0
          ? 'Nothing to do: the database is already there.'
          : `${run.direction === 'upgrade' ? 'Upgraded' : 'Downgraded'} ${result.from ?? 'base'} → ${result.to ?? 'base'}`}
      </strong>
      <ul>
        {result.steps.map((step) => (
          <li key={`${step.direction}-${step.revision}`}>
            {step.direction} {step.revision} — {step.message} ({step.statements.length} statement
            {step.statements.length === 1 ? '' : 's'})
          </li>
        ))}
      </ul>
      {result.notices?.map((notice) => (
        <p key={notice} className="run__notice" data-testid="run-notice">
          {notice}
        </p>
      ))}
    </div>
  );
}
