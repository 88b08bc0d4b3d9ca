/** The catalog (a design as Postgres sees it): building one from a design, and comparing two. */
export * from './compare';
export * from './from-design';
export * from './identity';
export * from './types';
