/** How a Retort server is started: which project, which database, where it listens. */
export interface ServerOptions {
  /** The project folder (holds design.json and revisions/). */
  projectDir: string;
  /** A Postgres URL; without one the project's embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Required on every `/api` route when set; mandatory when bound beyond loopback. */
  token?: string | undefined;
  /** The address the server binds; 127.0.0.1 unless told. */
  host: string;
  /** The built web app; defaults to `apps/web/dist`. */
  webDir?: string | undefined;
  /** Where a 500 is logged (server side only). Defaults to console.error. */
  log?: ((message: string) => void) | undefined;
}

/** Loopback addresses: the only ones a server may bind without a token. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}
