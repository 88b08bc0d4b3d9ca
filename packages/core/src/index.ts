export * from './catalog';
export * from './design';
export * from './errors';
export * from './expression';
export * from './lint/types';
export * from './naming';
export * from './operations/types';
