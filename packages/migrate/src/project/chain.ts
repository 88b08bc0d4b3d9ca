/**
 * A chain is exactly one line base -> head. Anything else (a missing parent, two heads, a
 * cycle, a misnamed file, a snapshot its operations do not produce, SQL that is not the
 * rendering of its operations) is reported naming the file, never guessed around.
 *
 * Hand-edited SQL is refused: the stored SQL is what runs, and the snapshot is what the
 * round trip and drift check trust, so the two must say the same. SQL of one's own goes in
 * an `execute` operation, which carries its own downgrade and is rendered as written.
 */

import { renderMigrationSql } from '@retort/codegen';
import {
  applyOperations,
  catalogsEqual,
  type Design,
  parseDesign,
  RetortError,
  toCatalog,
} from '@retort/core';
import type { Revision } from '../contract';
import { emptyDesignNamed } from './empty-design';

export interface RevisionFile {
  file: string;
  revision: Revision;
}

const broken = (message: string, file: string) =>
  new RetortError(message, 'broken_chain', { file });

export function verifyChain(files: readonly RevisionFile[]): Revision[] {
  const byId = new Map<string, RevisionFile>();
  for (const entry of files) {
    const { file, revision } = entry;
    const expectedPrefix = `${revision.id}_`;
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (!name.startsWith(expectedPrefix)) {
      throw broken(
        `${file} holds revision ${revision.id}, but its name does not start with "${expectedPrefix}".`,
        file,
      );
    }
    const other = byId.get(revision.id);
    if (other)
      throw broken(`${file} and ${other.file} hold the same revision id ${revision.id}.`, file);
    byId.set(revision.id, entry);
  }
  const children = new Map<string | null, RevisionFile[]>();
  for (const entry of files) {
    const parent = entry.revision.parent;
    if (parent !== null && !byId.has(parent)) {
      throw broken(`${entry.file} names parent ${parent}, which is not in revisions/.`, entry.file);
    }
    const list = children.get(parent) ?? [];
    list.push(entry);
    children.set(parent, list);
  }
  for (const [parent, list] of children) {
    if (list.length > 1) {
      const names = list.map((e) => e.file).join(' and ');
      throw broken(
        parent === null
          ? `${names} both start the chain (no parent): there must be one base.`
          : `${names} both follow ${parent}: the chain has two heads.`,
        list[0]!.file,
      );
    }
  }
  const chain: Revision[] = [];
  let next = children.get(null)?.[0];
  if (files.length > 0 && !next) {
    throw broken(
      `${files[0]!.file} is in a cycle: no revision in revisions/ starts the chain.`,
      files[0]!.file,
    );
  }
  let before: Design | null = null;
  while (next) {
    verifyRevision(next, before);
    chain.push(next.revision);
    before = next.revision.schema;
    next = children.get(next.revision.id)?.[0];
  }
  if (chain.length !== files.length) {
    const seen = new Set(chain.map((r) => r.id));
    const stray = files.find((e) => !seen.has(e.revision.id))!;
    throw broken(
      `${stray.file} is in a cycle: it cannot be reached from the base revision.`,
      stray.file,
    );
  }
  return chain;
}

function verifyRevision({ file, revision }: RevisionFile, before: Design | null): void {
  let after: Design;
  try {
    after = parseDesign(revision.schema);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw broken(`${file} has a schema snapshot that is not a valid design: ${why}`, file);
  }
  revision.schema = after;
  let produced: ReturnType<typeof applyOperations>;
  try {
    produced = applyOperations(
      toCatalog(before ?? emptyDesignNamed(after.name)),
      revision.operations,
    );
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw broken(
      `${file} was edited by hand: its operations do not apply to its parent's schema (${why}).`,
      file,
    );
  }
  if (!catalogsEqual(produced, toCatalog(after))) {
    throw broken(
      `${file} was edited by hand: its operations do not produce its schema snapshot.`,
      file,
    );
  }
  const rendered = renderMigrationSql(revision.operations);
  if (
    !sameList(rendered.upgrade, revision.sql.upgrade) ||
    !sameList(rendered.downgrade, revision.sql.downgrade)
  ) {
    throw broken(
      `${file} was edited by hand: its SQL is not the rendering of its operations (put hand-written SQL in an "execute" operation).`,
      file,
    );
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
