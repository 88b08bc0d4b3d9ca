/** Views, functions, triggers, policies and the rest of a schema beside its tables. */
export * from './catalog';
export * from './plan-sql';
export * from './read';
export * from './types';
export * from './validate';
export * from './view-columns';
