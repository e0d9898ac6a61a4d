import { Types } from 'mongoose';
import { NOTIFICATION_KINDS, type NotificationKind } from '@reprise/rules';
import { access } from '../access.js';
import type { Config } from '../config.js';
import { AppError, errors } from '../errors.js';
import type { DiffRequestDoc, NotificationDoc, RecordDoc, WebhookDoc } from '../models/index.js';
import { afterCursor, paginate } from '../paging.js';
import { Scope } from '../scope.js';
import type { Deps } from './context.js';
import { toId } from './ids.js';
import { loadOwners, ownerOf } from './owners.js';
import { readUnsubscribeToken } from './notification-secrets.js';

/** A diff request's event: received (by its target owner), answered (told to its sender), withdrawn (told to its target owner). */
interface RequestEvent {
  kind: 'request.received' | 'request.answered' | 'request.withdrawn';
  request: DiffRequestDoc;
}

/** A reproduction that ended, told to whoever asked for it. Ids are hex strings. */
interface ReproductionEvent {
  kind: 'reproduction.finished';
  /** The user who asked for the reproduction. */
  user: string;
  reproduction: string;
  state: 'finished' | 'failed' | 'cancelled';
  /** The original record's label, for the words. */
  label?: string | undefined;
  /** The new record, when the run made one. */
  record?: string | null | undefined;
  /** The diff request filed toward the original, when there is one. */
  request?: string | null | undefined;
  /** Why it failed, when it did. */
  reason?: string | undefined;
}

/** Something a user is told about. */
export type NotifyEvent = RequestEvent | ReproductionEvent;

/** What notify uses of a service's surroundings when it has them: whether email is on, and where to report a failure. */
interface Surroundings {
  config?: Pick<Config, 'smtpUrl'>;
  logger?: { warn: (details: object, message: string) => void };
}

/** A notification before it is stored. */
interface Draft {
  owner: Types.ObjectId;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  data: Record<string, unknown>;
}

/**
 * Tells a user about an event: stores the notification the dashboard lists, queues an email when
 * SMTP is configured and the user has not opted out of the kind, and queues a delivery to each of
 * their webhooks that takes it. Nothing is sent here (the outbox senders do that), and a failure is
 * logged, never thrown: the action that caused the event has already happened and stays done.
 */
export async function notify(deps: Deps, event: NotifyEvent): Promise<void> {
  const surroundings = deps as Deps & Surroundings;
  try {
    const draft = event.kind === 'reproduction.finished' ? reproductionDraft(event) : await requestDraft(deps, event);
    if (!draft) return;
    await deliver(deps, draft, Boolean(surroundings.config?.smtpUrl));
  } catch (error) {
    surroundings.logger?.warn({ err: error, kind: event.kind }, 'a notification could not be stored');
  }
}

async function requestDraft(deps: Deps, event: RequestEvent): Promise<Draft | null> {
  const { request } = event;
  // The recipient's own record is named; the other side's may be private to them.
  const recipient = event.kind === 'request.answered' ? request.sender : request.targetOwner;
  const ownRecord = event.kind === 'request.answered' ? request.from : request.toward;
  const actor = event.kind === 'request.answered' ? (request.answer?.by ?? request.targetOwner) : request.sender;
  const [owners, record] = await Promise.all([
    loadOwners(deps.models, [actor]),
    access(deps).records.findOne(Scope.owner(recipient), { _id: ownRecord }, { label: 1 }).lean<Pick<RecordDoc, 'label'>>(),
  ]);
  const who = ownerOf(owners, actor).name;
  const label = record ? `"${record.label}"` : 'a record of yours';
  const id = request._id.toHexString();
  const data = {
    request: {
      id,
      status: request.status,
      proposition: request.proposition,
      method: request.method,
      from: request.from.toHexString(),
      toward: request.toward.toHexString(),
      sender: request.sender.toHexString(),
      targetOwner: request.targetOwner.toHexString(),
      answer: request.answer ? { by: request.answer.by.toHexString(), at: request.answer.at.toISOString(), comment: request.answer.comment } : null,
    },
  };
  const base = { owner: recipient, kind: event.kind, link: `/requests/${id}`, data };
  switch (event.kind) {
    case 'request.received':
      return { ...base, title: `${who} sent you a diff request`, body: `${who} proposes that ${label} was ${request.proposition}, and asks you to agree or deny.` };
    case 'request.answered': {
      const verb = request.status === 'agreed' ? 'agreed to' : 'denied';
      const comment = request.answer?.comment ? ` Their comment: "${request.answer.comment}"` : '';
      return { ...base, title: `${who} ${verb} your diff request`, body: `${who} ${verb} your request that ${label} was ${request.proposition}.${comment}` };
    }
    case 'request.withdrawn':
      return { ...base, title: `${who} withdrew a diff request`, body: `${who} withdrew the request that ${label} was ${request.proposition}; nothing is left to answer.` };
  }
}

function reproductionDraft(event: ReproductionEvent): Draft | null {
  const owner = toId(event.user);
  if (!owner) return null;
  const what = event.label ? `The reproduction of "${event.label}"` : 'Your reproduction';
  const ended = event.state === 'finished' ? 'finished' : event.state === 'failed' ? 'failed' : 'was cancelled';
  const reason = event.state === 'failed' && event.reason ? `: ${event.reason}` : '.';
  const filed = event.request ? ' A diff request toward the original was filed for its owner to answer.' : '';
  return {
    owner,
    kind: 'reproduction.finished',
    title: `${what} ${ended}`,
    body: `${what} ${ended}${reason}${filed}`,
    link: event.request ? `/requests/${event.request}` : `/reproductions/${event.reproduction}`,
    data: { reproduction: { id: event.reproduction, state: event.state, record: event.record ?? null, request: event.request ?? null, reason: event.reason ?? null } },
  };
}

/** Stores the notification and queues its email and webhook deliveries. */
async function deliver(deps: Deps, draft: Draft, mailOn: boolean): Promise<void> {
  const mine = Scope.owner(draft.owner);
  const { notifications, mail, webhooks, deliveries } = access(deps);
  const notification = await notifications.create(mine, { ...draft, data: JSON.stringify(draft.data), read: false });
  const now = new Date();
  if (mailOn) {
    const user = await deps.models.User.findById(draft.owner, { mailOptOut: 1 }).lean();
    if (user && !(user.mailOptOut ?? []).includes(draft.kind)) {
      await mail.create(mine, { owner: draft.owner, notification: notification._id, kind: draft.kind, state: 'queued', next: now, attempts: 0 });
    }
  }
  const hooks = await webhooks.find(mine, {}, { events: 1, disabled: 1 }).sort({ created: -1, _id: -1 }).limit(MAX_WEBHOOKS).lean<Array<Pick<WebhookDoc, '_id' | 'events' | 'disabled'>>>();
  const body = JSON.stringify({ id: notification._id.toHexString(), event: draft.kind, created: notification.created.toISOString(), data: draft.data });
  for (const hook of hooks) {
    if (hook.disabled || (hook.events && hook.events.length > 0 && !hook.events.includes(draft.kind))) continue;
    await deliveries.create(mine, { owner: draft.owner, webhook: hook._id, event: notification._id, kind: draft.kind, body, state: 'queued', next: now, attempts: 0 });
  }
}

/** How many webhooks one user may have. */
export const MAX_WEBHOOKS = 20;

/** Filters of the notification list. */
export interface NotificationQuery {
  unread?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The user's notifications, newest first. */
export async function listNotifications(deps: Deps, user: Types.ObjectId, query: NotificationQuery): Promise<{ items: NotificationDoc[]; next: string | null }> {
  const conditions: Array<Record<string, unknown>> = [];
  if (query.unread) conditions.push({ read: false });
  const after = afterCursor('created', query.cursor);
  if (Object.keys(after).length > 0) conditions.push(after);
  return await paginate(
    (limit) =>
      access(deps)
        .notifications.find(Scope.owner(user), conditions.length > 0 ? { $and: conditions } : {})
        .sort({ created: -1, _id: -1 })
        .limit(limit)
        .lean<NotificationDoc[]>()
        .exec(),
    'created',
    query.limit,
  );
}

/** How many of the user's notifications are unread. */
export async function unreadCount(deps: Deps, user: Types.ObjectId): Promise<number> {
  return await access(deps).notifications.countDocuments(Scope.owner(user), { read: false });
}

/** Marks one of the user's notifications read (404 for anyone else's or a missing one). */
export async function markNotificationRead(deps: Deps, user: Types.ObjectId, id: string): Promise<NotificationDoc> {
  const notificationId = toId(id);
  const updated = notificationId
    ? await access(deps).notifications.findOneAndUpdate(Scope.owner(user), { _id: notificationId }, { $set: { read: true } }, { returnDocument: 'after' }).lean<NotificationDoc>()
    : null;
  if (!updated) throw errors.notFound('Notification', id);
  return updated;
}

/** Marks every notification of the user read; answers how many were unread. */
export async function markAllNotificationsRead(deps: Deps, user: Types.ObjectId): Promise<number> {
  const result = await access(deps).notifications.updateMany(Scope.owner(user), { read: false }, { $set: { read: true } });
  return result.modifiedCount;
}

/** The kinds a user gets no email for. */
export async function mailOptOut(deps: Deps, user: Types.ObjectId): Promise<NotificationKind[]> {
  const found = await deps.models.User.findById(user, { mailOptOut: 1 }).lean();
  if (!found) throw errors.notFound('Account');
  return found.mailOptOut ?? [];
}

/** Replaces the kinds a user gets no email for; from now on (queued emails of those kinds are dropped when their turn comes). */
export async function setMailOptOut(deps: Deps, user: Types.ObjectId, kinds: NotificationKind[]): Promise<NotificationKind[]> {
  const unique = NOTIFICATION_KINDS.filter((kind) => kinds.includes(kind));
  const updated = await deps.models.User.findOneAndUpdate({ _id: user }, { $set: { mailOptOut: unique } }, { returnDocument: 'after' }).lean();
  if (!updated) throw errors.notFound('Account');
  return updated.mailOptOut ?? [];
}

/**
 * Follows an email's unsubscribe link: the kind it names gets no more email for the user it names,
 * at once (the sender reads the opt-outs before each message). No session needed; the token's HMAC
 * is the proof. A token that is not ours is a 400 that says so.
 */
export async function unsubscribe(deps: Deps, serverSecret: string, token: string): Promise<{ kind: NotificationKind; email: string }> {
  const named = readUnsubscribeToken(serverSecret, token);
  const user = named ? toId(named.user) : undefined;
  if (!named || !user) {
    throw new AppError(400, 'invalid_unsubscribe_token', 'This unsubscribe link is not valid (it may be cut short). Open it again from the email, or sign in and change your email settings on your account page.');
  }
  const updated = await deps.models.User.findOneAndUpdate({ _id: user }, { $addToSet: { mailOptOut: named.kind } }, { returnDocument: 'after' }).lean();
  if (!updated) throw errors.notFound('Account');
  return { kind: named.kind, email: updated.email };
}

/** The event data a notification keeps, as an object (for presenters). */
export function notificationData(notification: Pick<NotificationDoc, 'data'>): Record<string, unknown> {
  const parsed: unknown = JSON.parse(notification.data);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

