/**
 * Every request body, query and path parameter the API accepts. Anything else is refused
 * with 400 before any file or database is touched: ids are hex only, so `../` never reaches
 * the file system.
 */
import { RetortError } from '@retort/core';
import { z } from 'zod';

export const revisionId = z
  .string()
  .regex(/^[0-9a-f]{1,12}$/, 'must be 1 to 12 lowercase hexadecimal characters');

/** Alembic's targets: head, base, +N, -N, a revision id or a unique prefix. */
export const target = z
  .string({ error: 'must be a string' })
  .regex(
    /^(head|base|[+-][1-9][0-9]{0,5}|[0-9a-f]{1,12})$/,
    'must be head, base, +N, -N or a revision id',
  );

export const revisionParams = z.object({ id: revisionId });

export const saveDesignBody = z.object({
  design: z.record(z.string(), z.unknown(), { error: 'must be a JSON object' }),
  version: z
    .string({ error: 'must be a string: the version read from GET /api/design' })
    .min(1)
    .max(200),
});

export const validateBody = z.object({
  design: z.unknown().refine((value) => value !== undefined, 'is required'),
});

export const createRevisionBody = z.object({
  message: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'must be at most 500 characters'),
});

export const runBody = z.object({
  target,
  dryRun: z.boolean({ error: 'must be true or false' }).optional(),
  force: z.boolean({ error: 'must be true or false' }).optional(),
  lockTimeout: z
    .string({ error: 'must be a string, a duration like "5s"' })
    .regex(/^\d+(ms|s|min)$/, 'must be a duration like "500ms", "5s" or "1min"')
    .optional(),
});

export const modelsQuery = z.object({
  format: z
    .string({ error: 'must be given once (e.g. ?format=sqlalchemy)' })
    .min(1, 'is required (e.g. ?format=sqlalchemy)'),
});

/** SQL or DBML text to read into a design; a 1000-table pg_dump is a few megabytes. */
export const MAX_IMPORT_TEXT = 10_000_000;

export const importBody = z.object({
  format: z.enum(['sql', 'dbml'], { error: 'must be "sql" or "dbml"' }),
  text: z
    .string({ error: 'must be a string: the SQL or DBML to import' })
    .refine((text) => text.trim().length > 0, 'must not be empty')
    .refine(
      (text) => text.length <= MAX_IMPORT_TEXT,
      `must be at most ${MAX_IMPORT_TEXT.toLocaleString('en')} characters`,
    ),
});

/** A view's or function's SQL; a long function is a few hundred lines. */
export const MAX_OBJECT_SQL = 100_000;

export const checkObjectBody = z.object({
  design: z.record(z.string(), z.unknown(), { error: 'must be a JSON object: the design' }),
  sql: z
    .string({ error: 'must be a string: one CREATE statement' })
    .refine((text) => text.trim().length > 0, 'must not be empty')
    .refine(
      (text) => text.length <= MAX_OBJECT_SQL,
      `must be at most ${MAX_OBJECT_SQL.toLocaleString('en')} characters`,
    ),
  replaces: z
    .string({ error: 'must be a string: the id of the object the statement replaces' })
    .min(1)
    .max(200)
    .optional(),
});

/** Parses `value` or throws one sentence naming the field, e.g. `body.target must be ...`. */
export function parseRequest<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  if (
    where === 'body' &&
    (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value))
  ) {
    throw new RetortError(
      'The request body must be a JSON object sent with Content-Type: application/json.',
      'invalid_input',
    );
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [where, ...issue.path.map(String)].join('.');
  // Zod does not keep the offending value on the issue: look it up, so a field sent with
  // the wrong type is reported as such and only an absent one as "is required".
  const given = issue.path.reduce<unknown>(
    (owner, key) =>
      owner !== null && typeof owner === 'object'
        ? (owner as Record<PropertyKey, unknown>)[key as PropertyKey]
        : undefined,
    value,
  );
  const message =
    issue.code === 'invalid_type' && given === undefined ? 'is required' : issue.message;
  throw new RetortError(`The request's ${field} ${message}.`, 'invalid_input');
}
