/** SQLAlchemy declarative models (1.4 `Column` style) from a design. */
export { emitSqlalchemy } from './emit';
export { cycleClosingKeys } from './fk-cycles';
export {
  type ColumnPlan,
  type ModulePlan,
  planModels,
  renderCall,
  renderTableArgs,
  type TablePlan,
} from './model-plan';
