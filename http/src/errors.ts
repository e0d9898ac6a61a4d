import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { errors, toErrorResponse } from '@reprise/core';
import { redactUrl } from './logging.js';

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
