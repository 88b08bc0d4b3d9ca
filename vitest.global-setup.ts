/** Tests that run the real `retort` executable run the current sources: rebuilt when stale. */
import { buildCli, cliIsStale } from './scripts/build-cli';

export default async function setup(): Promise<void> {
  if (cliIsStale()) await buildCli();
}
