import type { mongo } from 'mongoose';
import { isDuplicateKeyError } from '../db.js';
import type { OpenModels, PushWindow, UserDoc } from '../models/index.js';

/** A limit: at most `max` events per `windowMs`. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

/** A counter's state after an event was counted (or looked at). */
export interface CounterState {
  count: number;
  /** When the current window ends and the counter starts again from zero. */
  resetsAt: Date;
}

/**
 * Counts one event under `key` in a fixed window and returns the count so far, atomically and
 * across every process sharing the database. Expired windows are recognised by their timestamp
 * (FerretDB has no TTL indexes) and restarted by a conditional update.
 */
export async function countEvent(models: OpenModels, key: string, windowMs: number, now = new Date()): Promise<CounterState> {
  const { Counter } = models;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await Counter.findOneAndUpdate({ _id: key, expires: { $gt: now } }, { $inc: { count: 1 } }, { returnDocument: 'after' }).lean();
    if (current) return { count: current.count, resetsAt: current.expires };
    const expires = new Date(now.getTime() + windowMs);
    const restarted = await Counter.findOneAndUpdate({ _id: key, expires: { $lte: now } }, { $set: { count: 1, expires } }, { returnDocument: 'after' }).lean();
    if (restarted) return { count: restarted.count, resetsAt: restarted.expires };
    try {
      // Not an upsert (see docs/decisions.md on FerretDB): insert, and on a duplicate key someone else started the window.
      await Counter.create({ _id: key, count: 1, expires });
      await sweepExpired(models, now);
      return { count: 1, resetsAt: expires };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new Error(`counter ${key} kept changing under contention`);
}

/** The user an API token belongs to, and their pushes in the current window with this one counted. */
export interface TokenUserPushes {
  user: Pick<UserDoc, '_id' | 'name' | 'tokenLastUsedAt'>;
  pushes: CounterState;
}

/**
 * The user holding an API token, by the token's hash: its id, name and last use. Through the
 * driver, as countTokenPush() is: every request of the API starts here, and the filter needs no
 * casting.
 */
export async function findTokenUser(models: OpenModels, tokenHash: string): Promise<TokenUserPushes['user'] | null> {
  const users = models.User.collection as unknown as mongo.Collection<UserDoc>;
  return await users.findOne({ tokenHash }, { projection: { name: 1, tokenLastUsedAt: 1 } });
}

/**
 * Looks up the user whose API token has this hash and counts one push of theirs in a fixed
 * window, atomically and across every process sharing the database, like countEvent. While a
 * window lasts this is one command (the token is the filter of the count): a push limit then
 * costs no database round trip of its own. Null, with nothing counted, when no user has the token.
 */
export async function countTokenPush(models: OpenModels, tokenHash: string, windowMs: number, now = new Date()): Promise<TokenUserPushes | null> {
  const { User } = models;
  // Not `updated`: the account did not change. No projection: FerretDB's findAndModify refuses one.
  // Through the driver: the filter and update are already in their stored types, and this is
  // sent for every push, where mongoose's casting of them was a tenth of the API's work.
  const options = { returnDocument: 'after' } as const;
  const users = User.collection as unknown as mongo.Collection<UserDoc>;
  const found = (user: UserDoc & { pushes: PushWindow }) => ({
    user: { _id: user._id, name: user.name, tokenLastUsedAt: user.tokenLastUsedAt },
    pushes: { count: user.pushes.count, resetsAt: user.pushes.ends },
  });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const counted = await users.findOneAndUpdate({ tokenHash, 'pushes.ends': { $gt: now } }, { $inc: { 'pushes.count': 1 } }, options);
    if (counted?.pushes) return found({ ...counted, pushes: counted.pushes });
    const ends = new Date(now.getTime() + windowMs);
    const restarted = await users.findOneAndUpdate(
      { tokenHash, $or: [{ 'pushes.ends': { $exists: false } }, { 'pushes.ends': { $lte: now } }] },
      { $set: { pushes: { count: 1, ends } } },
      options,
    );
    if (restarted?.pushes) return found({ ...restarted, pushes: restarted.pushes });
    // Neither matched: nobody has the token, or another request started the window in between.
    if (!(await User.exists({ tokenHash }))) return null;
  }
  throw new Error('the push count of a token kept changing under contention');
}

/** Forgets the counter under `key` (for example failed logins, after a successful one). */
export async function resetCounter(models: OpenModels, key: string): Promise<void> {
  await models.Counter.deleteOne({ _id: key });
}

/** Seconds until a counter's window ends, rounded up, at least 1 (the value of a Retry-After header). */
export function secondsUntil(date: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 1000));
}

async function sweepExpired(models: OpenModels, now: Date): Promise<void> {
  // New windows are rare (one per key and window), so cleaning up here keeps the collection small without a timer.
  await models.Counter.deleteMany({ expires: { $lt: new Date(now.getTime() - 60_000) } });
}
