import { Router } from 'express';
import {
  attachFiles,
  errors,
  fileOfEntry,
  findRecordFile,
  loadOwners,
  presentRecord,
  resolveProject,
  resolveRecord,
  Scope,
} from '@reprise/core';
import { inputOf, multipartInputOf, sendStoredFile, validate } from '@reprise/http';
import { byToken } from '../http/auth.js';
import { actorOf, type ApiDeps } from '../http/context.js';
import { ownProjectFirst } from '../http/guards.js';
import { filePushOf, multipart } from '@reprise/http';
import { idempotentUpload } from '../http/idempotency.js';

/** file/push (multipart upload of inputs and outputs) and file/pull (download). */
export function filesRouter(deps: ApiDeps): Router {
  const router = Router();
  const { spec, config, blobs, models } = deps;
  const upload = idempotentUpload(deps);

  router.post(
    '/file/push/:project/:record',
    validate(spec, 'pushFiles', byToken),
    ownProjectFirst(deps),
    upload.before,
    multipart(blobs, config, [{ name: 'inputs' }, { name: 'outputs' }]),
    upload.after,
    async (req, res) => {
      const { params } = multipartInputOf(res, 'pushFiles');
      const { parts, manifest } = await filePushOf(req, deps);
      // From here on the service owns the uploads: it keeps them or discards them.
      const { record, project } = await attachFiles(deps, actorOf(res), params.project, params.record, parts, manifest);
      res.json(presentRecord(record, project.name, await loadOwners(models, [record.owner], [actorOf(res)])));
    },
  );

  router.get('/file/pull/:project/:record/:file', validate(spec, 'pullFile', byToken), async (req, res) => {
    const { params } = inputOf(res, 'pullFile');
    const actor = actorOf(res);
    const project = await resolveProject(deps, actor, params.project);
    const record = await resolveRecord(deps, Scope.visibleTo(actor.id), project, params.record);
    const entry = findRecordFile(record, params.file);
    if (!entry) throw errors.notFound(`File of record "${record.label}"`, params.file);
    const file = await fileOfEntry(deps, entry);
    await sendStoredFile(req, res, blobs, file, entry.name, entry.mediaType);
  });

  return router;
}
