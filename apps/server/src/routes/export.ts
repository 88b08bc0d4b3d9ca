/** `GET /api/export/alembic`: the whole runnable Alembic project as a .zip. */
import { alembicProjectFiles } from '@retort/codegen';
import { Router } from 'express';
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { Workspace } from '../workspace';

export function exportRoutes(workspace: Workspace): Router {
  const router = Router();

  router.get('/export/alembic', async (_req, res) => {
    const project = await workspace.project();
    const { design } = await workspace.design();
    const revisions = await project.revisions();
    const files = alembicProjectFiles({ name: design.name, design, revisions });
    const entries: Zippable = {};
    for (const [path, content] of Object.entries(files)) entries[path] = strToU8(content);
    const zip = zipSync(entries, { level: 6 });
    const fileName = `${design.name.replace(/[^A-Za-z0-9_-]+/g, '_') || 'retort'}-alembic.zip`;
    res
      .status(200)
      .set('Content-Type', 'application/zip')
      .set('Content-Disposition', `attachment; filename="${fileName}"`)
      .send(Buffer.from(zip));
  });

  return router;
}
