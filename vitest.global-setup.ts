/** Tests that run the real `retort` executable run the current sources, built once per run. */
import { buildCli } from './scripts/build-cli';

export default async function setup(): Promise<void> {
  await buildCli();
}
