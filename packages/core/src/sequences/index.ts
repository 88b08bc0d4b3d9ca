export * from './catalog';
export * from './compare';
export * from './options';
export * from './validate';
