/** `POST /api/upgrade` and `/api/downgrade`: one run at a time; a second is refused with 409. */
import type { RunResult } from '@retort/migrate';
import { downgrade, upgrade } from '@retort/migrate';
import { type Request, Router } from 'express';
import { parseRequest, runBody } from '../request-schemas';
import type { Workspace } from '../workspace';

export function runRoutes(workspace: Workspace): Router {
  const router = Router();
  const run = (direction: typeof upgrade | typeof downgrade) => async (req: Request) => {
    const body = parseRequest(runBody, req.body, 'body');
    return workspace.exclusive(async (): Promise<RunResult> => {
      const project = await workspace.project();
      const revisions = await project.revisions();
      const db = await workspace.database();
      return direction(db, revisions, body.target, {
        dryRun: body.dryRun ?? false,
        force: body.force ?? false,
        lockTimeout: body.lockTimeout,
      });
    });
  };
  const upgradeRun = run(upgrade);
  const downgradeRun = run(downgrade);

  router.post('/upgrade', async (req, res) => {
    res.json(await upgradeRun(req));
  });
  router.post('/downgrade', async (req, res) => {
    res.json(await downgradeRun(req));
  });
  return router;
}
