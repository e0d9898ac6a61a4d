import type { Response } from 'express';
import type { Logger } from 'pino';
import { errors, type Actor, type BlobStore, type Config, type Models, type SpecValidator, type ValidatedParts } from '@reprise/core';

/** Everything the API app is built from. */
export interface ApiDeps {
  models: Models;
  blobs: BlobStore;
  spec: SpecValidator;
  config: Config;
  logger: Logger;
}

/** The authenticated user of a request (set by the auth middleware). */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw errors.unauthorized();
  return actor;
}

/** The validated input of a request (set by the validate middleware). */
export function inputOf<Params = Record<string, string>, Query = Record<string, unknown>, Body = unknown>(
  res: Response,
): { params: Params; query: Query; body: Body } {
  const input = res.locals.input as ValidatedParts | undefined;
  if (!input) throw new Error('inputOf() called on a route without validate()');
  return input as unknown as { params: Params; query: Query; body: Body };
}
