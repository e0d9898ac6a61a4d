import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { NOTIFICATION_KINDS, type NotificationKind } from '@reprise/rules';

/** A person with an account; tools act for them through their API token. */
export interface UserDoc {
  _id: Types.ObjectId;
  email: string;
  name: string;
  passwordHash: string | null;
  tokenHash: string | null;
  tokenPrefix: string | null;
  tokenCreatedAt: Date | null;
  tokenLastUsedAt: Date | null;
  /** Sessions that signed in before this are no longer accepted (set when the password changes). */
  sessionsNotBefore: Date | null;
  /** The notification kinds this user gets no email for (absent: none). */
  mailOptOut?: NotificationKind[];
  /**
   * The pushes of this user's API token in the current one-minute window (the API's push limit),
   * counted in the same command that looks the token up. Absent until the first push with the limit on.
   */
  pushes?: PushWindow | null;
  created: Date;
  updated: Date;
}

/** A push limit's window: how many pushes so far, and when the window ends and the count starts again. */
export interface PushWindow {
  count: number;
  ends: Date;
}

const pushWindowSchema = new Schema<PushWindow>(
  {
    count: { type: Number, required: true },
    ends: { type: Date, required: true },
  },
  { _id: false, strict: 'throw' },
);

const userSchema = new Schema<UserDoc>(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true },
    passwordHash: { type: String, default: null },
    tokenHash: { type: String, default: null },
    tokenPrefix: { type: String, default: null },
    tokenCreatedAt: { type: Date, default: null },
    tokenLastUsedAt: { type: Date, default: null },
    sessionsNotBefore: { type: Date, default: null },
    mailOptOut: { type: [{ type: String, enum: NOTIFICATION_KINDS }], default: undefined },
    pushes: { type: pushWindowSchema, default: undefined },
  },
  { timestamps: { createdAt: 'created', updatedAt: 'updated' }, versionKey: false, strict: 'throw' },
);
userSchema.index({ email: 1 }, { unique: true });
// Not unique: users without a token all hold null, and partial indexes are off limits (FerretDB).
userSchema.index({ tokenHash: 1 });

/** Registers the User model on a connection. */
export function userModel(connection: Connection): Model<UserDoc> {
  return connection.models.User ?? connection.model<UserDoc>('User', userSchema, 'users');
}
