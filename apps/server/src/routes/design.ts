/** The design document: read with its version, save against the version read, validate. */
import { validateDesign } from '@retort/core';
import { Router } from 'express';
import { parseRequest, saveDesignBody, validateBody } from '../request-schemas';
import type { Workspace } from '../workspace';

export function designRoutes(workspace: Workspace): Router {
  const router = Router();

  router.get('/design', async (_req, res) => {
    const state = await (await workspace.project()).readDesign();
    res.json({ design: state.design, version: state.version });
  });

  router.put('/design', async (req, res) => {
    const body = parseRequest(saveDesignBody, req.body, 'body');
    const state = await (await workspace.project()).saveDesign(body.design, body.version);
    res.json({ design: state.design, version: state.version });
  });

  router.post('/validate', (req, res) => {
    const body = parseRequest(validateBody, req.body, 'body');
    const { problems } = validateDesign(body.design);
    res.json({ ok: problems.length === 0, problems });
  });

  return router;
}
