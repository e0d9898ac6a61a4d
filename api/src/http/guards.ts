import type { RequestHandler } from 'express';
import { resolveProject, type Deps } from '@reprise/core';
import { actorOf } from './context.js';

/** Passes multipart requests on and sends others to the next route of the same path. */
export const onlyMultipart: RequestHandler = (req, _res, next) => {
  next(req.is('multipart/form-data') ? undefined : 'route');
};

/**
 * Checks that the path's project is the caller's before an upload is read, so that a 404 does
 * not cost a multi-GiB transfer into storage. The service checks again when it writes.
 */
export function ownProjectFirst(deps: Deps): RequestHandler {
  return async (req, res, next) => {
    await resolveProject(deps, actorOf(res), String(req.params.project ?? ''), { write: true });
    next();
  };
}
