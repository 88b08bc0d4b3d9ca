/** Mermaid: the design as an `erDiagram`. */
export { designToMermaid } from './emit';
