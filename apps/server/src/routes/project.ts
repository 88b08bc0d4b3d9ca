/** `GET /api/health` and `GET /api/project`: what is open, where, at which revision, drifted or not. */
import { checkDrift, currentRevision } from '@retort/migrate';
import { Router } from 'express';
import { redactDescription } from '../redact';
import type { Workspace } from '../workspace';

export function projectRoutes(workspace: Workspace): Router {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  router.get('/project', async (_req, res) => {
    const project = await workspace.project();
    const { design } = await workspace.design();
    const revisions = await project.revisions();
    const db = await workspace.database();
    const current = await currentRevision(db);
    // Drift compares the live schema with the snapshot of the revision it is at; a database
    // at no revision has nothing to compare against.
    const drift = current === null ? null : await checkDrift(db, revisions);
    res.json({
      name: design.name,
      database: { kind: db.kind, description: redactDescription(db.description) },
      current,
      head: revisions.at(-1)?.id ?? null,
      drift: drift && { differences: drift.differences },
    });
  });

  return router;
}
