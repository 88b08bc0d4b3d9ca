/** DBML: the design as dbdiagram.io's text. */
export { dbmlName, dbmlString, designToDbml } from './emit';
