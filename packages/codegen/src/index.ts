export * from './drizzle';
export * from './kysely';
export * from './names';
export * from './python';
export * from './sqlalchemy';
export * from './sqlalchemy2';
export * from './typeorm';
export * from './typescript';
