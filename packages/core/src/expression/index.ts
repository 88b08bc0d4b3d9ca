/** SQL expressions (defaults and checks): validity and one canonical spelling, read by Postgres' parser. */
export * from './canonical';
export { isSingleExpression, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './parse';
export { isExpressionParserLoaded, loadExpressionParser } from './postgres-parser';
