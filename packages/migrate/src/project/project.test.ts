import {
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alembicProjectFiles } from '@retort/codegen';
import { catalogsEqual, RetortError, toCatalog } from '@retort/core';
import { loadShopDesign } from '@retort/testing/designs';
import { largeDesign } from '@retort/testing/large-design';
import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../runner/targets';
import { tempProject } from '../testing/temp-project';
import { designHash } from './design-change';
import { openProject } from './project';
import { parseRevisionId, revisionFileName } from './revision-file';

async function brokenChain(fn: () => Promise<unknown>): Promise<RetortError> {
  const error = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RetortError);
  expect((error as RetortError).code).toBe('broken_chain');
  return error as RetortError;
}

async function twoRevisions() {
  const shop = loadShopDesign();
  const temp = await tempProject(shop);
  const first = (await temp.project.createRevision('create the shop tables'))!;
  const next = structuredClone(shop);
  next.tables[0]!.comment = 'people who order';
  await temp.write(next);
  const second = (await temp.project.createRevision('comment on users'))!;
  const files = (await readdir(join(temp.dir, 'revisions'))).sort();
  const fileOf = (id: string) => join(temp.dir, 'revisions', files.find((f) => f.startsWith(id))!);
  return { temp, first, second, fileOf };
}

describe('the project store', () => {
  it('names revision files <id>_<slug>.json and chains them by parent', async () => {
    const { temp, first, second, fileOf } = await twoRevisions();
    try {
      expect(first.id).toMatch(/^[0-9a-f]{12}$/);
      expect(second.parent).toBe(first.id);
      expect(fileOf(first.id)).toMatch(/_create_the_shop_tables\.json$/);
      const text = await readFile(fileOf(second.id), 'utf8');
      expect(Object.keys(JSON.parse(text))).toEqual([
        'format',
        'id',
        'parent',
        'message',
        'createdAt',
        'operations',
        'sql',
        'schemaHash',
        'designChange',
      ]);
      expect(text.endsWith('}\n')).toBe(true);
    } finally {
      await temp.cleanup();
    }
  });

  it('makes slugs as Alembic does', () => {
    expect(
      revisionFileName({
        id: 'abcdef012345',
        message: 'Changed language_code and product description, added phone',
      }),
    ).toBe('abcdef012345_changed_language_code_and_product_.json');
    expect(revisionFileName({ id: 'abcdef012345', message: 'init' })).toBe(
      'abcdef012345_init.json',
    );
  });

  it('names a revision file as the exported Alembic version file, for a long message too', async () => {
    const shop = loadShopDesign();
    const temp = await tempProject(shop);
    try {
      const message =
        'Changed language_code & the café description; added a phone number (tutorial)';
      const revision = (await temp.project.createRevision(message))!;
      const [file] = await readdir(join(temp.dir, 'revisions'));
      const versions = Object.keys(
        alembicProjectFiles({ name: shop.name, design: shop, revisions: [revision] }),
      ).filter((path) => path.startsWith('versions/'));
      expect(file).toBe(`${revision.id}_changed_language_code_the_café_.json`);
      expect(versions).toEqual([`versions/${file!.replace(/\.json$/, '.py')}`]);
    } finally {
      await temp.cleanup();
    }
  });

  it('rejects an id with anything but lowercase hex before it reaches a path', () => {
    expect(() => parseRevisionId('../../etc/pa')).toThrow(RetortError);
    expect(() => parseRevisionId('ABCDEF012345')).toThrow(/12 lowercase hexadecimal/);
    expect(parseRevisionId('abcdef012345')).toBe('abcdef012345');
  });

  it('reports a revision whose operations were edited by hand', async () => {
    const { temp, second, fileOf } = await twoRevisions();
    try {
      const path = fileOf(second.id);
      const revision = JSON.parse(await readFile(path, 'utf8'));
      revision.operations = [];
      revision.sql = { upgrade: [], downgrade: [] };
      await writeFile(path, JSON.stringify(revision));
      const error = await brokenChain(() => temp.project.revisions());
      expect(error.message).toBe(
        `revisions/${path.split('/').at(-1)} was edited by hand: its operations do not produce its schema snapshot.`,
      );
    } finally {
      await temp.cleanup();
    }
  });

  it('reports SQL edited by hand and points to execute operations', async () => {
    const { temp, second, fileOf } = await twoRevisions();
    try {
      const path = fileOf(second.id);
      const revision = JSON.parse(await readFile(path, 'utf8'));
      revision.sql.upgrade.push('DELETE FROM users');
      await writeFile(path, JSON.stringify(revision));
      const error = await brokenChain(() => temp.project.revisions());
      expect(error.message).toMatch(/its SQL is not the rendering of its operations.*"execute"/);
    } finally {
      await temp.cleanup();
    }
  });

  it('reports a missing parent, two heads and a misnamed file', async () => {
    const { temp, first, second, fileOf } = await twoRevisions();
    try {
      const path = fileOf(second.id);
      const revision = JSON.parse(await readFile(path, 'utf8'));

      await writeFile(path, JSON.stringify({ ...revision, parent: 'aaaaaaaaaaaa' }));
      expect((await brokenChain(() => temp.project.revisions())).message).toMatch(
        /names parent aaaaaaaaaaaa, which is not in revisions\//,
      );

      await writeFile(path, JSON.stringify(revision));
      const twin = { ...revision, id: 'bbbbbbbbbbbb' };
      await writeFile(join(temp.dir, 'revisions', 'bbbbbbbbbbbb_twin.json'), JSON.stringify(twin));
      expect((await brokenChain(() => temp.project.revisions())).message).toMatch(
        new RegExp(`both follow ${first.id}: the chain has two heads`),
      );

      await rename(
        join(temp.dir, 'revisions', 'bbbbbbbbbbbb_twin.json'),
        join(temp.dir, 'revisions', 'cccccccccccc_twin.json'),
      );
      expect((await brokenChain(() => temp.project.revisions())).message).toMatch(
        /cccccccccccc_twin\.json holds revision bbbbbbbbbbbb, but its name does not start with/,
      );
    } finally {
      await temp.cleanup();
    }
  });

  it('refuses a stale design version and keeps the file as it was', async () => {
    const temp = await tempProject(loadShopDesign());
    try {
      const state = await temp.project.readDesign();
      const changed = structuredClone(state.design);
      changed.name = 'renamed shop';
      const saved = await temp.project.saveDesign(changed, state.version);
      expect(saved.version).not.toBe(state.version);
      expect((await temp.project.readDesign()).version).toBe(saved.version);
      const error = await temp.project
        .saveDesign(state.design, state.version)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetortError);
      expect((error as RetortError).code).toBe('conflict');
      expect((error as RetortError).details.version).toBe(saved.version);
      expect((await temp.project.readDesign()).design.name).toBe('renamed shop');
      const invalid = await temp.project
        .saveDesign(
          { format: 'retort.design/1', name: 'x', enums: [], tables: [{ name: 42 }] },
          saved.version,
        )
        .catch((e: unknown) => e);
      expect((invalid as RetortError).code).toBe('invalid_design');
      expect((await temp.project.readDesign()).version).toBe(saved.version);
    } finally {
      await temp.cleanup();
    }
  });

  it('resolves head, base, relative steps and unique prefixes', async () => {
    const { temp, first, second } = await twoRevisions();
    try {
      const revisions = await temp.project.revisions();
      expect(resolveTarget(revisions, null, 'head')).toBe(second.id);
      expect(resolveTarget(revisions, second.id, 'base')).toBeNull();
      expect(resolveTarget(revisions, null, '+1')).toBe(first.id);
      expect(resolveTarget(revisions, second.id, '-2')).toBeNull();
      expect(() => resolveTarget(revisions, second.id, '+1')).toThrow(/Cannot move \+1/);
      expect(resolveTarget(revisions, null, second.id.slice(0, 5))).toBe(second.id);
      const twins = [
        { ...revisions[0]!, id: 'abc111111111' },
        { ...revisions[1]!, id: 'abc222222222' },
      ];
      expect(() => resolveTarget(twins, null, 'abc')).toThrow(
        '"abc" is ambiguous: it starts abc111111111, abc222222222. Give more characters.',
      );
      expect(() => resolveTarget(revisions, null, 'fffffffffff0')).toThrow(
        /No revision id starts with/,
      );
    } finally {
      await temp.cleanup();
    }
  });

  it('writes a one-column revision of a 200-table design as a file of a few kilobytes, and replays the chain to its design', async () => {
    const big = largeDesign(200);
    const temp = await tempProject(big);
    try {
      await temp.project.createRevision('two hundred tables');
      const next = structuredClone(big);
      next.tables[7]!.columns.push({ ...next.tables[7]!.columns[1]!, id: 'x1', name: 'extra' });
      await temp.write(next);
      const second = (await temp.project.createRevision('one more column'))!;
      const files = (await readdir(join(temp.dir, 'revisions'))).sort();
      const file = join(temp.dir, 'revisions', files.find((f) => f.startsWith(second.id))!);
      expect((await stat(file)).size).toBeLessThan(8 * 1024);
      const stored = JSON.parse(await readFile(file, 'utf8'));
      expect(stored.format).toBe('retort.revision/2');
      expect(stored.designChange.tables.map((t: { id: string }) => t.id)).toEqual(['t7']);

      // A new process: the chain comes from replaying the changes, and hashes as stored.
      const chain = await (await openProject(temp.dir)).revisions();
      expect(chain.map((r) => r.id)).toEqual([chain[0]!.id, second.id]);
      expect(designHash(chain[1]!.schema)).toBe(stored.schemaHash);
      expect(catalogsEqual(toCatalog(chain[1]!.schema), toCatalog(next))).toBe(true);
      expect(chain[1]!.schema.tables[7]!.columns.at(-1)!.id).toBe('x1');
    } finally {
      await temp.cleanup();
    }
  });

  it('still reads a retort.revision/1 file and continues its chain with /2 files', async () => {
    const shop = loadShopDesign();
    const temp = await tempProject(shop);
    try {
      const example = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples/shop');
      const [original] = await readdir(join(example, 'revisions'));
      await mkdir(join(temp.dir, 'revisions'), { recursive: true });
      await copyFile(join(example, 'revisions', original!), join(temp.dir, 'revisions', original!));
      const next = structuredClone(shop);
      next.tables[0]!.columns.push({ ...next.tables[0]!.columns[1]!, id: 'phone', name: 'phone' });
      await temp.write(next);
      const added = (await temp.project.createRevision('add phone'))!;
      expect(added.operations.map((o) => o.kind)).toEqual(['add_column']);
      const chain = await (await openProject(temp.dir)).revisions();
      expect(chain.map((r) => r.format)).toEqual(['retort.revision/1', 'retort.revision/2']);
      expect(chain[1]!.schema.tables[0]!.columns.map((c) => c.name)).toContain('phone');
    } finally {
      await temp.cleanup();
    }
  });

  it('verifies a retort.revision/2 chain written before retort.design/2, and continues it', async () => {
    // Written by Retort when designs were retort.design/1: its hashes must still verify.
    const fixture = join(
      dirname(fileURLToPath(import.meta.url)),
      '../../../testing/fixtures/revision-2-project',
    );
    const dir = await mkdtemp(join(tmpdir(), 'retort-design-1-chain-'));
    try {
      await cp(fixture, dir, { recursive: true });
      const project = await openProject(dir);
      const chain = await project.revisions();
      expect(chain.map((r) => r.message)).toEqual(['initial', 'tags and bios']);
      expect((await project.pending()).operations).toEqual([]);
      const state = await project.readDesign();
      expect(state.design.format).toBe('retort.design/5');
      const next = structuredClone(state.design);
      next.tables[0]!.columns.push({
        ...next.tables[0]!.columns[1]!,
        id: 'c_users_seen_at',
        name: 'seen_at',
        type: 'timestamp(3) with time zone',
        nullable: true,
      });
      await project.saveDesign(next, state.version);
      expect((await project.createRevision('seen at'))!.operations.map((o) => o.kind)).toEqual([
        'add_column',
      ]);
      const reread = await (await openProject(dir)).revisions();
      expect(reread.at(-1)!.schema.tables[0]!.columns.at(-1)!.type).toBe(
        'timestamp(3) with time zone',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a design change edited by hand by its hash', async () => {
    const { temp, second, fileOf } = await twoRevisions();
    try {
      const path = fileOf(second.id);
      const revision = JSON.parse(await readFile(path, 'utf8'));
      revision.designChange.tables[0].comment = 'someone else';
      await writeFile(path, JSON.stringify(revision));
      const error = await brokenChain(() => openProject(temp.dir).then((p) => p.revisions()));
      expect(error.message).toBe(
        `revisions/${path.split('/').at(-1)} was edited by hand: its design change does not produce its schemaHash.`,
      );
    } finally {
      await temp.cleanup();
    }
  });
});
