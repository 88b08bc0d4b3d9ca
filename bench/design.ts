/** Validation and every model emitter over a generated 1000-table design. */
import * as codegen from '@retort/codegen';
import { parseDesign } from '@retort/core';
import { largeDesign } from '@retort/testing/large-design';
import type { Measurement } from './timing';
import { median } from './timing';

export async function benchDesign(): Promise<Measurement[]> {
  const text = JSON.stringify(largeDesign(1000));
  const results: Measurement[] = [];
  const design = parseDesign(text);
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
