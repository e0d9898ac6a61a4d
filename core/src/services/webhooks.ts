import type { Types } from 'mongoose';
import type { NotificationKind } from '@reprise/rules';
import { access } from '../access.js';
import { AppError, errors } from '../errors.js';
import type { DeliveryDoc, WebhookDoc } from '../models/index.js';
import { afterCursor, paginate } from '../paging.js';
import { Scope } from '../scope.js';
import type { Deps } from './context.js';
import { toId } from './ids.js';
import { MAX_WEBHOOKS } from './notifications.js';
import { newWebhookSecret, sealWebhookSecret } from './notification-secrets.js';
import { allowedAddresses, webhookUrlOf } from './webhook-targets.js';

/** What a user gives to add a webhook. */
export interface WebhookInput {
  url: string;
  events?: NotificationKind[] | undefined;
}

/**
 * Adds a webhook after checking its URL (400 webhook_url_refused: not http(s), too long, with
 * credentials, not resolving, or on a private network unless `allowPrivate`). Answers the webhook
 * and its signing secret, which is shown this once and stored encrypted with the server's secret.
 */
export async function createWebhook(
  deps: Deps,
  owner: Types.ObjectId,
  input: WebhookInput,
  options: { serverSecret: string; allowPrivate: boolean },
): Promise<{ webhook: WebhookDoc; secret: string }> {
  const url = webhookUrlOf(input.url);
  await allowedAddresses(url, options.allowPrivate);
  const { webhooks } = access(deps);
  const mine = Scope.owner(owner);
  if ((await webhooks.countDocuments(mine)) >= MAX_WEBHOOKS) {
    throw new AppError(409, 'conflict', `An account has at most ${MAX_WEBHOOKS} webhooks; delete one first.`, { max: MAX_WEBHOOKS });
  }
  const secret = newWebhookSecret();
  const events = [...new Set(input.events ?? [])];
  const webhook = await webhooks.create(mine, {
    owner,
    url: url.href,
    ...(events.length > 0 ? { events } : {}),
    secret: sealWebhookSecret(options.serverSecret, secret),
    failures: 0,
    disabled: null,
  });
  return { webhook, secret };
}

/** The user's webhooks, newest first (at most MAX_WEBHOOKS, so one page). */
export async function listWebhooks(deps: Deps, owner: Types.ObjectId): Promise<WebhookDoc[]> {
  return await access(deps).webhooks.find(Scope.owner(owner)).sort({ created: -1, _id: -1 }).limit(MAX_WEBHOOKS).lean<WebhookDoc[]>();
}

/** One of the user's webhooks (404 for anyone else's). */
export async function findWebhook(deps: Deps, owner: Types.ObjectId, id: string): Promise<WebhookDoc> {
  const webhookId = toId(id);
  const found = webhookId ? await access(deps).webhooks.findOne(Scope.owner(owner), { _id: webhookId }).lean<WebhookDoc>() : null;
  if (!found) throw errors.notFound('Webhook', id);
  return found;
}

/** Deletes one of the user's webhooks and its delivery log; deliveries still queued are dropped. */
export async function deleteWebhook(deps: Deps, owner: Types.ObjectId, id: string): Promise<void> {
  const webhook = await findWebhook(deps, owner, id);
  const mine = Scope.owner(owner);
  await access(deps).webhooks.deleteOne(mine, { _id: webhook._id });
  await access(deps).deliveries.deleteMany(mine, { webhook: webhook._id });
}

/** Turns a webhook that repeated failures disabled back on, with its failure count cleared. */
export async function enableWebhook(deps: Deps, owner: Types.ObjectId, id: string): Promise<WebhookDoc> {
  const webhook = await findWebhook(deps, owner, id);
  const updated = await access(deps)
    .webhooks.findOneAndUpdate(Scope.owner(owner), { _id: webhook._id }, { $set: { disabled: null, failures: 0 } }, { returnDocument: 'after' })
    .lean<WebhookDoc>();
  if (!updated) throw errors.notFound('Webhook', id);
  return updated;
}

/** The deliveries of one of the user's webhooks, newest first. */
export async function listDeliveries(
  deps: Deps,
  owner: Types.ObjectId,
  id: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: DeliveryDoc[]; next: string | null }> {
  const webhook = await findWebhook(deps, owner, id);
  const after = afterCursor('created', query.cursor);
  return await paginate(
    (limit) =>
      access(deps)
        .deliveries.find(Scope.owner(owner), { webhook: webhook._id, ...after })
        .sort({ created: -1, _id: -1 })
        .limit(limit)
        .lean<DeliveryDoc[]>()
        .exec(),
    'created',
    query.limit,
  );
}

/**
 * Sends a delivery again: a new delivery of the same event with the same body, queued now (the
 * receiver sees the same event id in the body, and a new X-Reprise-Delivery). A disabled webhook
 * is refused (409): enable it first.
 */
export async function redeliver(deps: Deps, owner: Types.ObjectId, webhookId: string, deliveryId: string): Promise<DeliveryDoc> {
  const webhook = await findWebhook(deps, owner, webhookId);
  const id = toId(deliveryId);
  const mine = Scope.owner(owner);
  const original = id ? await access(deps).deliveries.findOne(mine, { _id: id, webhook: webhook._id }).lean<DeliveryDoc>() : null;
  if (!original) throw errors.notFound('Delivery', deliveryId);
  if (webhook.disabled) {
    throw new AppError(409, 'webhook_disabled', `This webhook was disabled (${webhook.disabled.reason}); enable it before sending deliveries again.`, {
      disabled: webhook.disabled.at.toISOString(),
    });
  }
  return await access(deps).deliveries.create(mine, {
    owner,
    webhook: webhook._id,
    event: original.event,
    kind: original.kind,
    body: original.body,
    state: 'queued',
    next: new Date(),
    attempts: 0,
  });
}
