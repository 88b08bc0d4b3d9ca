/** Python's keywords (3.8+), soft keywords excluded: they are valid names. */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

/**
 * Attribute names that a declarative class cannot use for a column: SQLAlchemy reserves
 * `metadata` and `registry` on the base, and the dunder names configure the mapping.
 */
export const DECLARATIVE_RESERVED: ReadonlySet<string> = new Set([
  'metadata',
  'registry',
  '__tablename__',
  '__table__',
  '__table_args__',
  '__mapper__',
  '__mapper_args__',
  '__abstract__',
]);

/**
 * A valid Python identifier for a database name: characters Python does not allow become
 * `_`, a leading digit gets a `_` prefix, and a keyword or a `reserved` name (what the
 * class body refers to: imports, enum variables) gets a `_` suffix. The caller passes the
 * real name to `Column('class', ...)` whenever the identifier differs from it.
 */
export function pythonIdentifier(name: string, reserved: ReadonlySet<string> = new Set()): string {
  let identifier = name.replace(/[^\p{L}\p{N}_]/gu, '_');
  if (identifier === '') identifier = '_';
  if (/^\p{N}/u.test(identifier)) identifier = `_${identifier}`;
  while (
    PYTHON_KEYWORDS.has(identifier) ||
    DECLARATIVE_RESERVED.has(identifier) ||
    reserved.has(identifier)
  ) {
    identifier = `${identifier}_`;
  }
  return identifier;
}

/**
 * Identifiers for several names in one namespace (the columns of one class): two names
 * that clean up to the same identifier (`a-b`, `a_b`) get `_2`, `_3`.
 */
export function pythonIdentifiers(
  names: readonly string[],
  reserved: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const taken = new Set<string>();
  const chosen = new Map<string, string>();
  // A name that is already a valid identifier keeps it; the cleaned-up ones step aside.
  for (const name of names) {
    if (pythonIdentifier(name, reserved) === name && !taken.has(name)) {
      taken.add(name);
      chosen.set(name, name);
    }
  }
  for (const name of names) {
    if (chosen.has(name)) continue;
    const base = pythonIdentifier(name, reserved);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++)
      candidate = pythonIdentifier(`${base}_${n}`, reserved);
    taken.add(candidate);
    chosen.set(name, candidate);
  }
  return new Map(names.map((name) => [name, chosen.get(name)!]));
}
