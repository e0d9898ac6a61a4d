import { Router } from 'express';
import {
  createLink,
  DEFAULT_PAGE_SIZE,
  findLink,
  listLinks,
  loadOwners,
  presentLink,
  presentRecord,
  publishRecord,
  revokeLink,
  unpublishRecord,
} from '@reprise/core';
import { inputOf, jsonBody, validate } from '@reprise/http';
import { requireSession } from '../auth/session.js';
import { actorOf, type CloudDeps } from '../http/context.js';

/** The signed-in user's reviewer links (make, list, read, revoke) and the publication of single records. */
export function linksRouter(deps: CloudDeps): Router {
  const router = Router();
  const { models, spec, config } = deps;

  router.get('/links', validate(spec, 'listMyLinks'), requireSession, async (_req, res) => {
    const { query } = inputOf(res, 'listMyLinks');
    const page = await listLinks(deps, actorOf(res), { cursor: query.cursor, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    res.json({ data: page.items.map((named) => presentLink(named)), page: { next: page.next } });
  });

  router.post('/links', requireSession, ...jsonBody(config), validate(spec, 'createMyLink'), async (_req, res) => {
    const { body } = inputOf(res, 'createMyLink');
    const { secret, ...named } = await createLink(deps, actorOf(res), body);
    res.status(201).json({ ...presentLink(named), secret, url: `${config.publicUrl}/shared/${secret}` });
  });

  router.get('/links/:id', validate(spec, 'getMyLink'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'getMyLink');
    res.json(presentLink(await findLink(deps, actorOf(res), params.id)));
  });

  router.delete('/links/:id', validate(spec, 'revokeMyLink'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'revokeMyLink');
    res.json(presentLink(await revokeLink(deps, actorOf(res), params.id)));
  });

  router.post('/records/:id/publish', validate(spec, 'publishMyRecord'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'publishMyRecord');
    const { record, project } = await publishRecord(deps, actorOf(res), params.id);
    res.json(presentRecord(record, project.name, await loadOwners(models, [record.owner])));
  });

  router.post('/records/:id/unpublish', validate(spec, 'unpublishMyRecord'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'unpublishMyRecord');
    const { record, project } = await unpublishRecord(deps, actorOf(res), params.id);
    res.json(presentRecord(record, project.name, await loadOwners(models, [record.owner])));
  });

  return router;
}
