import { describe, expect, it } from 'vitest';
import { makeContainer, makeProject, makeRecord } from '../test/factories.js';
import { useCloud, type SignedIn } from '../test/harness.js';

const cloud = useCloud();

const run = (commit: string) => ({
  program: { command: 'python', arguments: ['dla.py'], versionControl: { vcs: 'git', commit, dirty: false } },
  parameters: { seed: 1 },
  status: 'finished' as const,
});

/** A private project with two records, each in its own container; the first is the one to publish. */
async function privateProject(owner: SignedIn) {
  const project = await makeProject(cloud.db, owner, 'thesis');
  const shown = await makeContainer(cloud.db, owner, 'thesis', { system: 'docker', version: { vcs: 'git', commit: 'a'.repeat(40) } });
  const record = await makeRecord(cloud.db, owner, 'thesis', { label: 'figure-3', ...run('a'.repeat(40)), tags: ['figure'] }, { outputs: { 'out.txt': 'dimension 1.7093\n' } });
  const hidden = await makeContainer(cloud.db, owner, 'thesis', { system: 'docker', version: { vcs: 'git', commit: 'b'.repeat(40) } });
  const other = await makeRecord(cloud.db, owner, 'thesis', { label: 'draft', ...run('b'.repeat(40)) }, { outputs: { 'out.txt': 'dimension 1.6\n' } });
  return { project, record, other, shown, hidden };
}

const labels = (res: { body: { data: Array<{ label: string }> } }) => res.body.data.map((record) => record.label);

describe('publishing one record of a private project', () => {
  it('makes the record and its container public, in browsing and search, while the project and its other records stay 404', async () => {
    const owner = await cloud.signUp();
    const { project, record, other, shown, hidden } = await privateProject(owner);
    const anonymous = await cloud.browser();
    await anonymous.get(`/cloud/v1/records/${record._id}`).expect(404);

    const published = await owner.browser.post(`/cloud/v1/records/${record._id}/publish`).expect(200);
    expect(published.body).toMatchObject({ label: 'figure-3', private: false, published: true });

    const read = await anonymous.get(`/cloud/v1/records/${record._id}`).expect(200);
    expect(read.body).toMatchObject({ label: 'figure-3', published: true, container: shown._id.toHexString() });
    expect((await anonymous.get(`/cloud/v1/records/${record._id}/files/out.txt`).expect(200)).text).toBe('dimension 1.7093\n');
    expect(labels(await anonymous.get('/cloud/v1/public/records').expect(200))).toEqual(['figure-3']);
    expect(labels(await anonymous.get('/cloud/v1/public/records?q=figure').expect(200))).toEqual(['figure-3']);
    expect(labels(await anonymous.get('/cloud/v1/public/records?tag=figure').expect(200))).toEqual(['figure-3']);
    // The rest of the project is as private as before.
    await anonymous.get(`/cloud/v1/projects/${project._id}`).expect(404);
    await anonymous.get(`/cloud/v1/projects/${project._id}/records`).expect(404);
    await anonymous.get(`/cloud/v1/projects/${project._id}/containers`).expect(404);
    await anonymous.get(`/cloud/v1/records/${other._id}`).expect(404);
    expect((await anonymous.get('/cloud/v1/public/projects').expect(200)).body.data).toEqual([]);
    const containers = await cloud.db.models.Container.find({ project: project._id }).lean();
    expect(Object.fromEntries(containers.map((container) => [container._id.toHexString(), container.private]))).toEqual({
      [shown._id.toHexString()]: false,
      [hidden._id.toHexString()]: true,
    });
    // The owner's own lists say which record is published.
    const mine = await owner.browser.get(`/cloud/v1/projects/${project._id}/records`).expect(200);
    expect(mine.body.data.map((item: { label: string; published: boolean }) => [item.label, item.published])).toEqual([
      ['draft', false],
      ['figure-3', true],
    ]);
  });

  it('lets others send diff requests toward the published record, which were a 404 before', async () => {
    const owner = await cloud.signUp();
    const { record } = await privateProject(owner);
    const sender = await cloud.signUp();
    await makeProject(cloud.db, sender, 'rerun');
    const mine = await makeRecord(cloud.db, sender, 'rerun', { label: 'rerun-1', ...run('a'.repeat(40)) }, { outputs: { 'out.txt': 'dimension 1.7093\n' } });
    const body = { from: String(mine._id), toward: String(record._id), proposition: 'repeated' };
    expect((await sender.browser.post('/cloud/v1/diffs', body)).status).toBe(404);
    await owner.browser.post(`/cloud/v1/records/${record._id}/publish`).expect(200);
    const compared = await sender.browser.get(`/cloud/v1/records/${mine._id}/compare/${record._id}`).expect(200);
    expect(compared.body.propositions.default).toEqual(['repeated']);
    const created = await sender.browser.post('/cloud/v1/diffs', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const inbox = await owner.browser.get('/cloud/v1/diffs?box=inbox').expect(200);
    expect(inbox.body.data.map((request: { id: string }) => request.id)).toEqual([created.body.id]);
    // Unpublished: the request stays, for its parties only.
    await owner.browser.post(`/cloud/v1/records/${record._id}/unpublish`).expect(200);
    const third = await cloud.signUp();
    await third.browser.get(`/cloud/v1/diffs/${created.body.id}`).expect(404);
    // Its parties keep it, and its target owner can still answer it.
    await sender.browser.get(`/cloud/v1/diffs/${created.body.id}`).expect(200);
    const answered = await owner.browser.post(`/cloud/v1/diffs/${created.body.id}/answer`, { answer: 'denied' }).expect(200);
    expect(answered.body.status).toBe('denied');
    expect((await sender.browser.post('/cloud/v1/diffs', body)).status).toBe(404);
  });

  it('hides it again on unpublishing: 404 to others, out of browsing, its container private again', async () => {
    const owner = await cloud.signUp();
    const { project, record, shown } = await privateProject(owner);
    await owner.browser.post(`/cloud/v1/records/${record._id}/publish`).expect(200);
    const back = await owner.browser.post(`/cloud/v1/records/${record._id}/unpublish`).expect(200);
    expect(back.body).toMatchObject({ private: true, published: false });
    const anonymous = await cloud.browser();
    await anonymous.get(`/cloud/v1/records/${record._id}`).expect(404);
    await anonymous.get(`/cloud/v1/records/${record._id}/files/out.txt`).expect(404);
    expect(labels(await anonymous.get('/cloud/v1/public/records').expect(200))).toEqual([]);
    expect((await cloud.db.models.Container.findById(shown._id).lean())?.private).toBe(true);
    await owner.browser.get(`/cloud/v1/records/${record._id}`).expect(200);
    expect((await cloud.db.models.Project.findById(project._id).lean())?.private).toBe(true);
  });

  it('stays public when its project goes public and then private again; unpublished there, it follows the project', async () => {
    const owner = await cloud.signUp();
    const { project, record, other, shown, hidden } = await privateProject(owner);
    await owner.browser.post(`/cloud/v1/records/${record._id}/publish`).expect(200);
    await owner.browser.patch(`/cloud/v1/projects/${project._id}`, { private: false }).expect(200);
    await owner.browser.patch(`/cloud/v1/projects/${project._id}`, { private: true }).expect(200);
    const anonymous = await cloud.browser();
    await anonymous.get(`/cloud/v1/records/${record._id}`).expect(200);
    await anonymous.get(`/cloud/v1/records/${other._id}`).expect(404);
    const containers = await cloud.db.models.Container.find({ project: project._id }).lean();
    expect(Object.fromEntries(containers.map((container) => [container._id.toHexString(), container.private]))).toEqual({
      [shown._id.toHexString()]: false,
      [hidden._id.toHexString()]: true,
    });
    // In a public project, unpublishing leaves the record as public as its project.
    await owner.browser.patch(`/cloud/v1/projects/${project._id}`, { private: false }).expect(200);
    const unpublished = await owner.browser.post(`/cloud/v1/records/${record._id}/unpublish`).expect(200);
    expect(unpublished.body).toMatchObject({ private: false, published: false });
    await owner.browser.patch(`/cloud/v1/projects/${project._id}`, { private: true }).expect(200);
    await anonymous.get(`/cloud/v1/records/${record._id}`).expect(404);
  });

  it('lets only the owner publish: a private record of someone else is a 404, a public one a 403, nobody signed in a 401', async () => {
    const owner = await cloud.signUp();
    const { record } = await privateProject(owner);
    const other = await cloud.signUp();
    await other.browser.post(`/cloud/v1/records/${record._id}/publish`).expect(404);
    await owner.browser.post(`/cloud/v1/records/${record._id}/publish`).expect(200);
    const refused = await other.browser.post(`/cloud/v1/records/${record._id}/unpublish`).expect(403);
    expect(refused.body.error.code).toBe('not_owner');
    await (await cloud.browser()).post(`/cloud/v1/records/${record._id}/unpublish`).expect(401);
    expect((await cloud.db.models.Record.findById(record._id).lean())?.published).toBe(true);
  });
});
