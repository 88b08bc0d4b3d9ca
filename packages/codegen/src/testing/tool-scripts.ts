/**
 * Scripts run with tsx inside a temporary project: each drives a real tool over the
 * emitted models the way a user's own script would.
 */

/** drizzle-kit's programmatic `generate`: the SQL that takes an empty database to `./schema`. */
export const DRIZZLE_GENERATE = `import { writeFileSync } from 'node:fs';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import * as schema from './schema';

const empty = generateDrizzleJson({});
const next = generateDrizzleJson(schema, empty.id);
const statements = await generateMigration(empty, next);
writeFileSync('statements.json', JSON.stringify(statements));
`;

/** TypeORM's schema synchronisation from the entities in `./entities`. */
export const TYPEORM_SYNCHRONIZE = `import 'reflect-metadata';
import { DataSource } from 'typeorm';
import * as module from './entities';

const entities = Object.values(module).filter((value) => typeof value === 'function');
const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities, synchronize: true });
await dataSource.initialize();
await dataSource.destroy();
`;
