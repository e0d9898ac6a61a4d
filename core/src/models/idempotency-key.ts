import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** Where a request carrying an Idempotency-Key stands. */
type IdempotencyState = 'pending' | 'done';

/**
 * One client-chosen Idempotency-Key of one user: the request it was first used with and, once
 * that request succeeded, its response, which retries with the same key get back.
 */
export interface IdempotencyKeyDoc {
  _id: Types.ObjectId;
  user: Types.ObjectId;
  key: string;
  /** "METHOD /path" of the first request: a different target is a different request at once. */
  target: string;
  /** sha256 of the first request (target + canonical body, or form fields + uploaded digests); null until known for uploads. */
  fingerprint: string | null;
  state: IdempotencyState;
  /** Random id of the request holding a pending key: only it may complete or release the key. */
  lock: string | null;
  /** A pending key whose holder has not refreshed it by then is taken to be abandoned (crashed server). */
  lockedUntil: Date | null;
  status: number | null;
  /** The response body, JSON text gzipped; null when it was too large to keep. */
  body: Buffer | null;
  created: Date;
  completed: Date | null;
}

const idempotencyKeySchema = new Schema<IdempotencyKeyDoc>(
  {
    user: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    key: { type: String, required: true },
    target: { type: String, required: true },
    fingerprint: { type: String, default: null },
    state: { type: String, enum: ['pending', 'done'], required: true },
    lock: { type: String, default: null },
    lockedUntil: { type: Date, default: null },
    status: { type: Number, default: null },
    body: { type: Buffer, default: null },
    created: { type: Date, required: true },
    completed: { type: Date, default: null },
  },
  { versionKey: false, strict: 'throw' },
);
// The unique index is the lock: the first request to insert (user, key) owns it.
idempotencyKeySchema.index({ user: 1, key: 1 }, { unique: true });
idempotencyKeySchema.index({ created: 1 });

/** Registers the IdempotencyKey model on a connection. */
export function idempotencyKeyModel(connection: Connection): Model<IdempotencyKeyDoc> {
  return connection.models.IdempotencyKey ?? connection.model<IdempotencyKeyDoc>('IdempotencyKey', idempotencyKeySchema, 'idempotency_keys');
}
