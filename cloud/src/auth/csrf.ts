import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { AppError, type Config } from '@reprise/core';

/** The readable CSRF cookie; the page echoes its value in CSRF_HEADER. */
export const CSRF_COOKIE = 'reprise_csrf';
/** The header that must carry the CSRF cookie's value on every mutating request. */
const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function csrfFailed(message: string): AppError {
  return new AppError(403, 'csrf_failed', message);
}

function originRefused(origin: string): AppError {
  return new AppError(403, 'origin_refused', `Requests to the cloud service must come from the Reprise dashboard, not from ${origin}.`, { origin });
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Sets a new CSRF cookie and returns its value (a new session gets a new token). */
export function issueCsrfToken(res: Response, config: Config): string {
  const token = randomBytes(32).toString('base64url');
  // Readable by the page (not HttpOnly) and sent to every path, so the single-page app can read it anywhere.
  res.cookie(CSRF_COOKIE, token, { sameSite: 'strict', secure: config.publicUrl.startsWith('https:'), path: '/', httpOnly: false });
  res.locals.csrfToken = token;
  return token;
}

/** The request's CSRF token (from its cookie, or the one just issued). */
export function csrfTokenOf(req: Request, res: Response): string | undefined {
  const issued = res.locals.csrfToken as string | undefined;
  if (issued) return issued;
  const cookie = (req.cookies as Record<string, string> | undefined)?.[CSRF_COOKIE];
  return cookie && TOKEN_PATTERN.test(cookie) ? cookie : undefined;
}

function originOf(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * Cross-site request protection for the cloud service:
 * - a request whose Origin is not the dashboard's (PUBLIC_URL) is refused, whatever its method;
 * - a mutating request must show where it comes from (Origin, else Referer) and it must be the dashboard;
 * - a mutating request must echo the CSRF cookie in X-CSRF-Token (double submit);
 * - a request without a CSRF cookie gets one.
 * SameSite=Strict cookies already keep other sites' requests anonymous; these checks also stop
 * same-site attackers and browsers that do not honour SameSite.
 */
export function csrfProtection(config: Config): RequestHandler {
  const allowed = originOf(config.publicUrl);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== allowed) throw originRefused(origin);
    const cookie = csrfTokenOf(req, res);
    if (!SAFE_METHODS.has(req.method)) {
      if (origin === undefined) {
        const referer = req.headers.referer;
        const from = referer ? originOf(referer) : undefined;
        if (from === undefined) throw new AppError(403, 'origin_refused', 'Requests that change something must carry an Origin header (browsers send it); the cloud service only serves the Reprise dashboard.');
        if (from !== allowed) throw originRefused(from);
      }
      const header = req.headers[CSRF_HEADER];
      if (!cookie) throw csrfFailed(`This request needs the CSRF cookie ${CSRF_COOKIE}: load the dashboard (any GET to /cloud/v1/) first.`);
      if (typeof header !== 'string' || header.length === 0) throw csrfFailed(`This request needs the X-CSRF-Token header with the value of the ${CSRF_COOKIE} cookie.`);
      if (!sameToken(header, cookie)) throw csrfFailed(`The X-CSRF-Token header does not match the ${CSRF_COOKIE} cookie; reload the page and try again.`);
    }
    if (!cookie) issueCsrfToken(res, config);
    next();
  };
}
