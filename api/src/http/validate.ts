import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { errors, jsonDepth, MAX_JSON_DEPTH, type Config, type SpecValidator } from '@reprise/core';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** True when the request has a body (RFC 9110: Content-Length > 0 or Transfer-Encoding). */
export function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

/** Parses a JSON body: refuses other content types (415), huge bodies (413) and absurd nesting (400). */
export function jsonBody(config: Config): RequestHandler[] {
  const parse = express.json({ limit: config.maxJsonBytes, type: JSON_TYPES, strict: true });
  return [
    (req: Request, _res: Response, next: NextFunction) => {
      if (hasBody(req) && !req.is(JSON_TYPES)) {
        next(errors.unsupportedMediaType(`This endpoint takes a JSON body: send "Content-Type: application/json" (got "${req.headers['content-type'] ?? 'none'}").`));
        return;
      }
      next();
    },
    parse,
    (req: Request, _res: Response, next: NextFunction) => {
      if (req.body !== undefined && jsonDepth(req.body) > MAX_JSON_DEPTH) {
        next(errors.badRequest(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`));
        return;
      }
      next();
    },
  ];
}

/**
 * Validates path parameters, query and JSON body against the operation in openapi.yaml and
 * stores the result for inputOf(). The API token is checked by the auth middleware instead.
 */
export function validate(spec: SpecValidator, operationId: string): RequestHandler {
  spec.describe(operationId); // fail at start-up, not at the first request, if the id is wrong
  return (req, res, next) => {
    res.locals.input = spec.validate(
      operationId,
      { params: { ...req.params } as Record<string, string>, query: { ...(req.query as Record<string, unknown>) }, body: req.body, hasJsonBody: req.body !== undefined, headers: req.headers },
      // Multipart bodies are checked field by field once multer has read them.
      { skipParams: ['token'], skipBody: Boolean(req.is('multipart/form-data')) },
    );
    next();
  };
}
