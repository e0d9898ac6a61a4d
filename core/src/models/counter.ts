import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A counter for a fixed time window, keyed by what it counts (for example failed logins of one
 * account). Expiry is by timestamp in every filter, not a TTL index, which FerretDB lacks.
 */
export interface CounterDoc {
  _id: string;
  count: number;
  expires: Date;
}

const counterSchema = new Schema<CounterDoc>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    expires: { type: Date, required: true },
  },
  { versionKey: false, strict: 'throw' },
);
counterSchema.index({ expires: 1 });

/** Registers the Counter model on a connection. */
export function counterModel(connection: Connection): Model<CounterDoc> {
  return connection.models.Counter ?? connection.model<CounterDoc>('Counter', counterSchema, 'counters');
}

/** A signed-out session (by its JWT id) that must not be accepted again before it expires. */
export interface RevokedSessionDoc {
  _id: string;
  expires: Date;
}

const revokedSessionSchema = new Schema<RevokedSessionDoc>(
  {
    _id: { type: String, required: true },
    expires: { type: Date, required: true },
  },
  { versionKey: false, strict: 'throw' },
);
revokedSessionSchema.index({ expires: 1 });

/** Registers the RevokedSession model on a connection. */
export function revokedSessionModel(connection: Connection): Model<RevokedSessionDoc> {
  return connection.models.RevokedSession ?? connection.model<RevokedSessionDoc>('RevokedSession', revokedSessionSchema, 'revokedsessions');
}
