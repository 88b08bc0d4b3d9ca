/**
 * Inspector inputs. Text fields keep a draft while typing and commit it on blur or Enter
 * (Escape reverts), so one edit is one undo step, not one per keystroke.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';

export interface CommitInputProps {
  value: string;
  onCommit: (value: string) => void;
  'aria-label': string;
  placeholder?: string;
  list?: string;
  multiline?: boolean;
  disabled?: boolean;
  invalid?: boolean;
  className?: string;
  /** Takes the focus, its text selected, when shown: the name of something just added. */
  focused?: boolean;
}

export function CommitInput(props: CommitInputProps) {
  const { value, onCommit, multiline, invalid, className, focused, ...rest } = props;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focused) return;
    input.current?.focus();
    input.current?.select();
  }, [focused]);
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft !== value) onCommit(draft);
    setDraft(value);
  };
  const common = {
    ...rest,
    value: draft,
    className: ['inspector-input', className ?? ''].filter(Boolean).join(' '),
    'aria-invalid': invalid || undefined,
    onBlur: commit,
  };
  if (multiline) {
    return (
      <textarea
        {...common}
        rows={2}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) commit();
          if (event.key === 'Escape') setDraft(value);
        }}
      />
    );
  }
  return (
    <input
      {...common}
      ref={input}
      type="text"
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setDraft(value);
      }}
    />
  );
}

export function Field(props: { label: string; problems?: string[]; children: ReactNode }) {
  const { label, problems, children } = props;
  return (
    <div className={problems?.length ? 'field field--problem' : 'field'}>
      <span className="field__label">{label}</span>
      {children}
      <Problems messages={problems} />
    </div>
  );
}

/**
 * A labelled text input, then what goes with it (a datalist). The label names the input
 * unless `aria-label` does; problems mark the input invalid unless `invalid` says.
 */
export function TextField(
  props: Omit<CommitInputProps, 'aria-label'> & {
    label: string;
    'aria-label'?: string;
    problems?: string[];
    children?: ReactNode;
  },
) {
  const { label, problems, children, ...input } = props;
  return (
    <Field label={label} problems={problems}>
      <CommitInput aria-label={label} {...input} invalid={input.invalid ?? !!problems} />
      {children}
    </Field>
  );
}

/** What COMMENT ON says of the shown object, over several lines; problems do not mark it. */
export function CommentField(props: {
  value: string | null;
  problems?: string[];
  disabled: boolean;
  onCommit: (comment: string) => void;
}) {
  return (
    <TextField
      label="Comment"
      problems={props.problems}
      value={props.value ?? ''}
      multiline
      disabled={props.disabled}
      invalid={false}
      onCommit={props.onCommit}
    />
  );
}

/** Where the shown item sits: a link back to its parent, then its own name. */
export function Crumbs(props: { parent: string; onParent: () => void; name: string }) {
  return (
    <nav className="inspector-crumbs">
      <button type="button" className="link-button" onClick={props.onParent}>
        {props.parent}
      </button>
      <span aria-hidden="true"> / </span>
      <span>{props.name}</span>
    </nav>
  );
}

export function Toggle(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  problems?: string[];
}) {
  const { label, checked, onChange, disabled, problems } = props;
  return (
    <div className={problems?.length ? 'toggle field--problem' : 'toggle'}>
      <label>
        <input
          type="checkbox"
          aria-label={label}
          checked={checked}
          disabled={disabled}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        {label}
      </label>
      <Problems messages={problems} />
    </div>
  );
}

export function Problems({ messages }: { messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <ul className="inspector-problems">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** A section's one button, as in "Add column"; false (read-only) for none. */
export interface SectionAction {
  label: string;
  onClick: () => void;
}

export function Section(props: {
  title: string;
  action?: SectionAction | false;
  children: ReactNode;
}) {
  const { action } = props;
  return (
    <section className="inspector-section">
      <header className="inspector-section__header">
        <h3>{props.title}</h3>
        {action && (
          <button type="button" onClick={() => action.onClick()}>
            {action.label}
          </button>
        )}
      </header>
      {props.children}
    </section>
  );
}

/** The inspector's last row: removing what it shows. */
export function DeleteAction(props: { label: string; onDelete: () => void }) {
  return (
    <div className="inspector-actions">
      <button type="button" className="danger-button" onClick={props.onDelete}>
        {props.label}
      </button>
    </div>
  );
}
