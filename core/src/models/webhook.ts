import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { NOTIFICATION_KINDS, type NotificationKind } from '@reprise/rules';
import type { OutgoingState } from './notification.js';

/** A URL a user's events are POSTed to, signed with the webhook's secret. */
export interface WebhookDoc {
  _id: Types.ObjectId;
  owner: Types.ObjectId;
  url: string;
  /** The kinds it receives; empty: every kind. */
  events: NotificationKind[];
  /** The signing secret, encrypted with a key derived from the server's secret (see webhookSecrets). */
  secret: string;
  /** Failed attempts in a row (any delivery); a success resets it. */
  failures: number;
  /** Set when repeated failures turned it off, with why; null while it is on. */
  disabled: { at: Date; reason: string } | null;
  created: Date;
}

const webhookSchema = new Schema<WebhookDoc>(
  {
    owner: { type: Schema.Types.ObjectId, required: true },
    url: { type: String, required: true },
    events: { type: [{ type: String, enum: NOTIFICATION_KINDS }], default: undefined },
    secret: { type: String, required: true },
    failures: { type: Number, required: true, default: 0 },
    disabled: { type: new Schema({ at: Date, reason: String }, { _id: false }), default: null },
  },
  { timestamps: { createdAt: 'created', updatedAt: false }, versionKey: false, strict: 'throw' },
);
webhookSchema.index({ owner: 1, created: -1, _id: -1 });

/** Registers the Webhook model on a connection. */
export function webhookModel(connection: Connection): Model<WebhookDoc> {
  return connection.models.Webhook ?? connection.model<WebhookDoc>('Webhook', webhookSchema, 'webhooks');
}

/** One attempt to deliver, as the log shows it. */
export interface DeliveryAttempt {
  at: Date;
  /** The receiver's HTTP status, or null when there was no answer (refused, timed out, unreachable). */
  status: number | null;
  /** How long the attempt took, in ms. */
  ms: number;
  error: string | null;
}

/**
 * One event on its way to one webhook (a redelivery is a new one with the same event and body).
 * Claimed like an email (see MailDoc): `next` is when it is due, or when the claim ends.
 */
export interface DeliveryDoc {
  _id: Types.ObjectId;
  owner: Types.ObjectId;
  webhook: Types.ObjectId;
  /** The event's id (its notification's): the same in every delivery and redelivery of it. */
  event: Types.ObjectId;
  kind: NotificationKind;
  /** The exact JSON that is POSTed and signed. */
  body: string;
  state: Exclude<OutgoingState, 'skipped'>;
  next: Date;
  attempts: number;
  claim: string | null;
  log: DeliveryAttempt[];
  created: Date;
}

const attemptSchema = new Schema<DeliveryAttempt>({ at: Date, status: { type: Number, default: null }, ms: Number, error: { type: String, default: null } }, { _id: false });

const deliverySchema = new Schema<DeliveryDoc>(
  {
    owner: { type: Schema.Types.ObjectId, required: true },
    webhook: { type: Schema.Types.ObjectId, required: true },
    event: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: NOTIFICATION_KINDS },
    body: { type: String, required: true },
    state: { type: String, required: true, enum: ['queued', 'sent', 'failed'] },
    next: { type: Date, required: true },
    attempts: { type: Number, required: true, default: 0 },
    claim: { type: String, default: null },
    log: { type: [attemptSchema], default: undefined },
  },
  { timestamps: { createdAt: 'created', updatedAt: false }, versionKey: false, strict: 'throw' },
);
// A webhook's log, newest first, and the deletion of a webhook's deliveries.
deliverySchema.index({ owner: 1, webhook: 1, created: -1, _id: -1 });
// The sender's claim: the queued delivery due first.
deliverySchema.index({ state: 1, next: 1 });

/** Registers the Delivery model on a connection. */
export function deliveryModel(connection: Connection): Model<DeliveryDoc> {
  return connection.models.Delivery ?? connection.model<DeliveryDoc>('Delivery', deliverySchema, 'webhookdeliveries');
}
