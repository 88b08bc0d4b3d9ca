import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type Design, toCatalog } from '@retort/core';
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { objectsDesign } from '@retort/testing/objects-design';
import { partitionsDesign } from '@retort/testing/partitions-design';
import { schemasDesign } from '@retort/testing/schemas-design';
import { sequencesDesign } from '@retort/testing/sequences-design';
import { userTypesDesign } from '@retort/testing/user-types-design';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headStateSlot, readHeadState, writeHeadState } from './head-state-cache';
import { openProject } from './project';

const BUILD = 'test-build';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'retort-head-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const writeDesign = (design: Design) =>
  writeFile(join(dir, 'design.json'), `${JSON.stringify(design, null, 2)}\n`);

/** The shop as the first revision, and a change to it in design.json. */
async function shopWithChange() {
  const shop = loadShopDesign();
  await writeDesign(shop);
  await (await openProject(dir, { build: BUILD })).createRevision('shop');
  const next = structuredClone(shop);
  next.tables[0]!.comment = 'people who order';
  next.tables[1]!.columns.push({ ...next.tables[1]!.columns.at(-1)!, id: 'c_new', name: 'added' });
  await writeDesign(next);
}

/** What `pending` says, read by a new process of the given build. */
const pending = async (build: string | null = BUILD) => {
  const { operations, sql, lint } = await (await openProject(dir, { build })).pending();
  return { operations, sql, lint };
};

/** The key the chain's head is verified by. */
const headKey = async () =>
  JSON.parse(await readFile(join(dir, '.retort/verified-revisions.json'), 'utf8')).keys.at(-1);
const statePath = (key: string) => headStateSlot(dir, BUILD, key).path;
const stateKeys = async () =>
  (await readdir(join(dir, '.retort/head-states'))).map((name) => name.replace('.json', '')).sort();

describe('the head state cache', () => {
  it('keeps the head design and catalog of the chain a command diffed against, and diffs the same from them', async () => {
    await shopWithChange();
    const fresh = await pending(null);
    const first = await pending();
    const cached = await readHeadState(dir, BUILD, await headKey());
    const head = (await (await openProject(dir)).revisions()).at(-1)!.schema;
    expect(cached?.design).toEqual(head);
    expect(cached?.catalog).toEqual(toCatalog(head));
    const second = await pending();
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
  });

  it('ignores a damaged head state', async () => {
    await shopWithChange();
    const fresh = await pending(null);
    await pending();
    const path = statePath(await headKey());
    const text = await readFile(path, 'utf8');
    for (const damaged of [text.slice(0, text.length - 10), `${text.split('\n')[0]}\n{}`, '']) {
      await writeFile(path, damaged);
      expect(await pending()).toEqual(fresh);
    }
  });

  it('takes no head state kept for the chain before a new revision', async () => {
    await shopWithChange();
    await pending();
    const before = await headKey();
    expect(
      await (await openProject(dir, { build: BUILD })).createRevision('change'),
    ).not.toBeNull();
    // An intact state of another design, kept under the old head's key.
    const forged = loadShopDesign();
    forged.tables[0]!.comment = 'forged';
    await writeHeadState(dir, BUILD, before, { design: forged, catalog: toCatalog(forged) });
    expect((await pending()).operations).toEqual([]);
    expect(await headKey()).not.toBe(before);
  });

  it('keeps the state of the head a revision writes, equal to the design its chain replays to', async () => {
    await shopWithChange();
    const written = await (await openProject(dir, { build: BUILD })).writeNextRevision('change');
    const replayed = (await (await openProject(dir)).revisions()).at(-1)!.schema;
    expect(written?.revision.id).toBe((await (await openProject(dir)).revisions()).at(-1)!.id);
    const state = await readHeadState(dir, BUILD, await headKey());
    expect(state?.design).toEqual(replayed);
    expect(state?.catalog).toEqual(toCatalog(replayed));
    // Nothing more to write, and the next command starts from that state.
    expect(await pending()).toEqual(await pending(null));
    expect((await pending()).operations).toEqual([]);
  });

  it('keeps the states of the last two heads, so a revision removed again finds its parent', async () => {
    await shopWithChange();
    const first = await headKey();
    await (await openProject(dir, { build: BUILD })).createRevision('change');
    const parent = await headKey();
    const design = JSON.parse(await readFile(join(dir, 'design.json'), 'utf8'));
    design.tables[2].comment = 'changed again';
    await writeDesign(design);
    const written = await (await openProject(dir, { build: BUILD })).writeNextRevision('again');
    const child = await headKey();
    // Three heads had states; the first one's is gone.
    expect(await stateKeys()).toEqual([parent, child].sort());
    expect(await stateKeys()).not.toContain(first);
    // The parent's state, marked, is what a command takes once the child is removed.
    const state = (await readHeadState(dir, BUILD, parent))!;
    state.design.tables[0]!.comment = 'from the kept state';
    await writeHeadState(dir, BUILD, parent, { ...state, catalog: toCatalog(state.design) });
    await rm(join(dir, written!.file));
    const fresh = (await pending(null)).operations;
    // One more operation: the comment the marked state has and the design has not.
    expect((await pending()).operations).toHaveLength(fresh.length + 1);
  });

  it('keeps the head revisions are diffed against while revisions on top of it come and go', async () => {
    await shopWithChange();
    await pending();
    const head = await headKey();
    // Written and removed again, three times: each leaves a state for a head now gone.
    for (let i = 0; i < 3; i++) {
      const written = await (await openProject(dir, { build: BUILD })).writeNextRevision('try');
      await rm(join(dir, written!.file));
      // The next command reads the head's state again, and so keeps it.
      expect(await readHeadState(dir, BUILD, head)).not.toBeNull();
    }
    expect(await stateKeys()).toContain(head);
    expect(await stateKeys()).toHaveLength(2);
  });

  it('reads catalogs back exactly as they were built, whatever the design holds', () => {
    for (const design of [
      everyFeatureDesign,
      objectsDesign(),
      partitionsDesign(),
      schemasDesign(),
      sequencesDesign(),
      userTypesDesign({ extension: true }),
    ]) {
      const catalog = toCatalog(design);
      expect(isDeepStrictEqual(JSON.parse(JSON.stringify(catalog)), catalog)).toBe(true);
      expect(isDeepStrictEqual(JSON.parse(JSON.stringify(design)), design)).toBe(true);
    }
  });
});
