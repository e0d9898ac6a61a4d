import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { countTokenPush, errors, findTokenUser, hashToken, type Id, type OpenModels } from '@reprise/core';
import { API_RESOURCE_WORDS, type ValidateOptions } from '@reprise/http';
import { PUSH_WINDOW_MS, PUSHES } from './rate-limit.js';

/** For validate(): the {token} path parameter is checked by authenticate(), not by the schema. */
export const byToken: ValidateOptions = { skipParams: ['token'] };

/** How often the last-use time of a token is written (at most). */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Moves a token given in the path (/api/v1/<token>/…, the CoRR paper's form) out of the URL, so
 * that the routes are the same for both forms and the token reaches nothing that logs URLs.
 */
export function extractPathToken(req: Request, res: Response, next: NextFunction): void {
  const match = /^\/([^/?]+)(\/.*)?$/.exec(req.url);
  const first = match?.[1];
  if (first !== undefined && !API_RESOURCE_WORDS.has(first)) {
    res.locals.pathToken = safeDecode(first);
    req.url = match?.[2] ?? '/';
  }
  next();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The token a request carries: in the path, or as "Authorization: Bearer". */
function tokenOf(req: Request, res: Response): string | undefined {
  const fromPath = res.locals.pathToken as string | undefined;
  if (fromPath) return fromPath;
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Authenticates the API token (401 when missing or wrong) and sets res.locals.actor. With a push
 * limit (`pushRateLimit` per minute, 0 for none), a push (POST) is counted by the token's own
 * lookup, for pushRateLimit() to judge.
 */
export function authenticate(models: OpenModels, options: { pushRateLimit: number }): RequestHandler {
  return async (req, res, next) => {
    const token = tokenOf(req, res);
    if (!token) throw errors.unauthorized();
    const tokenHash = hashToken(token);
    let user: { _id: Id; name: string; tokenLastUsedAt: Date | null } | null;
    if (options.pushRateLimit > 0 && req.method === 'POST') {
      const counted = await countTokenPush(models, tokenHash, PUSH_WINDOW_MS);
      user = counted?.user ?? null;
      if (counted) res.locals[PUSHES] = counted.pushes;
    } else {
      user = await findTokenUser(models, tokenHash);
    }
    if (!user) throw errors.unauthorized('The API token is wrong or has been revoked; get a new one from your account page.');
    res.locals.actor = { id: user._id, name: user.name };
    noteTokenUse(models, { ...user, tokenHash });
    next();
  };
}

/** When this process last wrote the last use of a token, by the token's hash (a renewed token has its own). */
const recentlyNoted = new Map<string, number>();

/**
 * Records that a user's token was used, at most once a minute. Conditional, so that instances
 * sharing the database write it once; and once per process, so that the requests of a burst that
 * all read the stale time before it was written do not each send a write that changes nothing.
 * Not waited for, because failing to record use is not the caller's problem.
 */
export function noteTokenUse(models: OpenModels, user: { _id: Id; tokenHash: string; tokenLastUsedAt: Date | null }): void {
  const now = Date.now();
  if (user.tokenLastUsedAt && now - user.tokenLastUsedAt.getTime() <= LAST_USED_PRECISION_MS) return;
  const noted = recentlyNoted.get(user.tokenHash);
  if (noted !== undefined && now - noted <= LAST_USED_PRECISION_MS) return;
  if (recentlyNoted.size > 10_000) recentlyNoted.clear();
  recentlyNoted.set(user.tokenHash, now);
  void models.User.updateOne(
    { _id: user._id, $or: [{ tokenLastUsedAt: null }, { tokenLastUsedAt: { $lt: new Date(now - LAST_USED_PRECISION_MS) } }] },
    { $set: { tokenLastUsedAt: new Date(now) } },
  ).catch(() => undefined);
}
