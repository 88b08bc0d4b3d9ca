/**
 * The one error type Retort's library throws for anything a user can fix. `message` is a
 * sentence naming the place; `code` is stable, and the shells map it to an exit code or an
 * HTTP status. Anything else that escapes is a bug and is reported as such.
 */
export type RetortErrorCode =
  | 'invalid_input' // malformed JSON, wrong shape, bad argument (HTTP 400)
  | 'invalid_design' // design.json fails validation (HTTP 422); `problems` lists each one
  | 'not_found' // unknown revision, file, format (HTTP 404)
  | 'conflict' // stale design version, a run already in progress (HTTP 409)
  | 'broken_chain' // revisions with a missing parent, two heads, a tampered snapshot (HTTP 409)
  | 'migration_failed' // a statement failed; everything was rolled back (HTTP 409)
  | 'refused'; // a safety check refused to start: unknown db version, lock budget (HTTP 409)

export interface Problem {
  /** JSON path into the document, e.g. `tables[2].columns[0].type`. */
  path: string;
  message: string;
}

export class RetortError extends Error {
  constructor(
    message: string,
    readonly code: RetortErrorCode,
    readonly details: { problems?: Problem[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'RetortError';
  }
}

export function isRetortError(error: unknown): error is RetortError {
  return error instanceof RetortError;
}
