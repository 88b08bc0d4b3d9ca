/** Names for generated code: classes from tables, Python identifiers, camel and Pascal case for TypeScript. */
export { camelCase, pascalCase, words } from './case';
export { className, classNames } from './class-name';
export {
  DECLARATIVE_RESERVED,
  PYTHON_KEYWORDS,
  pythonIdentifier,
  pythonIdentifiers,
} from './python-identifier';
export { singularize } from './singular';
