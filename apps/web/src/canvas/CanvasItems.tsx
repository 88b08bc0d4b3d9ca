/**
 * Notes and subject areas on the canvas (drawing only, see core's `canvas-data.ts`). A note
 * is text in a box: double-click to edit, Ctrl/Cmd+Enter or a click elsewhere keeps it, Esc
 * drops the edit. An area is a named, coloured region behind the tables, dragged by its
 * name; the canvas moves what lies inside it along (see `Canvas`). Both resize when selected.
 */
import type { CanvasNote, Design, SubjectArea } from '@retort/core';
import { canvasOf, MIN_CANVAS_ITEM } from '@retort/core';
import { type Node, type NodeProps, NodeResizer } from '@xyflow/react';
import { type CSSProperties, memo, useState } from 'react';
import { designStore, type Selection } from '../store/design-store';

export type NoteFlowNode = Node<{ note: CanvasNote; readOnly: boolean }, 'note'>;
export type AreaFlowNode = Node<{ area: SubjectArea; readOnly: boolean }, 'area'>;

/** The note and area nodes of a design; unchanged ones are reused from `previous`. */
export function canvasItemNodes(
  design: Design | null,
  selection: Selection | null,
  readOnly: boolean,
  previous: Map<string, NoteFlowNode | AreaFlowNode>,
): { areas: AreaFlowNode[]; notes: NoteFlowNode[] } {
  if (!design) return { areas: [], notes: [] };
  const canvas = canvasOf(design);
  const reuse = <T extends NoteFlowNode | AreaFlowNode>(node: T): T => {
    const old = previous.get(node.id) as T | undefined;
    const same =
      old &&
      old.selected === node.selected &&
      old.data.readOnly === node.data.readOnly &&
      ('note' in old.data
        ? old.data.note === (node.data as NoteFlowNode['data']).note
        : old.data.area === (node.data as AreaFlowNode['data']).area);
    return same ? old : node;
  };
  const areas = canvas.areas.map((area) =>
    reuse<AreaFlowNode>({
      id: area.id,
      type: 'area',
      position: area.position,
      width: area.width,
      height: area.height,
      zIndex: -1,
      selected: selection?.kind === 'area' && selection.id === area.id,
      draggable: !readOnly,
      dragHandle: '.area-node__title',
      className: 'area-node-wrapper',
      data: { area, readOnly },
    }),
  );
  const notes = canvas.notes.map((note) =>
    reuse<NoteFlowNode>({
      id: note.id,
      type: 'note',
      position: note.position,
      width: note.width,
      height: note.height,
      selected: selection?.kind === 'note' && selection.id === note.id,
      draggable: !readOnly,
      data: { note, readOnly },
    }),
  );
  return { areas, notes };
}

function NoteNodeView({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const { note, readOnly } = data;
  const [editing, setEditing] = useState(false);
  return (
    <>
      <NodeResizer
        isVisible={selected && !readOnly}
        minWidth={MIN_CANVAS_ITEM.width}
        minHeight={MIN_CANVAS_ITEM.height}
        onResizeEnd={(_, box) =>
          designStore.getState().updateNote(id, {
            position: { x: box.x, y: box.y },
            width: box.width,
            height: box.height,
          })
        }
      />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: double-click edits in place; the inspector's "Note text" field is the keyboard way */}
      <div
        className={selected ? 'note-node note-node--selected' : 'note-node'}
        data-testid="note-node"
        onDoubleClick={(event) => {
          if (readOnly) return;
          event.stopPropagation();
          setEditing(true);
        }}
      >
        {editing ? (
          <NoteEditor
            initial={note.text}
            onDone={(text) => {
              setEditing(false);
              if (text !== null) designStore.getState().updateNote(id, { text });
            }}
          />
        ) : (
          <span className={note.text ? 'note-node__text' : 'note-node__text note-node__hint'}>
            {note.text || 'Double-click to write'}
          </span>
        )}
      </div>
    </>
  );
}

function NoteEditor({
  initial,
  onDone,
}: {
  initial: string;
  onDone: (text: string | null) => void;
}) {
  const [value, setValue] = useState(initial);
  const [done, setDone] = useState(false);
  const finish = (text: string | null) => {
    if (done) return;
    setDone(true);
    onDone(text);
  };
  return (
    <textarea
      className="note-node__editor nodrag nopan nowheel"
      aria-label="Note text"
      value={value}
      // biome-ignore lint/a11y/noAutofocus: the editor appears because the user asked to write
      autoFocus
      onChange={(event) => setValue(event.currentTarget.value)}
      onBlur={() => finish(value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) finish(value);
        if (event.key === 'Escape') finish(null);
      }}
    />
  );
}

function AreaNodeView({ id, data, selected }: NodeProps<AreaFlowNode>) {
  const { area, readOnly } = data;
  return (
    <>
      <NodeResizer
        isVisible={selected && !readOnly}
        minWidth={MIN_CANVAS_ITEM.width}
        minHeight={MIN_CANVAS_ITEM.height}
        color={area.color}
        onResizeEnd={(_, box) =>
          designStore.getState().updateArea(id, {
            position: { x: box.x, y: box.y },
            width: box.width,
            height: box.height,
          })
        }
      />
      <div
        className={selected ? 'area-node area-node--selected' : 'area-node'}
        style={{ '--area-color': area.color } as CSSProperties}
        data-testid="area-node"
        data-area-name={area.name}
      >
        <div className="area-node__title" title="Drag to move the area with its tables">
          {area.name || 'Area'}
        </div>
      </div>
    </>
  );
}

export const NoteNode = memo(NoteNodeView);
export const AreaNode = memo(AreaNodeView);
