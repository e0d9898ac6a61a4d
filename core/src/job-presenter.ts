import type { Schemas } from '@reprise/contract';
import type { JobDoc } from './models/index.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const hex = (id: { toHexString(): string } | null) => (id ? id.toHexString() : null);

/** A reproduction job as its owner sees it (the lease id is never shown: only the worker that took it holds it). */
export function presentJob(job: JobDoc, projectNames: Map<string, string>): Schemas['ReproductionJob'] {
  return {
    id: job._id.toHexString(),
    state: job.state,
    record: job.record.toHexString(),
    recordLabel: job.recordLabel,
    recordProject: job.recordProject.toHexString(),
    project: job.project.toHexString(),
    projectName: projectNames.get(job.project.toHexString()) ?? '',
    executor: job.executor,
    tolerance: job.tolerance,
    rtol: job.rtol,
    atol: job.atol,
    worker: job.worker,
    attempts: job.attempts,
    log: job.log,
    reason: job.reason,
    verdict: job.verdict,
    result: hex(job.result),
    resultLabel: job.resultLabel,
    diffRequest: hex(job.diffRequest),
    cell: job.cell,
    proposition: job.proposition,
    leaseExpires: iso(job.lease?.expires ?? null),
    created: job.created.toISOString(),
    updated: job.updated.toISOString(),
    started: iso(job.started),
    ended: iso(job.ended),
  };
}
