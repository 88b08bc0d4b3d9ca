import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Design } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { clearDraft, readDraft, sameDesign, writeDraft } from './draft-storage';

const shopFile = fileURLToPath(new URL('../../../../examples/shop/design.json', import.meta.url));
const loadShopDesign = (): Design => JSON.parse(readFileSync(shopFile, 'utf8')) as Design;

/** The Storage interface over a Map, as the browser's localStorage behaves. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('drafts', () => {
  it('a written draft reads back per project, and is gone once cleared', () => {
    const storage = new MemoryStorage();
    const design = loadShopDesign();
    const draft = { design, baseVersion: 'v1', savedAt: '2026-01-01T00:00:00.000Z' };
    expect(writeDraft('shop', draft, storage)).toBe(true);
    expect(readDraft('shop', storage)).toEqual(draft);
    expect(readDraft('other', storage)).toBeNull();
    clearDraft('shop', storage);
    expect(readDraft('shop', storage)).toBeNull();
  });

  it('a damaged draft reads as none instead of breaking the editor', () => {
    const storage = new MemoryStorage();
    storage.setItem('retort.draft:shop', '{"design": ');
    expect(readDraft('shop', storage)).toBeNull();
    storage.setItem('retort.draft:shop', '{"design": {}, "baseVersion": 3}');
    expect(readDraft('shop', storage)).toBeNull();
  });

  it('a full storage says so instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const draft = { design: loadShopDesign(), baseVersion: 'v', savedAt: 'now' };
    expect(writeDraft('shop', draft, storage)).toBe(false);
  });

  it('compares designs by content', () => {
    expect(sameDesign(loadShopDesign(), loadShopDesign())).toBe(true);
    const renamed = loadShopDesign();
    renamed.tables[0]!.name = 'people';
    expect(sameDesign(loadShopDesign(), renamed)).toBe(false);
  });
});
