/** Serves the built editor (`apps/web/dist`) at `/`, with index.html for every client route. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import express, { type RequestHandler, Router } from 'express';

// Found through the workspace package, so the sources and the built CLI bundle (which lives
// elsewhere) agree on where the editor is.
export const DEFAULT_WEB_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@retort/web/package.json')),
  'dist',
);

export function webApp(webDir: string): Router {
  const router = Router();
  const index = join(webDir, 'index.html');
  const notBuilt: RequestHandler = (_req, res, next) => {
    if (existsSync(index)) {
      next();
      return;
    }
    res.status(503).json({ error: 'The web app is not built. Run npm run build first.' });
  };
  router.use(notBuilt);
  router.use(express.static(webDir, { index: 'index.html', fallthrough: true, dotfiles: 'deny' }));
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    // A missing asset is a 404, not the editor's page served as JavaScript.
    if (extname(req.path) !== '') {
      res.status(404).json({ error: `There is no file ${req.path}.` });
      return;
    }
    res.sendFile(index);
  });
  return router;
}
