/** Alembic: a revision's file in Alembic's own format, and a whole runnable Alembic project. */
export { type AlembicProjectInput, alembicProjectFiles } from './project';
export { type AlembicRevisionInput, alembicCreateDate, emitAlembicRevision } from './revision';
export {
  type AlembicRevisionFile,
  type AlembicRevisionSource,
  alembicRevisionFile,
} from './revision-file';
