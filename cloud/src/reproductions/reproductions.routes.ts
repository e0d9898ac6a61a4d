import { Router, type Response } from 'express';
import {
  cancelReproduction,
  DEFAULT_PAGE_SIZE,
  findReproduction,
  jobProjectNames,
  listReproductions,
  presentJob,
  requestReproduction,
  type JobDoc,
} from '@reprise/core';
import { inputOf, jsonBody, validate } from '@reprise/http';
import { requireSession } from '../auth/session.js';
import { actorOf, type CloudDeps } from '../http/context.js';

/** Reproductions: ask for a visible record to be run again, list and follow one's jobs, cancel one. */
export function reproductionsRouter(deps: CloudDeps): Router {
  const router = Router();
  const { spec, config } = deps;

  const present = async (res: Response, job: JobDoc) => presentJob(job, await jobProjectNames(deps, actorOf(res), [job]));

  router.post('/records/:id/reproductions', requireSession, ...jsonBody(config), validate(spec, 'requestReproduction'), async (_req, res) => {
    const { params, body } = inputOf(res, 'requestReproduction');
    res.status(201).json(await present(res, await requestReproduction(deps, actorOf(res), params.id, body)));
  });

  router.get('/reproductions', validate(spec, 'listReproductions'), requireSession, async (_req, res) => {
    const { query } = inputOf(res, 'listReproductions');
    const actor = actorOf(res);
    const page = await listReproductions(deps, actor, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    const names = await jobProjectNames(deps, actor, page.items);
    res.json({ data: page.items.map((job) => presentJob(job, names)), page: { next: page.next } });
  });

  router.get('/reproductions/:id', validate(spec, 'getReproduction'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'getReproduction');
    res.json(await present(res, await findReproduction(deps, actorOf(res), params.id)));
  });

  router.post('/reproductions/:id/cancel', validate(spec, 'cancelReproduction'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'cancelReproduction');
    res.json(await present(res, await cancelReproduction(deps, actorOf(res), params.id)));
  });

  return router;
}
