/** Retort's HTTP server: the API the editor talks to (see API.md) and the built editor itself. */
export { BODY_LIMIT, createApp, type RetortApp } from './app';
export { isLoopback, type ServerOptions } from './options';
export { redactDescription } from './redact';
export { type RunningServer, type StartOptions, startServer } from './start';
