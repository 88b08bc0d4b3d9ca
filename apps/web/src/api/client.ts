/**
 * A typed client for every `/api` route. A failed request throws `ApiError` whose message is
 * the server's own `{ error }` sentence, and which keeps the rest of the answer (`problems`,
 * `version`, `statement`, `preflight`) for the callers that act on it.
 */
import type { CatalogObject, Design } from '@retort/core';
import type { PreflightFinding } from '@retort/migrate';
import type {
  DesignDocument,
  ImportedSchema,
  ImportFormat,
  ModelFormat,
  PendingChanges,
  Problem,
  ProjectInfo,
  RevisionDetail,
  RevisionList,
  RevisionSummary,
  RunOptions,
  RunResult,
} from './types';

export interface ApiErrorBody {
  error?: string;
  problems?: Problem[];
  version?: string;
  revision?: string;
  statement?: string;
  /** The rows an apply would break, when preflight refused it before anything ran. */
  preflight?: PreflightFinding[];
  /** Where Postgres says a checked statement went wrong (1-based). */
  line?: number;
  column?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.error ?? `The server answered ${status}.`);
    this.name = 'ApiError';
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { error: 'The Retort server cannot be reached.' });
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const errorBody =
      parsed && typeof parsed === 'object' ? (parsed as ApiErrorBody) : ({} as ApiErrorBody);
    throw new ApiError(response.status, errorBody);
  }
  return parsed as T;
}

export const api = {
  health: () => request<{ ok: true }>('GET', '/api/health'),
  project: () => request<ProjectInfo>('GET', '/api/project'),
  design: () => request<DesignDocument>('GET', '/api/design'),
  saveDesign: (design: Design, version: string) =>
    request<DesignDocument>('PUT', '/api/design', { design, version }),
  validate: (design: Design) =>
    request<{ ok: boolean; problems: Problem[] }>('POST', '/api/validate', { design }),
  models: (format: ModelFormat) =>
    request<{ format: ModelFormat; code: string }>(
      'GET',
      `/api/models?format=${encodeURIComponent(format)}`,
    ),
  pending: () => request<PendingChanges>('GET', '/api/pending'),
  createRevision: (message: string) =>
    request<{ revision: RevisionSummary }>('POST', '/api/revisions', { message }),
  revisions: () => request<RevisionList>('GET', '/api/revisions'),
  revision: (id: string) =>
    request<RevisionDetail>('GET', `/api/revisions/${encodeURIComponent(id)}`),
  upgrade: (target: string, options: RunOptions = {}) =>
    request<RunResult>('POST', '/api/upgrade', { target, ...options }),
  downgrade: (target: string, options: RunOptions = {}) =>
    request<RunResult>('POST', '/api/downgrade', { target, ...options }),
  /** The design that SQL or DBML text describes, and what it leaves out; nothing is saved. */
  importSchema: (format: ImportFormat, text: string) =>
    request<ImportedSchema>('POST', '/api/import', { format, text }),
  /**
   * One CREATE statement for a view, function, trigger or policy, run over `design` on the
   * server's scratch Postgres: the objects as Postgres prints them; nothing is saved.
   */
  checkObject: (design: Design, sql: string, replaces?: string) =>
    request<{ objects: CatalogObject[] }>('POST', '/api/objects/check', { design, sql, replaces }),
  /** The address of the Alembic project zip, for a plain download link. */
  exportAlembicUrl: '/api/export/alembic',
};

export type Api = typeof api;
