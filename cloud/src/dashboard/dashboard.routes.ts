import { Router } from 'express';
import type { Schemas } from '@reprise/contract';
import { dashboardOf, diffContext, presentDiffRequestSummary } from '@reprise/core';
import { validate } from '@reprise/http';
import { requireSession } from '../auth/session.js';
import { actorOf, type CloudDeps } from '../http/context.js';
import { recordPage } from '../http/present.js';

/** The signed-in user's summary: counts, recent records, open requests in and out. */
export function dashboardRouter(deps: CloudDeps): Router {
  const router = Router();
  const { spec } = deps;

  router.get('/dashboard', validate(spec, 'getDashboard'), requireSession, async (_req, res) => {
    const actor = actorOf(res);
    const summary = await dashboardOf(deps, actor);
    const [records, context] = await Promise.all([
      recordPage(deps, actor, { items: summary.recentRecords, next: null }),
      diffContext(deps, actor, [...summary.openInbox, ...summary.openOutbox]),
    ]);
    const body: Schemas['Dashboard'] = {
      counts: summary.counts,
      recentRecords: records.data,
      openInbox: summary.openInbox.map((request) => presentDiffRequestSummary(request, context)),
      openOutbox: summary.openOutbox.map((request) => presentDiffRequestSummary(request, context)),
    };
    res.json(body);
  });

  return router;
}
