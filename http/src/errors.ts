import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { AppError, errors, storageErrorOf, type ErrorBody } from '@reprise/core';
import { redactUrl } from './logging.js';

/** What an HTTP service sends for an error. `errorId` is set for unexpected (500) errors, which must be logged. */
export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  errorId?: string;
}

const MULTER_LIMITS: Record<string, string> = {
  LIMIT_FILE_SIZE: 'A file is larger than the upload limit',
  LIMIT_FILE_COUNT: 'Too many files in one request',
  LIMIT_PART_COUNT: 'Too many parts in the multipart body',
  LIMIT_FIELD_COUNT: 'Too many form fields',
  LIMIT_FIELD_VALUE: 'A form field is too long',
  LIMIT_FIELD_KEY: 'A form field name is too long',
};

/**
 * Maps anything thrown while handling a request to the error response, by kind: our AppErrors
 * as they are, database and storage errors as core explains them, body-parser and multer errors
 * to the 4xx they mean, and everything else to a 500 with an id to find it in the logs.
 */
export function toErrorResponse(error: unknown, options: { maxUploadBytes?: number } = {}): ErrorResponse {
  const known = error instanceof AppError ? error : (storageErrorOf(error) ?? requestErrorOf(error, options));
  if (known) {
    const body: ErrorBody = { error: { code: known.code, message: known.message } };
    if (known.details !== undefined) body.error.details = known.details;
    return { status: known.status, body, headers: { ...known.headers } };
  }
  const errorId = randomUUID();
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: `Something went wrong on our side. Quote error id ${errorId} when reporting it.` } },
    headers: {},
    errorId,
  };
}

/** The AppError an error of reading the request means: body-parser's, multer's and Express's own. */
function requestErrorOf(error: unknown, options: { maxUploadBytes?: number }): AppError | undefined {
  if (!(error instanceof Error)) return undefined;
  const detail = error as Error & { type?: string; code?: string | number; status?: number; statusCode?: number; field?: string };

  switch (detail.type) {
    case 'entity.too.large':
      return errors.tooLarge('The request body is larger than the server accepts.', { limit: (detail as { limit?: number }).limit });
    case 'entity.parse.failed':
      return errors.malformedJson(`The body is not valid JSON: ${error.message}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return errors.unsupportedMediaType(`${error.message}; send UTF-8 JSON.`);
    case 'request.aborted':
      return errors.badRequest('The request was aborted before its body arrived.');
    case 'request.size.invalid':
      return errors.badRequest('The body is shorter or longer than its Content-Length.');
    case 'parameters.too.many':
      return errors.tooLarge('Too many parameters.');
    default:
      break;
  }

  if (error.name === 'MulterError') {
    if (detail.code === 'LIMIT_UNEXPECTED_FILE') {
      return errors.badRequest(`Unexpected file field "${detail.field ?? ''}"; see the endpoint's documented multipart fields.`, { field: detail.field });
    }
    const what = MULTER_LIMITS[String(detail.code)];
    if (what) {
      const limit = detail.code === 'LIMIT_FILE_SIZE' && options.maxUploadBytes ? ` (${options.maxUploadBytes} bytes)` : '';
      return errors.tooLarge(`${what}${limit}; nothing was stored.`, { field: detail.field, limit: detail.code === 'LIMIT_FILE_SIZE' ? options.maxUploadBytes : undefined });
    }
    return errors.badRequest(`Malformed multipart body: ${error.message}.`);
  }
  if (/^(Unexpected end of (form|multipart data)|Multipart: Boundary not found|Malformed part header|Malformed urlencoded form)/i.test(error.message)) {
    return new AppError(400, 'malformed_multipart', `Malformed multipart body: ${error.message}.`);
  }

  // http-errors from Express itself (e.g. a malformed URI): keep its 4xx status.
  const status = detail.status ?? detail.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status, 'bad_request', error.message);
  }
  return undefined;
}

/** The 404 for paths no route serves. */
export const routeNotFound: RequestHandler = (req) => {
  throw errors.routeNotFound(req.method, redactUrl(req.originalUrl.split('?')[0] ?? ''));
};

/** Headers describing a response body; an error replaces the body, so they go too. */
const REPRESENTATION_HEADERS = ['Content-Type', 'Content-Disposition', 'Content-Length', 'Content-Range', 'Content-Encoding', 'ETag', 'Last-Modified', 'Accept-Ranges'];

/** Sends every error as {error:{code,message,details}} with its status; logs unexpected ones with their id. */
export function errorHandler(logger: Logger, options: { maxUploadBytes?: number } = {}): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const response = toErrorResponse(error, options);
    if (response.errorId) {
      logger.error({ err: error, errorId: response.errorId, method: req.method, url: redactUrl(req.originalUrl) }, 'unexpected error');
    } else if (response.status === 503) {
      logger.warn({ err: error, url: redactUrl(req.originalUrl) }, 'database unavailable');
    }
    if (res.headersSent) {
      // A download failed midway: the status is gone; cut the connection so the client sees a short body.
      res.destroy();
      next();
      return;
    }
    // Headers a route set for the body it meant to send (a download's type, name, ETag) describe
    // something else than this error: the error is JSON.
    for (const header of REPRESENTATION_HEADERS) res.removeHeader(header);
    res.status(response.status).set(response.headers).json(response.body);
  };
}
