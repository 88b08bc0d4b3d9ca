/**
 * Load check of the HTTP API: `GET /api/design` and `GET /api/models?format=sqlalchemy` of a
 * generated 300-table design under 50 concurrent connections, on loopback only, 5 s each.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@retort/server';
import { largeDesign } from '@retort/testing/large-design';
import autocannon from 'autocannon';
import type { Measurement } from './timing';

const DURATION_SECONDS = 5;
const CONNECTIONS = 50;

export async function benchHttp(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), 'retort-bench-http-'));
  writeFileSync(join(dir, 'design.json'), `${JSON.stringify(largeDesign(300), null, 2)}\n`);
  mkdirSync(join(dir, 'revisions'));
  const server = await startServer({ projectDir: dir, host: '127.0.0.1', port: 0, log: () => {} });
  try {
    const results: Measurement[] = [];
    for (const [name, path] of [
      ['GET /api/design', '/api/design'],
      ['GET /api/models sqlalchemy', '/api/models?format=sqlalchemy'],
    ] as const) {
      const result = await autocannon({
        url: `${server.url}${path}`,
        connections: CONNECTIONS,
        duration: DURATION_SECONDS,
      });
      const errors = result.errors + result.timeouts + result.non2xx;
      results.push(
        {
          name: `${name} 300 tables, ${CONNECTIONS} conns`,
          value: result.requests.average,
          unit: 'req/s',
        },
        { name: `${name} p99 latency`, value: result.latency.p99, unit: 'ms' },
        { name: `${name} errors`, value: errors, unit: 'count' },
      );
      if (errors > 0) throw new Error(`${name}: ${errors} failed requests under load.`);
    }
    return results;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
