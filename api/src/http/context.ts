import type { Response } from 'express';
import type { Logger } from 'pino';
import { errors, type Actor, type BlobStore, type Config, type OpenModels, type SpecValidator } from '@reprise/core';

/** Everything the API app is built from. */
export interface ApiDeps {
  models: OpenModels;
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
