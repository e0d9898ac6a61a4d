import type { RequestHandler, Response } from 'express';
import { AppError, hashToken, type OpenModels } from '@reprise/core';
import { noteTokenUse } from '../http/auth.js';

/**
 * The challenge of every 401. httplib2, Sumatra's HTTP client, sends the credentials it was given
 * only after a 401 that carries a Basic challenge, so it must be there on every refusal.
 */
const SUMATRA_CHALLENGE = 'Basic realm="Reprise"';

/** A 401 with the Basic challenge. */
function sumatraUnauthorized(message: string): AppError {
  return new AppError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': SUMATRA_CHALLENGE });
}

/** The account a Sumatra request acts for (set by sumatraAuth). */
export interface SumatraCaller {
  email: string;
}

/** The caller set by sumatraAuth. */
export function sumatraCallerOf(res: Response): SumatraCaller {
  const caller = res.locals.sumatraCaller as SumatraCaller | undefined;
  if (!caller) throw sumatraUnauthorized('Sign in with your email and API token.');
  return caller;
}

/**
 * HTTP Basic authentication for the Sumatra record store: the user name is the account's email
 * (unique, unlike display names; also accepted percent-encoded, as it may be written in a store
 * URL), the password is the account's API token. Sets res.locals.actor like the token auth does.
 */
export function sumatraAuth(models: OpenModels): RequestHandler {
  return async (req, res, next) => {
    const credentials = basicCredentials(req.headers.authorization);
    if (!credentials) {
      throw sumatraUnauthorized(
        'Sumatra\'s record store needs HTTP Basic credentials: your account email as user name and your API token as password, ' +
          'e.g. smt init --store=http://EMAIL:TOKEN@HOST/sumatra/ PROJECT.',
      );
    }
    const tokenHash = hashToken(credentials.password);
    const user = await models.User.findOne({ tokenHash }, { name: 1, email: 1, tokenLastUsedAt: 1 }).lean();
    if (!user || !sameEmail(user.email, credentials.user)) {
      throw sumatraUnauthorized('The email or the API token is wrong, or the token has been revoked; get a new token from your account page.');
    }
    res.locals.actor = { id: user._id, name: user.name };
    res.locals.sumatraCaller = { email: user.email } satisfies SumatraCaller;
    noteTokenUse(models, { ...user, tokenHash });
    next();
  };
}

/** User name and password of an "Authorization: Basic" header, or undefined when there are none. */
function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const password = decoded.slice(colon + 1);
  if (password.length === 0) return undefined;
  return { user: decoded.slice(0, colon), password };
}

function sameEmail(email: string, given: string): boolean {
  const wanted = email.trim().toLowerCase();
  if (given.trim().toLowerCase() === wanted) return true;
  try {
    return decodeURIComponent(given).trim().toLowerCase() === wanted;
  } catch {
    return false;
  }
}
