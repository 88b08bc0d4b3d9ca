import { loadExpressionParser } from '@retort/core';
import { introspectDatabase, openDatabase } from '@retort/migrate';

await loadExpressionParser();
const db = await openDatabase({ url: process.argv[2]! });
const times: [number, string][] = [];
const wrapped = {
  ...db,
  query: async (sql: string, params?: unknown[]) => {
    const s = performance.now();
    const r = await db.query(sql, params);
    times.push([performance.now() - s, sql.replace(/\s+/g, ' ').slice(0, 140)]);
    return r;
  },
  exec: (sql: string) => db.exec(sql),
};
const s = performance.now();
await introspectDatabase(wrapped as never);
console.log('total', (performance.now() - s).toFixed(0), 'queries', times.length);
for (const [ms, q] of times.sort((a, b) => b[0] - a[0]).slice(0, 8))
  console.log(ms.toFixed(0).padStart(7), q);
await db.close();
