/** The model formats Retort emits, by the name the CLI's `--format` and `/api/models` use. */
import {
  emitDrizzle,
  emitKysely,
  emitSql,
  emitSqlalchemy,
  emitSqlalchemy2,
  emitTypeorm,
} from '@retort/codegen';
import type { Design } from '@retort/core';

export const MODEL_FORMATS = {
  sqlalchemy: emitSqlalchemy,
  sqlalchemy2: emitSqlalchemy2,
  sql: emitSql,
  drizzle: emitDrizzle,
  typeorm: emitTypeorm,
  kysely: emitKysely,
} satisfies Record<string, (design: Design) => string>;

export type ModelFormat = keyof typeof MODEL_FORMATS;

export const MODEL_FORMAT_NAMES = Object.keys(MODEL_FORMATS) as ModelFormat[];

export function isModelFormat(name: string): name is ModelFormat {
  return Object.hasOwn(MODEL_FORMATS, name);
}
