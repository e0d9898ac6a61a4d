import { Router } from 'express';
import { createWebhook, DEFAULT_PAGE_SIZE, deleteWebhook, enableWebhook, findWebhook, listDeliveries, listWebhooks, redeliver } from '@reprise/core';
import { inputOf, jsonBody, validate } from '@reprise/http';
import { requireSession } from '../auth/session.js';
import { actorOf, type CloudDeps } from '../http/context.js';
import { presentDelivery, presentWebhook } from './present.js';

/** The signed-in user's webhooks and their delivery logs. */
export function webhooksRouter(deps: CloudDeps): Router {
  const router = Router();
  const { spec, config } = deps;

  router.get('/webhooks', validate(spec, 'listWebhooks'), requireSession, async (_req, res) => {
    const webhooks = await listWebhooks(deps, actorOf(res).id);
    res.json({ data: webhooks.map(presentWebhook), page: { next: null } });
  });

  router.post('/webhooks', requireSession, ...jsonBody(config), validate(spec, 'createWebhook'), async (_req, res) => {
    const { body } = inputOf(res, 'createWebhook');
    const { webhook, secret } = await createWebhook(deps, actorOf(res).id, body, { serverSecret: deps.jwtSecret, allowPrivate: config.webhookAllowPrivate });
    res.status(201).json({ ...presentWebhook(webhook), secret });
  });

  router.get('/webhooks/:id', validate(spec, 'getWebhook'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'getWebhook');
    res.json(presentWebhook(await findWebhook(deps, actorOf(res).id, params.id)));
  });

  router.delete('/webhooks/:id', validate(spec, 'deleteWebhook'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'deleteWebhook');
    await deleteWebhook(deps, actorOf(res).id, params.id);
    res.status(204).end();
  });

  router.post('/webhooks/:id/enable', validate(spec, 'enableWebhook'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'enableWebhook');
    res.json(presentWebhook(await enableWebhook(deps, actorOf(res).id, params.id)));
  });

  router.get('/webhooks/:id/deliveries', validate(spec, 'listWebhookDeliveries'), requireSession, async (_req, res) => {
    const { params, query } = inputOf(res, 'listWebhookDeliveries');
    const page = await listDeliveries(deps, actorOf(res).id, params.id, { cursor: query.cursor, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    res.json({ data: page.items.map(presentDelivery), page: { next: page.next } });
  });

  router.post('/webhooks/:id/deliveries/:delivery/redeliver', validate(spec, 'redeliverWebhook'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'redeliverWebhook');
    res.status(202).json(presentDelivery(await redeliver(deps, actorOf(res).id, params.id, params.delivery)));
  });

  return router;
}
