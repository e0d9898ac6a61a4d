import { randomUUID } from 'node:crypto';
import { unscoped } from '../access.js';
import type { DeliveryAttempt, DeliveryDoc, MailDoc, NotificationDoc, UserDoc, WebhookDoc } from '../models/index.js';
import type { Deps } from './context.js';

/** How long a claim lasts: a sender that dies mid-send leaves its message to others after this. */
const CLAIM_MS = 60_000;

/**
 * The waits before each retry of an email or a webhook delivery, from the first failure on: about
 * a day in all (22 h 43 min), after which it is given up as failed.
 */
export const RETRY_DELAYS_MS: readonly number[] = Object.freeze([30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000]);

/**
 * The claim of the queued item due first: one conditional update that moves its `next` past the
 * claim and writes a fresh claim id, so that of several senders (several service instances)
 * exactly one gets it. A claim that ends unfinished (its sender died) is due again and claimed anew.
 */
function claimOf(now: Date, claimMs: number) {
  return {
    filter: { state: 'queued' as const, next: { $lte: now } },
    update: { $set: { next: new Date(now.getTime() + claimMs), claim: randomUUID() }, $inc: { attempts: 1 } },
    options: { sort: { next: 1 as const }, returnDocument: 'after' as const },
  };
}

/** What a mail sender needs for one claimed email: the message, its notification and its recipient. */
export interface ClaimedMail {
  mail: MailDoc;
  notification: NotificationDoc | null;
  user: Pick<UserDoc, '_id' | 'email' | 'name' | 'mailOptOut'> | null;
}

/** Claims the email due first, with what rendering it needs; null when none is due. */
export async function claimMail(deps: Deps, now: Date, claimMs = CLAIM_MS): Promise<ClaimedMail | null> {
  const { Mail, Notification } = unscoped(deps, 'the mail sender serves the outbox of every user');
  const { filter, update, options } = claimOf(now, claimMs);
  const mail = await Mail.findOneAndUpdate(filter, update, options).lean<MailDoc>();
  if (!mail) return null;
  const [notification, user] = await Promise.all([
    Notification.findOne({ owner: mail.owner, _id: mail.notification }).lean<NotificationDoc>(),
    deps.models.User.findById(mail.owner, { email: 1, name: 1, mailOptOut: 1 }).lean(),
  ]);
  return { mail, notification, user };
}

/** The end of one attempt: sent, skipped (opted out, account or notification gone), or failed with why. */
export type Outcome = { state: 'sent' | 'skipped' } | { state: 'failed'; error: string };

/** When a failed attempt number `attempts` is retried, or null when it was the last. */
function retryAt(now: Date, attempts: number, delays: readonly number[] = RETRY_DELAYS_MS): Date | null {
  const delay = delays[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/** Records the end of a claimed email's attempt; does nothing when the claim was lost meanwhile. */
export async function finishMail(deps: Deps, mail: MailDoc, outcome: Outcome, now: Date, delays = RETRY_DELAYS_MS): Promise<void> {
  const { Mail } = unscoped(deps, 'the mail sender serves the outbox of every user');
  const mine = { _id: mail._id, claim: mail.claim };
  if (outcome.state !== 'failed') {
    await Mail.updateOne(mine, { $set: { state: outcome.state, claim: null, lastError: null, ...(outcome.state === 'sent' ? { sent: now } : {}) } });
    return;
  }
  const retry = retryAt(now, mail.attempts, delays);
  await Mail.updateOne(mine, { $set: retry ? { next: retry, claim: null, lastError: outcome.error } : { state: 'failed', claim: null, lastError: outcome.error } });
}

/** What a webhook sender needs for one claimed delivery: the delivery and its webhook (null when deleted). */
export interface ClaimedDelivery {
  delivery: DeliveryDoc;
  webhook: WebhookDoc | null;
}

/** Claims the webhook delivery due first, with its webhook; null when none is due. */
export async function claimDelivery(deps: Deps, now: Date, claimMs = CLAIM_MS): Promise<ClaimedDelivery | null> {
  const { Delivery, Webhook } = unscoped(deps, 'the webhook sender serves the deliveries of every user');
  const { filter, update, options } = claimOf(now, claimMs);
  const delivery = await Delivery.findOneAndUpdate(filter, update, options).lean<DeliveryDoc>();
  if (!delivery) return null;
  const webhook = await Webhook.findOne({ owner: delivery.owner, _id: delivery.webhook }).lean<WebhookDoc>();
  return { delivery, webhook };
}

/** The log keeps this many attempts of a delivery (the latest). */
const LOG_LENGTH = 20;

/**
 * Records one attempt of a claimed delivery: sent on a 2xx, else retried after the next delay or
 * given up. The webhook's failures in a row are counted; at `disableAfter` it is disabled, saying
 * why, and its queued deliveries are dropped as failed.
 */
export async function finishDelivery(
  deps: Deps,
  claimed: ClaimedDelivery,
  attempt: DeliveryAttempt,
  now: Date,
  options: { delays?: readonly number[]; disableAfter: number },
): Promise<void> {
  const { Delivery, Webhook } = unscoped(deps, 'the webhook sender serves the deliveries of every user');
  const { delivery, webhook } = claimed;
  const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
  const log = [...(delivery.log ?? []), attempt].slice(-LOG_LENGTH);
  const retry = ok || !webhook || webhook.disabled ? null : retryAt(now, delivery.attempts, options.delays);
  const state = ok ? 'sent' : retry ? 'queued' : 'failed';
  await Delivery.updateOne({ _id: delivery._id, claim: delivery.claim }, { $set: { state, log, claim: null, ...(retry ? { next: retry } : {}) } });
  if (!webhook || webhook.disabled) return;
  if (ok) {
    if (webhook.failures > 0) await Webhook.updateOne({ _id: webhook._id }, { $set: { failures: 0 } });
    return;
  }
  const counted = await Webhook.findOneAndUpdate({ _id: webhook._id }, { $inc: { failures: 1 } }, { returnDocument: 'after' }).lean<WebhookDoc>();
  if (!counted || counted.disabled || counted.failures < options.disableAfter) return;
  const reason = `${counted.failures} failed attempts in a row, the last: ${attempt.error ?? `HTTP ${attempt.status ?? '?'}`}`;
  const disabled = await Webhook.updateOne({ _id: webhook._id, disabled: null }, { $set: { disabled: { at: now, reason } } });
  if (disabled.modifiedCount > 0) {
    await Delivery.updateMany({ owner: webhook.owner, webhook: webhook._id, state: 'queued' }, { $set: { state: 'failed', claim: null } });
  }
}
