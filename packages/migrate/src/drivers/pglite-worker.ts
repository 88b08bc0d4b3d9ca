/**
 * An in-memory PGlite in a worker thread, whose statements can be stopped. PGlite runs
 * Postgres as WebAssembly on the thread that calls it and has no timers: `statement_timeout`
 * never fires, and a long statement (`pg_sleep(600)`) holds that thread's event loop to its
 * end. In a worker, the calling thread stays free, and a statement that outlives its time
 * ends the worker: the statement fails with Postgres' own `query_canceled` code and the next
 * statement starts a new, empty PGlite.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Queryable } from '../contract';
import { cachedClusterFile } from './fresh-cluster';

/** The worker: one PGlite, statements run one at a time in the order they arrive. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { PGlite } = require(workerData.pglite);
const ready = (async () => {
  if (workerData.cluster) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([readFileSync(workerData.cluster)]) });
    } catch {}
  }
  return PGlite.create();
})();
let queue = Promise.resolve();
parentPort.on('message', ({ id, op, text, params }) => {
  queue = queue.then(async () => {
    try {
      const pg = await ready;
      parentPort.postMessage({ id, started: true });
      if (op === 'exec') {
        await pg.exec(text);
        parentPort.postMessage({ id, rows: [] });
      } else {
        parentPort.postMessage({ id, rows: (await pg.query(text, params)).rows });
      }
    } catch (error) {
      const e = error || {};
      parentPort.postMessage({
        id,
        error: { message: String(e.message || e), code: e.code, position: e.position },
      });
    }
  });
});
`;

export interface PgliteWorker extends Queryable {
  /** How many PGlites the worker has started: a statement stopped ends one and starts the next. */
  readonly generation: number;
  close(): Promise<void>;
}

type Reply = {
  id: number;
  started?: boolean;
  rows?: unknown[];
  error?: { message: string } & Record<string, unknown>;
};

interface Waiting {
  started(): void;
  resolve(rows: unknown[]): void;
  reject(e: Error): void;
}

/**
 * A PGlite in a worker; a statement that runs longer than `timeoutMs` once started ends the
 * worker and fails with code 57014, as `statement_timeout` would.
 */
export function createPgliteWorker(timeoutMs: number): PgliteWorker {
  let worker: Worker | null = null;
  let generation = 0;
  let next = 0;
  const pending = new Map<number, Waiting>();
  const start = (): Worker => {
    const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pglite, cluster: cachedClusterFile() },
    });
    generation++;
    w.on('message', (reply: Reply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      if (reply.started) {
        waiting.started();
        return;
      }
      pending.delete(reply.id);
      if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
      else waiting.resolve(reply.rows ?? []);
    });
    w.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      if (worker === w) worker = null;
    });
    w.unref();
    return w;
  };
  const send = (op: 'query' | 'exec', text: string, params?: unknown[]) =>
    new Promise<unknown[]>((resolve, reject) => {
      worker ??= start();
      const w = worker;
      const id = next++;
      let timer: NodeJS.Timeout | undefined;
      // Timed from when the statement starts, so PGlite's own start does not count.
      const started = () => {
        timer = setTimeout(() => {
          pending.delete(id);
          // The worker is busy inside the statement; ending it is the only way to stop it. The
          // next one starts now, so its PGlite is ready sooner.
          void w.terminate();
          if (worker === w) worker = start();
          reject(
            Object.assign(new Error('canceling statement due to statement timeout'), {
              code: '57014',
            }),
          );
        }, timeoutMs);
      };
      pending.set(id, {
        started,
        resolve: (rows) => {
          clearTimeout(timer);
          resolve(rows);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      w.postMessage({ id, op, text, params });
    });
  return {
    get generation() {
      return generation;
    },
    async query<R>(text: string, params?: unknown[]) {
      return { rows: (await send('query', text, params)) as R[] };
    },
    async exec(text: string) {
      await send('exec', text);
    },
    async close() {
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}
