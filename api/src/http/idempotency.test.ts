import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, useApi } from '../test/harness.js';

const api = useApi();
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const key = (value: string) => ({ 'Idempotency-Key': value });
const blobCount = async () => (await api.db.connection.db?.collection('blobs.files').countDocuments()) ?? -1;

// Concurrency is tested over a real port, with requests really in flight at the same time.
let server: Server | undefined;
let base = '';
beforeAll(async () => {
  server = api.app().listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server?.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

async function withProject() {
  const alice = await api.user();
  await api.request().post('/api/v1/project/push/sim').set(bearer(alice.token)).send({}).expect(201);
  return alice;
}

describe('Idempotency-Key', () => {
  it('replays the stored response of a retried record creation and creates the record once', async () => {
    const alice = await withProject();
    const body = { label: 'run-1', status: 'started', parameters: { seed: 7 } };
    const first = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('k-1')).send(body);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('k-1')).send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await api.db.models.Record.countDocuments()).toBe(1);
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const alice = await withProject();
    const update = (body: string) =>
      api.request().post('/api/v1/record/push/sim/run-1').set(bearer(alice.token)).set(key('u-1')).set('Content-Type', 'application/json').send(body);
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'run-1', status: 'started' }).expect(201);
    expect((await update('{"status":"running","duration":1}')).status).toBe(200);
    const again = await update('{ "duration": 1, "status": "running" }');
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const record = await api.db.models.Record.findOne({ label: 'run-1' }).lean();
    expect(record?.statusHistory.map((change) => change.status)).toEqual(['started', 'running']);
  });

  it('refuses the same key with a different body or path with 422 idempotency_key_reused', async () => {
    const alice = await withProject();
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('k-2')).send({ label: 'a' }).expect(201);
    const otherBody = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('k-2')).send({ label: 'b' });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.error.code).toBe('idempotency_key_reused');
    const otherPath = await api.request().post('/api/v1/project/push/other').set(bearer(alice.token)).set(key('k-2')).send({});
    expect(otherPath.status).toBe(422);
    expect(otherPath.body.error.code).toBe('idempotency_key_reused');
    expect(await api.db.models.Record.countDocuments()).toBe(1);
    expect(await api.db.models.Project.countDocuments()).toBe(1);
  });

  it('lets concurrent requests with one key create one record: the others replay it or are told to wait', async () => {
    const alice = await withProject();
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${base}/api/v1/record/push/sim`, {
          method: 'POST',
          headers: { ...bearer(alice.token), ...key('same-key'), 'Content-Type': 'application/json' },
          body: JSON.stringify({ label: 'concurrent', status: 'started' }),
        }),
      ),
    );
    const bodies = await Promise.all(responses.map(async (res) => ({ status: res.status, replayed: res.headers.get('idempotent-replayed'), retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { id?: string; error?: { code: string } } })));
    expect(await api.db.models.Record.countDocuments()).toBe(1);
    const created = bodies.filter((res) => res.status === 201);
    expect(created.filter((res) => res.replayed === null)).toHaveLength(1);
    expect(new Set(created.map((res) => res.body.id)).size).toBe(1);
    for (const waiting of bodies.filter((res) => res.status !== 201)) {
      expect(waiting.status).toBe(409);
      expect(waiting.body.error?.code).toBe('idempotency_in_progress');
      expect(waiting.retryAfter).toBe('1');
    }
  });

  it('answers 409 idempotency_in_progress while the first request holds the key, and takes over a key whose holder died', async () => {
    const alice = await withProject();
    const target = 'POST /api/v1/record/push/sim';
    await api.db.models.IdempotencyKey.create({ user: alice.user._id, key: 'held', target, state: 'pending', lock: 'x', lockedUntil: new Date(Date.now() + 60_000), created: new Date() });
    const busy = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('held')).send({ label: 'r' });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('idempotency_in_progress');
    expect(await api.db.models.Record.countDocuments()).toBe(0);

    await api.db.models.IdempotencyKey.create({ user: alice.user._id, key: 'orphan', target, state: 'pending', lock: 'y', lockedUntil: new Date(Date.now() - 1000), created: new Date() });
    const taken = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('orphan')).send({ label: 'r' });
    expect(taken.status).toBe(201);
    const replay = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('orphan')).send({ label: 'r' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('keeps no key for a request that failed, so that its retry runs again', async () => {
    const alice = await api.user();
    const missing = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('k-3')).send({ label: 'r' });
    expect(missing.status).toBe(404);
    await api.request().post('/api/v1/project/push/sim').set(bearer(alice.token)).send({}).expect(201);
    const retry = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('k-3')).send({ label: 'r' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('runs a request again once its key has expired', async () => {
    const alice = await withProject();
    await api.request().post('/api/v1/project/push/sim').set(bearer(alice.token)).set(key('old')).send({ description: 'one' }).expect(200);
    await api.db.models.IdempotencyKey.updateOne({ key: 'old' }, { $set: { created: new Date(Date.now() - 25 * 3600 * 1000) } });
    const again = await api.request().post('/api/v1/project/push/sim').set(bearer(alice.token)).set(key('old')).send({ description: 'two' });
    expect(again.status).toBe(200);
    expect(again.body.description).toBe('two');
  });

  it('keeps keys per user', async () => {
    const alice = await withProject();
    const bob = await api.user();
    await api.request().post('/api/v1/project/push/sim').set(bearer(bob.token)).send({}).expect(201);
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('shared')).send({ label: 'r' }).expect(201);
    const theirs = await api.request().post('/api/v1/record/push/sim').set(bearer(bob.token)).set(key('shared')).send({ label: 'r' });
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(await api.db.models.Record.countDocuments()).toBe(2);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const alice = await withProject();
    const res = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('has spaces')).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Idempotency-Key/);
    const long = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).set(key('x'.repeat(201))).send({});
    expect(long.status).toBe(400);
    expect(await api.db.models.Record.countDocuments()).toBe(0);
  });

  it('replays a retried file upload after comparing the digests of the bytes sent again, keeping them once', async () => {
    const alice = await withProject();
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r1' }).expect(201);
    const data = Buffer.from('x,y\n1,2\n');
    const push = (bytes: Buffer) =>
      api
        .request()
        .post('/api/v1/file/push/sim/r1')
        .set(bearer(alice.token))
        .set(key('upload-1'))
        .field('manifest', JSON.stringify({ files: [{ field: 'outputs', filename: 'data.csv', path: 'out/data.csv' }] }))
        .attach('outputs', bytes, 'data.csv');
    const first = await push(data);
    expect(first.status).toBe(200);
    const retry = await push(data);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await blobCount()).toBe(1);
    const different = await push(Buffer.from('other bytes'));
    expect(different.status).toBe(422);
    expect(different.body.error.code).toBe('idempotency_key_reused');
    expect(await blobCount()).toBe(1);
    const record = await api.request().get('/api/v1/record/display/sim/r1').set(bearer(alice.token)).expect(200);
    expect(record.body.outputs).toEqual([expect.objectContaining({ name: 'data.csv', sha256: sha256(data) })]);
  });

  it('appends a container pushed twice with one key to the history once', async () => {
    const alice = await withProject();
    const image = Buffer.from(Array.from({ length: 50_000 }, (_, i) => i % 253));
    const push = () =>
      api
        .request()
        .post('/api/v1/container/push/sim')
        .set(bearer(alice.token))
        .set(key('container-1'))
        .field('metadata', JSON.stringify({ system: 'docker', version: { commit: 'abc' } }))
        .attach('image', image, 'image.tar');
    const first = await push();
    expect(first.status).toBe(201);
    const retry = await push();
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const project = await api.request().get('/api/v1/project/pull/sim').set(bearer(alice.token)).expect(200);
    expect(project.body.history).toEqual([first.body.id]);
    expect(await blobCount()).toBe(1);
  });
});
