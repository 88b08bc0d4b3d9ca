/**
 * Validation problems of the design being edited, and where each one belongs. Problems come
 * from `validateDesign` in `@retort/core` with JSON paths like `tables[2].columns[0].type`;
 * the canvas and the inspector show each one on the table, row and field it names.
 */
import type { Design } from '@retort/core';
import { validateDesign } from '@retort/core';
import { useDesignStore } from './design-store';

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

/** Validates once per design object (designs are immutable, so identity is enough). */
export function designProblems(design: Design | null): DesignProblem[] {
  if (!design) return NONE;
  let problems = cache.get(design);
  if (!problems) {
    try {
      problems = validateDesign(design).problems.map(({ path, message }) => ({ path, message }));
    } catch (error) {
      problems = [{ path: '', message: error instanceof Error ? error.message : String(error) }];
    }
    cache.set(design, problems);
  }
  return problems;
}

export function useDesignProblems(): DesignProblem[] {
  return designProblems(useDesignStore((s) => s.design));
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
