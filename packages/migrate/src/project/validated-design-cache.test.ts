import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RetortError } from '@retort/core';
import { loadShopDesign } from '@retort/testing/designs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { designHash } from './design-change';
import { openProject } from './project';
import { validatedDesignSlot, writeValidatedDesign } from './validated-design-cache';

const BUILD = 'test-build';
let dir: string;
const validatedDesignPath = (root: string) => validatedDesignSlot(root, BUILD).path;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'retort-validated-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const writeDesign = (design: unknown) =>
  writeFile(join(dir, 'design.json'), `${JSON.stringify(design, null, 2)}\n`);
const readCache = async () => readFile(validatedDesignPath(dir), 'utf8');
const read = async (build: string | null = BUILD) =>
  (await openProject(dir, { build })).readDesign();

/** The cache with its design replaced by `edit`'s, the keys (and content hash) kept. */
async function forgeDesign(edit: (design: ReturnType<typeof loadShopDesign>) => void) {
  const [header, body] = (await readCache()).split('\n') as [string, string];
  const value = JSON.parse(body);
  edit(value.design);
  await writeFile(validatedDesignPath(dir), `${header}\n${JSON.stringify(value)}`);
}

describe('the validated design cache', () => {
  it('remembers a validated design.json by its bytes and build, and reads it back as validated', async () => {
    const shop = loadShopDesign();
    await writeDesign(shop);
    const first = await read();
    const [header, body] = (await readCache()).split('\n') as [string, string];
    expect(JSON.parse(header)).toMatchObject({
      format: 'retort.validated-design/2',
      build: BUILD,
    });
    expect(JSON.parse(body)).toEqual({ design: first.design });
    const second = await read();
    expect(second).toEqual(first);
  });

  it('ignores a cache whose content no longer hashes to its header', async () => {
    await writeDesign(loadShopDesign());
    const { design } = await read();
    await forgeDesign((d) => {
      d.tables[0]!.name = 'forged';
    });
    expect((await read()).design).toEqual(design);
    // Read afresh, the cache holds the design again.
    expect(JSON.parse((await readCache()).split('\n')[1]!)).toEqual({ design });
  });

  it('ignores a truncated or unreadable cache', async () => {
    await writeDesign(loadShopDesign());
    const { design } = await read();
    const text = await readCache();
    for (const damaged of [text.slice(0, text.length / 2), 'not json', '', '{}\n{}']) {
      await writeFile(validatedDesignPath(dir), damaged);
      expect((await read()).design).toEqual(design);
    }
  });

  it('validates a changed design.json again, even with a cache of the one before', async () => {
    const shop = loadShopDesign();
    await writeDesign(shop);
    await read();
    const broken = structuredClone(shop);
    broken.tables[1]!.name = broken.tables[0]!.name;
    await writeDesign(broken);
    const error = await read().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RetortError);
    expect((error as RetortError).code).toBe('invalid_design');
  });

  it('trusts a cache only for the bytes and the build it was written for', async () => {
    const shop = loadShopDesign();
    await writeDesign(shop);
    const { design } = await read();
    const { key: source } = JSON.parse((await readCache()).split('\n')[0]!);
    const forged = structuredClone(design);
    forged.tables[0]!.name = 'forged';
    // Intact caches of a forged design, under another build's key and another file's.
    await writeValidatedDesign(validatedDesignSlot(dir, 'other-build'), source, { design: forged });
    expect((await read()).design).toEqual(design);
    await writeValidatedDesign(validatedDesignSlot(dir, BUILD), '0'.repeat(64), { design: forged });
    expect((await read()).design).toEqual(design);
    // The same cache under the right keys is what a later read takes.
    await writeValidatedDesign(validatedDesignSlot(dir, BUILD), source, { design: forged });
    expect((await read()).design.tables[0]!.name).toBe('forged');
  });

  it('keeps nothing when Retort runs from source', async () => {
    await writeDesign(loadShopDesign());
    await read(null);
    await expect(readCache()).rejects.toThrow(/ENOENT/);
  });

  it('is written when the design is saved, so the next read does not validate', async () => {
    const shop = loadShopDesign();
    await writeDesign(shop);
    const project = await openProject(dir, { build: BUILD });
    const { version } = await project.readDesign();
    const next = structuredClone(shop);
    next.tables[0]!.comment = 'saved from the editor';
    const saved = await project.saveDesign(next, version);
    const [, body] = (await readCache()).split('\n') as [string, string];
    expect(JSON.parse(body)).toEqual({ design: saved.design });
    expect(await read()).toEqual(saved);
  });

  it('keeps the hash of a design a revision was written from, and writes the same revision with it', async () => {
    const shop = loadShopDesign();
    await writeDesign(shop);
    const first = await (await openProject(dir, { build: BUILD })).writeNextRevision('shop');
    const [, body] = (await readCache()).split('\n') as [string, string];
    expect(JSON.parse(body).hash).toBe(designHash(shop));
    const stored = async (file: string) => JSON.parse(await readFile(join(dir, file), 'utf8'));
    const hash = (await stored(first!.file)).schemaHash;
    await rm(join(dir, first!.file));
    // Written again from the kept hash: the file says the same, and the chain verifies.
    const again = await (await openProject(dir, { build: BUILD })).writeNextRevision('shop');
    expect((await stored(again!.file)).schemaHash).toBe(hash);
    expect((await (await openProject(dir, { build: null })).revisions()).map((r) => r.id)).toEqual([
      again!.revision.id,
    ]);
  });
});
