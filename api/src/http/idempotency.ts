import type { Request, RequestHandler, Response } from 'express';
import {
  canonicalJson,
  claimIdempotencyKey,
  completeIdempotencyKey,
  discardUploads,
  IDEMPOTENCY_LOCK_MS,
  IDEMPOTENCY_RETENTION_MS,
  refreshIdempotencyKey,
  releaseIdempotencyKey,
  requestFingerprint,
  verifyIdempotentUpload,
  type IdempotencyClaim,
} from '@reprise/core';
import { actorOf, type ApiDeps } from './context.js';
import { allUploads, uploadsOf } from '@reprise/http';

/** The header a client sets to make a POST safe to retry. */
const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Set on a response that is the stored answer to an earlier request with the same key. */
const REPLAYED_HEADER = 'Idempotent-Replayed';

interface HeldKey {
  claim: IdempotencyClaim;
  /** Known for JSON requests at once, for uploads once multer has read them. */
  fingerprint: string | null;
}

const HELD = 'idempotency';

/**
 * Idempotency-Key for JSON endpoints, placed after body parsing and validation. The fingerprint
 * is the method, the path (after the token was taken out of it) and the canonical JSON body.
 */
export function idempotent(deps: ApiDeps): RequestHandler {
  return async (req, res, next) => {
    const key = keyOf(req);
    if (key === undefined) {
      next();
      return;
    }
    const target = targetOf(req);
    const fingerprint = requestFingerprint(target, canonicalJson(req.body ?? null));
    const claim = await claimIdempotencyKey(deps, actorOf(res).id, key, target, fingerprint);
    if (claim.kind === 'replay') {
      replay(res, claim.status, claim.body);
      return;
    }
    hold(deps, res, { claim, fingerprint });
    next();
  };
}

/**
 * Idempotency-Key for multipart uploads, in two steps around multer. The body cannot be
 * fingerprinted before it is streamed, so `before` claims the key on method and path alone
 * (a retry while the first upload is in flight is a 409 without reading its bytes), and `after`
 * fingerprints the form fields with the sha256 of every uploaded part as computed while storing
 * it. A retry of a finished upload therefore sends its bytes again: they are compared by digest,
 * dropped, and the stored response is replayed (or 422 when they differ).
 */
export function idempotentUpload(deps: ApiDeps): { before: RequestHandler; after: RequestHandler } {
  const before: RequestHandler = async (req, res, next) => {
    const key = keyOf(req);
    if (key === undefined) {
      next();
      return;
    }
    const claim = await claimIdempotencyKey(deps, actorOf(res).id, key, targetOf(req), null);
    if (claim.kind === 'replay') {
      replay(res, claim.status, claim.body);
      return;
    }
    if (claim.kind === 'claimed') hold(deps, res, { claim, fingerprint: null });
    else res.locals[HELD] = { claim, fingerprint: null } satisfies HeldKey;
    next();
  };
  const after: RequestHandler = async (req, res, next) => {
    const held = res.locals[HELD] as HeldKey | undefined;
    if (!held) {
      next();
      return;
    }
    held.fingerprint = uploadFingerprint(req);
    if (held.claim.kind !== 'verify') {
      next();
      return;
    }
    try {
      const decided = verifyIdempotentUpload(held.claim.stored, held.fingerprint);
      await discardUploads(deps, allUploads(req));
      if (decided.kind === 'replay') replay(res, decided.status, decided.body);
    } catch (error) {
      await discardUploads(deps, allUploads(req));
      throw error;
    }
  };
  return { before, after };
}

function keyOf(req: Request): string | undefined {
  // The format was checked against openapi.yaml by validate().
  const value = req.headers[IDEMPOTENCY_HEADER.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

function targetOf(req: Request): string {
  return `${req.method} ${req.baseUrl}${req.path}`;
}

function uploadFingerprint(req: Request): string {
  const fields = (req.body ?? {}) as Record<string, unknown>;
  const files = ((req as Request & { files?: unknown }).files ?? {}) as Record<string, unknown>;
  const parts = Object.keys(files)
    .sort()
    .flatMap((field) => uploadsOf(req, field).map((upload) => `${field}:${upload.originalName}:${upload.blob.sha256}:${upload.blob.size}`));
  return requestFingerprint(targetOf(req), canonicalJson(fields), ...parts);
}

function replay(res: Response, status: number, body: unknown): void {
  res.status(status).set(REPLAYED_HEADER, 'true').json(body);
}

/**
 * Ties the claimed key to the response: a 2xx answer is stored before it is sent, anything else
 * releases the key. While the request works the lock is refreshed, so that only a request whose
 * server died loses its key to a retry.
 */
function hold(deps: ApiDeps, res: Response, held: HeldKey): void {
  const { claim } = held;
  if (claim.kind !== 'claimed') return;
  res.locals[HELD] = held;
  const started = Date.now();
  const refresher = setInterval(() => {
    // A handler that never answers must not hold the key for ever.
    if (Date.now() - started > IDEMPOTENCY_RETENTION_MS) clearInterval(refresher);
    else refreshIdempotencyKey(deps, claim.id, claim.lock).catch(() => undefined);
  }, IDEMPOTENCY_LOCK_MS / 3);
  refresher.unref();
  const send = res.json.bind(res);
  res.json = (body: unknown) => {
    clearInterval(refresher);
    const status = res.statusCode;
    const settle =
      status >= 200 && status < 300
        ? completeIdempotencyKey(deps, claim.id, claim.lock, { status, body, fingerprint: held.fingerprint })
        : releaseIdempotencyKey(deps, claim.id, claim.lock);
    settle
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not settle an idempotency key; a retry may wait for its lock to expire'))
      .finally(() => send(body));
    return res;
  };
}
