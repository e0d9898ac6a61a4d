import { Router } from 'express';
import { projectExportSubject, recordExportSubjectById, verdictExportSubject } from '@reprise/core';
import { inputOf, sendExport, validate } from '@reprise/http';
import { viewerOf, type CloudDeps } from '../http/context.js';

/** The dashboard's download buttons: a record, a project or a verdict as RO-Crate, PROV-JSON or a citation. */
export function exportRouter(deps: CloudDeps): Router {
  const router = Router();
  const { spec, config } = deps;

  router.get('/records/:id/export', validate(spec, 'exportRecordById'), async (_req, res) => {
    const { params, query } = inputOf(res, 'exportRecordById');
    await sendExport(res, deps, await recordExportSubjectById(deps, viewerOf(res), params.id), query, config.publicUrl);
  });

  router.get('/projects/:id/export', validate(spec, 'exportProjectById'), async (_req, res) => {
    const { params, query } = inputOf(res, 'exportProjectById');
    await sendExport(res, deps, await projectExportSubject(deps, viewerOf(res), { id: params.id }), query, config.publicUrl);
  });

  router.get('/diffs/:id/export', validate(spec, 'exportVerdict'), async (_req, res) => {
    const { params, query } = inputOf(res, 'exportVerdict');
    await sendExport(res, deps, await verdictExportSubject(deps, viewerOf(res), params.id), query, config.publicUrl);
  });

  return router;
}
