/**
 * Classes the way the diagram is being looked at adds to the derived nodes and edges: the
 * table jumped to is highlighted, and in focus mode what is outside the focus fades. Nodes
 * and edges without such a class are passed through as they are; decorated ones are kept per
 * derived object, so a decoration that did not change gives React Flow the same object.
 */
import type { DiagramEdge, DiagramNode, FlowGraph } from './design-to-flow';

export const HIGHLIGHT_CLASS = 'table-node-wrapper--highlight';
export const FADED_CLASS = 'is-faded';

export interface ViewClasses {
  highlighted: string | null;
  /** The tables in focus, or null when focus mode is off. */
  focused: ReadonlySet<string> | null;
}

type Cache = WeakMap<object, { className: string; decorated: object }>;

export function createViewClassCache(): Cache {
  return new WeakMap();
}

export function decorateGraph(graph: FlowGraph, view: ViewClasses, cache: Cache): FlowGraph {
  if (!view.highlighted && !view.focused) return graph;
  const nodes = graph.nodes.map((node) => {
    const classes = [
      node.id === view.highlighted ? HIGHLIGHT_CLASS : '',
      view.focused && !view.focused.has(node.id) ? FADED_CLASS : '',
    ];
    return withClass(node, classes.filter(Boolean).join(' '), cache);
  });
  const edges = graph.edges.map((edge) => {
    const faded =
      view.focused !== null && !(view.focused.has(edge.source) && view.focused.has(edge.target));
    return faded
      ? withClass(edge, `${edge.className ?? ''} ${FADED_CLASS}`.trim(), cache, true)
      : edge;
  });
  return { nodes, edges };
}

function withClass<T extends DiagramNode | DiagramEdge>(
  item: T,
  className: string,
  cache: Cache,
  replace = false,
): T {
  if (!className) return item;
  const cached = cache.get(item);
  if (cached?.className === className) return cached.decorated as T;
  const decorated = {
    ...item,
    className: replace ? className : [item.className, className].filter(Boolean).join(' '),
  };
  cache.set(item, { className, decorated });
  return decorated;
}
