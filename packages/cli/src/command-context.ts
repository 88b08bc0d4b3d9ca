import type { Command } from 'commander';
import type { CommonOptions } from './context';
import type { Io } from './io';

/** What each command module receives: the process surface, and a way to end with a code. */
export interface CommandContext {
  io: Io;
  exit(code: number): void;
}

/** The command's own options merged with the global `--project` / `--database-url`. */
export function optionsOf<T extends object>(command: Command): T & CommonOptions {
  return command.optsWithGlobals() as T & CommonOptions;
}
