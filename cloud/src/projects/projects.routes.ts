import { once } from 'node:events';
import { Router, type Response } from 'express';
import {
  checkedColumns,
  createProject,
  createRecordIn,
  DEFAULT_PAGE_SIZE,
  deleteProject,
  editProject,
  findProject,
  listContainers,
  listRecords,
  loadOwners,
  presentContainer,
  presentProject,
  presentProjectDetail,
  presentRecord,
  presentReproducibility,
  projectDetail,
  projectPaths,
  recordsCsv,
  reproducibilityOf,
  searchProjects,
} from '@reprise/core';
import { inputOf, jsonBody, validate } from '@reprise/http';
import { requireSession } from '../auth/session.js';
import { actorOf, viewerOf, type CloudDeps } from '../http/context.js';
import { projectPage, recordPage } from '../http/present.js';

/** Writes the lines to the response as they come, waiting whenever the client reads slower than the database answers. */
async function writeAll(res: Response, first: IteratorResult<string>, rest: AsyncGenerator<string>): Promise<void> {
  const write = async (chunk: string) => {
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  };
  if (!first.done) await write(first.value);
  for await (const chunk of rest) {
    if (res.destroyed) return;
    await write(chunk);
  }
  res.end();
}

/** The signed-in user's projects (list, create, edit, delete) and any visible project's detail, records, containers and reproducibility. */
export function projectsRouter(deps: CloudDeps): Router {
  const router = Router();
  const { models, spec, config } = deps;

  router.get('/projects', validate(spec, 'listMyProjects'), requireSession, async (_req, res) => {
    const { query } = inputOf(res, 'listMyProjects');
    const page = await searchProjects(deps, actorOf(res), { ...query, mine: true, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    res.json(await projectPage(deps, page));
  });

  router.post('/projects', requireSession, ...jsonBody(config), validate(spec, 'createMyProject'), async (_req, res) => {
    const { body } = inputOf(res, 'createMyProject');
    const project = await createProject(deps, actorOf(res), body);
    res.status(201).json(presentProject(project, await loadOwners(models, [project.owner])));
  });

  router.get('/projects/:id', validate(spec, 'getProject'), async (_req, res) => {
    const { params } = inputOf(res, 'getProject');
    const project = await findProject(deps, viewerOf(res), params.id);
    res.json(presentProjectDetail(await projectDetail(deps, project), await loadOwners(models, [project.owner])));
  });

  router.patch('/projects/:id', requireSession, ...jsonBody(config), validate(spec, 'editMyProject'), async (_req, res) => {
    const { params, body } = inputOf(res, 'editMyProject');
    const project = await editProject(deps, actorOf(res), params.id, body);
    res.json(presentProject(project, await loadOwners(models, [project.owner])));
  });

  router.delete('/projects/:id', validate(spec, 'deleteMyProject'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'deleteMyProject');
    res.json({ deleted: await deleteProject(deps, actorOf(res), params.id) });
  });

  router.get('/projects/:id/records', validate(spec, 'listProjectRecords'), async (_req, res) => {
    const { params, query } = inputOf(res, 'listProjectRecords');
    const viewer = viewerOf(res);
    const project = await findProject(deps, viewer, params.id);
    const columns = checkedColumns(query.columns);
    const page = await listRecords(deps, viewer, project, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE, withValues: columns.length > 0 });
    res.json(await recordPage(deps, viewer, page, columns, [project]));
  });

  router.get('/projects/:id/records/csv', validate(spec, 'exportProjectRecords'), async (_req, res) => {
    const { params, query } = inputOf(res, 'exportProjectRecords');
    const viewer = viewerOf(res);
    const project = await findProject(deps, viewer, params.id);
    const columns = checkedColumns(query.columns);
    const lines = recordsCsv(deps, viewer, project, query, columns);
    // The first line comes once the first page is read: a refused query is still a JSON 400.
    const first = await lines.next();
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${project.name}-records.csv"`);
    await writeAll(res, first, lines);
  });

  router.get('/projects/:id/paths', validate(spec, 'listProjectPaths'), async (_req, res) => {
    const { params } = inputOf(res, 'listProjectPaths');
    const viewer = viewerOf(res);
    res.json(await projectPaths(deps, viewer, await findProject(deps, viewer, params.id)));
  });

  router.post('/projects/:id/records', requireSession, ...jsonBody(config), validate(spec, 'createMyRecord'), async (_req, res) => {
    const { params, body } = inputOf(res, 'createMyRecord');
    const actor = actorOf(res);
    const project = await findProject(deps, actor, params.id, { write: true });
    const { record } = await createRecordIn(deps, actor, project, body);
    res.status(201).json(presentRecord(record, project.name, await loadOwners(models, [record.owner])));
  });

  router.get('/projects/:id/containers', validate(spec, 'listProjectContainers'), async (_req, res) => {
    const { params, query } = inputOf(res, 'listProjectContainers');
    const viewer = viewerOf(res);
    const project = await findProject(deps, viewer, params.id);
    const page = await listContainers(deps, viewer, project, { cursor: query.cursor, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    const history = project.history.map((id) => id.toHexString());
    res.json({ data: page.items.map((container) => presentContainer(container, history.indexOf(container._id.toHexString()))), page: { next: page.next } });
  });

  router.get('/projects/:id/reproducibility', validate(spec, 'getReproducibility'), async (_req, res) => {
    const { params } = inputOf(res, 'getReproducibility');
    const project = await findProject(deps, viewerOf(res), params.id);
    res.json(presentReproducibility(await reproducibilityOf(deps, project)));
  });

  return router;
}
