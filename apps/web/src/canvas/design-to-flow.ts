/**
 * The canvas is a view of the design: React Flow nodes (one per table) and edges (one per
 * foreign-key column pair) are derived here, never stored. Given the previous result, node
 * and edge objects whose inputs did not change are reused as they are, so React Flow and the
 * memoised `TableNode` skip them: editing one table of 500 re-renders one node. Nothing here
 * depends on the zoom: the level of detail is read by the node and edge components, so
 * zooming past a level never replaces a node or an edge object.
 */
import type { Design, Position, Table } from '@retort/core';
import type { Edge, MarkerType, Node, NodeHandle } from '@xyflow/react';
import type { DesignProblem, ProblemIndex } from '../store/design-problems';
import { indexProblems } from '../store/design-problems';
import type { Selection } from '../store/design-store';
import { HANDLE_SIZE, handleBox, TABLE_WIDTH, tableHeight } from './table-size';

export interface TableNodeData extends Record<string, unknown> {
  table: Table;
  /** Every problem under this table (its columns and keys included). */
  problems: DesignProblem[];
  /** Problems of single columns, by column id. */
  columnProblems: Record<string, string[]>;
  /** Ids of this table's columns that belong to one of its foreign keys. */
  foreignKeyColumns: string[];
  /** Ids of this table's columns that a foreign key (of any table) references. */
  referencedColumns: string[];
  selectedColumnId: string | null;
  readOnly: boolean;
}

export type TableFlowNode = Node<TableNodeData, 'table'>;

export interface ForeignKeyEdgeData extends Record<string, unknown> {
  tableId: string;
  foreignKeyId: string;
}

export type ForeignKeyFlowEdge = Edge<ForeignKeyEdgeData>;

export interface FlowGraph {
  nodes: TableFlowNode[];
  edges: ForeignKeyFlowEdge[];
}

export interface DesignToFlowOptions {
  readOnly?: boolean;
  /** The previous result; unchanged nodes and edges are reused from it. */
  previous?: FlowGraph;
}

const EMPTY: FlowGraph = { nodes: [], edges: [] };

export function designToFlow(
  design: Design | null,
  problems: readonly DesignProblem[],
  selection: Selection | null,
  options: DesignToFlowOptions = {},
): FlowGraph {
  if (!design) return EMPTY;
  const readOnly = options.readOnly ?? false;
  const index = indexProblems(design, problems);
  const previousNodes = new Map(options.previous?.nodes.map((n) => [n.id, n]));
  const previousEdges = new Map(options.previous?.edges.map((e) => [e.id, e]));

  const referenced = new Map<string, Set<string>>();
  for (const table of design.tables) {
    for (const fk of table.foreignKeys) {
      const set = referenced.get(fk.references.table) ?? new Set<string>();
      for (const id of fk.references.columns) set.add(id);
      referenced.set(fk.references.table, set);
    }
  }
  const selectedTables = new Set(
    selection?.kind === 'tables'
      ? selection.ids
      : selection?.kind === 'table'
        ? [selection.id]
        : [],
  );
  const nodes = design.tables.map((table, i) =>
    tableNode(
      table,
      i,
      index,
      selection,
      selectedTables.has(table.id),
      readOnly,
      referenced.get(table.id),
      previousNodes.get(table.id),
    ),
  );

  const tables = new Map(design.tables.map((t) => [t.id, t]));
  const positions = new Map(nodes.map((n) => [n.id, n.position]));
  const edges: ForeignKeyFlowEdge[] = [];
  for (const table of design.tables) {
    for (const fk of table.foreignKeys) {
      const target = tables.get(fk.references.table);
      if (!target) continue;
      const selected =
        selection?.kind === 'foreignKey' &&
        selection.id === fk.id &&
        selection.tableId === table.id;
      const invalid = index.byKey.has(fk.id);
      const label = `ON DELETE ${fk.onDelete ?? 'NO ACTION'}`;
      fk.columns.forEach((columnId, i) => {
        const targetColumnId = fk.references.columns[i];
        if (!targetColumnId) return;
        if (!table.columns.some((c) => c.id === columnId)) return;
        if (!target.columns.some((c) => c.id === targetColumnId)) return;
        const id = i === 0 ? fk.id : `${fk.id}#${i}`;
        const className = invalid ? 'fk-edge fk-edge--problem' : 'fk-edge';
        const [sourceSide, targetSide] = edgeSides(
          positions.get(table.id),
          positions.get(target.id),
          table.id === target.id,
        );
        const sourceHandle = sourceSide === 'right' ? columnId : `${columnId}${LEFT_SOURCE}`;
        const targetHandle =
          targetSide === 'left' ? targetColumnId : `${targetColumnId}${RIGHT_TARGET}`;
        const previous = previousEdges.get(id);
        if (
          previous &&
          previous.source === table.id &&
          previous.sourceHandle === sourceHandle &&
          previous.target === target.id &&
          previous.targetHandle === targetHandle &&
          previous.selected === selected &&
          previous.label === label &&
          previous.className === className &&
          previous.data?.tableId === table.id
        ) {
          edges.push(previous);
          return;
        }
        edges.push({
          id,
          type: 'foreignKey',
          source: table.id,
          sourceHandle,
          target: target.id,
          targetHandle,
          className,
          label,
          selected,
          focusable: true,
          markerEnd: { type: 'arrowclosed' as MarkerType, width: 16, height: 16 },
          data: { tableId: table.id, foreignKeyId: fk.id },
        });
      });
    }
  }
  return { nodes, edges };
}

/**
 * Suffixes of the routing-only handles: each row also has a source handle on its left and
 * a target handle on its right (not connectable), so an edge leaves and enters on the sides
 * that face each other, as in hand-drawn diagrams. The connectable handles carry the bare
 * column id: source on the right, target on the left.
 */
export const LEFT_SOURCE = '@left';
export const RIGHT_TARGET = '@right';

export type Side = 'left' | 'right';

export function edgeSides(
  source: Position | undefined,
  target: Position | undefined,
  self: boolean,
): [Side, Side] {
  if (self || !source || !target) return ['right', 'right'];
  if (source.x + TABLE_WIDTH + 24 <= target.x) return ['right', 'left'];
  if (target.x + TABLE_WIDTH + 24 <= source.x) return ['left', 'right'];
  return ['right', 'right'];
}

/** Where a table without a saved position is drawn until auto-layout places it. */
export function fallbackPosition(index: number): Position {
  return { x: (index % 6) * (TABLE_WIDTH + 64), y: Math.floor(index / 6) * 360 };
}

function tableNode(
  table: Table,
  index: number,
  problems: ProblemIndex,
  selection: Selection | null,
  selected: boolean,
  readOnly: boolean,
  referencedSet: ReadonlySet<string> | undefined,
  previous: TableFlowNode | undefined,
): TableFlowNode {
  const referencedColumns = table.columns.filter((c) => referencedSet?.has(c.id)).map((c) => c.id);
  const tableProblems = problems.byTable.get(table.id) ?? [];
  const selectedColumnId =
    selection?.kind === 'column' && selection.tableId === table.id ? selection.id : null;
  const position = table.position ?? fallbackPosition(index);

  const old = previous?.data;
  if (
    previous &&
    old &&
    old.table === table &&
    old.readOnly === readOnly &&
    old.selectedColumnId === selectedColumnId &&
    old.referencedColumns.join() === referencedColumns.join() &&
    previous.selected === selected &&
    previous.position.x === position.x &&
    previous.position.y === position.y &&
    sameProblems(old.problems, tableProblems)
  ) {
    return previous;
  }

  const columnProblems: Record<string, string[]> = {};
  for (const column of table.columns) {
    const list = problems.byColumn.get(column.id);
    if (list) columnProblems[column.id] = list.map((p) => p.message);
  }
  const foreignKeyColumns = [...new Set(table.foreignKeys.flatMap((fk) => fk.columns))];

  return {
    id: table.id,
    type: 'table',
    position,
    selected,
    draggable: !readOnly,
    connectable: !readOnly,
    initialWidth: TABLE_WIDTH,
    initialHeight: tableHeight(table.columns.length),
    measured: { width: TABLE_WIDTH, height: tableHeight(table.columns.length) },
    handles: columnHandles(table, foreignKeyColumns, referencedColumns),
    data: {
      table,
      problems: tableProblems,
      columnProblems,
      foreignKeyColumns,
      referencedColumns,
      selectedColumnId,
      readOnly,
    },
  };
}

/** Every handle `TableNode` draws, where it draws it (see `table-size.ts`). */
function columnHandles(
  table: Table,
  foreignKeyColumns: string[],
  referencedColumns: string[],
): NodeHandle[] {
  const handles: NodeHandle[] = [];
  const add = (id: string, type: 'source' | 'target', side: 'left' | 'right', index: number) => {
    const box = handleBox(index, side);
    handles.push({
      id,
      type,
      position: side as NodeHandle['position'],
      x: box.x,
      y: box.y,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    });
  };
  table.columns.forEach((column, i) => {
    add(column.id, 'target', 'left', i);
    add(column.id, 'source', 'right', i);
    if (foreignKeyColumns.includes(column.id))
      add(`${column.id}${LEFT_SOURCE}`, 'source', 'left', i);
    if (referencedColumns.includes(column.id)) {
      add(`${column.id}${RIGHT_TARGET}`, 'target', 'right', i);
    }
  });
  return handles;
}

function sameProblems(a: readonly DesignProblem[], b: readonly DesignProblem[]): boolean {
  return (
    a.length === b.length && a.every((p, i) => p.path === b[i]?.path && p.message === b[i]?.message)
  );
}
