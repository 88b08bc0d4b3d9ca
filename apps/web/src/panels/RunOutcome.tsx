/** The last upgrade/downgrade: its progress, the steps it applied, or Postgres' refusal. */
import { useSessionStore } from '../store/session-store';

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
        <p>{run.error}</p>
        {run.revision && <p>Revision: {run.revision}</p>}
        {run.statement && <pre className="statement">{run.statement}</pre>}
        {run.preflight.length > 0 && (
          <section className="run__preflight" aria-labelledby="run-preflight-heading">
            <h4 id="run-preflight-heading">Refused before anything ran</h4>
            <ul>
              {run.preflight.map((finding) => (
                <li
                  key={`${finding.operation}-${finding.code}-${finding.message}`}
                  data-testid="run-preflight-finding"
                >
                  {finding.rows} row{finding.rows === 1 ? '' : 's'} — {finding.message}
                </li>
              ))}
            </ul>
          </section>
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
