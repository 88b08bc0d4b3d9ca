/** Test support: a running server on a fresh copy of the shop example and a fresh database. */
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { type RunningServer, startServer } from '../start';
import type { DatabaseTarget } from './database-targets';

export interface TestServer {
  project: ProjectCopy;
  server: RunningServer;
  /** Stops the server, drops the database and removes the project. */
  close(): Promise<void>;
}

export async function startTestServer(
  target: DatabaseTarget,
  prefix?: string,
): Promise<TestServer> {
  const project = copyProject(prefix);
  const created = await target.create();
  const server = await startServer({
    projectDir: project.dir,
    databaseUrl: created.url,
    host: '127.0.0.1',
    port: 0,
  });
  return {
    project,
    server,
    close: async () => {
      await server.close();
      await created.drop();
      project.remove();
    },
  };
}
