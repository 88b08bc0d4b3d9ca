import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { describe, expect, it } from 'vitest';
import { upgrade } from '../runner/run';
import { withTutorialRevisions } from '../testing/tutorial-revisions';
import { preflight } from './preflight';

describe.each(databaseTargets())('breaking rows on %s', (kind) => {
  it('a finding names the keys of the first breaking rows and a SELECT that lists them all', async () => {
    await withTutorialRevisions(async (revisions) => {
      const [first] = revisions;
      await withTestDatabase(kind, async (db) => {
        await upgrade(db, revisions, first.id);
        const long = (n: number) => `(${n}, 'U${n}', 'a-very-long-language-tag')`;
        await db.exec(`INSERT INTO users (telegram_id, full_name, language_code) VALUES
          (1, 'Ann', 'en'), ${[2, 3, 4, 5].map(long).join(', ')}`);

        const [finding] = await preflight(db, revisions[1]!.operations);
        expect(finding).toMatchObject({ code: 'rows_too_long', rows: 4 });
        // A few keys, not the whole table: the primary key of the first three.
        expect(finding!.sample).toHaveLength(3);
        for (const key of finding!.sample!) expect(Object.keys(key)).toEqual(['telegram_id']);
        const listed = await db.query<{ telegram_id: string | number }>(finding!.query!);
        expect(listed.rows.map((r) => Number(r.telegram_id)).sort()).toEqual([2, 3, 4, 5]);
      });
    });
  });
});
