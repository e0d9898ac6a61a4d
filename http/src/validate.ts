import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { errors, jsonDepth, MAX_JSON_DEPTH, type Config, type SpecValidator, type ValidatedParts } from '@reprise/core';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** True when the request has a body (RFC 9110: Content-Length > 0 or Transfer-Encoding). */
function hasBody(req: Request): boolean {
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
 * stores the result for inputOf(). `skipParams` names parameters another middleware checks
 * (the API token, for example).
 */
export function validate(spec: SpecValidator, operationId: string, options: { skipParams?: string[] } = {}): RequestHandler {
  spec.describe(operationId); // fail at start-up, not at the first request, if the id is wrong
  return (req, res, next) => {
    res.locals.input = spec.validate(
      operationId,
      { params: { ...req.params } as Record<string, string>, query: { ...(req.query as Record<string, unknown>) }, body: req.body, hasJsonBody: req.body !== undefined, headers: req.headers },
      // Multipart bodies are checked field by field once multer has read them.
      { skipParams: options.skipParams ?? [], skipBody: Boolean(req.is('multipart/form-data')) },
    );
    next();
  };
}

/** The validated input of a request (set by the validate middleware). */
export function inputOf<Params = Record<string, string>, Query = Record<string, unknown>, Body = unknown>(
  res: Response,
): { params: Params; query: Query; body: Body } {
  const input = res.locals.input as ValidatedParts | undefined;
  if (!input) throw new Error('inputOf() called on a route without validate()');
  return input as unknown as { params: Params; query: Query; body: Body };
}
