/**
 * `POST /api/import`: SQL (DDL or a `pg_dump --schema-only` file) or DBML in, the design it
 * describes out, with every object left out and why. Nothing is saved: the editor previews
 * the design, merges it or replaces its own, and saves that as any other edit.
 *
 * SQL runs as `retort import --sql` runs it, in a scratch in-memory PGlite read back by
 * introspection, never on the project's database. One SQL import runs at a time; others
 * wait their turn, as each holds a whole Postgres in memory.
 */
import { readDbmlDesign, readSqlDesign } from '@retort/migrate';
import { Router } from 'express';
import { importBody, parseRequest } from '../request-schemas';

export function importRoutes(): Router {
  const router = Router();
  let queue: Promise<unknown> = Promise.resolve();

  router.post('/import', async (req, res) => {
    const body = parseRequest(importBody, req.body, 'body');
    if (body.format === 'dbml') {
      const read = await readDbmlDesign(body.text);
      res.json({ design: read.design, unmodelled: read.unmodelled, notes: [] });
      return;
    }
    const turn = queue.then(() => readSqlDesign(body.text, { allowPartial: true }));
    queue = turn.catch(() => {});
    const read = await turn;
    res.json({ design: read.design, unmodelled: read.unmodelled, notes: read.notes });
  });

  return router;
}
