import type { ErrorCode } from '@reprise/rules';

/** Every failure a service can report, with the HTTP status and stable code the client sees (one of openapi.yaml's ErrorCode list). */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: ErrorCode, message: string, details?: unknown, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

/** Error factories: one per situation, so codes stay stable and messages stay consistent. */
export const errors = {
  badRequest: (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details),
  validation: (message: string, details?: unknown) => new AppError(400, 'validation_failed', message, details),
  malformedJson: (message: string) => new AppError(400, 'malformed_json', message),
  unauthorized: (message = 'A valid API token is required: send it as "Authorization: Bearer <token>" or in the path /api/v1/<token>/….') =>
    new AppError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer realm="reprise"' }),
  forbidden: (message: string) => new AppError(403, 'forbidden', message),
  /** A write to something the caller can see but does not own (what they cannot see is a 404 instead). */
  notOwner: (what: string) => new AppError(403, 'not_owner', `Only the owner of this ${what} can change it.`),
  notFound: (what: string, id?: string) =>
    new AppError(404, 'not_found', id === undefined ? `${what} not found.` : `${what} "${id}" not found.`),
  routeNotFound: (method: string, path: string) =>
    new AppError(404, 'route_not_found', `No endpoint ${method} ${path}. See /api/docs for the list of endpoints.`),
  methodNotAllowed: (method: string, path: string, allowed: string[]) =>
    new AppError(405, 'method_not_allowed', `${method} is not supported on ${path}; use ${allowed.join(' or ')}.`, undefined, {
      Allow: allowed.join(', '),
    }),
  conflict: (message: string, details?: unknown) => new AppError(409, 'conflict', message, details),
  tooLarge: (message: string, details?: unknown) => new AppError(413, 'payload_too_large', message, details),
  unsupportedMediaType: (message: string) => new AppError(415, 'unsupported_media_type', message),
  rangeNotSatisfiable: (size: number) =>
    new AppError(416, 'range_not_satisfiable', `The requested range is outside the file (${size} bytes).`, { size }, {
      'Content-Range': `bytes */${size}`,
    }),
  unprocessable: (code: ErrorCode, message: string, details?: unknown) => new AppError(422, code, message, details),
  tooManyRequests: (message: string, retryAfterSeconds: number) =>
    new AppError(429, 'too_many_requests', `${message}; try again in ${retryAfterSeconds} seconds.`, { retryAfter: retryAfterSeconds }, {
      'Retry-After': String(retryAfterSeconds),
    }),
  unavailable: (message = 'The database is unavailable; try again in a few seconds.') =>
    new AppError(503, 'service_unavailable', message, undefined, { 'Retry-After': '5' }),
};

/** The wire shape of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
