import { describe, expect, it } from 'vitest';
import { makeUser, useTestDatabase } from '@reprise/tools/testing';
import { AppError } from '../errors.js';
import type { Actor } from './context.js';
import { pushProject } from './projects.js';
import { createRecord } from './records.js';
import { cancelReproduction, failJob, finishJob, heartbeatJob, leaseJob, requestReproduction } from './reproductions.js';

const db = useTestDatabase();
const deps = () => ({ models: db.models, blobs: db.blobs });

async function person(name: string): Promise<Actor> {
  const { user } = await makeUser(db.models, { name });
  return { id: user._id, name };
}

/** Ada's public record, and a job of Grace's to reproduce it (`count` of them). */
async function queued(count = 1, executor: 'native' | 'docker' | null = null) {
  const ada = await person('Ada');
  const grace = await person('Grace');
  const { project: lab } = await pushProject(deps(), ada, 'lab', { private: false });
  const { record } = await createRecord(deps(), ada, 'lab', { label: 'run-1', status: 'finished' });
  const { project: reruns } = await pushProject(deps(), grace, 'reruns', {});
  const jobs = [];
  for (let i = 0; i < count; i++) jobs.push(await requestReproduction(deps(), grace, record._id.toHexString(), { project: reruns._id.toHexString(), executor }));
  return { ada, grace, lab, record, reruns, jobs };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('leasing reproduction jobs', () => {
  it('gives one job to exactly one of many workers asking at once', async () => {
    const { grace, jobs } = await queued(1);
    const leases = await Promise.all(Array.from({ length: 6 }, (_, i) => leaseJob(deps(), grace, { worker: `w${i}` })));
    const won = leases.filter((lease) => lease !== null);
    expect(won).toHaveLength(1);
    expect(won[0]?.job).toMatchObject({ state: 'running', attempts: 1 });
    expect(won[0]?.job._id.equals(jobs[0]?._id ?? '')).toBe(true);
    expect(won[0]?.original.record.label).toBe('run-1');
  });

  it("leases only the caller's own jobs, oldest first, of the worker's executor and allowed projects", async () => {
    const { ada, grace, lab, jobs } = await queued(2, 'docker');
    expect(await leaseJob(deps(), ada, {})).toBeNull();
    expect(await leaseJob(deps(), grace, { executor: 'native' })).toBeNull();
    expect(await leaseJob(deps(), grace, { executor: 'docker', projects: ['0123456789abcdef01234567'] })).toBeNull();
    const first = await leaseJob(deps(), grace, { executor: 'docker', projects: [lab._id.toHexString()] });
    expect(first?.job._id.equals(jobs[0]?._id ?? '')).toBe(true);
  });

  it('gives a job whose lease expired to another worker, whose lease alone counts from then on', async () => {
    const { grace } = await queued(1);
    const first = await leaseJob(deps(), grace, { worker: 'first', leaseSeconds: 1 });
    expect(first).not.toBeNull();
    expect(await leaseJob(deps(), grace, { worker: 'second' })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await leaseJob(deps(), grace, { worker: 'second', leaseSeconds: 30 });
    expect(second?.job).toMatchObject({ worker: 'second', attempts: 2, state: 'running' });
    const id = second?.job._id.toHexString() ?? '';
    const lost = await refusal(heartbeatJob(deps(), grace, id, { lease: first?.lease ?? '' }));
    expect(lost).toMatchObject({ status: 409, code: 'lease_lost' });
    expect((await refusal(failJob(deps(), grace, id, { lease: first?.lease ?? '', reason: 'late' }))).code).toBe('lease_lost');
    const beat = await heartbeatJob(deps(), grace, id, { lease: second?.lease ?? '', log: 'step 1\n' });
    expect(beat).toMatchObject({ state: 'running', log: 'step 1\n' });
  });

  it('stops a running job its requester cancelled: the worker hears job_closed and can report nothing more', async () => {
    const { grace } = await queued(1);
    const leased = await leaseJob(deps(), grace, {});
    const id = leased?.job._id.toHexString() ?? '';
    expect((await cancelReproduction(deps(), grace, id)).state).toBe('cancelled');
    expect((await refusal(heartbeatJob(deps(), grace, id, { lease: leased?.lease ?? '' }))).code).toBe('job_closed');
    expect((await refusal(finishJob(deps(), grace, id, { lease: leased?.lease ?? '', record: 'anything' }))).code).toBe('job_closed');
    expect(await leaseJob(deps(), grace, {})).toBeNull();
  });

  it('fails, instead of leasing, a job whose record its requester can no longer see', async () => {
    const { ada, grace, jobs } = await queued(1);
    await pushProject(deps(), ada, 'lab', { private: true });
    expect(await leaseJob(deps(), grace, {})).toBeNull();
    const job = await db.models.Job.findById(jobs[0]?._id).lean();
    expect(job).toMatchObject({ state: 'failed' });
    expect(job?.reason).toContain('no longer visible');
  });
});
