/**
 * The design as text for other tools: DBML (dbdiagram.io and the DBML tools) and a Mermaid
 * `erDiagram` (GitHub, GitLab, wikis), downloaded or copied. The emitters load on first use,
 * with the rest of the code generators.
 */
import { useEffect, useRef, useState } from 'react';
import { copyCode, downloadCode } from '../panels/code-actions';
import { designStore } from '../store/design-store';

type TextFormat = 'dbml' | 'mermaid';

const FORMATS: { id: TextFormat; label: string; file: string }[] = [
  { id: 'dbml', label: 'DBML', file: 'schema.dbml' },
  { id: 'mermaid', label: 'Mermaid', file: 'schema.mmd' },
];

async function textOf(format: TextFormat): Promise<string | null> {
  const design = designStore.getState().design;
  if (!design) return null;
  const { designToDbml, designToMermaid } = await import('@retort/codegen');
  return format === 'dbml' ? designToDbml(design) : designToMermaid(design);
}

export function TextExportMenu({ disabled }: { disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !menu.current?.contains(event.target as Node)
      ) {
        setOpen(false);
      }
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  const run = async (format: (typeof FORMATS)[number], action: 'download' | 'copy') => {
    setOpen(false);
    const text = await textOf(format.id);
    if (text === null) return;
    if (action === 'download') downloadCode(text, format.file);
    else await copyCode(text, format.label);
  };

  return (
    <div className="menu" ref={menu}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        title="The design as DBML or a Mermaid erDiagram"
      >
        Export ▾
      </button>
      {open && (
        <div className="menu__items" role="menu" aria-label="Export">
          {FORMATS.flatMap((format) => [
            <button
              key={`${format.id}-download`}
              type="button"
              role="menuitem"
              onClick={() => void run(format, 'download')}
            >
              Download {format.label} ({format.file})
            </button>,
            <button
              key={`${format.id}-copy`}
              type="button"
              role="menuitem"
              onClick={() => void run(format, 'copy')}
            >
              Copy {format.label}
            </button>,
          ])}
        </div>
      )}
    </div>
  );
}
