/**
 * Asked before every upgrade or downgrade the editor runs: what it drops and the rows lost
 * with it (counted by a dry run inside a rolled-back transaction), the rows it would break,
 * its statements, and its lock timeout. Dropping populated tables or going down to base
 * also needs the database's name typed; a refused run offers force behind its own checkbox.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { DataLoss, PreflightFinding, RunResult } from '../api';
import {
  DEFAULT_LOCK_TIMEOUT,
  type RunDialog as Dialog,
  sessionStore,
  useSessionStore,
} from '../store/session-store';
import { copyCode } from './code-actions';
import { MigrationPreview, sqlScript } from './MigrationPreview';

const LOCK_TIMEOUT = /^\d+(ms|s|min)$/;
/** Preflight codes for data a drop deletes, rather than rows that break a statement. */
const DATA_LOST = new Set(['values_lost', 'rows_lost']);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The run's statements as one script, each step headed by its revision. */
export function runScript(result: RunResult): string {
  return result.steps
    .map(
      (step) =>
        `-- ${step.direction} ${step.revision}: ${step.message}\n${sqlScript(step.statements)}`,
    )
    .join('\n\n');
}

/** What a drop loses, in words: "table users (2 rows)". */
export function describeLoss(loss: DataLoss): string {
  if (loss.kind === 'enum') return `enum ${loss.name} (its values go with the columns that use it)`;
  const what = loss.kind === 'table' ? `table ${loss.name}` : `column ${loss.table}.${loss.name}`;
  const rows = loss.kind === 'table' ? plural(loss.rows, 'row') : plural(loss.rows, 'stored value');
  return `${what} (${rows})`;
}

/** Whether the person must type the database's name: populated data goes, or everything does. */
export function needsTypedName(dialog: { direction: string; target: string }, preview: RunResult) {
  if (dialog.direction === 'downgrade' && dialog.target === 'base') return true;
  return (preview.dataLoss ?? []).some((l) => l.rows > 0);
}

export function RunDialog() {
  const dialog = useSessionStore((s) => s.runDialog);
  if (!dialog) return null;
  return <RunDialogBody key={`${dialog.direction}-${dialog.target}`} dialog={dialog} />;
}

function RunDialogBody({ dialog }: { dialog: Dialog }) {
  const titleId = useId();
  const [lockTimeout, setLockTimeout] = useState(DEFAULT_LOCK_TIMEOUT);
  const [typed, setTyped] = useState('');
  const first = useRef<HTMLButtonElement>(null);
  const { closeRunDialog, migrate, askToRun } = sessionStore.getState();
  const downgrade = dialog.direction === 'downgrade';
  const verb = downgrade ? 'Downgrade' : 'Apply';
  const title = downgrade
    ? `Downgrade to ${dialog.target}`
    : dialog.target === 'head'
      ? 'Apply: upgrade to head'
      : `Upgrade to ${dialog.target}`;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeRunDialog();
    };
    window.addEventListener('keydown', onKeyDown);
    first.current?.focus();
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closeRunDialog]);

  const preview = dialog.preview;
  const losses = preview?.dataLoss ?? [];
  const lost = losses;
  // Preflight counts what a drop deletes too; those are listed above, confirmed by name.
  const findings = (preview?.preflight ?? []).filter((f) => !DATA_LOST.has(f.code));
  const deletes = (preview?.preflight ?? []).some((f) => DATA_LOST.has(f.code));
  const refused = findings.length > 0 && !dialog.force;
  const typedNeeded = preview !== null && needsTypedName(dialog, preview);
  const database = preview?.database ?? '';
  const lockOk = LOCK_TIMEOUT.test(lockTimeout.trim());
  const nothingToDo = preview !== null && preview.steps.length === 0;
  const canRun =
    preview !== null &&
    !dialog.loading &&
    !nothingToDo &&
    !refused &&
    lockOk &&
    (!typedNeeded || typed.trim() === database);

  return (
    <div className="overlay">
      <button
        type="button"
        className="overlay__backdrop"
        aria-label="Cancel"
        tabIndex={-1}
        onClick={closeRunDialog}
      />
      <div
        className="help run-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="run-dialog"
      >
        <h2 id={titleId}>{title}</h2>
        {dialog.loading && !dialog.preview && (
          <p className="muted-note" role="status">
            <span className="spinner" aria-hidden="true" /> Checking what this would do (a dry run
            that changes nothing)…
          </p>
        )}
        {dialog.error && (
          <p className="error-note" role="alert" data-testid="run-dialog-error">
            {dialog.preview && dialog.force
              ? `The dry run with force failed, and so would the run: ${dialog.error}`
              : dialog.error}
          </p>
        )}
        {preview && (
          <>
            <p>
              {nothingToDo
                ? 'Nothing to do: the database is already there.'
                : `${plural(preview.steps.length, 'revision')}: ${preview.from ?? 'base'} → ${preview.to ?? 'base'}.`}
            </p>
            {lost.length > 0 && (
              <section className="run-dialog__loss" aria-label="Data that will be dropped">
                <h3>This drops</h3>
                <ul>
                  {lost.map((loss) => (
                    <li key={`${loss.operation}-${loss.kind}-${loss.name}`} data-testid="data-loss">
                      {describeLoss(loss)}
                    </li>
                  ))}
                </ul>
                <p className="run-dialog__warning">
                  <strong>Dropped data does not come back.</strong>{' '}
                  {downgrade
                    ? 'Upgrading again re-creates the tables and columns empty.'
                    : 'No copy is kept; back the database up first if you may need it.'}
                </p>
              </section>
            )}
            {downgrade && !nothingToDo && lost.length === 0 && (
              <p className="run-dialog__warning" data-testid="downgrade-note">
                <strong>Dropped data does not come back.</strong> A downgrade puts the schema back,
                not the data.
              </p>
            )}
            {findings.length > 0 && (
              <BreakingRows findings={findings} force={dialog.force} verb={verb} />
            )}
            {findings.length > 0 && (
              <label className="run-dialog__check">
                <input
                  type="checkbox"
                  checked={dialog.force}
                  onChange={(event) =>
                    void askToRun(dialog.direction, dialog.target, { force: event.target.checked })
                  }
                />
                Run with force anyway: Postgres checks every row itself and, if one still breaks a
                statement, refuses it and rolls the whole run back.
              </label>
            )}
            {!nothingToDo && (
              <MigrationPreview
                title="Statements"
                files={[
                  {
                    id: 'sql',
                    tab: 'Statements',
                    code: runScript(preview),
                    language: 'sql',
                    label: 'run-sql',
                    file: `${dialog.direction}-${dialog.target}.sql`,
                  },
                ]}
                selected="sql"
                onSelect={() => {}}
                maxHeight="180px"
              />
            )}
            {!nothingToDo && (
              <label className="run-dialog__field">
                Lock timeout
                <input
                  type="text"
                  value={lockTimeout}
                  onChange={(event) => setLockTimeout(event.target.value)}
                  aria-invalid={!lockOk}
                  size={8}
                />
                <span className="muted-note">
                  If another session holds a table for longer than this, the run stops and rolls
                  back instead of making every query on that table wait behind it (e.g. 500ms, 5s,
                  1min).
                </span>
              </label>
            )}
            {typedNeeded && !nothingToDo && (
              <label className="run-dialog__field">
                <span>
                  Type the database name <code>{database}</code> to confirm
                </span>
                <input
                  type="text"
                  value={typed}
                  onChange={(event) => setTyped(event.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                />
              </label>
            )}
          </>
        )}
        <div className="run-dialog__buttons">
          <button ref={first} type="button" onClick={closeRunDialog}>
            Cancel
          </button>
          <button
            type="button"
            className={downgrade || lost.length > 0 || dialog.force ? 'danger' : 'primary'}
            disabled={!canRun}
            onClick={() =>
              void migrate(dialog.direction, dialog.target, {
                // The server refuses a drop of held data without force; the typed name is the consent.
                force: dialog.force || deletes,
                lockTimeout: lockTimeout.trim(),
              })
            }
          >
            {dialog.force ? `${verb} with force` : verb}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Per finding: its sentence, the keys of the first breaking rows, a SELECT that finds them all. */
export function BreakingRows({
  findings,
  force,
  verb,
}: {
  findings: readonly PreflightFinding[];
  force: boolean;
  verb: string;
}) {
  return (
    <section className="run-dialog__breaking" aria-label="Rows this run would break">
      <h3>{force ? 'Rows that may make it fail' : `Refused: rows this would break`}</h3>
      <ul>
        {findings.map((finding) => (
          <li
            key={`${finding.operation}-${finding.code}-${finding.message}`}
            data-testid="breaking-rows"
          >
            <p>{finding.message}</p>
            {finding.sample && finding.sample.length > 0 && (
              <p className="muted-note" data-testid="breaking-keys">
                First {finding.sample.length === 1 ? 'one' : finding.sample.length}:{' '}
                {finding.sample
                  .map((key) =>
                    Object.entries(key)
                      .map(([column, value]) => `${column} = ${value ?? 'NULL'}`)
                      .join(', '),
                  )
                  .join('; ')}
                {finding.rows > finding.sample.length ? '; …' : ''}
              </p>
            )}
            {finding.query && (
              <div className="breaking-query">
                <pre data-testid="breaking-query">{`${finding.query};`}</pre>
                <button type="button" onClick={() => void copyCode(`${finding.query};`, 'SELECT')}>
                  Copy SELECT
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {!force && (
        <p className="muted-note">
          Nothing runs while these rows remain: fix them (the SELECT finds them all), or tick force
          to {verb.toLowerCase()} anyway.
        </p>
      )}
    </section>
  );
}
