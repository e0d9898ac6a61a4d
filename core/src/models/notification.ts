import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { NOTIFICATION_KINDS, type NotificationKind } from '@reprise/rules';

/** One event told to one user: what the dashboard lists, and what their email and webhooks carry. */
export interface NotificationDoc {
  _id: Types.ObjectId;
  owner: Types.ObjectId;
  kind: NotificationKind;
  /** One line, for the list and an email's subject. */
  title: string;
  /** A sentence or two saying what happened. */
  body: string;
  /** The dashboard page it is about (a path: `/requests/<id>`). */
  link: string;
  /** The event's data as JSON text (ids and states, what a webhook delivery carries as `data`). */
  data: string;
  read: boolean;
  created: Date;
}

const notificationSchema = new Schema<NotificationDoc>(
  {
    owner: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: NOTIFICATION_KINDS },
    title: { type: String, required: true },
    body: { type: String, required: true },
    link: { type: String, required: true },
    data: { type: String, required: true },
    read: { type: Boolean, required: true, default: false },
  },
  { timestamps: { createdAt: 'created', updatedAt: false }, versionKey: false, strict: 'throw' },
);
// The list, newest first (keyset on created, _id), and the unread count and "mark all read".
notificationSchema.index({ owner: 1, created: -1, _id: -1 });
notificationSchema.index({ owner: 1, read: 1, created: -1, _id: -1 });

/** Registers the Notification model on a connection. */
export function notificationModel(connection: Connection): Model<NotificationDoc> {
  return connection.models.Notification ?? connection.model<NotificationDoc>('Notification', notificationSchema, 'notifications');
}

/** What happened to a queued email or webhook delivery. */
export type OutgoingState = 'queued' | 'sent' | 'failed' | 'skipped';

/**
 * An email waiting in the outbox, or sent. The sender claims a queued one by a conditional update
 * that moves `next` past the claim's lease and writes its claim id: of two senders exactly one
 * gets it, and a sender that dies leaves it to be claimed again once the lease ends.
 */
export interface MailDoc {
  _id: Types.ObjectId;
  owner: Types.ObjectId;
  notification: Types.ObjectId;
  kind: NotificationKind;
  state: OutgoingState;
  /** When it is due (queued), or when its current claim ends. */
  next: Date;
  attempts: number;
  claim: string | null;
  lastError: string | null;
  sent: Date | null;
  created: Date;
}

const mailSchema = new Schema<MailDoc>(
  {
    owner: { type: Schema.Types.ObjectId, required: true },
    notification: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: NOTIFICATION_KINDS },
    state: { type: String, required: true, enum: ['queued', 'sent', 'failed', 'skipped'] },
    next: { type: Date, required: true },
    attempts: { type: Number, required: true, default: 0 },
    claim: { type: String, default: null },
    lastError: { type: String, default: null },
    sent: { type: Date, default: null },
  },
  { timestamps: { createdAt: 'created', updatedAt: false }, versionKey: false, strict: 'throw' },
);
// The sender's claim: the queued message due first.
mailSchema.index({ state: 1, next: 1 });

/** Registers the Mail (outbox) model on a connection. */
export function mailModel(connection: Connection): Model<MailDoc> {
  return connection.models.Mail ?? connection.model<MailDoc>('Mail', mailSchema, 'mailoutbox');
}
