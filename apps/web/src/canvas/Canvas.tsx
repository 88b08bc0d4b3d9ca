/**
 * The diagram: the design's tables and foreign keys drawn with React Flow, edited in place.
 * Nodes and edges are derived from the store by `designToFlow`; the only state kept here is
 * what React Flow needs while a gesture is in progress (a node mid-drag, measured sizes).
 *
 * `Canvas` brings its own `ReactFlowProvider`, so the view is steered from outside through
 * the `CanvasControls` it hands to `onReady`, never through React Flow's DOM. It handles
 * these keys while focus is not in a text field: Delete/Backspace (delete the selection),
 * Escape (leave focus mode, else clear the selection), F (focus on the selected table),
 * Ctrl/Cmd+Z (undo), Shift+Ctrl/Cmd+Z and Ctrl+Y (redo).
 *
 * How the diagram is looked at (the table jumped to, focus mode) comes from the view store
 * and only adds classes to the derived nodes and edges (`view-classes.ts`).
 */
import '@xyflow/react/dist/style.css';
import '../styles/canvas.css';
import '../styles/canvas-view.css';
import '../styles/canvas-items.css';
import '../styles/canvas-objects.css';
import { AREA_COLOR, type Design, type Position } from '@retort/core';
import {
  applyNodeChanges,
  type Connection,
  ControlButton,
  Controls,
  type Edge,
  type EdgeTypes,
  type FinalConnectionState,
  getNodesBounds,
  type NodeChange,
  type NodeTypes,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useStore as useFlowStore,
  useReactFlow,
} from '@xyflow/react';
import {
  type MouseEvent,
  type RefObject,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { isTyping } from '../is-typing';
import { hasMissingPositions, layoutMissingPositions } from '../layout/auto-layout';
import { useDesignProblems } from '../store/design-problems';
import { designStore, redo, type Selection, undo, useDesignStore } from '../store/design-store';
import { useViewStore, viewStore } from '../store/view-store';
import { CanvasDots } from './CanvasDots';
import {
  type AreaFlowNode,
  AreaNode,
  canvasItemNodes,
  type NoteFlowNode,
  NoteNode,
} from './CanvasItems';
import { DependencyEdge } from './DependencyEdge';
import {
  designToFlow,
  type FlowGraph,
  type ForeignKeyEdgeData,
  type ForeignKeyFlowEdge,
  type TableFlowNode,
  type ViewFlowNode,
} from './design-to-flow';
import { FocusBar } from './FocusBar';
import { ForeignKeyEdge } from './ForeignKeyEdge';
import { freeSpot, type Rect } from './free-spot';
import {
  type DiagramImage,
  drawDiagram,
  type ImageExportOptions,
  type ImageTheme,
} from './image-export';
import { DetailContext, detailAt, READABLE_ZOOM } from './level-of-detail';
import { neighbourhood } from './neighbourhood';
import { Overview } from './Overview';
import { clearFit, type Insets, paddingOf } from './readable-fit';
import { TableNode } from './TableNode';
import { selectedTableIds, useTableClipboard } from './table-clipboard';
import { GRID_SIZE, TABLE_HEADER_HEIGHT, TABLE_WIDTH } from './table-size';
import { ViewNode } from './ViewNode';
import { createViewClassCache, decorateGraph } from './view-classes';

export type CanvasMessageLevel = 'info' | 'error';

/** What the canvas lets its host do with the view. */
export interface CanvasControls {
  /** Fits every table in view, once the latest change to the design is drawn. */
  fitView(): void;
  /** The centre of the visible part of the canvas, in design coordinates. */
  viewCenter(): Position;
  /**
   * Adds a table to the store's design on a free spot near the centre of the view, and fits
   * the view when no such spot is inside it. The new table's id, or null when read-only.
   */
  addTableInView(): string | null;
  /**
   * A picture of the whole diagram or of the selected tables, in either theme; null when
   * there is nothing to draw.
   */
  exportImage(options: ImageExportOptions): Promise<DiagramImage | null>;
}

export interface CanvasProps {
  /**
   * A design to show instead of the store's, e.g. the schema as it was at an old revision.
   * It is always read-only and never written to the store.
   */
  design?: Design;
  /** Disables editing (the store's `readOnly` does too). */
  readOnly?: boolean;
  /** Refusals and notices for the user, e.g. why a foreign key could not be drawn. */
  onMessage: (text: string, level: CanvasMessageLevel) => void;
  /** Receives the canvas' controls once mounted, and again whenever they change. */
  onReady?: (controls: CanvasControls) => void;
  className?: string;
}

const nodeTypes: NodeTypes = { table: TableNode, view: ViewNode, note: NoteNode, area: AreaNode };
type FlowNode = TableFlowNode | ViewFlowNode | NoteFlowNode | AreaFlowNode;
const edgeTypes: EdgeTypes = { foreignKey: ForeignKeyEdge, dependency: DependencyEdge };
const SNAP: [number, number] = [GRID_SIZE, GRID_SIZE];
/**
 * Fitting keeps tables clear of the zoom controls (bottom left, 26px wide, 80px high) and the
 * minimap (bottom right, 200 by 150px), each 15px from the edge: beside the minimap or above
 * it, whichever shows the tables larger.
 */
const FIT_INSETS: readonly Insets[] = [
  { top: 24, right: 232, bottom: 24, left: 56 },
  { top: 24, right: 24, bottom: 182, left: 24 },
];
const FIT_VIEW_OPTIONS = {
  padding: paddingOf(FIT_INSETS[0]!),
  minZoom: READABLE_ZOOM,
  maxZoom: 1,
};
const PRO_OPTIONS = { hideAttribution: true };

export function Canvas(props: CanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasView {...props} />
    </ReactFlowProvider>
  );
}

function CanvasView({
  design: snapshot,
  readOnly: readOnlyProp,
  onMessage,
  onReady,
  className,
}: CanvasProps) {
  const storeDesign = useDesignStore((s) => s.design);
  const storeSelection = useDesignStore((s) => s.selection);
  const storeReadOnly = useDesignStore((s) => s.readOnly);
  const loads = useDesignStore((s) => s.loads);
  const [snapshotSelection, setSnapshotSelection] = useState<Selection | null>(null);
  // A snapshot without positions, laid out here since it is never written to the store.
  const [laidOut, setLaidOut] = useState<{ of: Design; design: Design } | null>(null);

  const isSnapshot = snapshot !== undefined;
  const design = isSnapshot ? (laidOut?.of === snapshot ? laidOut.design : snapshot) : storeDesign;
  const selection = isSnapshot ? snapshotSelection : storeSelection;
  const readOnly = isSnapshot || readOnlyProp === true || storeReadOnly;
  const select = useCallback(
    (next: Selection | null) => {
      if (isSnapshot) setSnapshotSelection(next);
      else designStore.getState().select(next);
    },
    [isSnapshot],
  );

  const flow = useReactFlow<FlowNode>();
  // While a picture is taken, every table is drawn at full detail, unselected, in its theme.
  const [exportTheme, setExportTheme] = useState<ImageTheme | null>(null);
  const exporting = exportTheme !== null;
  // Only a change of level re-renders the canvas while zooming, never a pan.
  const zoomDetail = useFlowStore((s) => detailAt(s.transform[2]));
  const detail = exporting ? 'full' : zoomDetail;
  const previous = useRef<FlowGraph | undefined>(undefined);
  const problems = useDesignProblems(design);
  const derived = useMemo(() => {
    const graph = designToFlow(design, problems, exporting ? null : selection, {
      readOnly,
      previous: previous.current,
    });
    previous.current = graph;
    return graph;
  }, [design, problems, selection, readOnly, exporting]);

  const reveal = useViewStore((s) => (isSnapshot ? null : s.reveal));
  const focus = useViewStore((s) => (isSnapshot ? null : s.focus));
  const focusTable = focus ? design?.tables.find((t) => t.id === focus.tableId) : undefined;
  const focused = useMemo(
    () => (focus && design ? neighbourhood(design, focus.tableId, focus.hops) : null),
    [focus, design],
  );
  const classCache = useRef(createViewClassCache());
  const shown = useMemo(
    () =>
      decorateGraph(
        derived,
        exporting
          ? { highlighted: null, focused: null }
          : { highlighted: reveal?.id ?? null, focused },
        classCache.current,
      ),
    [derived, reveal, focused, exporting],
  );

  // React Flow's own copy of the nodes, for what happens between two store updates (a drag
  // in progress, measured sizes); rebuilt from `derived` whenever the design changes.
  // Notes and areas are drawn with the tables: areas behind them, notes in front.
  const previousItems = useRef(new Map<string, NoteFlowNode | AreaFlowNode>());
  const allNodes = useMemo((): FlowNode[] => {
    const items = canvasItemNodes(
      design,
      exporting ? null : selection,
      readOnly,
      previousItems.current,
    );
    previousItems.current = new Map([...items.areas, ...items.notes].map((n) => [n.id, n]));
    if (items.areas.length === 0 && items.notes.length === 0) return shown.nodes;
    return [...items.areas, ...shown.nodes, ...items.notes];
  }, [design, selection, readOnly, exporting, shown.nodes]);
  const [viewNodes, setViewNodes] = useState<FlowNode[]>(allNodes);
  const [viewSource, setViewSource] = useState<FlowNode[]>(allNodes);
  if (viewSource !== allNodes) {
    setViewNodes((current) => mergeNodes(current, allNodes, viewSource));
    setViewSource(allNodes);
  }
  /** What an area drag carries along: the tables and notes inside it when the drag began. */
  const carried = useRef<{ start: Position; members: Map<string, Position> } | null>(null);

  // Shift-drag on the pane draws a box; the tables inside become the store's selection.
  const boxed = useRef<Set<string> | null>(null);
  /** True from a drag's start to its stop, which saves the drag's positions itself. */
  const dragging = useRef(false);
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const box = boxed.current;
      if (box) {
        const tables = new Set(designStore.getState().design?.tables.map((t) => t.id));
        for (const change of changes) {
          if (change.type !== 'select' || !tables.has(change.id)) continue;
          if (change.selected) box.add(change.id);
          else box.delete(change.id);
        }
        designStore.getState().selectTables([...box]);
      }
      // Selection and deletion belong to the store; React Flow reports only the view's changes.
      const viewChanges = changes.filter((c) => c.type !== 'select' && c.type !== 'remove');
      if (viewChanges.length > 0) setViewNodes((nodes) => applyNodeChanges(viewChanges, nodes));
      if (readOnly || dragging.current) return;
      // A finished move outside a drag is an arrow-key nudge: saved like a drag.
      for (const change of viewChanges) {
        if (change.type === 'position' && change.dragging === false && change.position) {
          designStore.getState().moveCanvasItems({ [change.id]: change.position });
        }
      }
    },
    [readOnly],
  );

  const onNodeClick = useCallback(
    (event: MouseEvent, node: FlowNode) => {
      // The table last jumped to stays highlighted only until the next click.
      viewStore.getState().clearReveal();
      if (node.type === 'note' || node.type === 'area') {
        if (!isSnapshot) select({ kind: node.type, id: node.id });
        return;
      }
      if (node.type === 'view') {
        select({ kind: 'object', id: node.id });
        return;
      }
      if (event.shiftKey && !isSnapshot) {
        const ids = selectedTableIds();
        designStore
          .getState()
          .selectTables(
            ids.includes(node.id) ? ids.filter((id) => id !== node.id) : [...ids, node.id],
          );
        return;
      }
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-testid="column-row"]');
      const columnId = row?.dataset.columnId;
      if (columnId) select({ kind: 'column', tableId: node.id, id: columnId });
      else select({ kind: 'table', id: node.id });
    },
    [select, isSnapshot],
  );

  const onEdgeClick = useCallback(
    (_: MouseEvent, edge: Edge) => {
      if (edge.type !== 'foreignKey') return;
      const data = edge.data as ForeignKeyEdgeData | undefined;
      if (data) select({ kind: 'foreignKey', tableId: data.tableId, id: data.foreignKeyId });
    },
    [select],
  );

  const onNodeDragStop = useCallback(
    (_: unknown, node: FlowNode, nodes: FlowNode[]) => {
      dragging.current = false;
      const carry = carried.current;
      carried.current = null;
      if (readOnly) return;
      // Every table of a multiple selection moves with the one dragged, an area with what
      // it holds: one undo step.
      const positions: Record<string, Position> = Object.fromEntries(
        (nodes.length > 0 ? nodes : [node]).map((moved) => [moved.id, moved.position]),
      );
      if (carry) {
        const dx = node.position.x - carry.start.x;
        const dy = node.position.y - carry.start.y;
        for (const [id, p] of carry.members) positions[id] = { x: p.x + dx, y: p.y + dy };
      }
      designStore.getState().moveCanvasItems(positions);
    },
    [readOnly],
  );

  const onNodeDragStart = useCallback(
    (_: unknown, node: FlowNode) => {
      dragging.current = true;
      carried.current =
        node.type === 'area'
          ? { start: node.position, members: inside(node, flow.getNodes()) }
          : null;
    },
    [flow],
  );

  const onNodeDrag = useCallback((_: unknown, node: FlowNode) => {
    const carry = carried.current;
    if (!carry || carry.members.size === 0) return;
    const dx = node.position.x - carry.start.x;
    const dy = node.position.y - carry.start.y;
    setViewNodes((nodes) =>
      nodes.map((n) => {
        const p = carry.members.get(n.id);
        return p ? { ...n, position: { x: p.x + dx, y: p.y + dy } } : n;
      }),
    );
  }, []);

  /** Draws a key from one column to another, or the other way when only that is valid. */
  const connect = useCallback(
    (from: string, fromColumn: string, to: string, toColumn: string) => {
      const state = designStore.getState();
      const result = state.addForeignKey(from, fromColumn, to, toColumn);
      if (result.ok) return;
      // Drawn from the referenced column to the referencing one: take the intent, not the
      // direction, when only the reverse is a valid key.
      const reverse = state.addForeignKey(to, toColumn, from, fromColumn);
      if (!reverse.ok) onMessage(result.reason, 'error');
    },
    [onMessage],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const { source, sourceHandle, target, targetHandle } = connection;
      if (readOnly || !sourceHandle || !targetHandle) return;
      connect(source, sourceHandle, target, targetHandle);
    },
    [readOnly, connect],
  );

  // A drag from a column that ends away from any handle: the row under the pointer is the
  // other end, a table's header its primary key; anywhere else, nothing is drawn and the
  // person is told so.
  const onConnectEnd = useCallback(
    (event: globalThis.MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const { fromHandle, fromNode } = state;
      if (readOnly || state.isValid || !fromHandle?.id || !fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const drop = dropTarget(point.clientX, point.clientY, designStore.getState().design);
      if (drop.kind === 'nowhere') {
        onMessage(
          'No foreign key drawn: drop on a column, or on a table’s header for its primary key.',
          'error',
        );
      } else if (drop.kind === 'refused') {
        onMessage(drop.reason, 'error');
      } else if (fromHandle.type === 'source') {
        connect(fromNode.id, fromHandle.id, drop.tableId, drop.columnId);
      } else {
        connect(drop.tableId, drop.columnId, fromNode.id, fromHandle.id);
      }
    },
    [readOnly, connect, onMessage],
  );

  const addTableAt = useCallback(
    (clientX: number, clientY: number) => {
      const point = flow.screenToFlowPosition({ x: clientX, y: clientY });
      designStore.getState().addTable({
        x: snap(point.x - TABLE_WIDTH / 2),
        y: snap(point.y - TABLE_HEADER_HEIGHT / 2),
      });
    },
    [flow],
  );

  const wrapper = useRef<HTMLDivElement>(null);
  // React Flow has no pane double-click event; a double-click on the empty pane adds a table.
  useEffect(() => {
    const element = wrapper.current;
    if (!element || readOnly) return;
    const onDoubleClick = (event: globalThis.MouseEvent) => {
      if (!(event.target as HTMLElement).classList.contains('react-flow__pane')) return;
      addTableAt(event.clientX, event.clientY);
    };
    element.addEventListener('dblclick', onDoubleClick);
    return () => element.removeEventListener('dblclick', onDoubleClick);
  }, [readOnly, addTableAt]);

  // Waits a frame so that React Flow has the nodes of a design change that just happened.
  const drawn = useRef(design);
  drawn.current = design;
  const fitView = useCallback(() => {
    requestAnimationFrame(() => {
      const box = wrapper.current?.getBoundingClientRect();
      const current = drawn.current;
      if (!box || !current) return;
      const { fit, insets } = clearFit(current, flow.getNodes(), box, FIT_INSETS, READABLE_ZOOM);
      void flow.fitView({ ...FIT_VIEW_OPTIONS, padding: paddingOf(insets), ...fit });
    });
  }, [flow]);

  const viewRect = useCallback((): Rect => {
    const box = wrapper.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return { x: 0, y: 0, width: 0, height: 0 };
    const exact = { snapToGrid: false };
    const topLeft = flow.screenToFlowPosition({ x: box.left, y: box.top }, exact);
    const bottomRight = flow.screenToFlowPosition({ x: box.right, y: box.bottom }, exact);
    return {
      x: topLeft.x,
      y: topLeft.y,
      width: bottomRight.x - topLeft.x,
      height: bottomRight.y - topLeft.y,
    };
  }, [flow]);

  const viewCenter = useCallback((): Position => {
    const view = viewRect();
    return { x: view.x + view.width / 2, y: view.y + view.height / 2 };
  }, [viewRect]);

  const addTableInView = useCallback((): string | null => {
    const state = designStore.getState();
    if (readOnly || !state.design) return null;
    const spot = freeSpot(state.design, viewRect());
    const id = state.addTable(spot.position);
    if (id && !spot.inView) fitView();
    return id;
  }, [readOnly, viewRect, fitView]);

  const exportImage = useCallback(
    async (options: ImageExportOptions): Promise<DiagramImage | null> => {
      const current = drawn.current;
      const element = wrapper.current;
      if (!current || !element) return null;
      const ids = new Set(
        options.selectionOnly ? selectedTableIds() : current.tables.map((t) => t.id),
      );
      if (ids.size === 0) return null;
      setExportTheme(options.theme);
      try {
        const viewport = element.querySelector<HTMLElement>('.react-flow__viewport');
        if (!viewport) return null;
        await everyTableDrawn(viewport, current.tables.length);
        const background = getComputedStyle(element).getPropertyValue('--bg').trim();
        // The whole diagram has its notes and areas; a selection, its tables only.
        const nodes = flow
          .getNodes()
          .filter((n) => ids.has(n.id) || (!options.selectionOnly && n.type !== 'table'));
        return await drawDiagram(
          viewport,
          nodes as TableFlowNode[],
          flow.getEdges() as ForeignKeyFlowEdge[],
          {
            ...options,
            background,
          },
        );
      } finally {
        setExportTheme(null);
      }
    },
    [flow],
  );

  // A new note takes a free spot in view (as a new table does), so it covers no table.
  const addNoteInView = useCallback(() => {
    const state = designStore.getState();
    if (readOnly || !state.design) return;
    state.addNote(freeSpot(state.design, viewRect()).position);
  }, [readOnly, viewRect]);

  /** An area around the selected tables, or an empty one in the middle of the view. */
  const addAreaInView = useCallback(() => {
    if (readOnly) return;
    const ids = new Set(selectedTableIds());
    const chosen = flow.getNodes().filter((n) => ids.has(n.id));
    let box: { position: Position; width: number; height: number };
    if (chosen.length > 0) {
      const bounds = getNodesBounds(chosen);
      box = {
        position: { x: snap(bounds.x - 2 * GRID_SIZE), y: snap(bounds.y - 4 * GRID_SIZE) },
        width: snap(bounds.width + 4 * GRID_SIZE),
        height: snap(bounds.height + 6 * GRID_SIZE),
      };
    } else {
      const centre = viewCenter();
      box = {
        position: { x: snap(centre.x - 240), y: snap(centre.y - 160) },
        width: 480,
        height: 320,
      };
    }
    const count = designStore.getState().design?.canvas?.areas.length ?? 0;
    designStore.getState().addArea(box, `Area ${count + 1}`, AREA_COLOR);
  }, [readOnly, flow, viewCenter]);

  const controls = useMemo<CanvasControls>(
    () => ({ fitView, viewCenter, addTableInView, exportImage }),
    [fitView, viewCenter, addTableInView, exportImage],
  );
  useEffect(() => {
    onReady?.(controls);
  }, [onReady, controls]);

  // Tables and views without a position (an imported design) are laid out once, then fitted
  // in view.
  useEffect(() => {
    if (!design || !hasMissingPositions(design)) return;
    let cancelled = false;
    layoutMissingPositions(design).then((positions) => {
      if (cancelled || !positions) return;
      if (snapshot === design) {
        setLaidOut({
          of: snapshot,
          design: {
            ...design,
            tables: design.tables.map((t) => {
              const position = positions[t.id];
              return position ? { ...t, position } : t;
            }),
            ...(design.objects && {
              objects: design.objects.map((o) => {
                const position = positions[o.id];
                return position ? { ...o, position } : o;
              }),
            }),
          },
        });
      } else if (designStore.getState().design === design) {
        designStore.getState().applyLayout(positions, { record: false });
      }
      fitView();
    });
    return () => {
      cancelled = true;
    };
  }, [design, snapshot, fitView]);

  // A newly opened document (or another snapshot) is fitted in view.
  const fittedFor = useRef<unknown>(null);
  const documentKey = isSnapshot ? snapshot : loads;
  useEffect(() => {
    if (fittedFor.current === documentKey || viewNodes.length === 0) return;
    fittedFor.current = documentKey;
    fitView();
  }, [documentKey, viewNodes.length, fitView]);

  // A jump from the find palette centres the table (or note, or area), at a zoom where a
  // table's columns read.
  useEffect(() => {
    if (!reveal) return;
    const node = flow.getNode(reveal.id);
    if (!node) return;
    const width = node.measured?.width ?? node.width ?? TABLE_WIDTH;
    const height = node.measured?.height ?? node.height ?? TABLE_HEADER_HEIGHT;
    void flow.setCenter(node.position.x + width / 2, node.position.y + Math.min(height / 2, 160), {
      zoom: Math.max(flow.getZoom(), 0.8),
      duration: 250,
    });
  }, [reveal, flow]);

  // Entering focus mode (or changing its hops) fits the tables in focus; a focused table that
  // is deleted ends it.
  const focusKnown = focusTable !== undefined;
  useEffect(() => {
    if (!focus) return;
    if (!focusKnown) {
      viewStore.getState().clearFocus();
      return;
    }
    const current = drawn.current;
    if (!current) return;
    const ids = [...neighbourhood(current, focus.tableId, focus.hops)];
    requestAnimationFrame(() => {
      void flow.fitView({
        nodes: ids.map((id) => ({ id })),
        padding: 0.15,
        minZoom: READABLE_ZOOM,
        maxZoom: 1,
        duration: 250,
      });
    });
  }, [focus, focusKnown, flow]);

  const selectedTable =
    !isSnapshot && (selection?.kind === 'table' || selection?.kind === 'column')
      ? design?.tables.find((t) => t.id === (selection.tableId ?? selection.id))
      : undefined;

  const [selectionOf, setSelectionOf] = useState(snapshot);
  if (selectionOf !== snapshot) {
    setSelectionOf(snapshot);
    setSnapshotSelection(null);
  }

  useCanvasKeys(readOnly, isSnapshot, select, wrapper, addNoteInView, addAreaInView, onMessage);
  useTableClipboard({ enabled: !readOnly && !isSnapshot, isTyping, viewCenter });

  return (
    <div
      ref={wrapper}
      className={[
        'retort-canvas',
        readOnly ? 'retort-canvas--read-only' : '',
        exportTheme ? `theme-${exportTheme}` : '',
        className ?? '',
      ]
        .filter(Boolean)
        .join(' ')}
      data-testid="canvas"
    >
      <DetailContext.Provider value={detail}>
        <ReactFlow<FlowNode>
          nodes={viewNodes}
          edges={shown.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeClick={onNodeClick}
          onEdgeClick={onEdgeClick}
          onPaneClick={() => {
            select(null);
            viewStore.getState().clearReveal();
          }}
          onNodeDragStart={onNodeDragStart}
          onNodeDrag={onNodeDrag}
          onNodeDragStop={onNodeDragStop}
          onSelectionStart={() => {
            if (!isSnapshot) boxed.current = new Set(selectedTableIds());
          }}
          onSelectionEnd={() => {
            boxed.current = null;
          }}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          elementsSelectable
          selectNodesOnDrag={false}
          multiSelectionKeyCode={null}
          selectionKeyCode="Shift"
          deleteKeyCode={null}
          zoomOnDoubleClick={false}
          snapToGrid
          snapGrid={SNAP}
          minZoom={0.05}
          maxZoom={2}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          onlyRenderVisibleElements={!exporting}
          connectionRadius={24}
          proOptions={PRO_OPTIONS}
        >
          <CanvasDots gap={GRID_SIZE} size={1} />
          <Overview ariaLabel="Overview of the diagram" />
          <Controls showInteractive={false} showFitView={false}>
            <ControlButton
              onClick={fitView}
              className="react-flow__controls-fitview"
              title="Fit view (the most connected part first)"
              aria-label="Fit view"
            >
              <FitIcon />
            </ControlButton>
          </Controls>
          {!isSnapshot && (
            <FocusBar
              focusName={focusTable?.name ?? null}
              selectedTable={
                selectedTable ? { id: selectedTable.id, name: selectedTable.name } : null
              }
            />
          )}
          {!readOnly && !isSnapshot && (
            <Panel position="top-right" className="canvas-tools">
              <button
                type="button"
                onClick={addNoteInView}
                title="Add a note in the middle of the view (N)"
              >
                Add note
              </button>
              <button
                type="button"
                onClick={addAreaInView}
                title="Add a subject area around the selected tables (G)"
              >
                Add area
              </button>
            </Panel>
          )}
          {readOnly && isSnapshot && (
            <Panel position="top-left" className="canvas-badge">
              Read-only
            </Panel>
          )}
        </ReactFlow>
      </DetailContext.Provider>
    </div>
  );
}

function FitIcon() {
  return (
    <svg viewBox="0 0 32 30" aria-hidden="true">
      <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
    </svg>
  );
}

/**
 * Keeps the view's copy of each node (mid-drag position, React Flow's own fields) unless the
 * derived node changed; a changed node carries its own size and handles from the design.
 */
function mergeNodes(view: FlowNode[], next: FlowNode[], before: FlowNode[]): FlowNode[] {
  const viewById = new Map(view.map((n) => [n.id, n]));
  const beforeById = new Map(before.map((n) => [n.id, n]));
  return next.map((node) => {
    const current = viewById.get(node.id);
    return current && beforeById.get(node.id) === node ? current : node;
  });
}

function useCanvasKeys(
  readOnly: boolean,
  isSnapshot: boolean,
  select: (selection: Selection | null) => void,
  wrapper: RefObject<HTMLDivElement | null>,
  addNote: () => void,
  addArea: () => void,
  onMessage: CanvasProps['onMessage'],
) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !isSnapshot && (key === 'z' || key === 'y')) {
        event.preventDefault();
        if (key === 'y' || event.shiftKey) redo();
        else undo();
        return;
      }
      if (event.key === 'Escape') {
        const view = viewStore.getState();
        view.clearReveal();
        if (view.focus && !isSnapshot) view.clearFocus();
        else select(null);
        return;
      }
      if ((key === 'n' || key === 'g') && !mod && !event.altKey && !isSnapshot && !readOnly) {
        event.preventDefault();
        if (key === 'n') addNote();
        else addArea();
        return;
      }
      if (key === 'f' && !mod && !event.altKey && !isSnapshot) {
        const selection = designStore.getState().selection;
        const tableId = selection?.kind === 'table' ? selection.id : (selection?.tableId ?? null);
        const view = viewStore.getState();
        if (!tableId) return;
        event.preventDefault();
        if (view.focus?.tableId === tableId) view.clearFocus();
        else view.focusOn(tableId);
        return;
      }
      // Deleting needs the focus on the canvas (or nowhere): Backspace on a focused inspector
      // button must not delete what is selected.
      const onCanvas =
        event.target === document.body ||
        (event.target instanceof Node && wrapper.current?.contains(event.target) === true);
      if ((event.key === 'Delete' || event.key === 'Backspace') && !readOnly && !mod && onCanvas) {
        const state = designStore.getState();
        const selection = state.selection;
        if (!selection) return;
        event.preventDefault();
        switch (selection.kind) {
          case 'table':
            state.deleteTable(selection.id);
            break;
          case 'column':
            state.deleteColumn(selection.tableId, selection.id);
            break;
          case 'foreignKey':
            state.deleteForeignKey(selection.tableId, selection.id);
            break;
          case 'tables':
            state.deleteTables(selection.ids);
            break;
          case 'note':
            state.deleteNote(selection.id);
            break;
          case 'area':
            state.deleteArea(selection.id);
            break;
          case 'object': {
            const refused = state.deleteObject(selection.id);
            if (refused) onMessage(`Not deleted: ${refused}`, 'error');
            break;
          }
          case 'enum':
            break;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [readOnly, isSnapshot, select, wrapper, addNote, addArea, onMessage]);
}

type Drop =
  | { kind: 'column'; tableId: string; columnId: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'nowhere' };

/** The column a connection dropped at this point of the screen lands on. */
function dropTarget(x: number, y: number, design: Design | null): Drop {
  const element = document.elementFromPoint(x, y);
  const node = element?.closest<HTMLElement>('[data-testid="table-node"]');
  const tableId = node?.dataset.tableId;
  const table = design?.tables.find((t) => t.id === tableId);
  if (!element || !tableId || !table) return { kind: 'nowhere' };
  const columnId = element.closest<HTMLElement>('[data-testid="column-row"]')?.dataset.columnId;
  if (columnId) return { kind: 'column', tableId, columnId };
  const key = table.columns.filter((c) => c.primaryKey);
  const [only] = key;
  if (key.length === 1 && only) return { kind: 'column', tableId, columnId: only.id };
  return {
    kind: 'refused',
    reason:
      key.length === 0
        ? `No foreign key drawn: ${table.name} has no primary key; drop on the column to point at.`
        : `No foreign key drawn: ${table.name}'s primary key has ${key.length} columns; drop on the column to point at.`,
  };
}

/**
 * Resolves once React Flow has drawn every table (and a few frames more for the edges and
 * their labels, which follow the nodes' measurements).
 */
function everyTableDrawn(viewport: HTMLElement, tables: number): Promise<void> {
  return new Promise((resolve) => {
    let settled = 0;
    let frames = 0;
    const tick = () => {
      frames += 1;
      if (viewport.querySelectorAll('.react-flow__node').length >= tables) settled += 1;
      if (settled >= 3 || frames > 240) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Where the tables and notes wholly inside an area are, when its drag begins. */
function inside(area: FlowNode, nodes: FlowNode[]): Map<string, Position> {
  const right = area.position.x + (area.width ?? 0);
  const bottom = area.position.y + (area.height ?? 0);
  const members = new Map<string, Position>();
  for (const node of nodes) {
    if (node.type === 'area') continue;
    const width = node.measured?.width ?? node.width ?? 0;
    const height = node.measured?.height ?? node.height ?? 0;
    const { x, y } = node.position;
    if (
      x >= area.position.x &&
      y >= area.position.y &&
      x + width <= right &&
      y + height <= bottom
    ) {
      members.set(node.id, node.position);
    }
  }
  return members;
}

function snap(value: number): number {
  return Math.round(value / GRID_SIZE) * GRID_SIZE;
}
