import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of each kind of response:
 * - `json`: the API and cloud services answer JSON (and files, which set their own sandbox policy):
 *   nothing in a response may load, run or be framed, even if a browser is tricked into rendering it;
 * - `docs`: swagger-ui at /api/docs, which loads its own scripts and styles (one inline style block).
 * The dashboard's pages get theirs from the frontend's server (frontend/src/server/security.ts).
 */
export const CONTENT_SECURITY_POLICIES = {
  json: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
  docs: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
} as const;

/** Security headers (helmet) with the Content-Security-Policy of `kind`. */
export function securityHeaders(kind: keyof typeof CONTENT_SECURITY_POLICIES): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICIES[kind] } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Tools and the dashboard's own origin are the only clients; nothing is meant to be embedded
    // elsewhere (routes that are, like the reproducibility badge, say so themselves).
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
