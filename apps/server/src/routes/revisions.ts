/** Pending changes, the revision timeline, one revision, and creating the next one. */
import { alembicRevisionFile } from '@retort/codegen';
import { RetortError } from '@retort/core';
import { currentRevision, preflight } from '@retort/migrate';
import { Router } from 'express';
import { createRevisionBody, parseRequest, revisionParams } from '../request-schemas';
import type { Workspace } from '../workspace';

export function revisionRoutes(workspace: Workspace): Router {
  const router = Router();

  router.get('/pending', async (_req, res) => {
    const project = await workspace.project();
    const pending = await project.pending();
    const revisions = await project.revisions();
    const head = revisions.at(-1)?.id ?? null;
    const db = await workspace.database();
    // Preflight counts rows in the live tables the operations touch, so it only means
    // something when the database is at the head the pending changes start from.
    const findings =
      pending.operations.length > 0 && (await currentRevision(db)) === head
        ? await preflight(db, pending.operations)
        : [];
    res.json({
      operations: pending.operations,
      lint: pending.lint,
      preflight: findings,
      sql: pending.sql,
      alembic: pending.alembic,
    });
  });

  router.post('/revisions', async (req, res) => {
    const { message } = parseRequest(createRevisionBody, req.body, 'body');
    const revision = await (await workspace.project()).createRevision(message);
    if (!revision) {
      throw new RetortError('There are no changes since the head revision.', 'invalid_design');
    }
    res.status(201).json({ revision });
  });

  router.get('/revisions', async (_req, res) => {
    const revisions = await (await workspace.project()).revisions();
    const current = await currentRevision(await workspace.database());
    const currentIndex = revisions.findIndex((revision) => revision.id === current);
    res.json({
      revisions: revisions.map((revision, index) => ({
        id: revision.id,
        parent: revision.parent,
        message: revision.message,
        createdAt: revision.createdAt,
        operations: revision.operations.length,
        applied: index <= currentIndex,
        current: revision.id === current,
      })),
      current,
      head: revisions.at(-1)?.id ?? null,
    });
  });

  router.get('/revisions/:id', async (req, res) => {
    const { id } = parseRequest(revisionParams, req.params, 'path');
    const project = await workspace.project();
    const revisions = await project.revisions();
    const index = revisions.findIndex((r) => r.id === id);
    const revision = revisions[index];
    if (!revision) throw new RetortError(`There is no revision ${id}.`, 'not_found');
    const before = revisions[index - 1]?.schema ?? null;
    res.json({ revision, alembic: alembicRevisionFile(revision, before).text });
  });

  return router;
}
