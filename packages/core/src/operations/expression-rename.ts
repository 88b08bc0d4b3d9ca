/**
 * Postgres stores check expressions as parse trees, so renaming a column rewrites every
 * check that names it. This does the same to the canonical text: identifiers outside
 * string literals are replaced, quoted or not.
 */
import { quoteIdentifier } from '../expression/canonical';

export function renameColumnsInExpression(
  expression: string,
  renames: ReadonlyMap<string, string>,
): string {
  if (renames.size === 0) return expression;
  let out = '';
  let i = 0;
  while (i < expression.length) {
    const char = expression[i]!;
    if (char === "'") {
      let j = i + 1;
      while (j < expression.length) {
        if (expression[j] === "'" && expression[j + 1] === "'") j += 2;
        else if (expression[j] === "'") break;
        else j++;
      }
      out += expression.slice(i, j + 1);
      i = j + 1;
    } else if (char === '"') {
      let j = i + 1;
      while (j < expression.length) {
        if (expression[j] === '"' && expression[j + 1] === '"') j += 2;
        else if (expression[j] === '"') break;
        else j++;
      }
      const name = expression.slice(i + 1, j).replaceAll('""', '"');
      const renamed = renames.get(name);
      out += renamed === undefined ? expression.slice(i, j + 1) : quoteIdentifier(renamed);
      i = j + 1;
    } else if (/[A-Za-z_]/.test(char) && !/[\w$]/.test(expression[i - 1] ?? ' ')) {
      let j = i;
      while (j < expression.length && /[\w$]/.test(expression[j]!)) j++;
      const word = expression.slice(i, j);
      const isCall = /^\s*\(/.test(expression.slice(j));
      const isCast = expression.slice(Math.max(0, i - 2), i) === '::';
      const renamed = isCall || isCast ? undefined : renames.get(word.toLowerCase());
      out += renamed === undefined ? word : quoteIdentifier(renamed);
      i = j;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}
