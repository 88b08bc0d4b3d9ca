/** Drizzle ORM: the design as a `drizzle-orm/pg-core` schema module. */
export { emitDrizzle } from './emit';
