/** Validation and every model emitter over a generated 1000-table design. */
import * as codegen from '@retort/codegen';
import { isSingleExpression, MAX_EXPRESSION_LENGTH, parseDesign, toCatalog } from '@retort/core';
import { largeDesign } from '@retort/testing/large-design';
import type { Measurement } from './timing';
import { median } from './timing';

export async function benchDesign(): Promise<Measurement[]> {
  const text = JSON.stringify(largeDesign(1000));
  const results: Measurement[] = [];
  // The first reading parses every default and check; later ones find them canonicalised.
  const started = performance.now();
  const design = parseDesign(text);
  toCatalog(design);
  results.push({
    name: 'validate+canonicalise 1000 tables, first time',
    value: performance.now() - started,
    unit: 'ms',
  });
  results.push({
    name: 'validate+canonicalise 1000 tables, again',
    value: median(() => toCatalog(parseDesign(text))),
    unit: 'ms',
  });
  let variant = 0;
  const longest = () => {
    // A new text each time, so no cache answers: the worst an expression can cost.
    const items = Array.from({ length: 4000 }, (_, i) => (i + variant) % 10).join(',');
    variant++;
    return `ARRAY[${items}]`.slice(0, MAX_EXPRESSION_LENGTH - 1).replace(/,?\d*$/, ']');
  };
  results.push({
    name: `validate one ${MAX_EXPRESSION_LENGTH}-character expression`,
    value: median(() => isSingleExpression(longest())),
    unit: 'ms',
  });
  results.push({
    name: 'parse+validate 1000 tables',
    value: median(() => parseDesign(text)),
    unit: 'ms',
  });
  const emitters: [string, (d: typeof design) => string][] = [
    ['sqlalchemy', codegen.emitSqlalchemy],
    ['sqlalchemy2', codegen.emitSqlalchemy2],
    ['sql', codegen.emitSql],
    ['drizzle', codegen.emitDrizzle],
    ['typeorm', codegen.emitTypeorm],
    ['kysely', codegen.emitKysely],
  ];
  for (const [name, emit] of emitters) {
    results.push({
      name: `emit ${name} 1000 tables`,
      value: median(() => emit(design)),
      unit: 'ms',
    });
  }
  return results;
}
