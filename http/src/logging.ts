import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

/**
 * Replaces anything secret-like in a URL: the /api/v1/<token>/ segment, any rpr_… string, and the
 * values of query parameters named like credentials (a client may put them there by mistake).
 */
export function redactUrl(url: string): string {
  return url
    .replace(/^(\/api\/v1\/)(?!(?:project|container|record|file|openapi\.yaml)(?:[/?]|$))[^/?]+/, '$1[token]')
    .replace(/rpr_[A-Za-z0-9_-]+/g, 'rpr_[redacted]')
    .replace(/([?&](?:[^=&]*[-_.])?(?:token|password|passwd|secret|session|csrf|key|auth|jwt)(?:[-_.][^=&]*)?=)[^&#]*/gi, '$1[redacted]');
}

/** The service logger: JSON lines, with credentials redacted wherever they could appear. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.token'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** Request logging: one line per request with a request id; no headers, no bodies, URLs redacted. */
export function requestLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: IncomingMessage & { id?: unknown; originalUrl?: string; raw?: IncomingMessage }) => {
        const raw = req.raw ?? req;
        const original = (raw as IncomingMessage & { originalUrl?: string }).originalUrl ?? raw.url ?? '';
        return { id: req.id, method: raw.method, url: redactUrl(original) };
      },
      res: (res: ServerResponse & { raw?: ServerResponse }) => ({ statusCode: (res.raw ?? res).statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    wrapSerializers: false,
  });
}
