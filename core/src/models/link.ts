import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * A reviewer link: read-only access to one project or one record of its owner's for whoever holds
 * its secret. The secret is stored only as its sha256, like an API token.
 */
export interface LinkDoc {
  _id: Types.ObjectId;
  owner: Types.ObjectId;
  project: Types.ObjectId;
  /** The one record the link names, or null when it names the whole project. */
  record: Types.ObjectId | null;
  secretHash: string;
  /** The first characters of the secret, to tell links apart in the owner's list. */
  prefix: string;
  /** When the link stops working, or null for never (until revoked). */
  expires: Date | null;
  /** Whether the owner's name and email are hidden from the link's holder. */
  anonymous: boolean;
  lastUsed: Date | null;
  created: Date;
  updated: Date;
}

const linkSchema = new Schema<LinkDoc>(
  {
    owner: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    project: { type: Schema.Types.ObjectId, required: true, ref: 'Project' },
    record: { type: Schema.Types.ObjectId, default: null, ref: 'Record' },
    secretHash: { type: String, required: true },
    prefix: { type: String, required: true },
    expires: { type: Date, default: null },
    anonymous: { type: Boolean, default: false },
    lastUsed: { type: Date, default: null },
  },
  { timestamps: { createdAt: 'created', updatedAt: 'updated' }, versionKey: false, strict: 'throw' },
);
linkSchema.index({ secretHash: 1 }, { unique: true });
// The owner's links, newest first.
linkSchema.index({ owner: 1, created: -1, _id: -1 });

/** Registers the Link model on a connection. */
export function linkModel(connection: Connection): Model<LinkDoc> {
  return connection.models.Link ?? connection.model<LinkDoc>('Link', linkSchema, 'links');
}
