/** SQL expressions (defaults and checks): validity and one canonical spelling. */
export * from './canonical';
export { isSingleExpression } from './parse';
