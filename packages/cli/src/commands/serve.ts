/** `retort serve`: the editor and its API, until SIGINT/SIGTERM. */
import { Command, InvalidArgumentError } from 'commander';
import { type CommandContext, optionsOf } from '../command-context';
import { databaseUrl, projectDir } from '../context';

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new InvalidArgumentError('must be a port number 0-65535.');
  return n;
}

export function serveCommand(context: CommandContext): Command {
  return new Command('serve')
    .description('serve the editor and its API (127.0.0.1 unless --host)')
    .option('--port <port>', 'the port to listen on', port, 4000)
    .option(
      '--host <host>',
      'the address to bind; beyond loopback RETORT_TOKEN is required',
      '127.0.0.1',
    )
    .action(async (_options, command: Command) => {
      const options = optionsOf<{ port: number; host: string }>(command);
      const { io } = context;
      const { startServer } = await import('@retort/server');
      // Set but blank is refused by the server, not taken for no token at all.
      const token = io.env.RETORT_TOKEN;
      const server = await startServer({
        projectDir: projectDir(options, io),
        databaseUrl: databaseUrl(options, io),
        token,
        host: options.host,
        port: options.port,
        log: (message) => io.stderr(`${message}\n`),
      });
      const where =
        server.database.kind === 'pglite'
          ? `embedded PGlite at ${server.database.description}`
          : `Postgres at ${server.database.description}`;
      io.stdout(`Retort is serving ${server.name} at ${server.url} (database: ${where})\n`);
      if (token)
        io.stdout(`Open ${server.url}/?token=$RETORT_TOKEN once in the browser to sign in.\n`);
      const signal = await (io.waitForStop?.() ?? new Promise<string>(() => {}));
      io.stdout(`Received ${signal}; stopping.\n`);
      await server.close();
    });
}
