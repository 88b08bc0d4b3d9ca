/**
 * Problems for one inspected object, by field: `tables[2].columns[0].type` belongs to the
 * "type" field of the column at `tables[2].columns[0]`; a problem at the object's own path
 * (or a field the inspector does not show) is listed under `general`.
 */
import { type DesignProblem, problemsAt } from '../store/design-problems';

export interface FieldProblems {
  general: string[];
  field(name: string): string[] | undefined;
}

export function fieldProblems(
  problems: readonly DesignProblem[],
  base: string,
  fields: readonly string[],
): FieldProblems {
  const mine = problemsAt(problems, base);
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const problem of mine) {
    const rest = problem.path.slice(base.length);
    const name = /^\.([A-Za-z]+)/.exec(rest)?.[1];
    if (name && fields.includes(name)) {
      const list = byField.get(name) ?? [];
      list.push(problem.message);
      byField.set(name, list);
    } else {
      general.push(problem.message);
    }
  }
  return { general, field: (name) => byField.get(name) };
}
