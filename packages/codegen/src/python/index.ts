/** Shared Python rendering: string literals, imports, SQLAlchemy type and server default expressions. */
export { PythonImports } from './imports';
export {
  docstringText,
  escapeTextColons,
  pythonString,
  pythonStrings,
  pythonText,
} from './literal';
export { pyEnumNameArgs, pyNameArgs, pySchema } from './schema-names';
export { renderServerDefault, type ServerDefault } from './server-default';
export { renderSaType, type SaType, type SaTypeContext, saIdentity } from './types';
