/**
 * The canvas is a view of the design: React Flow nodes (one per table, one per view or
 * materialized view) and edges (one per foreign-key column pair, one per table or view a
 * view reads) are derived here, never stored. Given the previous result, node
 * and edge objects whose inputs did not change are reused as they are, so React Flow and the
 * memoised `TableNode` skip them: editing one table of 500 re-renders one node. Nothing here
 * depends on the zoom: the level of detail is read by the node and edge components, so
 * zooming past a level never replaces a node or an edge object.
 */
import {
  type Design,
  type DesignObject,
  DRAWN_OBJECT_KINDS,
  type Position,
  type Table,
} from '@retort/core';
import type { Edge, MarkerType, Node, NodeHandle } from '@xyflow/react';
import type { DesignProblem, ProblemIndex } from '../store/design-problems';
import { indexProblems } from '../store/design-problems';
import type { Selection } from '../store/design-store';
import {
  HANDLE_SIZE,
  handleBox,
  TABLE_HEADER_HEIGHT,
  TABLE_WIDTH,
  tableBoxHeight,
  VIEW_HEIGHT,
  VIEW_WIDTH,
} from './table-size';

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
  /** Whether a view reads this table: its header then has the handles the view's edge ends on. */
  readByView: boolean;
}

export type TableFlowNode = Node<TableNodeData, 'table'>;

export interface ViewNodeData extends Record<string, unknown> {
  view: DesignObject;
  /** Problems of the view itself (its definition, name, dependencies). */
  problems: string[];
  readOnly: boolean;
  /** Whether another view reads this one: it then has the handles that view's edge ends on. */
  read: boolean;
}

export type ViewFlowNode = Node<ViewNodeData, 'view'>;

export interface DependencyEdgeData extends Record<string, unknown> {
  objectId: string;
}

/** A view reading a table or another view: from the view to what it reads. */
export type DependencyFlowEdge = Edge<DependencyEdgeData, 'dependency'>;

export type DiagramNode = TableFlowNode | ViewFlowNode;
export type DiagramEdge = ForeignKeyFlowEdge | DependencyFlowEdge;

export interface ForeignKeyEdgeData extends Record<string, unknown> {
  tableId: string;
  foreignKeyId: string;
}

export type ForeignKeyFlowEdge = Edge<ForeignKeyEdgeData>;

export interface FlowGraph {
  /** The tables, then the views. */
  nodes: DiagramNode[];
  /** The foreign keys, then the views' dependencies. */
  edges: DiagramEdge[];
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
  const previousNodes = new Map<string, DiagramNode>(options.previous?.nodes.map((n) => [n.id, n]));
  const previousEdges = new Map<string, DiagramEdge>(options.previous?.edges.map((e) => [e.id, e]));
  const views = (design.objects ?? []).filter((o) => DRAWN_OBJECT_KINDS.has(o.kind));
  const readByView = new Set(views.flatMap((v) => v.dependsOn));

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
  const tableNodes = design.tables.map((table, i) =>
    tableNode(
      table,
      i,
      index,
      selection,
      selectedTables.has(table.id),
      readOnly,
      referenced.get(table.id),
      readByView.has(table.id),
      previousNodes.get(table.id) as TableFlowNode | undefined,
    ),
  );
  const viewNodes = views.map((view, i) =>
    viewNode(
      view,
      view.position ?? viewFallbackPosition(i),
      problemsOf(design, problems, view.id),
      selection?.kind === 'object' && selection.id === view.id,
      readOnly,
      readByView.has(view.id),
      previousNodes.get(view.id) as ViewFlowNode | undefined,
    ),
  );
  const nodes: DiagramNode[] = viewNodes.length === 0 ? tableNodes : [...tableNodes, ...viewNodes];

  const tables = new Map(design.tables.map((t) => [t.id, t]));
  const positions = new Map(nodes.map((n) => [n.id, n.position]));
  const edges: DiagramEdge[] = [];
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
        const previous = previousEdges.get(id) as ForeignKeyFlowEdge | undefined;
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
  if (views.length > 0) dependencyEdges(views, nodes, selection, previousEdges, edges);
  return { nodes, edges };
}

/** Handle ids of what a dependency edge starts and ends on (see `TableNode`, `ViewNode`). */
export const DEPENDENCY_IN = '@reads-in';
export const DEPENDENCY_OUT = '@reads-out';

function dependencyEdges(
  views: readonly DesignObject[],
  nodes: readonly DiagramNode[],
  selection: Selection | null,
  previousEdges: ReadonlyMap<string, DiagramEdge>,
  edges: DiagramEdge[],
): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const view of views) {
    const from = byId.get(view.id);
    if (!from) continue;
    const selected = selection?.kind === 'object' && selection.id === view.id;
    for (const dep of view.dependsOn) {
      const to = byId.get(dep);
      if (!to) continue;
      const id = `reads:${view.id}:${dep}`;
      const [sourceSide, targetSide] = boxSides(
        from.position,
        VIEW_WIDTH,
        to.position,
        to.type === 'view' ? VIEW_WIDTH : TABLE_WIDTH,
      );
      const sourceHandle = `${DEPENDENCY_OUT}-${sourceSide}`;
      const targetHandle = `${DEPENDENCY_IN}-${targetSide}`;
      const previous = previousEdges.get(id);
      if (
        previous &&
        previous.source === view.id &&
        previous.target === dep &&
        previous.sourceHandle === sourceHandle &&
        previous.targetHandle === targetHandle &&
        previous.selected === selected
      ) {
        edges.push(previous);
        continue;
      }
      edges.push({
        id,
        type: 'dependency',
        source: view.id,
        sourceHandle,
        target: dep,
        targetHandle,
        className: 'reads-edge',
        selected,
        focusable: false,
        selectable: false,
        markerEnd: { type: 'arrow' as MarkerType, width: 14, height: 14 },
        data: { objectId: view.id },
      });
    }
  }
}

/** Which sides of two boxes an edge between them leaves and enters by: the facing ones. */
function boxSides(
  source: Position,
  sourceWidth: number,
  target: Position,
  targetWidth: number,
): [Side, Side] {
  if (source.x + sourceWidth + 24 <= target.x) return ['right', 'left'];
  if (target.x + targetWidth + 24 <= source.x) return ['left', 'right'];
  return ['right', 'right'];
}

/** Messages of the problems under one object (`objects[i]...`). */
function problemsOf(
  design: Design,
  problems: readonly DesignProblem[],
  objectId: string,
): string[] {
  const i = design.objects?.findIndex((o) => o.id === objectId) ?? -1;
  if (i < 0) return [];
  const base = `objects[${i}]`;
  return problems
    .filter((p) => p.path === base || p.path.startsWith(`${base}.`))
    .map((p) => p.message);
}

/** Where a view without a saved position is drawn until it is placed. */
export function viewFallbackPosition(index: number): Position {
  return { x: -(VIEW_WIDTH + 96), y: index * (VIEW_HEIGHT + 32) };
}

function viewNode(
  view: DesignObject,
  position: Position,
  problems: string[],
  selected: boolean,
  readOnly: boolean,
  read: boolean,
  previous: ViewFlowNode | undefined,
): ViewFlowNode {
  const old = previous?.data;
  if (
    previous &&
    old &&
    old.view === view &&
    old.readOnly === readOnly &&
    previous.selected === selected &&
    previous.position.x === position.x &&
    previous.position.y === position.y &&
    old.problems.join('\n') === problems.join('\n') &&
    old.read === read
  ) {
    return previous;
  }
  return {
    id: view.id,
    type: 'view',
    position,
    selected,
    draggable: !readOnly,
    connectable: false,
    initialWidth: VIEW_WIDTH,
    initialHeight: VIEW_HEIGHT,
    measured: { width: VIEW_WIDTH, height: VIEW_HEIGHT },
    handles: viewHandles(read),
    data: { view, problems, readOnly, read },
  };
}

function viewHandles(read: boolean): NodeHandle[] {
  const y = VIEW_HEIGHT / 2 - HANDLE_SIZE / 2;
  const handle = (id: string, type: 'source' | 'target', side: Side): NodeHandle => ({
    id,
    type,
    position: side as NodeHandle['position'],
    x: side === 'left' ? -HANDLE_SIZE / 2 : VIEW_WIDTH - HANDLE_SIZE / 2,
    y,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  });
  const handles = [
    handle(`${DEPENDENCY_OUT}-left`, 'source', 'left'),
    handle(`${DEPENDENCY_OUT}-right`, 'source', 'right'),
  ];
  if (read) {
    handles.push(
      handle(`${DEPENDENCY_IN}-left`, 'target', 'left'),
      handle(`${DEPENDENCY_IN}-right`, 'target', 'right'),
    );
  }
  return handles;
}

/** Where a table's header has the handles a view's edge ends on. */
function tableDependencyHandles(): NodeHandle[] {
  const y = TABLE_HEADER_HEIGHT / 2 - HANDLE_SIZE / 2;
  return (['left', 'right'] as const).map((side) => ({
    id: `${DEPENDENCY_IN}-${side}`,
    type: 'target' as const,
    position: side as NodeHandle['position'],
    x: side === 'left' ? -HANDLE_SIZE / 2 : TABLE_WIDTH - HANDLE_SIZE / 2,
    y,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  }));
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
  readByView: boolean,
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
    old.readByView === readByView &&
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
    initialHeight: tableBoxHeight(table),
    measured: { width: TABLE_WIDTH, height: tableBoxHeight(table) },
    handles: readByView
      ? [...columnHandles(table, foreignKeyColumns, referencedColumns), ...tableDependencyHandles()]
      : columnHandles(table, foreignKeyColumns, referencedColumns),
    data: {
      table,
      problems: tableProblems,
      columnProblems,
      foreignKeyColumns,
      referencedColumns,
      selectedColumnId,
      readOnly,
      readByView,
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
