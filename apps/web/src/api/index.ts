/** The HTTP API as typed functions, and the shapes of its answers. */
export { type Api, ApiError, type ApiErrorBody, api } from './client';
export * from './types';
