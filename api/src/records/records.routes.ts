import { Router, type Request, type Response } from 'express';
import {
  checkedColumns,
  createRecord,
  DEFAULT_PAGE_SIZE,
  imageOfRecord,
  latestRecord,
  listRecords,
  loadOwners,
  presentRecord,
  presentRecordSummary,
  projectNames,
  resolveProject,
  resolveRecord,
  Scope,
  updateRecord,
  type ProjectDoc,
  type RecordDoc,
} from '@reprise/core';
import { inputOf, jsonBody, sendStoredFile, validate } from '@reprise/http';
import { byToken } from '../http/auth.js';
import { actorOf, type ApiDeps } from '../http/context.js';
import { idempotent } from '../http/idempotency.js';

/** record/push, record/display, record/pull and record/search. */
export function recordsRouter(deps: ApiDeps): Router {
  const router = Router();
  const { spec, config, models } = deps;

  const present = async (res: Response, record: RecordDoc, projectName: string) =>
    presentRecord(record, projectName, await loadOwners(models, [record.owner], [actorOf(res)]));

  router.post('/record/push/:project', ...jsonBody(config), validate(spec, 'createRecord', byToken), idempotent(deps), async (_req, res) => {
    const { params, body } = inputOf(res, 'createRecord');
    const actor = actorOf(res);
    const { record, project } = await createRecord(deps, actor, params.project, body);
    res.status(201).json(await present(res, record, project.name));
  });

  router.post('/record/push/:project/:record', ...jsonBody(config), validate(spec, 'updateRecord', byToken), idempotent(deps), async (_req, res) => {
    const { params, body } = inputOf(res, 'updateRecord');
    const actor = actorOf(res);
    const { record, project } = await updateRecord(deps, actor, params.project, params.record, body);
    res.json(await present(res, record, project.name));
  });

  router.get('/record/display/:project', validate(spec, 'listRecords', byToken), async (_req, res) => {
    const { params, query } = inputOf(res, 'listRecords');
    const actor = actorOf(res);
    const project = await resolveProject(deps, actor, params.project);
    const columns = checkedColumns(query.columns);
    const page = await listRecords(deps, actor, project, { ...query, q: undefined, limit: query.limit ?? DEFAULT_PAGE_SIZE, withValues: columns.length > 0 });
    const owners = await loadOwners(models, [project.owner], [actorOf(res)]);
    res.json({ data: page.items.map((record) => presentRecordSummary(record, project.name, owners, columns)), page: { next: page.next } });
  });

  router.get('/record/display/:project/:record', validate(spec, 'displayRecord', byToken), async (_req, res) => {
    const { params } = inputOf(res, 'displayRecord');
    const actor = actorOf(res);
    const project = await resolveProject(deps, actor, params.project);
    const record = await resolveRecord(deps, Scope.visibleTo(actor.id), project, params.record);
    res.json(await present(res, record, project.name));
  });

  const sendImage = async (req: Request, res: Response, project: ProjectDoc, record: RecordDoc) => {
    const image = await imageOfRecord(deps, project, record);
    await sendStoredFile(req, res, deps.blobs, image.file, image.name, image.mediaType);
  };

  router.get('/record/pull/:project', validate(spec, 'pullLatestRecordImage', byToken), async (req, res) => {
    const { params } = inputOf(res, 'pullLatestRecordImage');
    const actor = actorOf(res);
    const project = await resolveProject(deps, actor, params.project);
    await sendImage(req, res, project, await latestRecord(deps, actor, project));
  });

  router.get('/record/pull/:project/:record', validate(spec, 'pullRecordImage', byToken), async (req, res) => {
    const { params } = inputOf(res, 'pullRecordImage');
    const actor = actorOf(res);
    const project = await resolveProject(deps, actor, params.project);
    await sendImage(req, res, project, await resolveRecord(deps, Scope.visibleTo(actor.id), project, params.record));
  });

  router.get('/record/search', validate(spec, 'searchRecords', byToken), async (_req, res) => {
    const { query } = inputOf(res, 'searchRecords');
    const actor = actorOf(res);
    const project = query.project ? await resolveProject(deps, actor, query.project) : null;
    const columns = checkedColumns(query.columns);
    const page = await listRecords(deps, actor, project, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE, withValues: columns.length > 0 });
    const owners = await loadOwners(models, page.items.map((record) => record.owner), [actorOf(res)]);
    const names = await projectNames(deps, actor, page.items.map((record) => record.project), project ? [project] : []);
    res.json({
      data: page.items.map((record) => presentRecordSummary(record, names.get(record.project.toHexString()) ?? '', owners, columns)),
      page: { next: page.next },
    });
  });

  return router;
}
