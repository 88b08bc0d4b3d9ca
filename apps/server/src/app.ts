/** The Express application: `/api` (JSON, size-limited, token-checked when configured) and the editor at `/`. */
import express, { type Express } from 'express';
import { requireToken, tokenLogin } from './auth';
import { errorHandler, unknownApiRoute } from './http-errors';
import { createObjectChecker } from './object-check';
import { isLoopback, type ServerOptions } from './options';
import { designRoutes } from './routes/design';
import { exportRoutes } from './routes/export';
import { importRoutes } from './routes/import';
import { modelRoutes } from './routes/models';
import { objectRoutes } from './routes/objects';
import { projectRoutes } from './routes/project';
import { revisionRoutes } from './routes/revisions';
import { runRoutes } from './routes/runs';
import { loopbackHostsOnly, securityHeaders } from './security';
import { DEFAULT_WEB_DIR, webApp } from './web-app';
import { createWorkspace, type Workspace } from './workspace';

export const BODY_LIMIT = '2mb';
/** `POST /api/import` takes a whole schema dump as text. */
export const IMPORT_BODY_LIMIT = '12mb';

export interface RetortApp {
  app: Express;
  workspace: Workspace;
  /** Closes the database handle and the scratch database of object checks. */
  close(): Promise<void>;
}

export function createApp(options: ServerOptions): RetortApp {
  const log = options.log ?? ((message: string) => console.error(message));
  const workspace = createWorkspace(options.projectDir, options.databaseUrl);
  const checker = createObjectChecker(options.databaseUrl);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());
  if (!options.token && isLoopback(options.host)) app.use(loopbackHostsOnly());

  const api = express.Router();
  if (options.token) api.use(requireToken(options.token));
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use('/import', express.json({ limit: IMPORT_BODY_LIMIT }));
  api.use(express.json({ limit: BODY_LIMIT }));
  api.use(projectRoutes(workspace));
  api.use(designRoutes(workspace));
  api.use(modelRoutes(workspace));
  api.use(revisionRoutes(workspace));
  api.use(runRoutes(workspace));
  api.use(exportRoutes(workspace));
  api.use(importRoutes());
  api.use(objectRoutes(checker));
  api.use(unknownApiRoute);
  app.use('/api', api);

  if (options.token) app.use(tokenLogin(options.token));
  app.use(webApp(options.webDir ?? DEFAULT_WEB_DIR));
  app.use(errorHandler(log));

  return {
    app,
    workspace,
    close: async () => {
      await Promise.all([workspace.close(), checker.close()]);
    },
  };
}
