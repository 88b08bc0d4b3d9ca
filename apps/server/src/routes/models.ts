/** `GET /api/models?format=F`: the current design as models in one format. */

import { isModelFormat, MODEL_EMITTERS, MODEL_FORMAT_NAMES } from '@retort/codegen';
import { RetortError } from '@retort/core';
import { Router } from 'express';
import { modelsQuery, parseRequest } from '../request-schemas';
import type { Workspace } from '../workspace';

export function modelRoutes(workspace: Workspace): Router {
  const router = Router();
  // Emitting a large design takes milliseconds; the code only changes with the design's version.
  const cache = new Map<string, string>();

  router.get('/models', async (req, res) => {
    const { format } = parseRequest(modelsQuery, req.query, 'query');
    if (!isModelFormat(format)) {
      throw new RetortError(
        `Unknown model format "${format.slice(0, 40)}"; expected one of ${MODEL_FORMAT_NAMES.join(', ')}.`,
        'not_found',
      );
    }
    const state = await workspace.design();
    const key = `${format}\n${state.version}`;
    let code = cache.get(key);
    if (code === undefined) {
      code = MODEL_EMITTERS[format].emit(state.design);
      if (cache.size >= 32) cache.clear();
      cache.set(key, code);
    }
    res.json({ format, code });
  });

  return router;
}
