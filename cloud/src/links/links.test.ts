import { Writable } from 'node:stream';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { hashToken, SpecValidator } from '@reprise/core';
import { createLogger } from '@reprise/http';
import { createCloudApp } from '../app.js';
import { makeContainer, makeProject, makeRecord } from '../test/factories.js';
import { ORIGIN, TEST_JWT_SECRET, useCloud, type SignedIn } from '../test/harness.js';

const cloud = useCloud();

const RUN = {
  program: { command: 'python', arguments: ['dla.py'], versionControl: { vcs: 'git', commit: '3f2c1e0b9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b', dirty: false } },
  parameters: { seed: 1 },
  status: 'finished' as const,
};

/** A private project of `owner` with two records (their outputs differ by one character) in one container. */
async function privateStudy(owner: SignedIn, name = 'study') {
  await makeProject(cloud.db, owner, name);
  const container = await makeContainer(cloud.db, owner, name, { system: 'docker', version: { vcs: 'git', commit: 'a'.repeat(40) } });
  // The owner's name and email inside what the tool recorded: an anonymous link must hide them there too.
  const system = { hostname: `${owner.email}-laptop`, cwd: `/home/${owner.name}/runs` };
  const first = await makeRecord(cloud.db, owner, name, { label: 'run-1', ...RUN, system }, { outputs: { 'out.txt': 'dimension 1.7093\n' } });
  const second = await makeRecord(cloud.db, owner, name, { label: 'run-2', ...RUN, system }, { outputs: { 'out.txt': 'dimension 1.7094\n', [`notes-${owner.name}.txt`]: 'seen' } });
  return { container, first, second };
}

async function link(owner: SignedIn, body: object) {
  const res = await owner.browser.post('/cloud/v1/links', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string; url: string; project: string; record: string | null };
}

describe('reviewer links', () => {
  it('lets whoever holds a project link browse the private project, read its records, download their files and compare them, without an account', async () => {
    const owner = await cloud.signUp('Grace Owner');
    const { first, second, container } = await privateStudy(owner);
    const project = String(first.project);
    const made = await link(owner, { project });
    expect(made.secret).toMatch(/^rpl_[A-Za-z0-9_-]{43}$/);
    expect(made.url).toBe(`${ORIGIN}/shared/${made.secret}`);
    expect(made).toMatchObject({ project, record: null, anonymous: false, expires: null, expired: false, lastUsed: null });

    const reviewer = await cloud.browser();
    const base = `/cloud/v1/shared/${made.secret}`;
    const view = await reviewer.get(base).expect(200);
    expect(view.body).toMatchObject({ link: { kind: 'project', anonymous: false }, project: { id: project, name: 'study', private: true, owner: { name: 'Grace Owner' } }, record: null });
    expect(view.body.project.counts.records).toBe(2);
    expect(view.body.project.history).toEqual([container._id.toHexString()]);
    const list = await reviewer.get(`${base}/records`).expect(200);
    expect(list.body.data.map((record: { label: string }) => record.label)).toEqual(['run-2', 'run-1']);
    const record = await reviewer.get(`${base}/records/${first._id}`).expect(200);
    expect(record.body).toMatchObject({ label: 'run-1', projectName: 'study', private: true });
    const file = await reviewer.get(`${base}/records/${first._id}/files/out.txt`).expect(200);
    expect(file.text).toBe('dimension 1.7093\n');
    const comparison = await reviewer.get(`${base}/records/${first._id}/compare/${second._id}`).expect(200);
    expect(comparison.body.a.label).toBe('run-1');
    expect(comparison.body.evidence.code.same).toBe(true);
    // The same records stay a 404 without the link.
    await reviewer.get(`/cloud/v1/records/${first._id}`).expect(404);

    // The owner's list shows the link's last use; the database holds only the secret's hash.
    await expect.poll(async () => (await owner.browser.get('/cloud/v1/links').expect(200)).body.data[0]?.lastUsed).not.toBeNull();
    const stored = await cloud.db.models.Link.findById(made.id).lean();
    expect(stored?.secretHash).toBe(hashToken(made.secret));
    expect(JSON.stringify(stored)).not.toContain(made.secret.slice(4));
    const listed = (await owner.browser.get('/cloud/v1/links').expect(200)).body.data;
    expect(JSON.stringify(listed)).not.toContain(made.secret.slice(4));
    expect(listed[0]).toMatchObject({ id: made.id, projectName: 'study', prefix: made.secret.slice(0, 12) });
  });

  it('reaches only the one record a record link names, and the container it ran in', async () => {
    const owner = await cloud.signUp();
    const { first, second, container } = await privateStudy(owner);
    const made = await link(owner, { record: String(first._id) });
    const reviewer = await cloud.browser();
    const base = `/cloud/v1/shared/${made.secret}`;
    const view = await reviewer.get(base).expect(200);
    expect(view.body.link.kind).toBe('record');
    expect(view.body.record.label).toBe('run-1');
    expect(view.body.project.counts).toMatchObject({ records: 1, containers: 1 });
    expect(view.body.project.containers.map((c: { id: string }) => c.id)).toEqual([container._id.toHexString()]);
    expect((await reviewer.get(`${base}/records`).expect(200)).body.data.map((r: { label: string }) => r.label)).toEqual(['run-1']);
    await reviewer.get(`${base}/records/${second._id}`).expect(404);
    await reviewer.get(`${base}/records/${second._id}/files/out.txt`).expect(404);
    await reviewer.get(`${base}/records/${first._id}/compare/${second._id}`).expect(404);
  });

  it('never writes: writes through a link have no route, need the owner\'s session, and change nothing', async () => {
    const owner = await cloud.signUp();
    const { first } = await privateStudy(owner);
    const made = await link(owner, { project: String(first.project) });
    const reviewer = await cloud.browser();
    const base = `/cloud/v1/shared/${made.secret}`;
    for (const res of [
      await reviewer.post(`${base}/records`, { label: 'sneaky' }),
      await reviewer.patch(`${base}/records/${first._id}`, { outcome: 'changed' }),
      await reviewer.delete(`${base}/records/${first._id}`),
      await reviewer.patch(`/cloud/v1/records/${first._id}`, { outcome: 'changed' }),
      await reviewer.post(`/cloud/v1/records/${first._id}/publish`),
      await reviewer.post('/cloud/v1/links', { project: String(first.project) }),
    ]) {
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const after = await cloud.db.models.Record.find({ project: first.project }).lean();
    expect(after.map((record) => [record.label, record.outcome, record.published])).toEqual([
      ['run-1', '', false],
      ['run-2', '', false],
    ]);
    expect(await cloud.db.models.Link.countDocuments({ project: first.project })).toBe(1);
  });

  it('is a 404 once expired, and refuses an expiry in the past', async () => {
    const owner = await cloud.signUp();
    const { first } = await privateStudy(owner);
    const past = await owner.browser.post('/cloud/v1/links', { project: String(first.project), expires: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toContain('expires');
    const made = await link(owner, { project: String(first.project), expires: new Date(Date.now() + 3_600_000).toISOString() });
    const reviewer = await cloud.browser();
    await reviewer.get(`/cloud/v1/shared/${made.secret}`).expect(200);
    // An hour later (moved in the database rather than waited for).
    await cloud.db.models.Link.updateOne({ _id: made.id }, { $set: { expires: new Date(Date.now() - 1_000) } });
    const gone = await reviewer.get(`/cloud/v1/shared/${made.secret}`).expect(404);
    expect(gone.body.error.code).toBe('not_found');
    expect(JSON.stringify(gone.body)).not.toContain(made.secret);
    await reviewer.get(`/cloud/v1/shared/${made.secret}/records/${first._id}/files/out.txt`).expect(404);
    const listed = (await owner.browser.get('/cloud/v1/links').expect(200)).body.data;
    expect(listed[0]).toMatchObject({ id: made.id, expired: true });
  });

  it('is a 404 at once after revocation, on every instance of the service', async () => {
    const owner = await cloud.signUp();
    const { first } = await privateStudy(owner);
    const made = await link(owner, { project: String(first.project) });
    // A second instance of the service on the same database, as behind a load balancer.
    const other = createCloudApp({
      models: cloud.db.models,
      blobs: cloud.db.blobs,
      spec: SpecValidator.load(),
      config: cloud.config,
      logger: createLogger('silent', new Writable({ write: (_chunk, _encoding, callback) => callback() })),
      jwtSecret: TEST_JWT_SECRET,
    });
    const reviewer = await cloud.browser();
    await reviewer.get(`/cloud/v1/shared/${made.secret}`).expect(200);
    await supertest(other).get(`/cloud/v1/shared/${made.secret}/records`).expect(200);
    const revoked = await owner.browser.delete(`/cloud/v1/links/${made.id}`).expect(200);
    expect(revoked.body.id).toBe(made.id);
    await reviewer.get(`/cloud/v1/shared/${made.secret}`).expect(404);
    await supertest(other).get(`/cloud/v1/shared/${made.secret}/records`).expect(404);
    await supertest(other).get(`/cloud/v1/shared/${made.secret}/records/${first._id}/files/out.txt`).expect(404);
    expect((await owner.browser.get('/cloud/v1/links').expect(200)).body.data).toEqual([]);
    await owner.browser.delete(`/cloud/v1/links/${made.id}`).expect(404);
  });

  it('hides the owner\'s name and email everywhere an anonymous link reaches, file names included; a plain link shows them', async () => {
    const owner = await cloud.signUp('Ada Lovelace');
    const { first, second } = await privateStudy(owner);
    const anonymous = await link(owner, { project: String(first.project), anonymous: true });
    const reviewer = await cloud.browser();
    const base = `/cloud/v1/shared/${anonymous.secret}`;
    const answers = [
      await reviewer.get(base).expect(200),
      await reviewer.get(`${base}/records`).expect(200),
      await reviewer.get(`${base}/records/${second._id}`).expect(200),
      await reviewer.get(`${base}/records/${first._id}/compare/${second._id}`).expect(200),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain('Ada Lovelace');
      expect(text.toLowerCase()).not.toContain(owner.email.toLowerCase());
      expect(text).not.toContain(owner.id);
    }
    expect(answers[0]?.body.project.owner).toEqual({ id: '000000000000000000000000', name: 'Anonymous' });
    expect(answers[2]?.body.owner).toEqual({ id: '000000000000000000000000', name: 'Anonymous' });
    expect(answers[2]?.body.system).toEqual({ hostname: '[hidden]-laptop', cwd: '/home/[hidden]/runs' });
    expect(answers[2]?.body.outputs.map((file: { name: string }) => file.name)).toEqual(['out.txt', 'notes-[hidden].txt']);
    // The file's metadata as a download sends it: its name.
    const file = await reviewer.get(`${base}/records/${second._id}/files/notes-Ada Lovelace.txt`).expect(200);
    expect(file.headers['content-disposition']).toContain('notes-[hidden].txt');
    expect(file.headers['content-disposition']).not.toContain('Lovelace');

    const plain = await link(owner, { project: String(first.project) });
    const shown = await reviewer.get(`/cloud/v1/shared/${plain.secret}/records/${second._id}`).expect(200);
    expect(shown.body.owner).toEqual({ id: owner.id, name: 'Ada Lovelace' });
  });

  it('keeps link secrets out of the logs', async () => {
    const owner = await cloud.signUp();
    const { first } = await privateStudy(owner);
    const made = await link(owner, { record: String(first._id) });
    const reviewer = await cloud.browser();
    await reviewer.get(`/cloud/v1/shared/${made.secret}`).expect(200);
    await reviewer.get(`/cloud/v1/shared/${made.secret}/records/${first._id}/files/out.txt`).expect(200);
    await reviewer.get(`/cloud/v1/shared/${made.secret.toUpperCase()}/nowhere`).expect(404);
    const logs = cloud.logs();
    expect(logs).toContain('/cloud/v1/shared/[secret]/records/');
    expect(logs).not.toContain(made.secret.slice(4));
    expect(logs.toLowerCase()).not.toContain(made.secret.slice(4).toLowerCase());
  });

  it('lets only the owner make, list, read and revoke links: anyone else gets a 404, nobody signed in a 401', async () => {
    const owner = await cloud.signUp();
    const other = await cloud.signUp();
    const { first } = await privateStudy(owner);
    const made = await link(owner, { project: String(first.project) });
    expect((await other.browser.post('/cloud/v1/links', { project: String(first.project) })).status).toBe(404);
    expect((await other.browser.post('/cloud/v1/links', { record: String(first._id) })).status).toBe(404);
    await other.browser.get(`/cloud/v1/links/${made.id}`).expect(404);
    await other.browser.delete(`/cloud/v1/links/${made.id}`).expect(404);
    expect((await other.browser.get('/cloud/v1/links').expect(200)).body.data).toEqual([]);
    await (await cloud.browser()).get(`/cloud/v1/shared/${made.secret}`).expect(200);
    const signedOut = await cloud.browser();
    await signedOut.get('/cloud/v1/links').expect(401);
    await signedOut.post('/cloud/v1/links', { project: String(first.project) }).expect(401);
    // Exactly one of project and record.
    const both = await owner.browser.post('/cloud/v1/links', { project: String(first.project), record: String(first._id) });
    expect(both.status).toBe(400);
    expect((await owner.browser.post('/cloud/v1/links', {})).status).toBe(400);
    expect((await owner.browser.post('/cloud/v1/links', { project: 'not-an-id' })).status).toBe(400);
  });

  it('goes with the record or project it names when that is deleted', async () => {
    const owner = await cloud.signUp();
    const { first, second } = await privateStudy(owner);
    const toRecord = await link(owner, { record: String(second._id) });
    const toProject = await link(owner, { project: String(first.project) });
    await owner.browser.delete(`/cloud/v1/records/${second._id}`).expect(200);
    const reviewer = await cloud.browser();
    await reviewer.get(`/cloud/v1/shared/${toRecord.secret}`).expect(404);
    expect((await owner.browser.get('/cloud/v1/links').expect(200)).body.data.map((item: { id: string }) => item.id)).toEqual([toProject.id]);
    await owner.browser.delete(`/cloud/v1/projects/${first.project}`).expect(200);
    await reviewer.get(`/cloud/v1/shared/${toProject.secret}`).expect(404);
    expect(await cloud.db.models.Link.countDocuments({ owner: owner.id })).toBe(0);
  });
});
