/**
 * In-memory PGlites start from the cached cluster, unpacked by Retort: each starts from the
 * pristine cluster whatever the ones before it wrote, and a damaged archive is refused
 * rather than started.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryPglite, untar } from './fresh-cluster';

describe('the fresh cluster', () => {
  it('starts every in-memory instance of a process from the untouched cluster', async () => {
    const first = await createMemoryPglite();
    await first.exec(
      "CREATE TABLE written_by_first (v TEXT); INSERT INTO written_by_first VALUES ('x')",
    );
    // A checkpoint writes every changed page back into the instance's own files.
    await first.exec('CHECKPOINT');
    await first.close();
    const second = await createMemoryPglite();
    try {
      const { rows } = await second.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_class WHERE relname = 'written_by_first'",
      );
      expect(rows).toEqual([{ n: 0 }]);
      const settings = await second.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(settings.rows).toEqual([{ shared_buffers: '16MB' }]);
      await second.exec('CREATE TABLE written_by_second (v TEXT)');
    } finally {
      await second.close();
    }
  }, 60_000);

  it('reads the archive PGlite dumps, and refuses one with a damaged header or no cluster', async () => {
    const pg = await createMemoryPglite();
    const archive = new Uint8Array(await (await pg.dumpDataDir('none')).arrayBuffer());
    await pg.close();
    const files = untar(archive);
    const version = files.find((file) => file.path === 'PG_VERSION');
    expect(new TextDecoder().decode(version?.data ?? new Uint8Array()).trim()).toMatch(/^\d+$/);
    expect(files.some((file) => file.path === 'base' && file.data === null)).toBe(true);

    const damaged = archive.slice();
    damaged[0] = damaged[0]! ^ 1;
    expect(() => untar(damaged)).toThrow(/damaged archive header/);
    expect(() => untar(new Uint8Array(1024))).toThrow(/no PG_VERSION/);
  }, 60_000);
});
