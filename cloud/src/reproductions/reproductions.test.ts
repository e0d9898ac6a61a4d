import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { makeProject, makeRecord } from '../test/factories.js';
import { useCloud } from '../test/harness.js';

const cloud = useCloud();

/** Ada's public record and Grace's private project: Grace may ask for Ada's record to be reproduced. */
async function setting() {
  const ada = await cloud.signUp('Ada');
  const grace = await cloud.signUp('Grace');
  await makeProject(cloud.db, ada, 'lab', { private: false });
  await makeProject(cloud.db, ada, 'notes');
  const record = await makeRecord(cloud.db, ada, 'lab', { label: 'run-1', status: 'finished' });
  const hidden = await makeRecord(cloud.db, ada, 'notes', { label: 'draft', status: 'finished' });
  const reruns = await makeProject(cloud.db, grace, 'reruns');
  const adaProject = await cloud.db.models.Project.findOne({ owner: ada.id, name: 'notes' }).lean();
  return { ada, grace, record, hidden, reruns, adaProject };
}

describe('asking for a reproduction', () => {
  it('queues a job for a visible record into one of the caller\'s projects, keeping the tolerances, listed newest first and readable alone', async () => {
    const { grace, record, reruns } = await setting();
    const res = await grace.browser.post(`/cloud/v1/records/${record._id}/reproductions`, { project: reruns._id, executor: 'native', tolerance: 2, rtol: 1e-6, atol: 1e-9 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'queued',
      record: record._id.toHexString(),
      recordLabel: 'run-1',
      recordProject: record.project.toHexString(),
      project: reruns._id.toHexString(),
      projectName: 'reruns',
      executor: 'native',
      tolerance: 2,
      rtol: 1e-6,
      atol: 1e-9,
      worker: null,
      attempts: 0,
      log: '',
      result: null,
      diffRequest: null,
      leaseExpires: null,
    });
    expect(JSON.stringify(res.body)).not.toContain('lease"');
    const second = await grace.browser.post(`/cloud/v1/records/${record._id}/reproductions`, { project: reruns._id }).expect(201);
    expect(second.body).toMatchObject({ executor: null, tolerance: 0, rtol: 0, atol: 0 });
    const list = await grace.browser.get('/cloud/v1/reproductions?limit=1').expect(200);
    expect(list.body.data.map((job: { id: string }) => job.id)).toEqual([second.body.id]);
    const rest = await grace.browser.get(`/cloud/v1/reproductions?limit=1&cursor=${encodeURIComponent(list.body.page.next)}`).expect(200);
    expect(rest.body.data.map((job: { id: string }) => job.id)).toEqual([res.body.id]);
    expect((await grace.browser.get(`/cloud/v1/reproductions?record=${record._id}&state=queued`).expect(200)).body.data).toHaveLength(2);
    expect((await grace.browser.get(`/cloud/v1/reproductions/${res.body.id}`).expect(200)).body.id).toBe(res.body.id);
  });

  it("answers 404 for a record the caller cannot see and for a project that is not theirs, writing nothing", async () => {
    const { ada, grace, record, hidden, reruns, adaProject } = await setting();
    const invisible = await grace.browser.post(`/cloud/v1/records/${hidden._id}/reproductions`, { project: reruns._id });
    expect(invisible.status).toBe(404);
    const missing = await grace.browser.post(`/cloud/v1/records/${new Types.ObjectId()}/reproductions`, { project: reruns._id });
    expect(missing.status).toBe(404);
    const theirs = await grace.browser.post(`/cloud/v1/records/${record._id}/reproductions`, { project: adaProject?._id });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
    // Ada cannot write into Grace's project either, even for her own record.
    expect((await ada.browser.post(`/cloud/v1/records/${record._id}/reproductions`, { project: reruns._id })).status).toBe(404);
    expect(await cloud.db.models.Job.countDocuments()).toBe(0);
  });

  it('refuses an unknown executor (400) and a caller without a session (401)', async () => {
    const { grace, record, reruns } = await setting();
    const bad = await grace.browser.post(`/cloud/v1/records/${record._id}/reproductions`, { project: reruns._id, executor: 'kubernetes' });
    expect(bad.status).toBe(400);
    const anonymous = await (await cloud.browser()).post(`/cloud/v1/records/${record._id}/reproductions`, { project: reruns._id });
    expect(anonymous.status).toBe(401);
  });
});

describe('a reproduction job', () => {
  it("is its requester's alone: anyone else gets 404 for reading or cancelling it", async () => {
    const { ada, grace, record, reruns } = await setting();
    const job = (await grace.browser.post(`/cloud/v1/records/${record._id}/reproductions`, { project: reruns._id }).expect(201)).body;
    expect((await ada.browser.get(`/cloud/v1/reproductions/${job.id}`)).status).toBe(404);
    expect((await ada.browser.post(`/cloud/v1/reproductions/${job.id}/cancel`, {})).status).toBe(404);
    expect((await ada.browser.get('/cloud/v1/reproductions').expect(200)).body.data).toEqual([]);
  });

  it('is cancelled while queued, once: cancelling it again is a 409 job_closed', async () => {
    const { grace, record, reruns } = await setting();
    const job = (await grace.browser.post(`/cloud/v1/records/${record._id}/reproductions`, { project: reruns._id }).expect(201)).body;
    const cancelled = await grace.browser.post(`/cloud/v1/reproductions/${job.id}/cancel`, {}).expect(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', reason: 'Cancelled by its requester.' });
    expect(cancelled.body.ended).not.toBeNull();
    const again = await grace.browser.post(`/cloud/v1/reproductions/${job.id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'job_closed', details: { state: 'cancelled' } });
  });
});
