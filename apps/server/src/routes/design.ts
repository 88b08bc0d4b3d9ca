/** The design document: read with its version, save against the version read, validate. */
import { validateDesign } from '@retort/core';
import { Router } from 'express';
import { parseRequest, saveDesignBody, validateBody } from '../request-schemas';
import type { Workspace } from '../workspace';

export function designRoutes(workspace: Workspace): Router {
  const router = Router();

  // The answer only changes with the version; a large design is serialised once per version.
  let body: { version: string; json: string } | undefined;
  router.get('/design', async (_req, res) => {
    const state = await workspace.design();
    if (body?.version !== state.version) {
      body = {
        version: state.version,
        json: JSON.stringify({ design: state.design, version: state.version }),
      };
    }
    res.type('application/json').set('ETag', `"${state.version}"`).send(body.json);
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
