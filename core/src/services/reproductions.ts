import { randomBytes } from 'node:crypto';
import { canCancelJob, jobStatesThatCanMoveTo, reproductionProposition, type Executor, type JobState } from '@reprise/rules';
import { access } from '../access.js';
import { AppError, errors } from '../errors.js';
import type { JobDoc, ProjectDoc, RecordDoc } from '../models/index.js';
import { afterCursor, paginate } from '../paging.js';
import { Scope } from '../scope.js';
import { assessPair } from './assess.js';
import type { Actor, Deps } from './context.js';
import { createDiffRequest } from './diffs.js';
import { toId } from './ids.js';
import { notify } from './notifications.js';
import { projectNames } from './projects.js';
import { findRecord, resolveRecord, type ProjectRecord } from './records.js';

/** How much of a run's output a job keeps (its end). */
const MAX_JOB_LOG_CHARS = 64 * 1024;
/** How long a lease lasts without a heartbeat when the worker names no length. */
const DEFAULT_LEASE_SECONDS = 60;
/** How many jobs one lease call may fail (records no longer visible) before answering that none is waiting. */
const MAX_LEASE_TRIES = 20;

/** What a requester gives to ask for a reproduction. */
export interface ReproductionInput {
  /** The id of one of the requester's projects: where the new record goes. */
  project: string;
  executor?: Executor | null | undefined;
  tolerance?: number | undefined;
  rtol?: number | undefined;
  atol?: number | undefined;
}

/**
 * Queues a reproduction of a record `actor` can see into one of `actor`'s projects. A record they
 * cannot see and a project that is not theirs are both 404, whether they exist or not.
 */
export async function requestReproduction(deps: Deps, actor: Actor, recordId: string, input: ReproductionInput): Promise<JobDoc> {
  const { record } = await findRecord(deps, actor, recordId);
  const project = await ownProject(deps, actor, input.project);
  return await access(deps).jobs.create(Scope.owner(actor.id), {
    owner: actor.id,
    project: project._id,
    record: record._id,
    recordProject: record.project,
    recordLabel: record.label,
    executor: input.executor ?? null,
    tolerance: input.tolerance ?? 0,
    rtol: input.rtol ?? 0,
    atol: input.atol ?? 0,
    state: 'queued',
  });
}

async function ownProject(deps: Deps, actor: Actor, id: string): Promise<ProjectDoc> {
  const projectId = toId(id);
  const project = projectId ? await access(deps).projects.findOne(Scope.owner(actor.id), { _id: projectId }).lean<ProjectDoc>() : null;
  if (!project) throw errors.notFound('Project', id);
  return project;
}

/** Filters of a job list. */
export interface JobQuery {
  state?: JobState | undefined;
  record?: string | undefined;
  result?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** One page of `actor`'s jobs, newest first. */
export async function listReproductions(deps: Deps, actor: Actor, query: JobQuery): Promise<{ items: JobDoc[]; next: string | null }> {
  const conditions: Array<Record<string, unknown>> = [];
  if (query.state) conditions.push({ state: query.state });
  if (query.record) conditions.push({ record: toId(query.record) ?? query.record });
  if (query.result) conditions.push({ result: toId(query.result) ?? query.result });
  const after = afterCursor('created', query.cursor);
  if (Object.keys(after).length > 0) conditions.push(after);
  return await paginate(
    (limit) =>
      access(deps)
        .jobs.find(Scope.owner(actor.id), conditions.length > 0 ? { $and: conditions } : {})
        .sort({ created: -1, _id: -1 })
        .limit(limit)
        .lean<JobDoc[]>()
        .exec(),
    'created',
    query.limit,
  );
}

/** One of `actor`'s jobs (404 for anyone else's, as for one that does not exist). */
export async function findReproduction(deps: Deps, actor: Actor, id: string): Promise<JobDoc> {
  const jobId = toId(id);
  const job = jobId ? await access(deps).jobs.findOne(Scope.owner(actor.id), { _id: jobId }).lean<JobDoc>() : null;
  if (!job) throw errors.notFound('Reproduction', id);
  return job;
}

/** The names of the projects some jobs write into, as their owner sees them. */
export async function jobProjectNames(deps: Deps, actor: Actor, jobs: JobDoc[]): Promise<Map<string, string>> {
  return await projectNames(deps, actor, jobs.map((job) => job.project));
}

function closed(job: Pick<JobDoc, 'state'>): AppError {
  return new AppError(409, 'job_closed', `This reproduction is already ${job.state}; only a queued or running one can change.`, { state: job.state });
}

/** Cancels one of `actor`'s jobs while it is queued or running (409 job_closed once it ended). */
export async function cancelReproduction(deps: Deps, actor: Actor, id: string): Promise<JobDoc> {
  const job = await findReproduction(deps, actor, id);
  if (!canCancelJob(job)) throw closed(job);
  const now = new Date();
  const updated = await access(deps)
    .jobs.findOneAndUpdate(
      Scope.owner(actor.id),
      { _id: job._id, state: { $in: jobStatesThatCanMoveTo('cancelled') } },
      { $set: { state: 'cancelled', reason: 'Cancelled by its requester.', lease: null, ended: now } },
      { returnDocument: 'after' },
    )
    .lean<JobDoc>();
  if (!updated) throw closed(await findReproduction(deps, actor, id));
  return updated;
}

/** What a worker asks for when it leases. */
export interface LeaseInput {
  executor?: Executor | undefined;
  worker?: string | undefined;
  projects?: string[] | undefined;
  leaseSeconds?: number | undefined;
}

/** A leased job, with the lease id its worker presents and the record to run again. */
export interface LeasedJob {
  job: JobDoc;
  lease: string;
  original: ProjectRecord;
}

/**
 * Leases `actor`'s oldest job a worker may run: queued, or running with an expired lease (its
 * worker went away). One conditional update takes it, so of two workers asking at once only one
 * gets it. A job whose record `actor` can no longer see fails here and the next one is tried.
 */
export async function leaseJob(deps: Deps, actor: Actor, input: LeaseInput): Promise<LeasedJob | null> {
  const { jobs } = access(deps);
  const seconds = input.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  for (let tries = 0; tries < MAX_LEASE_TRIES; tries++) {
    const now = new Date();
    const conditions: Array<Record<string, unknown>> = [{ $or: [{ state: 'queued' }, { state: 'running', 'lease.expires': { $lt: now } }] }];
    if (input.executor) conditions.push({ executor: { $in: [null, input.executor] } });
    if (input.projects) conditions.push({ recordProject: { $in: input.projects.map((id) => toId(id)).filter((id) => id !== null) } });
    const lease = randomBytes(18).toString('base64url');
    const job = await jobs
      .findOneAndUpdate(
        Scope.owner(actor.id),
        { $and: conditions },
        {
          $set: { state: 'running', lease: { id: lease, expires: new Date(now.getTime() + seconds * 1000), seconds }, worker: input.worker ?? null, started: now, reason: null },
          $inc: { attempts: 1 },
        },
        { sort: { created: 1, _id: 1 }, returnDocument: 'after' },
      )
      .lean<JobDoc>();
    if (!job) return null;
    const original = await findRecord(deps, actor, job.record.toHexString()).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    });
    if (original) return { job, lease, original };
    await endJob(deps, actor, job, lease, 'failed', { reason: `Record "${job.recordLabel}" is no longer visible to you (deleted, or made private by its owner), so it cannot be run again.` });
  }
  return null;
}

/**
 * The job a worker reports on, checked against its lease: 409 job_closed when it ended meanwhile
 * (cancelled, say), 409 lease_lost when another worker holds it now.
 */
async function leasedJob(deps: Deps, actor: Actor, id: string, lease: string): Promise<JobDoc> {
  const job = await findReproduction(deps, actor, id);
  if (job.state !== 'running') throw closed(job);
  if (job.lease?.id !== lease) {
    throw new AppError(409, 'lease_lost', 'This worker no longer holds the job: its lease expired and another worker took it. Stop the run; the other worker reports it.', {
      worker: job.worker,
    });
  }
  return job;
}

/** The end of a log, as much as a job keeps. */
function tailOf(log: string): string {
  return log.length > MAX_JOB_LOG_CHARS ? log.slice(log.length - MAX_JOB_LOG_CHARS) : log;
}

/** Renews a job's lease (by its length) and keeps the end of its log. */
export async function heartbeatJob(deps: Deps, actor: Actor, id: string, input: { lease: string; log?: string | undefined }): Promise<JobDoc> {
  const job = await leasedJob(deps, actor, id, input.lease);
  const seconds = job.lease?.seconds ?? DEFAULT_LEASE_SECONDS;
  const set: Record<string, unknown> = { 'lease.expires': new Date(Date.now() + seconds * 1000) };
  if (input.log !== undefined) set.log = tailOf(input.log);
  const updated = await access(deps)
    .jobs.findOneAndUpdate(Scope.owner(actor.id), { _id: job._id, state: 'running', 'lease.id': input.lease }, { $set: set }, { returnDocument: 'after' })
    .lean<JobDoc>();
  if (!updated) return await leasedJob(deps, actor, id, input.lease);
  return updated;
}

/** Ends a running job held by `lease` as `state`, with `fields`; null when it is no longer so held. */
async function endJob(deps: Deps, actor: Actor, job: JobDoc, lease: string, state: 'finished' | 'failed', fields: Record<string, unknown>): Promise<JobDoc | null> {
  return await access(deps)
    .jobs.findOneAndUpdate(
      Scope.owner(actor.id),
      { _id: job._id, state: { $in: jobStatesThatCanMoveTo(state) }, 'lease.id': lease },
      { $set: { ...fields, state, lease: null, ended: new Date() } },
      { returnDocument: 'after' },
    )
    .lean<JobDoc>();
}

/** Fails a job its worker could not run, saying why; nothing is filed. */
export async function failJob(deps: Deps, actor: Actor, id: string, input: { lease: string; reason: string; log?: string | undefined }): Promise<JobDoc> {
  const job = await leasedJob(deps, actor, id, input.lease);
  const fields: Record<string, unknown> = { reason: input.reason };
  if (input.log !== undefined) fields.log = tailOf(input.log);
  const ended = await endJob(deps, actor, job, input.lease, 'failed', fields);
  if (!ended) return await leasedJob(deps, actor, id, input.lease);
  await reproductionFinished(deps, ended);
  return ended;
}

/**
 * Takes the record a job's run made: a run that finished is assessed against the original with
 * the job's tolerance and the diff request the table allows is filed from it toward the original
 * (the job finishes with what was filed, or why nothing was); a run that did not finish fails the
 * job, filing nothing. The job ends first, by one conditional update on its lease, so that two
 * reports never file two requests.
 */
export async function finishJob(deps: Deps, actor: Actor, id: string, input: { lease: string; record: string; log?: string | undefined }): Promise<JobDoc> {
  const job = await leasedJob(deps, actor, id, input.lease);
  const project = await ownProject(deps, actor, job.project.toHexString()).catch(() => null);
  if (!project) {
    const ended = await endJob(deps, actor, job, input.lease, 'failed', { reason: 'The project the new record was to go to no longer exists.' });
    if (!ended) return await leasedJob(deps, actor, id, input.lease);
    await reproductionFinished(deps, ended);
    return ended;
  }
  const record = await resolveRecord(deps, Scope.owner(actor.id), project, input.record);
  const fields: Record<string, unknown> = { result: record._id, resultLabel: record.label };
  if (input.log !== undefined) fields.log = tailOf(input.log);
  if (record.status !== 'finished') {
    const how = record.outcome ? `: ${record.outcome}` : '';
    const ended = await endJob(deps, actor, job, input.lease, 'failed', { ...fields, reason: `The run ended ${record.status}${how}; nothing was filed.` });
    if (!ended) return await leasedJob(deps, actor, id, input.lease);
    await reproductionFinished(deps, ended);
    return ended;
  }
  const ended = await endJob(deps, actor, job, input.lease, 'finished', fields);
  if (!ended) return await leasedJob(deps, actor, id, input.lease);
  const verdict = await fileVerdict(deps, actor, ended, record);
  const done =
    (await access(deps).jobs.findOneAndUpdate(Scope.owner(actor.id), { _id: ended._id }, { $set: verdict }, { returnDocument: 'after' }).lean<JobDoc>()) ?? ended;
  await reproductionFinished(deps, done);
  return done;
}

/** What a finished job records about its verdict. */
interface Verdict {
  verdict: string;
  cell: JobDoc['cell'];
  proposition: JobDoc['proposition'];
  diffRequest: JobDoc['diffRequest'];
}

/**
 * Assesses the new record against the original and files the request the table allows. What
 * cannot be filed (the original became invisible, is the requester's own, the outputs are not
 * comparable, a request for the pair is open) is said in the verdict instead.
 */
async function fileVerdict(deps: Deps, actor: Actor, job: JobDoc, record: RecordDoc): Promise<Verdict> {
  const nothing = { cell: null, proposition: null, diffRequest: null };
  const original = await findRecord(deps, actor, job.record.toHexString()).catch(() => null);
  if (!original) return { ...nothing, verdict: `Record "${job.recordLabel}" is no longer visible to you, so no request was filed.` };
  const tolerances = { tolerance: job.tolerance, rtol: job.rtol, atol: job.atol };
  const { cell } = await assessPair(deps, record, original.record, tolerances);
  const proposition = reproductionProposition(cell);
  if (!proposition) return { ...nothing, cell, verdict: 'The outputs could not be compared, so the table allows no proposition and nothing was filed.' };
  if (original.record.owner.equals(actor.id)) {
    return { ...nothing, cell, proposition, verdict: `The evidence is ${cell}; the original is your own record, so no request was filed (a request asks another person).` };
  }
  try {
    const request = await createDiffRequest(deps, actor, { from: record._id.toHexString(), toward: job.record.toHexString(), method: 'default', ...tolerances, proposition });
    return { cell: request.cell, proposition, diffRequest: request._id, verdict: `The evidence is ${request.cell}: filed "${proposition}" toward "${job.recordLabel}", for its owner to answer.` };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ...nothing, cell, proposition, verdict: `The evidence is ${cell}, but no request was filed: ${error.message}` };
  }
}

/**
 * The event `reproduction.finished`: once per job, when it ends finished or failed by its worker's
 * report (the job as it ended, with its verdict or reason), told to the requester. `notify` never
 * throws, so a notification that cannot be stored never undoes the job's end.
 */
async function reproductionFinished(deps: Deps, job: JobDoc): Promise<void> {
  if (job.state !== 'finished' && job.state !== 'failed') return;
  await notify(deps, {
    kind: 'reproduction.finished',
    user: job.owner.toHexString(),
    reproduction: job._id.toHexString(),
    state: job.state,
    label: job.recordLabel,
    record: job.result ? job.result.toHexString() : null,
    request: job.diffRequest ? job.diffRequest.toHexString() : null,
    reason: job.reason ?? undefined,
  });
}
