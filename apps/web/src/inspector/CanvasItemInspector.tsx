/**
 * Inspectors for what the canvas keeps beside the schema: a row of colour swatches (a
 * table's header, an area), a note's text, an area's name and colour. None of it makes a
 * revision.
 */
import { canvasOf, type Design } from '@retort/core';
import { designStore } from '../store/design-store';
import { DeleteAction, Field, TextField } from './fields';

export const SWATCHES: [string, string][] = [
  ['Blue', '#3b82f6'],
  ['Green', '#22c55e'],
  ['Yellow', '#eab308'],
  ['Orange', '#f97316'],
  ['Red', '#ef4444'],
  ['Pink', '#ec4899'],
  ['Purple', '#8b5cf6'],
  ['Teal', '#14b8a6'],
];

export function ColorSwatches(props: {
  label: string;
  value: string | null;
  disabled: boolean;
  /** Offers "None" (the theme's colour) when given. */
  allowNone?: boolean;
  onChange: (color: string | null) => void;
}) {
  const { label, value, disabled, allowNone, onChange } = props;
  return (
    <fieldset className="swatches" aria-label={label} disabled={disabled}>
      {allowNone && (
        <button
          type="button"
          className="swatch swatch--none"
          aria-label="No colour"
          aria-pressed={value === null}
          title="The theme's colour"
          onClick={() => onChange(null)}
        />
      )}
      {SWATCHES.map(([name, color]) => (
        <button
          key={color}
          type="button"
          className="swatch"
          style={{ background: color }}
          aria-label={name}
          aria-pressed={value?.toLowerCase() === color}
          title={name}
          onClick={() => onChange(color)}
        />
      ))}
      <input
        type="color"
        className="swatch swatch--custom"
        aria-label="Another colour"
        value={value ?? '#888888'}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </fieldset>
  );
}

export function NoteInspector(props: { design: Design; noteId: string; readOnly: boolean }) {
  const { design, noteId, readOnly } = props;
  const note = canvasOf(design).notes.find((n) => n.id === noteId);
  if (!note) return null;
  return (
    <div className="inspector-body" data-testid="note-inspector">
      <TextField
        label="Note"
        aria-label="Note text"
        value={note.text}
        multiline
        disabled={readOnly}
        onCommit={(text) => designStore.getState().updateNote(noteId, { text })}
      />
      <p className="muted-note">Notes are part of the drawing: they never make a revision.</p>
      {!readOnly && (
        <DeleteAction
          label="Delete note"
          onDelete={() => designStore.getState().deleteNote(noteId)}
        />
      )}
    </div>
  );
}

export function AreaInspector(props: { design: Design; areaId: string; readOnly: boolean }) {
  const { design, areaId, readOnly } = props;
  const area = canvasOf(design).areas.find((a) => a.id === areaId);
  if (!area) return null;
  const update = designStore.getState().updateArea;
  return (
    <div className="inspector-body" data-testid="area-inspector">
      <TextField
        label="Area name"
        value={area.name}
        disabled={readOnly}
        onCommit={(name) => update(areaId, { name })}
      />
      <Field label="Colour">
        <ColorSwatches
          label="Area colour"
          value={area.color}
          disabled={readOnly}
          onChange={(color) => color && update(areaId, { color })}
        />
      </Field>
      <p className="muted-note">
        Dragging an area by its name moves the tables and notes inside it. Areas never make a
        revision.
      </p>
      {!readOnly && (
        <DeleteAction
          label="Delete area"
          onDelete={() => designStore.getState().deleteArea(areaId)}
        />
      )}
    </div>
  );
}
