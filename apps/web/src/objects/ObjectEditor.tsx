/**
 * The SQL editor for views, functions, triggers and policies: CodeMirror with the PostgreSQL
 * dialect, one CREATE statement. "Check and save" sends it with the design to the server,
 * which runs it over the design on a scratch Postgres (never the project's database); what
 * Postgres made comes back as Postgres prints it and goes into the design as one undo step.
 * A refusal stays in the editor: the sentence under it, and a lint mark on the line Postgres
 * points at. Esc or Cancel closes it without a change.
 */
import { PostgreSQL, sql } from '@codemirror/lang-sql';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { type Design, OBJECT_KIND_WORDS, objectFromCatalog } from '@retort/core';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../api';
import { designStore } from '../store/design-store';
import { viewStore } from '../store/view-store';
import { type ObjectEditing, objectEditorStore } from './editor-store';
import { objectStatementSql } from './object-sql';

interface Failure {
  message: string;
  line: number | null;
  column: number | null;
}

export function ObjectEditor({ editing }: { editing: ObjectEditing }) {
  const design = designStore.getState().design;
  const object = editing.objectId
    ? design?.objects?.find((o) => o.id === editing.objectId)
    : undefined;
  const initial = object
    ? objectStatementSql(object)
    : editing.objectId === undefined
      ? editing.template
      : '';
  const [text, setText] = useState(initial);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const view = useRef<EditorView | null>(null);
  const close = () => objectEditorStore.getState().close();
  const extensions = useMemo(
    () => [sql({ dialect: PostgreSQL }), lintGutter(), EditorView.lineWrapping],
    [],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // CodeMirror handles an Escape that closes its completion list; only another one closes.
      if (event.key === 'Escape' && !event.defaultPrevented) objectEditorStore.getState().close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const mark = (failed: Failure | null) => {
    setFailure(failed);
    const editor = view.current;
    if (!editor) return;
    const diagnostics: Diagnostic[] = [];
    if (failed?.line) {
      // The word Postgres points at, else the whole line.
      const line = editor.state.doc.line(Math.min(failed.line, editor.state.doc.lines));
      const at = Math.min(line.to, line.from + Math.max(0, (failed.column ?? 1) - 1));
      const word = /^[\w$."]+/.exec(line.text.slice(at - line.from))?.[0].length ?? 0;
      const [from, to] = word > 0 ? [at, at + word] : [line.from, line.to];
      diagnostics.push({ from, to, severity: 'error', message: failed.message });
    }
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  };

  const checkAndSave = async () => {
    const current = designStore.getState().design;
    if (!current || checking) return;
    setChecking(true);
    try {
      const { objects } = await api.checkObject(current, text, object?.id);
      save(current, objects, object?.id, object?.comment ?? null);
      close();
    } catch (error) {
      if (error instanceof ApiError) {
        mark({
          message: error.message,
          line: error.body.line ?? null,
          column: error.body.column ?? null,
        });
      } else {
        const message = error instanceof Error ? error.message : String(error);
        mark({ message, line: null, column: null });
      }
    } finally {
      setChecking(false);
    }
  };

  const title = object
    ? `Edit ${OBJECT_KIND_WORDS[object.kind]} ${object.name}`
    : 'New view, function, trigger or policy';
  return (
    <div className="overlay">
      <button
        type="button"
        className="overlay__backdrop"
        aria-label="Close the SQL editor"
        onClick={close}
      />
      <div
        className="help run-dialog object-editor"
        role="dialog"
        aria-modal="true"
        aria-labelledby="object-editor-title"
        data-testid="object-editor"
      >
        <h2 id="object-editor-title">{title}</h2>
        <p className="muted-note">
          One <code>CREATE</code> statement: a view, materialized view (or its index), function,
          procedure, trigger or policy. It is checked on a scratch Postgres built from the design
          before it is saved; your database changes only when you apply a revision.
        </p>
        <section className="object-editor__code" aria-label="SQL">
          <CodeMirror
            value={text}
            height="280px"
            extensions={extensions}
            autoFocus
            basicSetup={{ foldGutter: false, autocompletion: true }}
            onCreateEditor={(editor) => {
              view.current = editor;
            }}
            onChange={(value) => {
              setText(value);
              if (failure) mark(null);
            }}
          />
        </section>
        {failure && (
          <p className="object-editor__error" role="alert" data-testid="object-editor-error">
            {failure.message}
          </p>
        )}
        <div className="run-dialog__actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={checking || text.trim() === ''}
            onClick={() => void checkAndSave()}
          >
            {checking ? 'Checking…' : 'Check and save'}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * Puts what Postgres made into the design: the first object in place of the one edited
 * (keeping its id and comment), any others beside it; a view is then shown on the canvas.
 */
function save(
  design: Design,
  objects: Parameters<typeof objectFromCatalog>[1][],
  replaces: string | undefined,
  comment: string | null,
) {
  const store = designStore.getState();
  let current = design;
  let first: string | null = null;
  objects.forEach((checked, i) => {
    const id = i === 0 ? replaces : undefined;
    const next = objectFromCatalog(current, checked, id);
    const kept = id !== undefined && next.comment === null ? { ...next, comment } : next;
    store.putObject(kept);
    first ??= kept.id;
    current = designStore.getState().design ?? current;
  });
  if (first) {
    store.select({ kind: 'object', id: first });
    const saved = designStore.getState().design?.objects?.find((o) => o.id === first);
    if (saved?.kind === 'view' || saved?.kind === 'materialized_view') {
      requestAnimationFrame(() => viewStore.getState().revealItem(first!));
    }
  }
}
