/** Starts a Retort server and stops it cleanly (connections, then the database). */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadExpressionParser, RetortError } from '@retort/core';
import type { Database } from '@retort/migrate';
import { createApp } from './app';
import { weakTokenProblem } from './auth';
import { isLoopback, type ServerOptions } from './options';
import { redactDescription } from './redact';

export interface StartOptions extends ServerOptions {
  /** 0 picks a free port. */
  port: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The project's name (from its design). */
  name: string;
  database: { kind: 'pglite' | 'postgres'; description: string };
  /** The server's own database handle (PGlite cannot be opened twice while it serves). */
  openDatabase(): Promise<Database>;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  if (options.token !== undefined) {
    const weak = weakTokenProblem(options.token);
    if (weak) throw new RetortError(weak, 'refused');
  }
  if (!isLoopback(options.host) && !options.token) {
    throw new RetortError(
      `Retort refuses to listen on ${options.host} without a token; set RETORT_TOKEN or bind 127.0.0.1.`,
      'refused',
    );
  }
  await loadExpressionParser();
  const retort = createApp(options);
  let server: Server | undefined;
  try {
    // Opened before listening: a wrong URL or a missing project stops the start, not the first request.
    const project = await retort.workspace.project();
    const { design } = await project.readDesign();
    const db = await retort.workspace.database();
    server = await listen(retort.app, options.port, options.host);
    const port = (server.address() as AddressInfo).port;
    const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
    const running = server;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${shown}:${port}`,
      port,
      name: design.name,
      database: { kind: db.kind, description: redactDescription(db.description) },
      openDatabase: () => retort.workspace.database(),
      close() {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            running.close(() => resolve());
            running.closeIdleConnections();
            setTimeout(() => running.closeAllConnections(), 2000).unref();
          });
          await retort.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    server?.close();
    await retort.close();
    throw error;
  }
}

function listen(app: RequestListener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new RetortError(
            `Port ${port} on ${host} is already in use; pass --port to pick another.`,
            'refused',
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new RetortError(`The address ${host} is not available on this machine.`, 'refused'));
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => resolve(server));
  });
}
