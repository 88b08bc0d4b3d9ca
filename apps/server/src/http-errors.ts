/**
 * Turns anything thrown into `{ error: sentence }` with the right status. A RetortError is
 * the user's to fix and says so; anything else is a bug: logged here, never sent (no stack
 * traces, no SQL from a failed connection, no passwords).
 */
import { isRetortError, type RetortErrorCode } from '@retort/core';
import type { ErrorRequestHandler, RequestHandler } from 'express';

const STATUS: Record<RetortErrorCode, number> = {
  invalid_input: 400,
  invalid_design: 422,
  not_found: 404,
  conflict: 409,
  broken_chain: 409,
  migration_failed: 409,
  refused: 409,
};

/** Details a client may see; anything else a library attaches stays on the server. */
const PUBLIC_DETAILS = [
  'problems',
  'version',
  'revision',
  'statement',
  'candidates',
  'preflight',
  'differences',
  'postgresMessage',
  'line',
  'column',
] as const;

export function statusOf(code: RetortErrorCode): number {
  return STATUS[code] ?? 400;
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  /** The size limit, in bytes, of a body refused as too large. */
  limit?: number;
  /** The raw text the parser refused. */
  body?: unknown;
}

/** `null`, `42`, `"str"`: JSON, but not the object every body must be (the parser is strict). */
function isJsonButNotObject(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

export function errorHandler(log: (message: string) => void): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (isRetortError(error)) {
      const body: Record<string, unknown> = { error: error.message };
      for (const key of PUBLIC_DETAILS) {
        if (error.details[key] !== undefined) body[key] = error.details[key];
      }
      res.status(statusOf(error.code)).json(body);
      return;
    }
    const parser = (error ?? {}) as BodyParserError;
    if (parser.type === 'entity.too.large') {
      const limit = typeof parser.limit === 'number' ? Math.round(parser.limit / 1024 / 1024) : 2;
      res.status(413).json({ error: `The request body is larger than the ${limit} MB limit.` });
      return;
    }
    if (parser.type === 'entity.parse.failed' && isJsonButNotObject(parser.body)) {
      res.status(400).json({
        error: 'The request body must be a JSON object sent with Content-Type: application/json.',
      });
      return;
    }
    if (parser.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'The request body is not valid JSON.' });
      return;
    }
    if (typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500) {
      res.status(parser.status).json({ error: 'The request could not be read.' });
      return;
    }
    log(
      `retort: internal error on ${req.method} ${req.originalUrl}: ${
        error instanceof Error ? (error.stack ?? error.message) : String(error)
      }`,
    );
    res.status(500).json({ error: 'Internal error.' });
  };
}

export const unknownApiRoute: RequestHandler = (req, res) => {
  res.status(404).json({ error: `There is no API route ${req.method} ${req.path}.` });
};
