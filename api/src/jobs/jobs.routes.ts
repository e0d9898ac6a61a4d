import { Router, type Response } from 'express';
import { failJob, finishJob, heartbeatJob, jobProjectNames, leaseJob, loadOwners, presentJob, presentRecord, type JobDoc } from '@reprise/core';
import { inputOf, jsonBody, validate } from '@reprise/http';
import { byToken } from '../http/auth.js';
import { actorOf, type ApiDeps } from '../http/context.js';

/** What workers call: lease a job of the caller's, heartbeat it, and report how it ended. */
export function jobsRouter(deps: ApiDeps): Router {
  const router = Router();
  const { spec, config, models } = deps;

  const present = async (res: Response, job: JobDoc) => presentJob(job, await jobProjectNames(deps, actorOf(res), [job]));

  router.post('/jobs/lease', ...jsonBody(config), validate(spec, 'leaseJob', byToken), async (_req, res) => {
    const { body } = inputOf(res, 'leaseJob');
    const actor = actorOf(res);
    const leased = await leaseJob(deps, actor, body);
    if (!leased) {
      res.json({ job: null, lease: null, original: null });
      return;
    }
    const { record, project } = leased.original;
    const owners = await loadOwners(models, [record.owner], [actor]);
    res.json({ job: await present(res, leased.job), lease: leased.lease, original: presentRecord(record, project.name, owners) });
  });

  router.post('/jobs/:id/heartbeat', ...jsonBody(config), validate(spec, 'heartbeatJob', byToken), async (_req, res) => {
    const { params, body } = inputOf(res, 'heartbeatJob');
    res.json(await present(res, await heartbeatJob(deps, actorOf(res), params.id, body)));
  });

  router.post('/jobs/:id/finish', ...jsonBody(config), validate(spec, 'finishJob', byToken), async (_req, res) => {
    const { params, body } = inputOf(res, 'finishJob');
    res.json(await present(res, await finishJob(deps, actorOf(res), params.id, body)));
  });

  router.post('/jobs/:id/fail', ...jsonBody(config), validate(spec, 'failJob', byToken), async (_req, res) => {
    const { params, body } = inputOf(res, 'failJob');
    res.json(await present(res, await failJob(deps, actorOf(res), params.id, body)));
  });

  return router;
}
