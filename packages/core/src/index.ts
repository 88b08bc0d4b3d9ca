export * from './catalog/types';
export * from './design/types';
export * from './errors';
export * from './lint/types';
export * from './operations/types';
