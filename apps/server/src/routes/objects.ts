/**
 * `POST /api/objects/check`: one CREATE statement for a view, function, trigger, policy...
 * checked against the design the editor holds, on a scratch Postgres, never the project's
 * database (see object-check.ts). Answers the object(s) as Postgres prints them, or its
 * refusal with the line it points at. Nothing is saved: the editor puts the object into its
 * design as any other edit.
 */
import { Router } from 'express';
import type { ObjectChecker } from '../object-check';
import { checkObjectBody, parseRequest } from '../request-schemas';

export function objectRoutes(checker: ObjectChecker): Router {
  const router = Router();
  router.post('/objects/check', async (req, res) => {
    const body = parseRequest(checkObjectBody, req.body, 'body');
    res.json(await checker.check(body.design, body.sql, body.replaces));
  });
  return router;
}
