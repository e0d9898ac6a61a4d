import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { operations } from '@reprise/contract';
import { errors, jsonDepth, MAX_JSON_DEPTH, type Config, type RequestParts, type SpecValidator } from '@reprise/core';

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

/** An operationId of openapi.yaml: a misspelt one does not compile. */
export type OperationId = keyof operations;

/**
 * Path parameters that another middleware checks (the API token, by the services' authentication),
 * so validate() may skip them and a validated input never holds them.
 */
type SkippedParam = 'token';

/** What validate() accepts besides the operation. */
export interface ValidateOptions {
  skipParams?: readonly SkippedParam[];
}

type ParametersOf<Op extends OperationId, In extends 'path' | 'query'> = NonNullable<operations[Op]['parameters'][In]>;

/** An operation's path parameters as the validator hands them over: text (an enum narrows it), the skipped ones absent. */
type PathParamsOf<Op extends OperationId> = [ParametersOf<Op, 'path'>] extends [never]
  ? Record<string, never>
  : { [Name in Exclude<keyof ParametersOf<Op, 'path'>, SkippedParam>]: ParametersOf<Op, 'path'>[Name] extends string ? ParametersOf<Op, 'path'>[Name] : string };

/** An operation's query parameters, converted to their schema types (numbers, booleans); absent when not sent. */
type QueryOf<Op extends OperationId> = [ParametersOf<Op, 'query'>] extends [never] ? Record<string, never> : ParametersOf<Op, 'query'>;

/**
 * An operation's JSON request body, undefined when the body is optional and none was sent. An
 * operation without a JSON body gets `unknown`: its body is not checked here (a multipart body is
 * checked field by field once multipart() has read it).
 */
type BodyOf<Op extends OperationId> = operations[Op] extends { requestBody: { content: { 'application/json': infer Body } } }
  ? Body
  : operations[Op] extends { requestBody?: { content: { 'application/json': infer Body } } }
    ? Body | undefined
    : unknown;

/** The validated input of an operation: path parameters, query and JSON body, typed from openapi.yaml. */
export interface OperationInput<Op extends OperationId> {
  params: PathParamsOf<Op>;
  query: QueryOf<Op>;
  body: BodyOf<Op>;
}

/**
 * Checks a request's parts against an operation (SpecValidator.validate, typed by the operation);
 * throws a 400 listing every problem. For routes that take the parts apart themselves.
 */
export function checkInput<Op extends OperationId>(
  spec: SpecValidator,
  operationId: Op,
  parts: RequestParts,
  options: { skipParams?: readonly SkippedParam[]; skipBody?: boolean } = {},
): OperationInput<Op> {
  const { params, query, body } = spec.validate(operationId, parts, { skipParams: [...(options.skipParams ?? [])], skipBody: options.skipBody ?? false });
  // The validator has just checked these parts against this operation's schemas: this is their type.
  return { params, query, body } as unknown as OperationInput<Op>;
}

/**
 * Validates path parameters, query and JSON body against the operation in openapi.yaml and
 * stores the result for inputOf(). `skipParams` names parameters another middleware checks
 * (the API token, for example).
 */
export function validate(spec: SpecValidator, operationId: OperationId, options: ValidateOptions = {}): RequestHandler {
  spec.describe(operationId); // fail at start-up, not at the first request, if the id is wrong
  return (req, res, next) => {
    const input: StoredInput = {
      operationId,
      input: checkInput(
        spec,
        operationId,
        { params: { ...req.params } as Record<string, string>, query: { ...(req.query as Record<string, unknown>) }, body: req.body, hasJsonBody: req.body !== undefined, headers: req.headers },
        // Multipart bodies are checked field by field once multer has read them.
        { skipParams: options.skipParams ?? [], skipBody: Boolean(req.is('multipart/form-data')) },
      ),
    };
    res.locals.input = input;
    next();
  };
}

interface StoredInput {
  operationId: OperationId;
  input: OperationInput<OperationId>;
}

function storedInput(res: Response, operationId: OperationId): OperationInput<OperationId> {
  const stored = res.locals.input as StoredInput | undefined;
  if (!stored) throw new Error('inputOf() called on a route without validate()');
  if (stored.operationId !== operationId) throw new Error(`inputOf('${operationId}') called on a route validated as '${stored.operationId}'`);
  return stored.input;
}

/** The validated input of a request, typed by its operation (set by the validate middleware for that operation). */
export function inputOf<Op extends OperationId>(res: Response, operationId: Op): OperationInput<Op> {
  return storedInput(res, operationId) as OperationInput<Op>;
}

/**
 * The validated path and query of a multipart request. Its body is not the operation's JSON body:
 * multipart() reads it and the route checks each field (a JSON field against its schema).
 */
export function multipartInputOf<Op extends OperationId>(res: Response, operationId: Op): Omit<OperationInput<Op>, 'body'> {
  const { params, query } = inputOf(res, operationId);
  return { params, query };
}
