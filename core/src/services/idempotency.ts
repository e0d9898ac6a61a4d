import { createHash, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db.js';
import { AppError } from '../errors.js';
import type { IdempotencyKeyDoc, Models } from '../models/index.js';

/** How long a key is remembered: a retry later than this runs as a new request. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** How long a pending key stays locked without a refresh before another request may take it over. */
export const IDEMPOTENCY_LOCK_MS = 60_000;

/** Response bodies larger than this (gzipped) are not kept: MongoDB documents stop at 16 MiB. */
const MAX_STORED_BODY_BYTES = 15 * 1024 * 1024;

/** How often a process deletes expired keys (at most). */
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/** The outcome of presenting a key. */
export type IdempotencyClaim =
  /** The key is this request's: run it, then complete or release the key. */
  | { kind: 'claimed'; id: Types.ObjectId; lock: string }
  /** The key already answered this very request: send the stored response. */
  | { kind: 'replay'; status: number; body: unknown }
  /** The key answered a request whose fingerprint is only known once the upload is read: compare then. */
  | { kind: 'verify'; stored: IdempotencyKeyDoc };

type IdempotencyDeps = { models: Pick<Models, 'IdempotencyKey'> };

let lastSweep = 0;

/** sha256 of the parts that make two requests "the same request". */
export function requestFingerprint(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

/**
 * Presents an Idempotency-Key for a request. The unique index on (user, key) decides which of
 * several concurrent requests owns a new key; the others read what is stored and either replay
 * it, wait (409 while it is in flight), or are refused (422: the key was used for another request).
 * `fingerprint` is null for uploads, whose body is only known after it has been streamed.
 */
export async function claimIdempotencyKey(
  deps: IdempotencyDeps,
  user: Types.ObjectId,
  key: string,
  target: string,
  fingerprint: string | null,
): Promise<IdempotencyClaim> {
  const { IdempotencyKey } = deps.models;
  sweepExpired(deps);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const now = new Date();
    const lock = randomUUID();
    try {
      const created = await IdempotencyKey.create({
        user,
        key,
        target,
        fingerprint,
        state: 'pending',
        lock,
        lockedUntil: new Date(now.getTime() + IDEMPOTENCY_LOCK_MS),
        created: now,
      });
      return { kind: 'claimed', id: created._id, lock };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await IdempotencyKey.findOne({ user, key }).lean<IdempotencyKeyDoc>();
    // Released or expired between our insert and our read: try to insert again.
    if (!existing) continue;
    if (existing.created.getTime() < now.getTime() - IDEMPOTENCY_RETENTION_MS) {
      await IdempotencyKey.deleteOne({ _id: existing._id, created: existing.created });
      continue;
    }
    if (existing.target !== target || (fingerprint !== null && existing.fingerprint !== null && existing.fingerprint !== fingerprint)) {
      throw keyReused(key);
    }
    if (existing.state === 'pending') {
      if (existing.lockedUntil && existing.lockedUntil.getTime() > now.getTime()) throw inProgress(key);
      // The request holding it stopped refreshing (its server died): take the key over.
      const taken = await IdempotencyKey.findOneAndUpdate(
        { _id: existing._id, state: 'pending', lock: existing.lock },
        { $set: { lock, lockedUntil: new Date(now.getTime() + IDEMPOTENCY_LOCK_MS), fingerprint: fingerprint ?? existing.fingerprint } },
        { returnDocument: 'after' },
      ).lean<IdempotencyKeyDoc>();
      if (taken) return { kind: 'claimed', id: taken._id, lock };
      continue;
    }
    if (fingerprint === null) return { kind: 'verify', stored: existing };
    return replayOf(existing);
  }
  throw inProgress(key);
}

/** Decides a 'verify' claim once the upload's fingerprint is known: replay, or 422 when it differs. */
export function verifyIdempotentUpload(stored: IdempotencyKeyDoc, fingerprint: string): IdempotencyClaim {
  if (stored.fingerprint !== fingerprint) throw keyReused(stored.key);
  return replayOf(stored);
}

/** Keeps a pending key locked while its request is still working (long uploads). */
export async function refreshIdempotencyKey(deps: IdempotencyDeps, id: Types.ObjectId, lock: string): Promise<void> {
  await deps.models.IdempotencyKey.updateOne({ _id: id, lock, state: 'pending' }, { $set: { lockedUntil: new Date(Date.now() + IDEMPOTENCY_LOCK_MS) } });
}

/** Stores the response of a request that succeeded, for retries to get back. */
export async function completeIdempotencyKey(
  deps: IdempotencyDeps,
  id: Types.ObjectId,
  lock: string,
  response: { status: number; body: unknown; fingerprint: string | null },
): Promise<void> {
  const gzipped = gzipSync(Buffer.from(JSON.stringify(response.body ?? null), 'utf8'));
  const set: Record<string, unknown> = {
    state: 'done',
    status: response.status,
    body: gzipped.length <= MAX_STORED_BODY_BYTES ? gzipped : null,
    completed: new Date(),
    lock: null,
    lockedUntil: null,
  };
  if (response.fingerprint !== null) set.fingerprint = response.fingerprint;
  await deps.models.IdempotencyKey.updateOne({ _id: id, lock, state: 'pending' }, { $set: set });
}

/**
 * Forgets the key of a request that failed. Failed requests change nothing (no partial writes),
 * so running a retry again is safe, and it may succeed once the cause is gone.
 */
export async function releaseIdempotencyKey(deps: IdempotencyDeps, id: Types.ObjectId, lock: string): Promise<void> {
  await deps.models.IdempotencyKey.deleteOne({ _id: id, lock, state: 'pending' });
}

function replayOf(stored: IdempotencyKeyDoc): IdempotencyClaim {
  if (stored.status === null || !stored.body) {
    throw new AppError(
      409,
      'idempotency_response_unavailable',
      `The request with Idempotency-Key "${stored.key}" succeeded, but its response was too large to keep; read the resource to see its state.`,
      { status: stored.status },
    );
  }
  const body = JSON.parse(gunzipSync(bytesOf(stored.body)).toString('utf8')) as unknown;
  return { kind: 'replay', status: stored.status, body };
}

/** Lean reads give BSON Binary for Buffer fields. */
function bytesOf(value: Buffer | { buffer: Uint8Array }): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer);
}

function keyReused(key: string): AppError {
  return new AppError(
    422,
    'idempotency_key_reused',
    `Idempotency-Key "${key}" was already used for a different request; use a new key for every distinct request.`,
    { key },
  );
}

function inProgress(key: string): AppError {
  return new AppError(409, 'idempotency_in_progress', `A request with Idempotency-Key "${key}" is still being processed; retry in a moment.`, { key }, {
    'Retry-After': '1',
  });
}

function sweepExpired(deps: IdempotencyDeps): void {
  const now = Date.now();
  if (now - lastSweep < SWEEP_INTERVAL_MS) return;
  lastSweep = now;
  // Best effort: an expired key is also ignored (and replaced) when it is presented again.
  void deps.models.IdempotencyKey.deleteMany({ created: { $lt: new Date(now - IDEMPOTENCY_RETENTION_MS) } }).catch(() => undefined);
}
