/**
 * Validation problems of the design being edited, and where each one belongs. Problems come
 * from `validateDesign` in `@retort/core` with JSON paths like `tables[2].columns[0].type`;
 * the canvas and the inspector show each one on the table, row and field it names.
 */
import type { Design, Table } from '@retort/core';
import { validateDesign } from '@retort/core';
import { useDeferredValue, useMemo } from 'react';

export interface DesignProblem {
  path: string;
  message: string;
}

/** Problems grouped by the id of the object they concern. */
export interface ProblemIndex {
  /** Every problem under a table (its columns and keys included). */
  byTable: Map<string, DesignProblem[]>;
  byColumn: Map<string, DesignProblem[]>;
  /** Foreign keys, uniques, indexes and checks, by their id. */
  byKey: Map<string, DesignProblem[]>;
  byEnum: Map<string, DesignProblem[]>;
  /** Problems that name no table or enum (e.g. the design's name). */
  other: DesignProblem[];
}

const cache = new WeakMap<Design, DesignProblem[]>();
const NONE: DesignProblem[] = [];
let latest: { design: Design; problems: DesignProblem[] } | null = null;

/**
 * Validates once per design object (designs are immutable, so identity is enough). A design
 * that differs from the last one only in table positions (a drag, a layout) reuses its
 * problems: positions are never wrong, and validating 500 tables takes a while.
 */
export function designProblems(design: Design | null): DesignProblem[] {
  if (!design) return NONE;
  let problems = cache.get(design);
  if (!problems) {
    if (latest && sameExceptPositions(latest.design, design)) {
      problems = latest.problems;
    } else {
      try {
        problems = validateDesign(design).problems.map(({ path, message }) => ({ path, message }));
      } catch (error) {
        problems = [{ path: '', message: error instanceof Error ? error.message : String(error) }];
      }
    }
    cache.set(design, problems);
  }
  latest = { design, problems };
  return problems;
}

/**
 * The problems of `design`, validated after the edit is painted: until then, the previous
 * design's problems, moved to the new design's paths, so a large design edits without a
 * pause per keystroke.
 */
export function useDesignProblems(design: Design | null): DesignProblem[] {
  const validated = useDeferredValue(design);
  const problems = designProblems(validated);
  return useMemo(
    () =>
      validated === design || !validated || !design
        ? problems
        : rebaseProblems(validated, design, problems),
    [validated, design, problems],
  );
}

function sameExceptPositions(a: Design, b: Design): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.enums !== b.enums || a.tables.length !== b.tables.length) return false;
  return a.tables.every((t, i) => {
    const u = b.tables[i]!;
    return (
      t === u ||
      (t.id === u.id &&
        t.name === u.name &&
        t.comment === u.comment &&
        t.columns === u.columns &&
        t.foreignKeys === u.foreignKeys &&
        t.uniques === u.uniques &&
        t.indexes === u.indexes &&
        t.checks === u.checks)
    );
  });
}

const TABLE_ITEM = /^\.(columns|foreignKeys|uniques|indexes|checks)\[(\d+)\]/;

/**
 * Re-addresses problems found in `from` to the same objects in `to` (paths hold indexes,
 * objects are matched by id); problems of objects `to` no longer has are dropped.
 */
export function rebaseProblems(
  from: Design,
  to: Design,
  problems: readonly DesignProblem[],
): DesignProblem[] {
  const tableIndex = new Map(to.tables.map((t, i) => [t.id, i]));
  const enumIndex = new Map(to.enums.map((e, i) => [e.id, i]));
  const result: DesignProblem[] = [];
  for (const problem of problems) {
    const enumMatch = ENUM_PATH.exec(problem.path);
    if (enumMatch) {
      const id = from.enums[Number(enumMatch[1])]?.id;
      const index = id === undefined ? undefined : enumIndex.get(id);
      if (index !== undefined) {
        result.push({
          ...problem,
          path: `enums[${index}]${problem.path.slice(enumMatch[0].length)}`,
        });
      }
      continue;
    }
    const tableMatch = /^tables\[(\d+)\]/.exec(problem.path);
    if (!tableMatch) {
      result.push(problem);
      continue;
    }
    const fromTable = from.tables[Number(tableMatch[1])];
    const index = fromTable && tableIndex.get(fromTable.id);
    if (!fromTable || index === undefined) continue;
    const toTable = to.tables[index]!;
    let rest = problem.path.slice(tableMatch[0].length);
    const itemMatch = TABLE_ITEM.exec(rest);
    if (itemMatch) {
      const list = itemMatch[1] as keyof Pick<
        Table,
        'columns' | 'foreignKeys' | 'uniques' | 'indexes' | 'checks'
      >;
      const id = fromTable[list][Number(itemMatch[2])]?.id;
      const itemIndex = (toTable[list] as { id: string }[]).findIndex((item) => item.id === id);
      if (itemIndex < 0) continue;
      rest = `.${list}[${itemIndex}]${rest.slice(itemMatch[0].length)}`;
    }
    result.push({ ...problem, path: `tables[${index}]${rest}` });
  }
  return result;
}

const PATH = /^tables\[(\d+)\](?:\.(columns|foreignKeys|uniques|indexes|checks)\[(\d+)\])?/;
const ENUM_PATH = /^enums\[(\d+)\]/;

export function indexProblems(design: Design, problems: readonly DesignProblem[]): ProblemIndex {
  const index: ProblemIndex = {
    byTable: new Map(),
    byColumn: new Map(),
    byKey: new Map(),
    byEnum: new Map(),
    other: [],
  };
  const push = (map: Map<string, DesignProblem[]>, id: string, problem: DesignProblem) => {
    const list = map.get(id);
    if (list) list.push(problem);
    else map.set(id, [problem]);
  };
  for (const problem of problems) {
    const enumMatch = ENUM_PATH.exec(problem.path);
    const enumType = enumMatch && design.enums[Number(enumMatch[1])];
    if (enumType) {
      push(index.byEnum, enumType.id, problem);
      continue;
    }
    const match = PATH.exec(problem.path);
    const table = match && design.tables[Number(match[1])];
    if (!match || !table) {
      index.other.push(problem);
      continue;
    }
    push(index.byTable, table.id, problem);
    const list = match[2] as
      | 'columns'
      | 'foreignKeys'
      | 'uniques'
      | 'indexes'
      | 'checks'
      | undefined;
    const item = list ? table[list][Number(match[3])] : undefined;
    if (!item) continue;
    push(list === 'columns' ? index.byColumn : index.byKey, item.id, problem);
  }
  return index;
}

/**
 * The problems at `path` exactly or below it (`tables[0].columns[1]` matches
 * `tables[0].columns[1].type`, not `tables[0].columns[10]`).
 */
export function problemsAt(problems: readonly DesignProblem[], path: string): DesignProblem[] {
  return problems.filter(
    (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
  );
}
