import { describe, expect, it } from 'vitest';
import { createLink, publishRecord, revokeLink, type LinkInput } from '@reprise/core';
import type { TestUser } from '@reprise/tools/testing';
import { bearer, binary, useApi } from '../test/harness.js';

const api = useApi();

/** A private project `study` of a new user, with records r1 (its output out.txt) and r2. */
async function privateStudy(name = 'Ada Lovelace'): Promise<TestUser> {
  const owner = await api.user(name);
  const auth = bearer(owner.token);
  await api.request().post('/api/v1/project/push/study').set(auth).send({}).expect(201);
  const system = { hostname: `${owner.user.email}-box` };
  await api.request().post('/api/v1/record/push/study').set(auth).send({ label: 'r1', system }).expect(201);
  await api.request().post('/api/v1/file/push/study/r1').set(auth).attach('outputs', Buffer.from('dimension 1.7093\n'), `out-${name}.txt`).expect(200);
  await api.request().post('/api/v1/record/push/study').set(auth).send({ label: 'r2' }).expect(201);
  return owner;
}

async function linkOf(owner: TestUser, input: Omit<LinkInput, 'project' | 'record'> & { record?: string } = {}) {
  const actor = { id: owner.user._id, name: owner.user.name };
  const project = await api.db.models.Project.findOne({ owner: owner.user._id, name: 'study' }).lean();
  const record = input.record ? await api.db.models.Record.findOne({ project: project?._id, label: input.record }).lean() : null;
  const target = record ? { record: record._id.toHexString() } : { project: project?._id.toHexString() };
  const made = await createLink({ models: api.db.models, blobs: api.db.blobs }, actor, { ...input, ...target });
  return { secret: made.secret, id: made.link._id.toHexString(), actor };
}

describe('reading through a reviewer link in the API', () => {
  it('displays a record by label or id and pulls its files without a token; the secret stays out of the logs', async () => {
    const owner = await privateStudy();
    const { secret } = await linkOf(owner);
    const shown = await api.request().get(`/api/v1/shared/${secret}/record/display/r1`).expect(200);
    expect(shown.body).toMatchObject({ label: 'r1', projectName: 'study', private: true, owner: { name: 'Ada Lovelace' } });
    await api.request().get(`/api/v1/shared/${secret}/record/display/${shown.body.id}`).expect(200);
    const file = await api.request().get(`/api/v1/shared/${secret}/file/pull/r1/out-Ada Lovelace.txt`).buffer(true).parse(binary).expect(200);
    expect(file.body.toString('utf8')).toBe('dimension 1.7093\n');
    // Without the link the record is private: a 404 even for another token user.
    const stranger = await api.user();
    await api.request().get(`/api/v1/record/display/${shown.body.project}/r1`).set(bearer(stranger.token)).expect(404);
    const logs = api.logs();
    expect(logs).toContain('/api/v1/shared/[secret]/record/display/r1');
    expect(logs).not.toContain(secret.slice(4));
  });

  it('hides the owner\'s name and email through an anonymous link, in the record and in the file name it sends', async () => {
    const owner = await privateStudy();
    const { secret } = await linkOf(owner, { anonymous: true });
    const shown = await api.request().get(`/api/v1/shared/${secret}/record/display/r1`).expect(200);
    const text = JSON.stringify(shown.body);
    expect(text).not.toContain('Lovelace');
    expect(text).not.toContain(owner.user.email);
    expect(shown.body.owner).toEqual({ id: '000000000000000000000000', name: 'Anonymous' });
    expect(shown.body.system).toEqual({ hostname: '[hidden]-box' });
    const file = await api.request().get(`/api/v1/shared/${secret}/file/pull/r1/${encodeURIComponent('out-Ada Lovelace.txt')}`).expect(200);
    expect(file.headers['content-disposition']).toContain('out-[hidden].txt');
  });

  it('reaches only what a record link names, writes nothing, and is a 404 once revoked', async () => {
    const owner = await privateStudy();
    const { secret, id, actor } = await linkOf(owner, { record: 'r1' });
    await api.request().get(`/api/v1/shared/${secret}/record/display/r1`).expect(200);
    await api.request().get(`/api/v1/shared/${secret}/record/display/r2`).expect(404);
    // The secret is no token: pushes with it are refused and nothing is written.
    const push = await api.request().post(`/api/v1/shared/${secret}/record/push/study`).send({ label: 'sneaky' });
    expect(push.status).toBe(401);
    const asToken = await api.request().post('/api/v1/record/push/study').set(bearer(secret)).send({ label: 'sneaky' });
    expect(asToken.status).toBe(401);
    expect(await api.db.models.Record.countDocuments({ label: 'sneaky' })).toBe(0);
    await revokeLink({ models: api.db.models, blobs: api.db.blobs }, actor, id);
    await api.request().get(`/api/v1/shared/${secret}/record/display/r1`).expect(404);
    await api.request().get(`/api/v1/shared/${secret}/file/pull/r1/out.txt`).expect(404);
    expect(api.logs()).not.toContain(secret.slice(4));
  });

  it('finds a record published on its own in record search, while its private project stays a 404', async () => {
    const owner = await privateStudy('Grace');
    const actor = { id: owner.user._id, name: owner.user.name };
    const record = await api.db.models.Record.findOne({ owner: owner.user._id, label: 'r1' }).lean();
    await publishRecord({ models: api.db.models, blobs: api.db.blobs }, actor, String(record?._id));
    const reader = await api.user();
    const found = await api.request().get('/api/v1/record/search?q=r').set(bearer(reader.token)).expect(200);
    expect(found.body.data.map((item: { label: string }) => item.label)).toEqual(['r1']);
    await api.request().get(`/api/v1/project/pull/${String(record?.project)}`).set(bearer(reader.token)).expect(404);
  });
});
