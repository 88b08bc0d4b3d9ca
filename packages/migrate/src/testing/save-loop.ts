/**
 * A second Retort process for the cross-process save test: says it is ready
 * (`GO_FILE.LABEL.ready`), waits for the go file, then
 * `SAVES` times reads design.json, and saves it with a comment naming this process and
 * round, against the version it read. Prints one JSON line per success:
 * `{ "from": version read, "to": version written }`.
 *
 * Usage: tsx save-loop.ts PROJECT_DIR GO_FILE LABEL SAVES
 */
import { existsSync, writeFileSync } from 'node:fs';
import { isRetortError } from '@retort/core';
import { openProject } from '../project/project';

const [dir, go, label, saves] = process.argv.slice(2) as [string, string, string, string];
const project = await openProject(dir);
writeFileSync(`${go}.${label}.ready`, '');
while (!existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 2));
for (let round = 0; round < Number(saves); round++) {
  const { design, version } = await project.readDesign();
  design.tables[0]!.comment = `${label} ${round}`;
  try {
    const saved = await project.saveDesign(design, version);
    process.stdout.write(`${JSON.stringify({ from: version, to: saved.version })}\n`);
  } catch (error) {
    if (!isRetortError(error) || error.code !== 'conflict') throw error;
  }
}
