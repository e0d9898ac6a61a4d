import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearer, binary, useApi } from '../test/harness.js';

const api = useApi();
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const digest = `sha256:${'ab'.repeat(32)}`;

async function project(token: string, name = 'sim') {
  await api.request().post(`/api/v1/project/push/${name}`).set(bearer(token)).send({}).expect(201);
}

describe('container push', () => {
  it('appends a registry image to the history and makes it the default for new records', async () => {
    const alice = await api.user();
    await project(alice.token);
    const pushed = await api
      .request()
      .post('/api/v1/container/push/sim')
      .set(bearer(alice.token))
      .send({ system: 'docker', version: { vcs: 'git', commit: 'abc123', branch: 'main', dirty: false }, image: { reference: 'ghcr.io/x/sim:1', digest } });
    expect(pushed.status).toBe(201);
    expect(pushed.body).toMatchObject({ system: 'docker', position: 0, version: { commit: 'abc123', branch: 'main', dirty: false }, image: { reference: 'ghcr.io/x/sim:1', digest, file: null } });

    const record = await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({}).expect(201);
    expect(record.body.container).toBe(pushed.body.id);

    const pulled = await api.request().get('/api/v1/project/pull/sim').set(bearer(alice.token)).expect(200);
    expect(pulled.body.history).toEqual([pushed.body.id]);
    expect(pulled.body.containers[0].id).toBe(pushed.body.id);
  });

  it('uploads an image file with multipart, stores its digest and gives it back byte-identical', async () => {
    const alice = await api.user();
    await project(alice.token);
    const image = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    const pushed = await api
      .request()
      .post('/api/v1/container/push/sim')
      .set(bearer(alice.token))
      .field('metadata', JSON.stringify({ system: 'docker', image: { sha256: sha256(image) } }))
      .attach('image', image, { filename: 'sim.tar', contentType: 'application/x-tar' });
    expect(pushed.status).toBe(201);
    expect(pushed.body.image).toMatchObject({ sha256: sha256(image), size: image.length, name: 'sim.tar', mediaType: 'application/x-tar' });

    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r1' }).expect(201);
    const download = await api.request().get('/api/v1/record/pull/sim/r1').set(bearer(alice.token)).buffer(true).parse(binary);
    expect(download.status).toBe(200);
    expect(download.headers.etag).toBe(`"${sha256(image)}"`);
    expect(Number(download.headers['content-length'])).toBe(image.length);
    expect(Buffer.compare(download.body as Buffer, image)).toBe(0);

    const latest = await api.request().get('/api/v1/record/pull/sim').set(bearer(alice.token)).buffer(true).parse(binary);
    expect(Buffer.compare(latest.body as Buffer, image)).toBe(0);
  });

  it('refuses an image whose bytes do not match the declared sha256 with 422 and keeps nothing', async () => {
    const alice = await api.user();
    await project(alice.token);
    const res = await api
      .request()
      .post('/api/v1/container/push/sim')
      .set(bearer(alice.token))
      .field('metadata', JSON.stringify({ system: 'docker', image: { sha256: 'f'.repeat(64) } }))
      .attach('image', Buffer.from('not what you said'), 'img.tar');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('digest_mismatch');
    expect(await api.db.models.Container.countDocuments()).toBe(0);
    expect(await api.db.models.File.countDocuments()).toBe(0);
    expect(await api.db.connection.db?.collection('blobs.files').countDocuments()).toBe(0);
    expect(await api.db.connection.db?.collection('blobs.chunks').countDocuments()).toBe(0);
  });

  it('keeps every one of many concurrent pushes in the history, in commit order', async () => {
    const alice = await api.user();
    await project(alice.token);
    const pushes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'docker', version: { commit: `c${i}` } }),
      ),
    );
    expect(pushes.every((res) => res.status === 201)).toBe(true);
    const pulled = await api.request().get('/api/v1/project/pull/sim').set(bearer(alice.token)).expect(200);
    expect(pulled.body.history).toHaveLength(20);
    expect(new Set(pulled.body.history)).toEqual(new Set(pushes.map((res) => res.body.id)));
    // Positions reported to each pusher are exactly the places in the stored history.
    for (const res of pushes) expect(pulled.body.history[res.body.position]).toBe(res.body.id);
  });

  it('asks for a digest with a registry reference, and rejects an unknown system field', async () => {
    const alice = await api.user();
    await project(alice.token);
    const noDigest = await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'docker', image: { reference: 'x:latest' } });
    expect(noDigest.status).toBe(400);
    expect(noDigest.body.error.message).toMatch(/digest/);
    const unknown = await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'docker', colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown field "colour"/);
  });

  it('answers 404 for another user\'s project before reading the upload', async () => {
    const alice = await api.user();
    const bob = await api.user();
    await project(alice.token);
    const res = await api
      .request()
      .post('/api/v1/container/push/sim')
      .set(bearer(bob.token))
      .field('metadata', JSON.stringify({ system: 'docker' }))
      .attach('image', Buffer.alloc(1000), 'img.tar');
    expect(res.status).toBe(404);
    expect(await api.db.connection.db?.collection('blobs.files').countDocuments()).toBe(0);
  });

  it('says what to do when multipart metadata is missing or not JSON', async () => {
    const alice = await api.user();
    await project(alice.token);
    const missing = await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).attach('image', Buffer.from('x'), 'i.tar');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/metadata/);
    const broken = await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).field('metadata', '{nope').attach('image', Buffer.from('x'), 'i.tar');
    expect(broken.status).toBe(400);
    expect(await api.db.connection.db?.collection('blobs.files').countDocuments()).toBe(0);
  });

  it('explains that a registry image is pulled from its registry', async () => {
    const alice = await api.user();
    await project(alice.token);
    await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'docker', image: { reference: 'ghcr.io/x/sim:1', digest } }).expect(201);
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r' }).expect(201);
    const res = await api.request().get('/api/v1/record/pull/sim/r').set(bearer(alice.token));
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'image_in_registry', details: { reference: 'ghcr.io/x/sim:1', digest } });
  });
});
