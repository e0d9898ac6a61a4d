import type { Connection, Model } from 'mongoose';
import { containerModel, type ContainerDoc } from './container.js';
import { counterModel, revokedSessionModel, type CounterDoc, type RevokedSessionDoc } from './counter.js';
import { backfillLiveKeys, diffRequestModel, type DiffRequestDoc } from './diff-request.js';
import { fileModel, type FileDoc } from './file.js';
import { idempotencyKeyModel, type IdempotencyKeyDoc } from './idempotency-key.js';
import { linkModel, type LinkDoc } from './link.js';
import { mailModel, notificationModel, type MailDoc, type NotificationDoc } from './notification.js';
import { jobModel, type JobDoc } from './job.js';
import { projectModel, type ProjectDoc } from './project.js';
import { recordModel, type RecordDoc } from './record.js';
import { userModel, type UserDoc } from './user.js';
import { deliveryModel, webhookModel, type DeliveryDoc, type WebhookDoc } from './webhook.js';
import { backfillPathValues } from '../services/record-values.js';

export * from './container.js';
export * from './counter.js';
export * from './diff-request.js';
export * from './file.js';
export * from './idempotency-key.js';
export * from './link.js';
export * from './notification.js';
export * from './job.js';
export * from './project.js';
export * from './record.js';
export * from './user.js';
export * from './webhook.js';

/** Every model, bound to one connection. */
export interface Models {
  User: Model<UserDoc>;
  Project: Model<ProjectDoc>;
  Container: Model<ContainerDoc>;
  Record: Model<RecordDoc>;
  File: Model<FileDoc>;
  DiffRequest: Model<DiffRequestDoc>;
  Counter: Model<CounterDoc>;
  RevokedSession: Model<RevokedSessionDoc>;
  IdempotencyKey: Model<IdempotencyKeyDoc>;
  Link: Model<LinkDoc>;
  Notification: Model<NotificationDoc>;
  Mail: Model<MailDoc>;
  Webhook: Model<WebhookDoc>;
  Delivery: Model<DeliveryDoc>;
  Job: Model<JobDoc>;
}

/**
 * The models a service reaches without a scope: accounts, counters, sessions, idempotency keys and
 * stored files (content-addressed blobs shared by everyone who sends the same bytes; a file is
 * reached through a record or container the caller may see). Projects, records, containers and
 * diff requests (and reproduction jobs) are reached through `access()` with a scope, or through `unscoped()` with a reason.
 * Reviewer links are credentials, like API tokens: looked up by the hash of their secret, and
 * managed only by their owner (core/src/services/links.ts).
 */
export type OpenModels = Pick<Models, 'User' | 'File' | 'Counter' | 'RevokedSession' | 'IdempotencyKey' | 'Link'>;

/** Binds the models to a connection. */
export function createModels(connection: Connection): Models {
  return {
    User: userModel(connection),
    Project: projectModel(connection),
    Container: containerModel(connection),
    Record: recordModel(connection),
    File: fileModel(connection),
    DiffRequest: diffRequestModel(connection),
    Counter: counterModel(connection),
    RevokedSession: revokedSessionModel(connection),
    IdempotencyKey: idempotencyKeyModel(connection),
    Link: linkModel(connection),
    Notification: notificationModel(connection),
    Mail: mailModel(connection),
    Webhook: webhookModel(connection),
    Delivery: deliveryModel(connection),
    Job: jobModel(connection),
  };
}

/** Creates every index the services rely on (idempotent; run at start-up). */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models) as Array<Model<unknown>>) {
    await model.createCollection().catch((error: unknown) => {
      // 48 NamespaceExists: another process created it first.
      if ((error as { code?: number }).code !== 48) throw error;
    });
    if (model === models.DiffRequest) await backfillOnce(model, 'diffrequests.liveKey', () => backfillLiveKeys(models.DiffRequest));
    if (model === models.Record) await backfillOnce(model, 'records.values', () => backfillPathValues(models.Record));
    await model.createIndexes();
  }
}

/** The collection that remembers which start-up backfills have completed on a database (by name). */
export const BACKFILLS_COLLECTION = 'backfills';

/**
 * Runs a start-up backfill unless it has completed on this database before. Looking for documents
 * without a field reads the whole collection (no index answers it on the embedded engine): 11.7 s
 * at 10,000 records with nothing to fill, and minutes at a million, at every start. Every write
 * since stores the field, so once per database is enough; the backfill itself may run twice when
 * two services start together, which its conditional updates allow.
 */
async function backfillOnce(model: Model<unknown>, name: string, backfill: () => Promise<void>): Promise<void> {
  const done = model.db.collection<{ _id: string; at: Date }>(BACKFILLS_COLLECTION);
  if (await done.findOne({ _id: name })) return;
  await backfill();
  await done.updateOne({ _id: name }, { $setOnInsert: { at: new Date() } }, { upsert: true });
}
