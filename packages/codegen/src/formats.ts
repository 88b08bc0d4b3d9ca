/**
 * The model formats Retort emits (and the diagram texts, DBML and Mermaid), by the name the CLI's `--format`, `/api/models` and the
 * editor's code tabs use, each with its label, the file it is saved as and its language.
 */
import type { Design } from '@retort/core';
import { designToDbml } from './dbml';
import { emitDrizzle } from './drizzle';
import { emitKysely } from './kysely';
import { designToMermaid } from './mermaid';
import { emitSql } from './sql';
import { emitSqlalchemy } from './sqlalchemy';
import { emitSqlalchemy2 } from './sqlalchemy2';
import { emitTypeorm } from './typeorm';

/** `dbml` and `mermaid` are shown as plain text. */
export type ModelLanguage = 'python' | 'sql' | 'typescript' | 'dbml' | 'mermaid';

export interface ModelEmitter {
  label: string;
  /** The file name it is downloaded or written as. */
  file: string;
  language: ModelLanguage;
  emit: (design: Design) => string;
}

export const MODEL_EMITTERS = {
  sqlalchemy: { label: 'SQLAlchemy', file: 'models.py', language: 'python', emit: emitSqlalchemy },
  sqlalchemy2: {
    label: 'SQLAlchemy 2.0',
    file: 'models.py',
    language: 'python',
    emit: emitSqlalchemy2,
  },
  sql: { label: 'SQL', file: 'schema.sql', language: 'sql', emit: emitSql },
  drizzle: { label: 'Drizzle', file: 'schema.ts', language: 'typescript', emit: emitDrizzle },
  typeorm: { label: 'TypeORM', file: 'entities.ts', language: 'typescript', emit: emitTypeorm },
  kysely: { label: 'Kysely', file: 'database.ts', language: 'typescript', emit: emitKysely },
  dbml: { label: 'DBML', file: 'schema.dbml', language: 'dbml', emit: designToDbml },
  mermaid: { label: 'Mermaid', file: 'schema.mmd', language: 'mermaid', emit: designToMermaid },
} as const satisfies Record<string, ModelEmitter>;

export type ModelFormat = keyof typeof MODEL_EMITTERS;

/** In the order the editor shows them; the first is the default. */
export const MODEL_FORMAT_NAMES = Object.keys(MODEL_EMITTERS) as ModelFormat[];

export function isModelFormat(name: string): name is ModelFormat {
  return Object.hasOwn(MODEL_EMITTERS, name);
}
