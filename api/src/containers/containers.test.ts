import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeSif } from '@reprise/tools/testing';
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

  it("answers 403 for another user's public project, by its id, before reading the upload", async () => {
    const alice = await api.user();
    const bob = await api.user();
    const open = await api.request().post('/api/v1/project/push/open').set(bearer(alice.token)).send({ private: false }).expect(201);
    const res = await api
      .request()
      .post(`/api/v1/container/push/${open.body.id}`)
      .set(bearer(bob.token))
      .field('metadata', JSON.stringify({ system: 'docker' }))
      .attach('image', Buffer.alloc(1000), 'img.tar');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_owner');
    expect(await api.db.connection.db?.collection('blobs.files').countDocuments()).toBe(0);
    expect(await api.db.models.Container.countDocuments()).toBe(0);
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

describe('SIF images', () => {
  const pushImage = (token: string, image: Buffer, filename: string, system = 'singularity') =>
    api.request().post('/api/v1/container/push/sim').set(bearer(token)).field('metadata', JSON.stringify({ system })).attach('image', image, { filename, contentType: 'application/octet-stream' });

  it('reads the header, descriptors and labels of a pushed SIF and shows them with the container', async () => {
    const alice = await api.user();
    await project(alice.token);
    const labels = { 'org.label-schema.build-date': 'Monday_05_January_2026', MAINTAINER: 'Alice', 'org.opencontainers.image.version': '1.2' };
    const sif = makeSif({
      arch: '02',
      created: new Date('2026-01-05T10:00:00Z'),
      objects: [
        { type: 0x4001, data: Buffer.from('Bootstrap: docker\nFrom: python:3.12\n') },
        { type: 0x4003, data: Buffer.from(JSON.stringify(labels)) },
        { type: 0x4004, name: 'rootfs', data: Buffer.alloc(5000, 7), partition: { fs: 1, type: 2, arch: '02' } },
      ],
    });
    const pushed = await pushImage(alice.token, sif, 'sim.sif');
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
    expect(pushed.body.image.sif).toEqual({
      readable: true,
      problem: null,
      version: '01',
      arch: 'amd64',
      uuid: '01234567-89ab-cdef-0123-456789abcdef',
      created: '2026-01-05T10:00:00.000Z',
      modified: '2026-01-05T10:00:00.000Z',
      descriptors: [
        { id: 1, type: 'Def.FILE', name: '', size: 36, fs: null, partition: null, arch: null },
        { id: 2, type: 'JSON.Labels', name: '', size: JSON.stringify(labels).length, fs: null, partition: null, arch: null },
        { id: 3, type: 'FS', name: 'rootfs', size: 5000, fs: 'Squashfs', partition: 'Primary system', arch: 'amd64' },
      ],
      labels: Object.entries(labels).map(([name, value]) => ({ name, value })),
    });
    const pulled = await api.request().get('/api/v1/project/pull/sim').set(bearer(alice.token)).expect(200);
    expect(pulled.body.containers[0].image.sif.labels).toContainEqual({ name: 'MAINTAINER', value: 'Alice' });
  });

  it('takes the labels of Singularity\'s JSON.Generic metadata when there is no labels object', async () => {
    const alice = await api.user();
    await project(alice.token);
    const metadata = { type: 'container', data: { attributes: { labels: { OWNER: 'lab' } } } };
    const sif = makeSif({ objects: [{ type: 0x4006, data: Buffer.from(JSON.stringify(metadata)) }] });
    const pushed = await pushImage(alice.token, sif, 'image-without-extension', 'docker').expect(201);
    expect(pushed.body.image.sif).toMatchObject({ readable: true, labels: [{ name: 'OWNER', value: 'lab' }] });
  });

  it('accepts a malformed or fake SIF as the image, without metadata and saying why', async () => {
    const alice = await api.user();
    await project(alice.token);
    const fake = await pushImage(alice.token, Buffer.from('just some bytes, not a SIF at all'), 'fake.sif').expect(201);
    expect(fake.body.image).toMatchObject({ name: 'fake.sif', size: 33, sif: { readable: false, problem: expect.stringMatching(/shorter than a SIF header/), descriptors: [], labels: [] } });
    const notMagic = await pushImage(alice.token, Buffer.alloc(4096, 0x41), 'other.sif').expect(201);
    expect(notMagic.body.image.sif).toMatchObject({ readable: false, problem: expect.stringMatching(/not a SIF file/) });

    // A header that points its descriptors past the end of the file.
    const broken = makeSif({ objects: [{ type: 0x4003, data: Buffer.from('{}') }] });
    broken.writeBigInt64LE(10n ** 12n, 96);
    const outside = await pushImage(alice.token, broken, 'broken.sif').expect(201);
    expect(outside.body.image.sif).toMatchObject({ readable: false, problem: expect.stringMatching(/^malformed SIF: .*outside the file/) });

    // Absurd descriptor counts are not read.
    const many = makeSif();
    many.writeBigInt64LE(10n ** 9n, 88);
    expect((await pushImage(alice.token, many, 'many.sif').expect(201)).body.image.sif).toMatchObject({ readable: false, problem: expect.stringMatching(/descriptors/) });

    // A labels object that is not JSON leaves the rest of the metadata.
    const badLabels = makeSif({ objects: [{ type: 0x4003, data: Buffer.from('{not json') }] });
    expect((await pushImage(alice.token, badLabels, 'labels.sif').expect(201)).body.image.sif).toMatchObject({ readable: true, problem: 'the labels object is not valid JSON', labels: [] });
    expect(await api.db.models.Container.countDocuments()).toBe(5);
  });

  it('leaves other images alone', async () => {
    const alice = await api.user();
    await project(alice.token);
    const pushed = await pushImage(alice.token, Buffer.alloc(1000, 1), 'image.tar', 'docker').expect(201);
    expect(pushed.body.image.sif).toBeNull();
  });
});

describe('build recipes', () => {
  const dockerfile = 'FROM python:3.12-slim\nRUN pip install numpy==2.1.0\nCOPY sim.py /opt/\nENTRYPOINT ["python", "/opt/sim.py"]\n';

  it('keeps the Dockerfile or definition file sent with a container, in JSON or with an upload', async () => {
    const alice = await api.user();
    await project(alice.token);
    const json = await api
      .request()
      .post('/api/v1/container/push/sim')
      .set(bearer(alice.token))
      .send({ system: 'docker', image: { reference: 'ghcr.io/x/sim:1', digest }, recipe: { name: 'Dockerfile', text: dockerfile } });
    expect(json.status, JSON.stringify(json.body)).toBe(201);
    expect(json.body.recipe).toEqual({ name: 'Dockerfile', text: dockerfile });
    const definition = 'Bootstrap: docker\nFrom: python:3.12\n\n%post\n    pip install numpy\n';
    const multipart = await api
      .request()
      .post('/api/v1/container/push/sim')
      .set(bearer(alice.token))
      .field('metadata', JSON.stringify({ system: 'singularity', recipe: { text: definition } }))
      .attach('image', makeSif(), 'sim.sif')
      .expect(201);
    expect(multipart.body.recipe).toEqual({ name: null, text: definition });
    const pulled = await api.request().get('/api/v1/project/pull/sim').set(bearer(alice.token)).expect(200);
    expect(pulled.body.containers.map((container: { recipe: unknown }) => container.recipe)).toEqual([
      { name: 'Dockerfile', text: dockerfile },
      { name: null, text: definition },
    ]);
    const none = await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'docker' }).expect(201);
    expect(none.body.recipe).toBeNull();
  });

  it('refuses a recipe that is too long or not text with 400, keeping nothing', async () => {
    const alice = await api.user();
    await project(alice.token);
    const long = await api.request().post('/api/v1/container/push/sim').set(bearer(alice.token)).send({ system: 'docker', recipe: { text: 'x'.repeat(65537) } });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/recipe/);
    const binaryRecipe = await api
      .request()
      .post('/api/v1/container/push/sim')
      .set(bearer(alice.token))
      .field('metadata', JSON.stringify({ system: 'docker', recipe: { text: 'FROM x\u0000\u0001' } }))
      .attach('image', Buffer.from('image bytes'), 'image.tar');
    expect(binaryRecipe.status).toBe(400);
    expect(binaryRecipe.body.error.message).toMatch(/NUL/);
    expect(await api.db.models.Container.countDocuments()).toBe(0);
    expect(await api.db.models.File.countDocuments()).toBe(0);
    expect(await api.db.connection.db?.collection('blobs.files').countDocuments()).toBe(0);
  });
});
