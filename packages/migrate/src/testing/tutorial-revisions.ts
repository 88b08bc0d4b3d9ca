/**
 * Test support: the tutorial's two revisions of the shop example, made in a throwaway project:
 * `create the shop tables`, then `narrow language_code` for the tutorial's changes.
 */
import { loadShopDesign } from '@retort/testing/designs';
import { tutorialChanges } from '@retort/testing/tutorial';
import type { Revision } from '../contract';
import { tempProject } from './temp-project';

/** The project folder is removed once `body` is done. */
export async function withTutorialRevisions(
  body: (revisions: [Revision, Revision]) => Promise<void>,
): Promise<void> {
  const shop = loadShopDesign();
  const temp = await tempProject(shop);
  try {
    await temp.project.createRevision('create the shop tables');
    await temp.write(tutorialChanges(shop));
    await temp.project.createRevision('narrow language_code');
    const [first, second] = await temp.project.revisions();
    await body([first!, second!]);
  } finally {
    await temp.cleanup();
  }
}
