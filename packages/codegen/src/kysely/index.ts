/** Kysely: the design as a `Database` interface and one interface per table. */
export { emitKysely } from './emit';
