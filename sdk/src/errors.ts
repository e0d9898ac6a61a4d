/**
 * Typed errors. Every failure the API reports arrives as an ApiError subclass chosen by status,
 * carrying the API's stable `code`; failures to reach the server at all are NetworkErrors.
 */
import type { Schemas } from '@reprise/contract';

/** Error codes the services send: openapi.yaml's ErrorCode list, generated into the contract types. */
export type KnownErrorCode = Schemas['ErrorCode'];

/** An error code: one of the known ones, or any other string the server sends. */
export type ErrorCode = KnownErrorCode | (string & {});

/** Base class of every error the SDK throws. */
export class RepriseError extends Error {
  override readonly name: string = 'RepriseError';
}

/** What an API error response carried. */
export interface ApiErrorInit {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId?: string | null;
  retryAfterSeconds?: number | null;
  method: string;
  url: string;
}

/** The server answered with an error (`{"error": {code, message, details}}`). */
export class ApiError extends RepriseError {
  override readonly name: string = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;
  readonly method: string;
  readonly url: string;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.method = init.method;
    this.url = init.url;
  }
}

/** 400: the request is malformed (see `details` for the failing fields). */
export class BadRequestError extends ApiError {
  override readonly name: string = 'BadRequestError';
}
/** 401: no API token, or a wrong or revoked one (cloud: no session, or wrong credentials). */
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError';
}
/** 403: the action is not allowed (cloud: also `csrf_failed` and `origin_refused`). */
export class PermissionError extends ApiError {
  override readonly name: string = 'PermissionError';
}
/** 404: nothing of that name or id that the caller may see. */
export class NotFoundError extends ApiError {
  override readonly name: string = 'NotFoundError';
}
/** 409: already exists (`label_taken`), or the same Idempotency-Key is in flight (`idempotency_in_progress`). */
export class ConflictError extends ApiError {
  override readonly name: string = 'ConflictError';
}
/** 413: the body or a file is larger than the server accepts. */
export class PayloadTooLargeError extends ApiError {
  override readonly name: string = 'PayloadTooLargeError';
}
/** 422: a rule is violated (digest mismatch, status moving backwards, key reused, …). */
export class UnprocessableError extends ApiError {
  override readonly name: string = 'UnprocessableError';
}
/** 429: too many requests; retry after `retryAfterSeconds`. */
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
}
/** 503: the service or its database is unavailable for now. */
export class ServiceUnavailableError extends ApiError {
  override readonly name: string = 'ServiceUnavailableError';
}
/** Any other 5xx. */
export class ServerError extends ApiError {
  override readonly name: string = 'ServerError';
}

/** The server could not be reached (refused, reset, DNS, timeout): nothing is known to have happened. */
export class NetworkError extends RepriseError {
  override readonly name: string = 'NetworkError';
  readonly url: string;

  constructor(message: string, url: string, options?: { cause?: unknown }) {
    super(message, options);
    this.url = url;
  }
}

/** Builds the ApiError subclass for a status. */
export function apiErrorFor(init: ApiErrorInit): ApiError {
  switch (init.status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new PermissionError(init);
    case 404:
      return new NotFoundError(init);
    case 409:
      return new ConflictError(init);
    case 413:
      return new PayloadTooLargeError(init);
    case 422:
      return new UnprocessableError(init);
    case 429:
      return new RateLimitError(init);
    case 503:
      return new ServiceUnavailableError(init);
    default:
      return init.status >= 500 ? new ServerError(init) : new ApiError(init);
  }
}

/**
 * True when trying the same request again later may succeed: the server was unreachable, busy
 * (429, 5xx) or still working on the same Idempotency-Key. Other 4xx answers are final.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (!(error instanceof ApiError)) return false;
  return error.status >= 500 || error.status === 429 || error.status === 408 || error.code === 'idempotency_in_progress';
}
