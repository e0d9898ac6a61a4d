import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useCloud } from '../test/harness.js';
import { makeProject, makeRecord } from '../test/factories.js';

const cloud = useCloud();

describe('viewing records', () => {
  it('shows every field of a visible record, and a private one only to its owner', async () => {
    const alice = await cloud.signUp('Alice');
    const bob = await cloud.signUp();
    await makeProject(cloud.db, alice, 'p');
    const record = await makeRecord(cloud.db, alice, 'p', { label: 'r', stdout: 'hello', parameters: { '$weird.key': [[1]] } });
    const own = await alice.browser.get(`/cloud/v1/records/${record._id}`).expect(200);
    expect(own.body).toMatchObject({ label: 'r', stdout: 'hello', projectName: 'p', owner: { name: 'Alice' }, parameters: { '$weird.key': [[1]] } });
    expect(own.body.owner).not.toHaveProperty('email');
    await bob.browser.get(`/cloud/v1/records/${record._id}`).expect(404);
    await (await cloud.browser()).get(`/cloud/v1/records/${record._id}`).expect(404);
  });

  it("lists the signed-in user's records across projects, most recently active first", async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    await makeProject(cloud.db, alice, 'one');
    await makeProject(cloud.db, alice, 'two');
    await makeProject(cloud.db, bob, 'bobs', { private: false });
    const first = await makeRecord(cloud.db, alice, 'one', { label: 'first' });
    await makeRecord(cloud.db, alice, 'two', { label: 'second' });
    await makeRecord(cloud.db, bob, 'bobs', { label: 'not-mine' });
    await alice.browser.patch(`/cloud/v1/records/${first._id}`, { outcome: 'touched' }).expect(200);
    const res = await alice.browser.get('/cloud/v1/records').expect(200);
    expect(res.body.data.map((r: { label: string; projectName: string }) => `${r.projectName}/${r.label}`)).toEqual(['one/first', 'two/second']);
  });
});

describe('editing records', () => {
  it('changes reason, outcome and tags, and nothing else', async () => {
    const alice = await cloud.signUp();
    await makeProject(cloud.db, alice, 'p');
    const record = await makeRecord(cloud.db, alice, 'p', { label: 'r', status: 'finished' });
    const res = await alice.browser.patch(`/cloud/v1/records/${record._id}`, { reason: 'why', outcome: 'what', tags: ['x', 'y'] }).expect(200);
    expect(res.body).toMatchObject({ reason: 'why', outcome: 'what', tags: ['x', 'y'], status: 'finished' });
    const status = await alice.browser.patch(`/cloud/v1/records/${record._id}`, { status: 'crashed' });
    expect(status.status).toBe(400);
    expect(status.body.error.message).toMatch(/status/);
  });

  it("refuses edits to someone else's record: 403 when visible, 404 when private, 401 without a session", async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    await makeProject(cloud.db, alice, 'open', { private: false });
    await makeProject(cloud.db, alice, 'closed');
    const open = await makeRecord(cloud.db, alice, 'open', { label: 'r' });
    const closed = await makeRecord(cloud.db, alice, 'closed', { label: 'r' });
    await bob.browser.patch(`/cloud/v1/records/${open._id}`, { outcome: 'x' }).expect(403);
    await bob.browser.patch(`/cloud/v1/records/${closed._id}`, { outcome: 'x' }).expect(404);
    await (await cloud.browser()).patch(`/cloud/v1/records/${open._id}`, { outcome: 'x' }).expect(401);
    expect(await cloud.db.models.Record.countDocuments({ outcome: 'x' })).toBe(0);
  });
});

describe('deleting records', () => {
  it('deletes the record, the requests that involve it and its files nothing else uses', async () => {
    const alice = await cloud.signUp();
    const project = await makeProject(cloud.db, alice, 'p');
    const doomed = await makeRecord(cloud.db, alice, 'p', { label: 'doomed' }, { outputs: { 'a.txt': 'only mine', 'b.txt': 'shared' } });
    const kept = await makeRecord(cloud.db, alice, 'p', { label: 'kept' }, { inputs: { 'b.txt': 'shared' } });
    await cloud.db.models.DiffRequest.create({
      sender: kept.owner,
      from: kept._id,
      fromProject: project._id,
      toward: doomed._id,
      towardProject: project._id,
      targetOwner: doomed.owner,
      method: 'visual',
      proposition: 'repeated',
      cell: 'repeatable',
      evidence: '{}',
    });
    const res = await alice.browser.delete(`/cloud/v1/records/${doomed._id}`).expect(200);
    expect(res.body.deleted).toEqual({ records: 1, containers: 0, diffRequests: 1, files: 1 });
    expect(await cloud.db.models.Record.exists({ _id: doomed._id })).toBeNull();
    expect(await cloud.db.models.DiffRequest.countDocuments()).toBe(0);
    const remaining = await cloud.db.models.File.find().lean();
    expect(remaining.map((file) => file.sha256)).toEqual([createHash('sha256').update('shared').digest('hex')]);
    await alice.browser.get(`/cloud/v1/records/${kept._id}/files/b.txt`).expect(200);
    await alice.browser.delete(`/cloud/v1/records/${doomed._id}`).expect(404);
  });
});

describe('attaching files through the session', () => {
  it("streams files into one of the owner's records, with the manifest's paths and digest check", async () => {
    const alice = await cloud.signUp('Alice');
    await makeProject(cloud.db, alice, 'p', { private: false });
    const record = await makeRecord(cloud.db, alice, 'p', { label: 'r' });
    const content = Buffer.from('x,y\n1,2\n');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const res = await alice.browser
      .post(`/cloud/v1/records/${record._id}/files`)
      .field('manifest', JSON.stringify({ files: [{ field: 'outputs', filename: 'out.csv', path: 'results/out.csv', sha256 }] }))
      .attach('outputs', content, { filename: 'out.csv', contentType: 'text/csv' })
      .attach('inputs', Buffer.from('{"seed":7}'), { filename: 'params.json', contentType: 'application/json' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.outputs).toEqual([expect.objectContaining({ name: 'out.csv', path: 'results/out.csv', sha256, size: content.length, mediaType: 'text/csv' })]);
    expect(res.body.inputs.map((file: { name: string }) => file.name)).toEqual(['params.json']);
    const download = await alice.browser.get(`/cloud/v1/records/${record._id}/files/out.csv`).expect(200);
    expect(download.text).toBe(content.toString());

    const wrong = await alice.browser
      .post(`/cloud/v1/records/${record._id}/files`)
      .field('manifest', JSON.stringify({ files: [{ field: 'outputs', filename: 'bad.csv', sha256: '0'.repeat(64) }] }))
      .attach('outputs', content, { filename: 'bad.csv', contentType: 'text/csv' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('digest_mismatch');
    const json = await alice.browser.post(`/cloud/v1/records/${record._id}/files`, { outputs: [] });
    expect(json.status).toBe(415);
  });

  it('replaces an attached file of the same name with the new bytes', async () => {
    const alice = await cloud.signUp('Alice');
    await makeProject(cloud.db, alice, 'p');
    const record = await makeRecord(cloud.db, alice, 'p', { label: 'r' }, { outputs: { 'out.csv': 'x\n1\n' } });
    const content = Buffer.from('x\n2\n3\n');
    const res = await alice.browser.post(`/cloud/v1/records/${record._id}/files`).attach('outputs', content, { filename: 'out.csv', contentType: 'text/csv' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.outputs).toEqual([expect.objectContaining({ name: 'out.csv', sha256: createHash('sha256').update(content).digest('hex'), size: content.length })]);
    const download = await alice.browser.get(`/cloud/v1/records/${record._id}/files/out.csv`).expect(200);
    expect(download.text).toBe(content.toString());
  });

  it("refuses files for someone else's record: 403 when visible, 404 when private, 401 without a session", async () => {
    const alice = await cloud.signUp('Alice');
    const bob = await cloud.signUp('Bob');
    await makeProject(cloud.db, alice, 'open', { private: false });
    await makeProject(cloud.db, alice, 'closed');
    const open = await makeRecord(cloud.db, alice, 'open', { label: 'r' });
    const closed = await makeRecord(cloud.db, alice, 'closed', { label: 'r' });
    const send = (browser: typeof bob.browser, id: unknown) => browser.post(`/cloud/v1/records/${String(id)}/files`).attach('outputs', Buffer.from('x'), 'x.txt');
    expect((await send(bob.browser, open._id)).status).toBe(403);
    expect((await send(bob.browser, closed._id)).status).toBe(404);
    expect((await send(await cloud.browser(), open._id)).status).toBe(401);
    const stored = await cloud.db.models.Record.findById(open._id).lean();
    expect(stored?.outputs).toEqual([]);
  });
});

describe('downloading files through the session', () => {
  it('sends a file of a visible record with its length, ETag and range support', async () => {
    const alice = await cloud.signUp();
    await makeProject(cloud.db, alice, 'p', { private: false });
    const record = await makeRecord(cloud.db, alice, 'p', { label: 'r' }, { outputs: { 'out.txt': '0123456789' } });
    const anonymous = await cloud.browser();
    const full = await anonymous.get(`/cloud/v1/records/${record._id}/files/out.txt`).expect(200);
    expect(full.text).toBe('0123456789');
    expect(full.headers['content-length']).toBe('10');
    expect(full.headers.etag).toBe(`"${createHash('sha256').update('0123456789').digest('hex')}"`);
    expect(full.headers['content-disposition']).toMatch(/attachment; filename="out.txt"/);
    const part = await anonymous.get(`/cloud/v1/records/${record._id}/files/out.txt`).set('Range', 'bytes=2-4').expect(206);
    expect(part.text).toBe('234');
    await anonymous.get(`/cloud/v1/records/${record._id}/files/missing.txt`).expect(404);
  });

  it("answers 404 for a private record's file to everyone but its owner", async () => {
    const alice = await cloud.signUp();
    const bob = await cloud.signUp();
    await makeProject(cloud.db, alice, 'secret');
    const record = await makeRecord(cloud.db, alice, 'secret', { label: 'r' }, { outputs: { 'out.txt': 'classified' } });
    const sha = createHash('sha256').update('classified').digest('hex');
    await bob.browser.get(`/cloud/v1/records/${record._id}/files/out.txt`).expect(404);
    await bob.browser.get(`/cloud/v1/records/${record._id}/files/${sha}`).expect(404);
    await (await cloud.browser()).get(`/cloud/v1/records/${record._id}/files/out.txt`).expect(404);
    const own = await alice.browser.get(`/cloud/v1/records/${record._id}/files/${sha}`).expect(200);
    expect(own.text).toBe('classified');
  });
});
