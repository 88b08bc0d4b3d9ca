/**
 * "Import SQL / DBML": paste text or drop (or choose) a file; the server reads it (SQL through
 * a scratch Postgres, DBML through the DBML parser) and the preview lists what will be added,
 * the names already taken, and every object left out, before anything changes. Importing is
 * one store update, so one undo step.
 */
import { type Design, importConflicts } from '@retort/core';
import { type DragEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../api';
import type { ImportedSchema, ImportFormat, Problem } from '../api/types';
import { designStore } from '../store/design-store';
import { guessFormat, type ImportMode, importCounts, placeImport } from './place-import';

interface Props {
  /** The imported tables' ids, after the store holds them. */
  onImported: (tableIds: string[], mode: ImportMode) => void;
  onClose: () => void;
}

interface Failure {
  message: string;
  problems: Problem[];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export function ImportDialog({ onImported, onClose }: Props) {
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFormat>('sql');
  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [applying, setApplying] = useState(false);
  const [read, setRead] = useState<ImportedSchema | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [layout, setLayout] = useState(true);
  const [dragging, setDragging] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const current = designStore.getState().design;

  useEffect(() => textArea.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const changeText = (value: string, name: string | null = null) => {
    setText(value);
    setFileName(name);
    setFormat(guessFormat(value, name ?? ''));
    setRead(null);
    setFailure(null);
  };

  const readFile = async (file: File) => changeText(await file.text(), file.name);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  const preview = async () => {
    setReading(true);
    setFailure(null);
    setRead(null);
    try {
      setRead(await api.importSchema(format, text));
    } catch (error) {
      const body = error instanceof ApiError ? error.body : {};
      setFailure({
        message: error instanceof Error ? error.message : String(error),
        problems: body.problems ?? [],
      });
    } finally {
      setReading(false);
    }
  };

  const conflicts = useMemo(
    () => (read && current ? importConflicts(current, read.design) : { tables: [], enums: [] }),
    [read, current],
  );
  const counts = read ? importCounts(read.design) : null;
  const replacing = current?.tables.length ?? 0;

  const apply = async () => {
    const design = designStore.getState().design;
    if (!read || !design) return;
    setApplying(true);
    try {
      const placed = await placeImport(design, read.design as Design, mode, layout);
      designStore.getState().replaceDesign(placed.design, mode === 'merge' ? placed.tableIds : []);
      onImported(placed.tableIds, mode);
    } catch (error) {
      setFailure({ message: error instanceof Error ? error.message : String(error), problems: [] });
      setApplying(false);
    }
  };

  return (
    <div className="overlay">
      <button
        type="button"
        className="overlay__backdrop"
        aria-label="Close import"
        onClick={onClose}
      />
      <div
        className={`help run-dialog import-dialog${dragging ? ' import-dialog--drop' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <h2 id="import-title">Import SQL / DBML</h2>
        <p className="muted-note">
          Paste SQL (<code>CREATE</code> statements or a <code>pg_dump --schema-only</code> file) or
          DBML, or drop a file here.
        </p>
        <textarea
          ref={textArea}
          className="import-dialog__text"
          aria-label="SQL or DBML to import"
          spellCheck={false}
          rows={9}
          value={text}
          placeholder={
            'CREATE TABLE users (id bigint PRIMARY KEY, …);\n\nor\n\nTable users {\n  id bigint [pk]\n}'
          }
          onChange={(event) => changeText(event.target.value)}
        />
        <div className="import-dialog__row">
          <label className="import-dialog__file">
            Choose a file…
            <input
              type="file"
              accept=".sql,.dbml,.txt,text/plain"
              aria-label="Choose a file to import"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void readFile(file);
              }}
            />
          </label>
          {fileName && <code data-testid="import-file-name">{fileName}</code>}
          <span className="toolbar__spacer" />
          <fieldset className="import-dialog__choice">
            <legend>Format</legend>
            {(['sql', 'dbml'] as const).map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name="import-format"
                  checked={format === f}
                  onChange={() => {
                    setFormat(f);
                    setRead(null);
                    setFailure(null);
                  }}
                />
                {f === 'sql' ? 'SQL' : 'DBML'}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            onClick={() => void preview()}
            disabled={reading || text.trim() === ''}
          >
            {reading ? 'Reading…' : 'Preview'}
          </button>
        </div>

        {failure && (
          <div className="run-dialog__breaking" role="alert" data-testid="import-error">
            <p>{failure.message}</p>
            {failure.problems.length > 0 && (
              <ul>
                {failure.problems.map((p) => (
                  <li key={`${p.path}: ${p.message}`}>
                    <code>{p.path}</code>: {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        {read && counts && (
          <section className="import-dialog__preview" aria-label="Import preview">
            <p data-testid="import-summary">
              <strong>{plural(counts.tables, 'table')}</strong>, {plural(counts.enums, 'enum')},{' '}
              {plural(counts.columns, 'column')} to add.
            </p>
            <fieldset className="import-dialog__choice">
              <legend>Bring them in</legend>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  checked={mode === 'merge'}
                  onChange={() => setMode('merge')}
                />
                Merge into the current design
              </label>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  checked={mode === 'replace'}
                  onChange={() => setMode('replace')}
                />
                As a new design (replaces the current {plural(replacing, 'table')})
              </label>
            </fieldset>
            <label className="run-dialog__check">
              <input
                type="checkbox"
                checked={layout}
                onChange={(event) => setLayout(event.target.checked)}
              />
              Lay out the imported tables (auto layout)
            </label>
            {mode === 'merge' && conflicts.tables.length + conflicts.enums.length > 0 && (
              <div data-testid="import-conflicts">
                <h3>
                  Names already in the design ({conflicts.tables.length + conflicts.enums.length})
                </h3>
                <ul>
                  {conflicts.tables.map((c) => (
                    <li key={`t ${c.name}`}>
                      table <code>{c.name}</code> is added as <code>{c.becomes}</code>
                    </li>
                  ))}
                  {conflicts.enums.map((c) => (
                    <li key={`e ${c.name}`}>
                      enum <code>{c.name}</code> (other values) is added as <code>{c.becomes}</code>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {read.unmodelled.length === 0 && (
              <p className="muted-note" data-testid="import-left-out">
                Nothing is left out: Retort models everything the text describes.
              </p>
            )}
            {read.unmodelled.length > 0 && (
              <div className="run-dialog__loss" data-testid="import-left-out">
                <h3>Left out: {plural(read.unmodelled.length, 'object')} Retort does not model</h3>
                <ul>
                  {read.unmodelled.map((u) => (
                    <li key={`${u.kind} ${u.name} ${u.why}`}>
                      {u.kind} <code>{u.name}</code>: {u.why}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {read.notes.length > 0 && (
              <div data-testid="import-notes">
                <h3>Skipped in the file</h3>
                <ul>
                  {read.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </div>
            )}
            <details>
              <summary>The tables</summary>
              <p className="import-dialog__tables">
                {read.design.tables.map((t) => t.name).join(', ')}
              </p>
            </details>
          </section>
        )}

        <div className="run-dialog__buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!read || applying || !current}
            onClick={() => void apply()}
          >
            {applying
              ? 'Laying out…'
              : read
                ? `Import ${plural(read.design.tables.length, 'table')}`
                : 'Import'}
          </button>
        </div>
      </div>
    </div>
  );
}
