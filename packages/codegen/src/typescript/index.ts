/** TypeScript rendering shared by the Drizzle, TypeORM and Kysely emitters. */
export {
  isIdentifier,
  propertyKey,
  stringLiteral,
  TS_RESERVED,
  templateText,
  uniqueIdentifier,
} from './identifier';
export { type ModelNames, modelNames, type RelationEnd, type TableNames } from './model';
