/** What a command may touch of its process, so tests can run the CLI in-process too. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /**
   * Resolves with the signal's name when the process is asked to stop (SIGINT/SIGTERM).
   * Only `serve` listens: every other command keeps the default, so Ctrl-C ends it at once.
   */
  waitForStop?: () => Promise<string>;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    waitForStop: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      }),
  };
}
