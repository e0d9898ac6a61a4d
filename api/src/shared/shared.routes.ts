import { Router } from 'express';
import { errors, fileOfEntry, findRecordFile, loadOwners, openLink, presentRecord, sharedRecord, throughLink } from '@reprise/core';
import { inputOf, sendStoredFile, validate } from '@reprise/http';
import type { ApiDeps } from '../http/context.js';

/**
 * Reads through a reviewer link, without a token (`/api/v1/shared/<secret>/…`): a record's
 * metadata and its files, within the link's reach. Every request opens the link from the
 * database, so a revoked or expired link is a 404 at once; nothing here writes.
 */
export function sharedRouter(deps: ApiDeps): Router {
  const router = Router();
  const { spec, blobs, models } = deps;

  router.get('/:secret/record/display/:record', validate(spec, 'sharedDisplayRecord'), async (_req, res) => {
    const { params } = inputOf(res, 'sharedDisplayRecord');
    const opened = await openLink(deps, params.secret);
    const record = await sharedRecord(deps, opened, params.record);
    res.json(throughLink(opened, presentRecord(record, opened.project.name, await loadOwners(models, [record.owner]))));
  });

  router.get('/:secret/file/pull/:record/:file', validate(spec, 'sharedPullFile'), async (req, res) => {
    const { params } = inputOf(res, 'sharedPullFile');
    const opened = await openLink(deps, params.secret);
    const record = await sharedRecord(deps, opened, params.record);
    const entry = findRecordFile(record, params.file);
    if (!entry) throw errors.notFound(`File of record "${throughLink(opened, record.label)}"`, throughLink(opened, params.file));
    const file = await fileOfEntry(deps, entry);
    await sendStoredFile(req, res, blobs, file, throughLink(opened, entry.name), entry.mediaType);
  });

  return router;
}
