/** Alembic: revision scripts in Alembic's own format, and a whole runnable Alembic project. */
export {
  type AlembicProjectInput,
  type AlembicProjectRevision,
  alembicProjectFiles,
} from './project';
export { type AlembicRevisionInput, alembicCreateDate, emitAlembicRevision } from './revision';
