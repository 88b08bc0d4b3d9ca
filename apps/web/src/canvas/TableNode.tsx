/**
 * One table on the canvas: a header with the name (double-click to rename) and one row per
 * column with its markers. Each row has a target handle on the left and a source handle on
 * the right, both with the column's id, so a foreign key is drawn column to column. A table
 * a view reads has a handle on each side of its header, where the view's edge ends.
 */
import type { Column } from '@retort/core';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { type CSSProperties, memo, useContext, useState } from 'react';
import { designStore, useDesignStore } from '../store/design-store';
import { DEPENDENCY_IN, LEFT_SOURCE, RIGHT_TARGET, type TableFlowNode } from './design-to-flow';
import { type Detail, DetailContext } from './level-of-detail';
import { PARTITION_LINE_HEIGHT, tableBoxHeight } from './table-size';

function TableNodeView(props: NodeProps<TableFlowNode>) {
  const detail = useContext(DetailContext);
  return detail === 'full' ? <FullTable {...props} /> : <TableOutline {...props} detail={detail} />;
}

/** The classes of a table's box, at full detail or (with `detail`) zoomed out. */
function tableNodeClass(
  selected: boolean,
  hasProblems: boolean,
  coloured: boolean,
  detail?: Detail,
): string {
  return [
    'table-node',
    coloured ? 'table-node--coloured' : '',
    detail ? `table-node--${detail}` : '',
    selected ? 'table-node--selected' : '',
    hasProblems ? 'table-node--problem' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A table's own colour (drawing only), for its header. */
function colourStyle(color: string | undefined): CSSProperties | undefined {
  return color ? ({ '--table-color': color } as CSSProperties) : undefined;
}

/**
 * A zoomed-out table: its box at its full size, with only its name ('title') or nothing
 * ('block') inside; no rows and no handles (edges use the handles the node declares).
 */
function TableOutline({ data, selected, detail }: NodeProps<TableFlowNode> & { detail: Detail }) {
  const { table, problems } = data;
  const className = tableNodeClass(selected, problems.length > 0, !!table.color, detail);
  return (
    <div
      className={className}
      style={{ height: tableBoxHeight(table), ...colourStyle(table.color) }}
      data-testid="table-node"
      data-table-name={table.name}
      data-table-id={table.id}
      data-detail={detail}
      title={table.name}
    >
      {detail === 'title' && (
        <>
          <span className="table-node__outline-name">{table.name}</span>
          <span className="table-node__outline-count">
            {table.columns.length} column{table.columns.length === 1 ? '' : 's'}
          </span>
        </>
      )}
    </div>
  );
}

function FullTable({ data, selected }: NodeProps<TableFlowNode>) {
  const {
    table,
    problems,
    columnProblems,
    foreignKeyColumns,
    referencedColumns,
    selectedColumnId,
    readOnly,
    readByView,
  } = data;
  const [renaming, setRenaming] = useState(false);
  const problemText = problems.map((p) => p.message).join('\n');

  const className = tableNodeClass(selected, problems.length > 0, !!table.color);

  return (
    <div
      className={className}
      style={colourStyle(table.color)}
      data-testid="table-node"
      data-table-name={table.name}
      data-table-id={table.id}
      data-detail="full"
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: double-click renames in place; the inspector's "Table name" field is the keyboard way */}
      <div
        className="table-node__header"
        title={table.comment ?? undefined}
        onDoubleClick={(event) => {
          if (readOnly) return;
          event.stopPropagation();
          setRenaming(true);
        }}
      >
        {renaming ? (
          <RenameInput
            label="Rename table"
            initial={table.name}
            onDone={(name) => {
              setRenaming(false);
              if (name !== null) designStore.getState().renameTable(table.id, name);
            }}
          />
        ) : (
          <span className="table-node__name">
            {table.schema && <span className="table-node__schema">{table.schema}.</span>}
            {table.name}
          </span>
        )}
        {readByView &&
          (['left', 'right'] as const).map((side) => (
            <Handle
              key={side}
              type="target"
              id={`${DEPENDENCY_IN}-${side}`}
              position={side === 'left' ? Position.Left : Position.Right}
              isConnectable={false}
              className="view-handle"
            />
          ))}
        {problems.length > 0 && (
          <span
            className="table-node__problem-count"
            title={problemText}
            role="img"
            aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problemText}`}
          >
            {problems.length}
          </span>
        )}
      </div>
      {table.columns.map((column) => (
        <ColumnRow
          key={column.id}
          column={column}
          foreignKey={foreignKeyColumns.includes(column.id)}
          referenced={referencedColumns.includes(column.id)}
          tableId={table.id}
          problems={columnProblems[column.id]}
          selected={column.id === selectedColumnId}
          readOnly={readOnly}
        />
      ))}
      {/* Under the rows, so each column's handle stays where its row is measured to be. */}
      <PartitionLine table={table} />
    </div>
  );
}

const PARTITION_LINE: CSSProperties = {
  fontSize: '0.75em',
  opacity: 0.8,
  padding: '0 8px',
  height: PARTITION_LINE_HEIGHT,
  lineHeight: `${PARTITION_LINE_HEIGHT}px`,
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  textOverflow: 'ellipsis',
};

/** "partition of events FOR VALUES ..." under a partition's name; the key under a parent's. */
function PartitionLine({ table }: { table: TableFlowNode['data']['table'] }) {
  const parent = useDesignStore(
    (s) => s.design?.tables.find((t) => t.id === table.partitionOf)?.name ?? null,
  );
  if (table.partitionOf !== undefined) {
    return (
      <div className="table-node__partition" data-testid="partition-of" style={PARTITION_LINE}>
        partition of {parent ?? '?'} {table.partitionBound}
      </div>
    );
  }
  if (!table.partitionBy) return null;
  return (
    <div className="table-node__partition" data-testid="partitioned-by" style={PARTITION_LINE}>
      partitioned by {table.partitionBy.key}
    </div>
  );
}

function ColumnRow(props: {
  column: Column;
  foreignKey: boolean;
  referenced: boolean;
  tableId: string;
  problems: string[] | undefined;
  selected: boolean;
  readOnly: boolean;
}) {
  const { column, foreignKey, referenced, tableId, problems, selected, readOnly } = props;
  const [renaming, setRenaming] = useState(false);
  const className = [
    'column-row',
    selected ? 'column-row--selected' : '',
    problems ? 'column-row--problem' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const unique = column.unique && !column.primaryKey;
  const notNull = !column.nullable && !column.primaryKey;
  return (
    <div
      className={className}
      data-testid="column-row"
      data-column-name={column.name}
      data-column-id={column.id}
      title={problems?.join('\n') ?? column.comment ?? undefined}
    >
      <Handle
        type="target"
        position={Position.Left}
        id={column.id}
        isConnectable={!readOnly}
        className="column-handle column-handle--left"
      />
      {/* Routing-only handles exist only where an edge can use them (fewer handles, faster pan). */}
      {foreignKey && (
        <Handle
          type="source"
          position={Position.Left}
          id={`${column.id}${LEFT_SOURCE}`}
          isConnectable={false}
          className="column-handle column-handle--left column-handle--route"
        />
      )}
      {renaming ? (
        <RenameInput
          label="Rename column"
          initial={column.name}
          onDone={(name) => {
            setRenaming(false);
            if (name !== null) designStore.getState().updateColumn(tableId, column.id, { name });
          }}
        />
      ) : (
        // biome-ignore lint/a11y/noStaticElementInteractions: double-click renames in place; the inspector's "Column name" field is the keyboard way
        <span
          className="column-row__name"
          onDoubleClick={(event) => {
            if (readOnly) return;
            event.stopPropagation();
            setRenaming(true);
          }}
        >
          {column.name}
        </span>
      )}
      <span className="column-row__markers">
        {column.primaryKey && (
          <span className="marker marker--pk" title="Primary key">
            PK
          </span>
        )}
        {foreignKey && (
          <span className="marker marker--fk" title="Foreign key">
            FK
          </span>
        )}
        {unique && (
          <span className="marker marker--uq" title="Unique">
            UQ
          </span>
        )}
        {notNull && (
          <span className="marker marker--nn" title="NOT NULL">
            NN
          </span>
        )}
      </span>
      <span className="column-row__type">{column.type}</span>
      {referenced && (
        <Handle
          type="target"
          position={Position.Right}
          id={`${column.id}${RIGHT_TARGET}`}
          isConnectable={false}
          className="column-handle column-handle--right column-handle--route"
        />
      )}
      <Handle
        type="source"
        position={Position.Right}
        id={column.id}
        isConnectable={!readOnly}
        className="column-handle column-handle--right"
      />
    </div>
  );
}

/** An inline name editor: Enter or blur commits, Escape cancels (reports `null`). */
function RenameInput({
  label,
  initial,
  onDone,
}: {
  label: string;
  initial: string;
  onDone: (name: string | null) => void;
}) {
  const [value, setValue] = useState(initial);
  const [done, setDone] = useState(false);
  const finish = (name: string | null) => {
    if (done) return;
    setDone(true);
    onDone(name);
  };
  return (
    <input
      className="table-node__rename nodrag nopan"
      aria-label={label}
      value={value}
      // biome-ignore lint/a11y/noAutofocus: the input appears because the user asked to rename
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setValue(event.currentTarget.value)}
      onBlur={() => finish(value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') finish(value);
        if (event.key === 'Escape') finish(null);
      }}
    />
  );
}

export const TableNode = memo(TableNodeView);
