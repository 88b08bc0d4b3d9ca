/**
 * The imports of a generated Python module: `import x` and `from x import a, b`, rendered
 * sorted the way isort does it by default (plain imports, then from-imports by module;
 * names CONSTANT-case first, then Classes, then functions).
 */
export class PythonImports {
  readonly modules = new Set<string>();
  readonly names = new Map<string, Set<string>>();
  /** Module-level definitions the imported names are not enough for (a type class), by name. */
  readonly helpers = new Map<string, string[]>();

  /** `from module import name`. */
  from(module: string, name: string): this {
    let set = this.names.get(module);
    if (!set) {
      set = new Set();
      this.names.set(module, set);
    }
    set.add(name);
    return this;
  }

  /** `import module`. */
  module(module: string): this {
    this.modules.add(module);
    return this;
  }

  /** A module-level definition, written once after the imports. */
  helper(name: string, lines: string[]): this {
    if (!this.helpers.has(name)) this.helpers.set(name, lines);
    return this;
  }

  /** The helpers' lines, each definition after two blank lines (none when there are none). */
  renderHelpers(): string[] {
    return [...this.helpers.keys()].sort().flatMap((name) => ['', '', ...this.helpers.get(name)!]);
  }

  merge(other: PythonImports): this {
    for (const [name, lines] of other.helpers) this.helper(name, lines);
    for (const module of other.modules) this.module(module);
    for (const [module, names] of other.names) for (const name of names) this.from(module, name);
    return this;
  }

  /** Every name the module binds: what generated attributes must not shadow. */
  bound(): Set<string> {
    const bound = new Set<string>();
    for (const module of this.modules) {
      const alias = / as (\w+)$/.exec(module);
      bound.add(alias ? alias[1]! : module.split('.')[0]!);
    }
    for (const names of this.names.values()) for (const name of names) bound.add(name);
    for (const name of this.helpers.keys()) bound.add(name);
    return bound;
  }

  /** Lines grouped as isort groups them: standard library, then third party. */
  render(isStandardLibrary: (module: string) => boolean = isStdlib): string {
    const groups: string[][] = [[], []];
    const group = (module: string) => groups[isStandardLibrary(module) ? 0 : 1]!;
    for (const module of [...this.modules].sort()) group(module).push(`import ${module}`);
    for (const module of [...this.names.keys()].sort()) {
      const names = [...this.names.get(module)!].sort(compareImportNames);
      const line = `from ${module} import ${names.join(', ')}`;
      group(module).push(
        line.length <= 100
          ? line
          : `from ${module} import (\n${names.map((name) => `    ${name},\n`).join('')})`,
      );
    }
    return groups
      .filter((lines) => lines.length > 0)
      .map((lines) => sortGroup(lines).join('\n'))
      .join('\n\n');
  }
}

const STDLIB = new Set(['__future__', 'datetime', 'decimal', 'enum', 'typing', 'uuid']);

function isStdlib(module: string): boolean {
  return STDLIB.has(module.split('.')[0]!);
}

/** isort's default: `import x` lines before `from x import` lines, each by module. */
function sortGroup(lines: string[]): string[] {
  const plain = lines.filter((line) => line.startsWith('import '));
  const from = lines.filter((line) => line.startsWith('from '));
  return [...plain, ...from];
}

function nameKind(name: string): number {
  if (name.length > 1 && name === name.toUpperCase()) return 0;
  if (name[0] === name[0]!.toUpperCase() && name[0] !== '_') return 1;
  return 2;
}

function compareImportNames(a: string, b: string): number {
  const kind = nameKind(a) - nameKind(b);
  if (kind !== 0) return kind;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : 0;
}
