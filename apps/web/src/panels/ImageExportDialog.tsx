/**
 * Export a picture of the diagram: PNG or SVG, light or dark, the whole diagram or the
 * selected tables. The file downloads as `<design>.png` (or `-selection.svg`, ...).
 */
import { useEffect, useRef, useState } from 'react';
import type {
  DiagramImage,
  ImageExportOptions,
  ImageFormat,
  ImageTheme,
} from '../canvas/image-export';

const DARK = '(prefers-color-scheme: dark)';

export function ImageExportDialog(props: {
  designName: string;
  selectedCount: number;
  onExport: (options: ImageExportOptions) => Promise<DiagramImage | null>;
  onError: (text: string) => void;
  onClose: () => void;
}) {
  const { designName, selectedCount, onExport, onError, onClose } = props;
  const [format, setFormat] = useState<ImageFormat>('png');
  const [theme, setTheme] = useState<ImageTheme>(() =>
    window.matchMedia?.(DARK).matches ? 'dark' : 'light',
  );
  const [selectionOnly, setSelectionOnly] = useState(selectedCount > 0);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const run = async () => {
    setBusy(true);
    try {
      const image = await onExport({ format, theme, selectionOnly });
      if (!image) {
        onError('There are no tables to draw: select some, or export the whole diagram.');
        return;
      }
      const base = `${designName || 'diagram'}${selectionOnly ? '-selection' : ''}`;
      download(image, `${base}.${format}`, format);
      onClose();
    } catch (error) {
      onError(
        `The picture could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="overlay">
      <button type="button" className="overlay__backdrop" aria-label="Close" onClick={onClose} />
      <div
        className="help image-export"
        role="dialog"
        aria-modal="true"
        aria-labelledby="image-export-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="image-export-title">Export a picture</h2>
        <fieldset>
          <legend>Format</legend>
          <label>
            <input
              ref={first}
              type="radio"
              name="image-format"
              checked={format === 'png'}
              onChange={() => setFormat('png')}
            />
            PNG
          </label>
          <label>
            <input
              type="radio"
              name="image-format"
              checked={format === 'svg'}
              onChange={() => setFormat('svg')}
            />
            SVG
          </label>
        </fieldset>
        <fieldset>
          <legend>Theme</legend>
          <label>
            <input
              type="radio"
              name="image-theme"
              checked={theme === 'light'}
              onChange={() => setTheme('light')}
            />
            Light
          </label>
          <label>
            <input
              type="radio"
              name="image-theme"
              checked={theme === 'dark'}
              onChange={() => setTheme('dark')}
            />
            Dark
          </label>
        </fieldset>
        <fieldset>
          <legend>Tables</legend>
          <label>
            <input
              type="radio"
              name="image-scope"
              checked={!selectionOnly}
              onChange={() => setSelectionOnly(false)}
            />
            The whole diagram
          </label>
          <label>
            <input
              type="radio"
              name="image-scope"
              checked={selectionOnly}
              disabled={selectedCount === 0}
              onChange={() => setSelectionOnly(true)}
            />
            The selected table{selectedCount === 1 ? '' : 's'} ({selectedCount})
          </label>
        </fieldset>
        <div className="image-export__buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            {busy ? 'Drawing…' : 'Download'}
          </button>
        </div>
      </div>
    </div>
  );
}

function download(image: DiagramImage, name: string, format: ImageFormat) {
  const url =
    format === 'png'
      ? image.data
      : URL.createObjectURL(new Blob([image.data], { type: 'image/svg+xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  if (format === 'svg') setTimeout(() => URL.revokeObjectURL(url), 1000);
}
