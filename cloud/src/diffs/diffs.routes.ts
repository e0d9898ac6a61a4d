import { Router } from 'express';
import {
  answerDiffRequest,
  compareVisibleRecords,
  createDiffRequest,
  DEFAULT_PAGE_SIZE,
  diffContext,
  findDiffRequest,
  listDiffRequests,
  listRecordDiffRequests,
  presentDiffRequest,
  presentDiffRequestSummary,
  withdrawDiffRequest,
  type Actor,
  type DiffRequestDoc,
} from '@reprise/core';
import { inputOf, jsonBody, validate } from '@reprise/http';
import { requireSession } from '../auth/session.js';
import { beforeCompare } from '../auth/limits.js';
import { sendComparison } from '../http/compare.js';
import { actorOf, settingsOf, viewerOf, type CloudDeps } from '../http/context.js';

/** Record comparison and diff requests: create, list (by box or by record), view, withdraw, answer. */
export function diffsRouter(deps: CloudDeps): Router {
  const router = Router();
  const { models, spec, config } = deps;
  const { limits } = settingsOf(deps);

  const present = async (request: DiffRequestDoc, viewer: Actor | null) => presentDiffRequest(request, await diffContext(deps, viewer, [request]));

  router.get('/records/:a/compare/:b', validate(spec, 'compareRecords'), async (req, res) => {
    const { params, query } = inputOf(res, 'compareRecords');
    const viewer = viewerOf(res);
    await beforeCompare(models, limits, req, viewer);
    await sendComparison(models, res, query, (tolerance, options) => compareVisibleRecords(deps, viewer, params.a, params.b, tolerance, options));
  });

  router.post('/diffs', requireSession, ...jsonBody(config), validate(spec, 'createDiffRequest'), async (_req, res) => {
    const { body } = inputOf(res, 'createDiffRequest');
    const actor = actorOf(res);
    const request = await createDiffRequest(deps, actor, body);
    res.status(201).json(await present(request, actor));
  });

  router.get('/diffs', validate(spec, 'listDiffRequests'), requireSession, async (_req, res) => {
    const { query } = inputOf(res, 'listDiffRequests');
    const actor = actorOf(res);
    const page = await listDiffRequests(deps, actor, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    const context = await diffContext(deps, actor, page.items);
    res.json({ data: page.items.map((request) => presentDiffRequestSummary(request, context)), page: { next: page.next } });
  });

  router.get('/records/:id/diffs', validate(spec, 'listRecordDiffRequests'), async (_req, res) => {
    const { params, query } = inputOf(res, 'listRecordDiffRequests');
    const page = await listRecordDiffRequests(deps, viewerOf(res), params.id, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    res.json({ data: page.items.map((request) => presentDiffRequestSummary(request, page.context)), page: { next: page.next } });
  });

  router.get('/diffs/:id', validate(spec, 'getDiffRequest'), async (_req, res) => {
    const { params } = inputOf(res, 'getDiffRequest');
    const viewer = viewerOf(res);
    res.json(await present(await findDiffRequest(deps, viewer, params.id), viewer));
  });

  router.post('/diffs/:id/withdraw', validate(spec, 'withdrawDiffRequest'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'withdrawDiffRequest');
    const actor = actorOf(res);
    res.json(await present(await withdrawDiffRequest(deps, actor, params.id), actor));
  });

  router.post('/diffs/:id/answer', requireSession, ...jsonBody(config), validate(spec, 'answerDiffRequest'), async (_req, res) => {
    const { params, body } = inputOf(res, 'answerDiffRequest');
    const actor = actorOf(res);
    res.json(await present(await answerDiffRequest(deps, actor, params.id, body), actor));
  });

  return router;
}
