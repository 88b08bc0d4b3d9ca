export * from './catalog';
export * from './compare';
export * from './validate';
