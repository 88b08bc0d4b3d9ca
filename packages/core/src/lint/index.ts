/** Lint: findings about what a run can lose, break or lock. */
export { lintOperations } from './lint';
export { narrowing } from './narrowing';
