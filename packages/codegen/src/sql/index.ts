/** PostgreSQL: statements for operations and migrations, and a DDL script for a whole design. */
export { type AlterColumnStep, alterColumnSteps } from './alter-column-steps';
export { emitSql } from './emit';
export { quoteLiteral, quoteName, sqlType } from './identifier';
export {
  addSerialSql,
  alterEnumSql,
  columnDefinition,
  dropSerialSql,
  exclusionClause,
  exclusionOperatorSql,
  type MigrationSql,
  renderMigrationSql,
  renderOperationSql,
  serialTypeSql,
} from './render';
