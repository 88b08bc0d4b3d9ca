/** The keyboard shortcuts, opened with `?` or the Help button, closed with Esc. */
import { useEffect, useRef } from 'react';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = mac ? '⌘' : 'Ctrl';

const SHORTCUTS: [string, string][] = [
  [`${mod}+Z`, 'Undo'],
  [`Shift+${mod}+Z`, 'Redo'],
  ['Ctrl+Y', 'Redo'],
  ['Delete / Backspace', 'Delete the selected table, column or foreign key'],
  ['Shift+click a table', 'Add it to the selection, or take it out'],
  ['Shift+drag on the canvas', 'Select the tables inside the box'],
  [`${mod}+A`, 'Select every table'],
  ['Drag a selected table', 'Move every selected table'],
  [`${mod}+D`, 'Duplicate the selected tables'],
  [`${mod}+C / ${mod}+V`, 'Copy the selected tables; paste them here or in another tab'],
  [
    `${mod}+K or /`,
    'Find a table or column by name, an area by name or a note by its text, and jump to it',
  ],
  ['I', 'Import SQL or DBML into the design (pasted or dropped)'],
  [
    `Shift+${mod}+E`,
    'Export a picture of the diagram or the selection (PNG or SVG, light or dark)',
  ],
  ['N', 'Add a note in the middle of the view (double-click it to write)'],
  ['G', 'Add a subject area around the selected tables; drag it by its name to move them'],
  ['F', 'Focus on the selected table and its neighbours; Esc shows all'],
  ['Double-click the canvas', 'Add a table there'],
  [
    'Drag from the dot at a column’s right onto another column’s row',
    'Draw a foreign key (onto a table’s header: to its primary key)',
  ],
  ['Drag the side panel’s left edge', 'Resize it; » folds it away'],
  ['Enter', 'Commit a field in the inspector'],
  ['Esc', 'Leave focus mode, else clear the selection; close this help'],
  ['?', 'Show or hide this help'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="overlay">
      <button
        type="button"
        className="overlay__backdrop"
        aria-label="Close help"
        onClick={onClose}
      />
      <div className="help" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={`${keys}-${what}`}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted-note">
          Edits are saved automatically. Review pending changes, create a revision and apply it from
          the Review tab; travel the history in the Timeline tab.
        </p>
        <button ref={close} type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
