/**
 * The canvas' focus-mode bar: with one table selected it offers to focus on it (F); in
 * focus mode it names the table, switches between one and two foreign-key hops, and leaves
 * (Esc).
 */
import { Panel } from '@xyflow/react';
import { type FocusHops, useViewStore, viewStore } from '../store/view-store';

export function FocusBar({
  focusName,
  selectedTable,
}: {
  /** The focused table's name, when focus mode is on. */
  focusName: string | null;
  /** The one selected table, which the button would focus on. */
  selectedTable: { id: string; name: string } | null;
}) {
  const focus = useViewStore((s) => s.focus);
  if (focus && focusName !== null) {
    const hopsButton = (hops: FocusHops) => (
      <button
        type="button"
        aria-pressed={focus.hops === hops}
        className={focus.hops === hops ? 'focus-bar__hops focus-bar__hops--on' : 'focus-bar__hops'}
        onClick={() => viewStore.getState().setFocusHops(hops)}
      >
        {hops} hop{hops === 1 ? '' : 's'}
      </button>
    );
    return (
      <Panel position="top-center" className="focus-bar" data-testid="focus-bar">
        <span>
          Focus on <strong>{focusName}</strong>
        </span>
        {hopsButton(1)}
        {hopsButton(2)}
        <button
          type="button"
          onClick={() => viewStore.getState().clearFocus()}
          title="Leave focus mode (Esc)"
        >
          Show all
        </button>
      </Panel>
    );
  }
  if (!selectedTable) return null;
  return (
    <Panel position="top-center" className="focus-bar focus-bar--offer">
      <button
        type="button"
        onClick={() => viewStore.getState().focusOn(selectedTable.id)}
        title="Show this table with its neighbours and fade the rest (F)"
      >
        Focus on {selectedTable.name}
      </button>
    </Panel>
  );
}
