/** Lint: findings about what a run can lose, break or lock. */

export { lintExplanations } from './explanations';
export { lintOperations } from './lint';
export { narrowing } from './narrowing';
