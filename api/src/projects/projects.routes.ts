import { Router } from 'express';
import { DEFAULT_PAGE_SIZE, loadOwners, presentProject, presentProjectDetail, projectDetail, pushProject, resolveProject, searchProjects } from '@reprise/core';
import { inputOf, jsonBody, validate } from '@reprise/http';
import { byToken } from '../http/auth.js';
import { actorOf, type ApiDeps } from '../http/context.js';
import { idempotent } from '../http/idempotency.js';

/** project/pull, project/push and project/search. */
export function projectsRouter(deps: ApiDeps): Router {
  const router = Router();
  const { models, spec } = deps;

  router.get('/project/search', validate(spec, 'searchProjects', byToken), async (_req, res) => {
    const { query } = inputOf(res, 'searchProjects');
    const page = await searchProjects(deps, actorOf(res), { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    const owners = await loadOwners(models, page.items.map((project) => project.owner), [actorOf(res)]);
    res.json({ data: page.items.map((project) => presentProject(project, owners)), page: { next: page.next } });
  });

  router.get('/project/pull/:project', validate(spec, 'pullProject', byToken), async (_req, res) => {
    const { params } = inputOf(res, 'pullProject');
    const project = await resolveProject(deps, actorOf(res), params.project);
    const detail = await projectDetail(deps, project);
    res.json(presentProjectDetail(detail, await loadOwners(models, [project.owner], [actorOf(res)])));
  });

  router.post('/project/push/:project', ...jsonBody(deps.config), validate(spec, 'pushProject', byToken), idempotent(deps), async (_req, res) => {
    const { params, body } = inputOf(res, 'pushProject');
    const actor = actorOf(res);
    const { project, created } = await pushProject(deps, actor, params.project, body ?? {});
    res.status(created ? 201 : 200).json(presentProject(project, await loadOwners(models, [project.owner], [actorOf(res)])));
  });

  return router;
}
