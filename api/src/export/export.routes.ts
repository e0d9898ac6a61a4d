import { Router } from 'express';
import { errors, importCrate, loadOwners, presentRecord, projectExportSubject, recordExportSubject, recordExportSubjectById, verdictExportSubject } from '@reprise/core';
import { inputOf, multipart, multipartInputOf, sendExport, uploadsOf, validate } from '@reprise/http';
import { byToken } from '../http/auth.js';
import { actorOf, type ApiDeps } from '../http/context.js';
import { ownProjectFirst } from '../http/guards.js';

/** How far an imported crate may unpack: never beyond the upload limit, and no entry inflating like a zip bomb. */
const archiveLimits = (maxUploadBytes: number) => ({ maxTotalBytes: maxUploadBytes, maxEntries: 10_000, ratioFloorBytes: 1024 * 1024, maxRatio: 200 });

/** record/export, project/export and record/import (RO-Crate, PROV-JSON, citations). */
export function exportRouter(deps: ApiDeps): Router {
  const router = Router();
  const { spec, config, blobs, models } = deps;

  router.get('/record/export/:project/:record', validate(spec, 'exportRecord', byToken), async (_req, res) => {
    const { params, query } = inputOf(res, 'exportRecord');
    await sendExport(res, deps, await recordExportSubject(deps, actorOf(res), params.project, params.record), query, config.publicUrl);
  });

  router.get('/project/export/:project', validate(spec, 'exportProject', byToken), async (_req, res) => {
    const { params, query } = inputOf(res, 'exportProject');
    await sendExport(res, deps, await projectExportSubject(deps, actorOf(res), { name: params.project }), query, config.publicUrl);
  });

  router.post(
    '/record/import/:project',
    validate(spec, 'importRecord', byToken),
    ownProjectFirst(deps),
    multipart(blobs, config, [{ name: 'crate', maxCount: 1 }]),
    async (req, res) => {
      const { params } = multipartInputOf(res, 'importRecord');
      const [crate] = uploadsOf(req, 'crate');
      if (!crate) throw errors.badRequest('No crate was sent: put the zipped crate in the multipart field "crate".');
      const imported = await importCrate(deps, actorOf(res), params.project, crate.blob, archiveLimits(config.maxUploadBytes));
      const owners = await loadOwners(models, [imported.record.owner], [actorOf(res)]);
      res.status(201).json({ record: presentRecord(imported.record, imported.project.name, owners), unmapped: imported.unmapped });
    },
  );

  return router;
}

/** Exports of public records and verdicts, without a token. */
export function publicExportRouter(deps: ApiDeps): Router {
  const router = Router();
  const { spec, config } = deps;

  router.get('/record/export/:id', validate(spec, 'exportPublicRecord'), async (_req, res) => {
    const { params, query } = inputOf(res, 'exportPublicRecord');
    await sendExport(res, deps, await recordExportSubjectById(deps, null, params.id), query, config.publicUrl);
  });

  router.get('/verdict/export/:id', validate(spec, 'exportPublicVerdict'), async (_req, res) => {
    const { params, query } = inputOf(res, 'exportPublicVerdict');
    await sendExport(res, deps, await verdictExportSubject(deps, null, params.id), query, config.publicUrl);
  });

  return router;
}
