import { pascalCase, words } from './case';
import { singularize } from './singular';

/**
 * The class for a table: singular PascalCase (`order_products` -> `OrderProduct`,
 * `categories` -> `Category`). A name that would start with a digit gets a `Table` prefix;
 * a name without letters or digits becomes `Table`.
 */
export function className(table: string): string {
  const parts = words(table);
  const last = parts.pop();
  if (last !== undefined) parts.push(singularize(last));
  const name = pascalCase(parts.join('_'));
  if (name === '') return 'Table';
  return /^\p{N}/u.test(name) ? `Table${name}` : name;
}

/**
 * Names no generated class takes in either language: Python's capitalised keywords, and
 * the JavaScript globals the generated TypeScript refers to (a table `dates` must not
 * shadow `Date`, which its timestamp columns are typed with).
 */
export const RESERVED_CLASS_NAMES: ReadonlySet<string> = new Set([
  'None',
  'True',
  'False',
  'Array',
  'BigInt',
  'Boolean',
  'Buffer',
  'Date',
  'Error',
  'Function',
  'JSON',
  'Map',
  'Math',
  'Number',
  'Object',
  'Promise',
  'Record',
  'RegExp',
  'Set',
  'String',
  'Symbol',
  'Uint8Array',
]);

/**
 * Class names for all tables at once, none equal to another nor to a `reserved` name
 * (what the module imports): the second `users`-like table becomes `User2`, a table
 * called `index` next to SQLAlchemy's `Index` becomes `IndexTable`.
 */
export function classNames(
  tables: readonly string[],
  reserved: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const table of tables) {
    let base = className(table);
    const unusable = (name: string) => reserved.has(name) || RESERVED_CLASS_NAMES.has(name);
    if (unusable(base)) base = `${base}Table`;
    let candidate = base;
    for (let n = 2; taken.has(candidate) || unusable(candidate); n++) candidate = `${base}${n}`;
    taken.add(candidate);
    result.set(table, candidate);
  }
  return result;
}
