/**
 * A row of tabs (ARIA tablist): the sidebar's `tabs` and the panels' smaller `subtabs`.
 * The caller owns which tab is selected.
 */
export interface TabStripProps<Id extends string> {
  /** The tab list's accessible name. */
  label?: string;
  tabs: readonly { id: Id; label: string }[];
  selected: Id;
  onSelect: (id: Id) => void;
  variant: 'tab' | 'subtab';
}

export function TabStrip<Id extends string>({
  label,
  tabs,
  selected,
  onSelect,
  variant,
}: TabStripProps<Id>) {
  return (
    <div className={`${variant}s`} role="tablist" aria-label={label}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={selected === t.id}
          className={selected === t.id ? `${variant} ${variant}--active` : variant}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
