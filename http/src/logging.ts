import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { RequestHandler } from 'express';

/** First path segments under /api/v1 that name a resource; the API takes any other first segment for a token. */
export const API_RESOURCE_WORDS: ReadonlySet<string> = new Set(['project', 'container', 'record', 'file', 'jobs', 'openapi.yaml', 'public', 'shared']);

/** An API token's shape (`rpr_` and base64url), in any letter case: a wrong-cased token is still most of a secret. */
const TOKEN_LIKE = /rpr_[A-Za-z0-9_-]*/gi;
/** A reviewer link's secret (`rpl_` and base64url), in any letter case, like a token. */
const LINK_SECRET_LIKE = /rpl_[A-Za-z0-9_-]*/gi;
/** The segment after `/shared/` is a reviewer link's secret, whatever its shape (in the API, the cloud and the dashboard's paths). */
const SHARED_SEGMENT = /^shared$/i;
/** Query parameters named like credentials (a client may put them there by mistake). */
const CREDENTIAL_NAME = /^(?:.*[-_.])?(?:token|password|passwd|secret|session|csrf|key|auth|jwt)(?:[-_.].*)?$/i;
/** Express matches mount paths without regard to case, so /API/V1/<token>/ reaches the API too. */
const API_PATH_TOKEN = /^(\/api\/v1\/)([^/]+)/i;

/** Decodes ASCII %xx escapes until none is left (a token may be encoded twice over to slip past a pattern). */
function decodeAscii(text: string): string {
  let previous = text;
  for (;;) {
    const next = previous.replace(/%([0-7][0-9a-f])/gi, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === previous) return next;
    previous = next;
  }
}

/** A piece of a URL (between separators) as it is, or decoded with its token-shaped parts redacted. */
function redactPiece(piece: string): string {
  const decoded = decodeAscii(piece);
  const redacted = decoded.replace(TOKEN_LIKE, 'rpr_[redacted]').replace(LINK_SECRET_LIKE, 'rpl_[redacted]');
  return redacted === decoded ? piece : redacted;
}

/**
 * Replaces anything secret-like in a URL as a request line carries it (origin-form or absolute-form):
 * the /api/v1/<token>/ segment, the segment after /shared/ (a reviewer link's secret), anything
 * token- or link-secret-shaped once decoded (path, query, fragment, authority),
 * and the values of query parameters named like credentials.
 */
export function redactUrl(url: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? '';
  let rest = url.slice(origin.length);
  const hashAt = rest.indexOf('#');
  const fragment = hashAt < 0 ? undefined : rest.slice(hashAt + 1);
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const queryAt = rest.indexOf('?');
  const query = queryAt < 0 ? undefined : rest.slice(queryAt + 1);
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);

  const pathToken = API_PATH_TOKEN.exec(path);
  const tokenless = pathToken?.[1] && pathToken[2] && !API_RESOURCE_WORDS.has(pathToken[2]) ? `${pathToken[1]}[token]${path.slice(pathToken[0].length)}` : path;
  const pieces = tokenless.split('/');
  const secretless = pieces.map((piece, index) => (index > 0 && SHARED_SEGMENT.test(decodeAscii(pieces[index - 1] ?? '')) ? '[secret]' : piece));
  let redacted = redactPiece(origin) + secretless.map(redactPiece).join('/');
  if (query !== undefined) {
    const pairs = query.split('&').map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return redactPiece(pair);
      const name = pair.slice(0, equals);
      return `${redactPiece(name)}=${CREDENTIAL_NAME.test(decodeAscii(name)) ? '[redacted]' : redactPiece(pair.slice(equals + 1))}`;
    });
    redacted += `?${pairs.join('&')}`;
  }
  if (fragment !== undefined) redacted += `#${redactPiece(fragment)}`;
  return redacted;
}

/** The service logger: JSON lines, with credentials redacted wherever they could appear. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.token', '*.secret'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * Request logging: one line per request when its response is finished (or its connection closed),
 * with the request id (taken from a well-formed X-Request-Id, else new, and sent back), method,
 * redacted URL, status and duration; no headers, no bodies. Nothing is built for a line the log
 * level drops: a push is a few milliseconds of CPU, and a logger per request was a tenth of that.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', id);
    let done = false;
    const complete = (error?: unknown) => {
      if (done) return;
      done = true;
      res.off('finish', complete);
      res.off('close', complete);
      res.off('error', complete);
      const failed = error !== undefined || res.statusCode >= 500;
      if (!logger.isLevelEnabled(failed ? 'error' : 'info')) return;
      const line = { req: { id, method: req.method, url: redactUrl(req.originalUrl) }, res: { statusCode: res.statusCode }, responseTime: Date.now() - started };
      if (failed) logger.error({ ...line, err: error ?? new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
      else logger.info(line, 'request completed');
    };
    res.on('finish', complete);
    res.on('close', complete);
    res.on('error', complete);
    next();
  };
}
