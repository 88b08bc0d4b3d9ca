/**
 * The find palette: Ctrl/Cmd+K (or `/`) opens it; typing filters the tables and columns by
 * name (and the subject areas by name, the notes by their text, the views, functions,
 * triggers and policies by name), the arrow keys move through
 * the list, Enter (or a click) jumps there: what was found is selected and the canvas centres
 * on it, highlighting a table. Esc closes it.
 */
import '../styles/find.css';
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { isTyping } from '../is-typing';
import { designStore, useDesignStore } from '../store/design-store';
import { viewStore } from '../store/view-store';
import { type FindMatch, findMatches } from './find-matches';

export function FindPalette({ onJump }: { onJump?: (match: FindMatch) => void }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const inCode = event.target instanceof HTMLElement && event.target.closest('.cm-editor');
      if (mod && !event.altKey && event.key.toLowerCase() === 'k' && !inCode) {
        event.preventDefault();
        setOpen((was) => !was);
      } else if (event.key === '/' && !mod && !isTyping(event.target)) {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  if (!open) return null;
  return (
    <FindDialog
      onClose={() => setOpen(false)}
      onJump={(match) => {
        setOpen(false);
        jumpTo(match);
        onJump?.(match);
      }}
    />
  );
}

function jumpTo(match: FindMatch) {
  const state = designStore.getState();
  switch (match.kind) {
    case 'table':
      state.select({ kind: 'table', id: match.tableId });
      viewStore.getState().revealItem(match.tableId);
      break;
    case 'column':
      state.select({ kind: 'column', tableId: match.tableId, id: match.columnId });
      viewStore.getState().revealItem(match.tableId);
      break;
    case 'area':
    case 'note':
      state.select({ kind: match.kind, id: match.id });
      viewStore.getState().revealItem(match.id);
      break;
    case 'object':
      state.select({ kind: 'object', id: match.id });
      if (match.drawn) viewStore.getState().revealItem(match.id);
      break;
  }
}

const matchKey = (match: FindMatch) =>
  match.kind === 'table' ? match.tableId : match.kind === 'column' ? match.columnId : match.id;

function MatchLabel({ match }: { match: FindMatch }) {
  switch (match.kind) {
    case 'table':
      return (
        <>
          <span className="find-palette__kind">table</span>
          <span className="find-palette__name">{match.table}</span>
        </>
      );
    case 'column':
      return (
        <>
          <span className="find-palette__kind">column</span>
          <span className="find-palette__name">
            <span className="find-palette__table">{match.table}.</span>
            {match.column}
          </span>
          <code className="find-palette__type">{match.type}</code>
        </>
      );
    case 'area':
      return (
        <>
          <span className="find-palette__kind">area</span>
          <span className="find-palette__name">{match.name}</span>
        </>
      );
    case 'note':
      return (
        <>
          <span className="find-palette__kind">note</span>
          <span className="find-palette__name">{match.text}</span>
        </>
      );
    case 'object':
      return (
        <>
          <span className="find-palette__kind">{match.objectKind}</span>
          <span className="find-palette__name">{match.name}</span>
        </>
      );
  }
}

function FindDialog({
  onClose,
  onJump,
}: {
  onClose: () => void;
  onJump: (match: FindMatch) => void;
}) {
  const design = useDesignStore((s) => s.design);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => findMatches(design, query), [design, query]);
  const listId = useId();
  const current = Math.min(active, matches.length - 1);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + matches.length) % matches.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const match = matches[current];
      if (match) onJump(match);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="overlay overlay--top">
      <button
        type="button"
        className="overlay__backdrop"
        aria-label="Close find"
        onClick={onClose}
      />
      <div className="find-palette" role="dialog" aria-label="Find a table, column, area or note">
        <input
          className="find-palette__input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={current >= 0 ? `${listId}-${current}` : undefined}
          aria-label="Find a table, column, area or note"
          placeholder="Find a table, column, view, function, area or note (table.column narrows)"
          value={query}
          // biome-ignore lint/a11y/noAutofocus: the palette opens because the user asked to find
          autoFocus
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <div className="find-palette__list" id={listId} role="listbox">
          {matches.map((match, i) => (
            <div
              key={matchKey(match)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              className="find-palette__item"
              data-testid="find-result"
              ref={i === current ? (item) => item?.scrollIntoView({ block: 'nearest' }) : undefined}
              onMouseDown={(event) => event.preventDefault()}
              tabIndex={-1}
              onClick={() => onJump(match)}
              onKeyDown={(event) => event.key === 'Enter' && onJump(match)}
              onMouseMove={() => i !== current && setActive(i)}
            >
              <MatchLabel match={match} />
            </div>
          ))}
          {matches.length === 0 && <p className="find-palette__empty">Nothing matches.</p>}
        </div>
      </div>
    </div>
  );
}
