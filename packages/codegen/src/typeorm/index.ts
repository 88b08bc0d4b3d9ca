/** TypeORM: the design as entity classes, in one module or one file per entity. */
export { emitTypeorm, emitTypeormFiles } from './emit';
