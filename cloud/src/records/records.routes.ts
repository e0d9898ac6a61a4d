import { Router } from 'express';
import {
  attachFiles,
  checkedColumns,
  DEFAULT_PAGE_SIZE,
  deleteRecordById,
  editRecord,
  errors,
  fileOfEntry,
  findRecord,
  findRecordFile,
  listRecords,
  loadOwners,
  presentRecord,
} from '@reprise/core';
import { filePushOf, inputOf, jsonBody, multipart, multipartInputOf, sendStoredFile, validate } from '@reprise/http';
import { requireSession } from '../auth/session.js';
import { actorOf, viewerOf, type CloudDeps } from '../http/context.js';
import { recordPage } from '../http/present.js';

/** The signed-in user's records (list, edit, delete, attach files) and any visible record's detail and files. */
export function recordsRouter(deps: CloudDeps): Router {
  const router = Router();
  const { models, spec, config, blobs } = deps;

  router.get('/records', validate(spec, 'listMyRecords'), requireSession, async (_req, res) => {
    const { query } = inputOf(res, 'listMyRecords');
    const columns = checkedColumns(query.columns);
    const page = await listRecords(deps, actorOf(res), null, { ...query, mine: true, sort: query.sort ?? 'updated', limit: query.limit ?? DEFAULT_PAGE_SIZE, withValues: columns.length > 0 });
    res.json(await recordPage(deps, actorOf(res), page, columns));
  });

  router.get('/records/:id', validate(spec, 'getRecord'), async (_req, res) => {
    const { params } = inputOf(res, 'getRecord');
    const { record, project } = await findRecord(deps, viewerOf(res), params.id);
    res.json(presentRecord(record, project.name, await loadOwners(models, [record.owner])));
  });

  router.patch('/records/:id', requireSession, ...jsonBody(config), validate(spec, 'editMyRecord'), async (_req, res) => {
    const { params, body } = inputOf(res, 'editMyRecord');
    const { record, project } = await editRecord(deps, actorOf(res), params.id, body);
    res.json(presentRecord(record, project.name, await loadOwners(models, [record.owner])));
  });

  router.delete('/records/:id', validate(spec, 'deleteMyRecord'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'deleteMyRecord');
    res.json({ deleted: await deleteRecordById(deps, actorOf(res), params.id) });
  });

  router.post(
    '/records/:id/files',
    requireSession,
    validate(spec, 'uploadRecordFiles'),
    async (_req, res, next) => {
      // Ownership first, so that nobody else's bytes are stored only to be refused afterwards.
      const { params } = multipartInputOf(res, 'uploadRecordFiles');
      res.locals.target = await findRecord(deps, actorOf(res), params.id, { write: true });
      next();
    },
    multipart(blobs, config, [{ name: 'inputs' }, { name: 'outputs' }]),
    async (req, res) => {
      const { record, project } = res.locals.target as Awaited<ReturnType<typeof findRecord>>;
      const { parts, manifest } = await filePushOf(req, deps);
      // From here on the service owns the uploads: it keeps them or discards them. By name in the owner's namespace: exactly this record.
      const attached = await attachFiles(deps, actorOf(res), project.name, record._id.toHexString(), parts, manifest);
      res.json(presentRecord(attached.record, attached.project.name, await loadOwners(models, [attached.record.owner])));
    },
  );

  router.get('/records/:id/files/:file', validate(spec, 'downloadRecordFile'), async (req, res) => {
    const { params } = inputOf(res, 'downloadRecordFile');
    const { record } = await findRecord(deps, viewerOf(res), params.id);
    const entry = findRecordFile(record, params.file);
    if (!entry) throw errors.notFound(`File of record "${record.label}"`, params.file);
    const file = await fileOfEntry(deps, entry);
    await sendStoredFile(req, res, blobs, file, entry.name, entry.mediaType);
  });

  return router;
}
