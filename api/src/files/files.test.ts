import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SpecValidator } from '@reprise/core';
import { bearer, binary, useApi } from '../test/harness.js';
import { makeSealedPair, SEALED_OUTPUT } from '../test/verdicts.js';

const api = useApi({ MAX_UPLOAD_BYTES: '64KiB' });
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

async function withRecord() {
  const alice = await api.user();
  await api.request().post('/api/v1/project/push/sim').set(bearer(alice.token)).send({}).expect(201);
  await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r1' }).expect(201);
  return alice;
}

const blobCount = async () => (await api.db.connection.db?.collection('blobs.files').countDocuments()) ?? -1;

describe('file push', () => {
  it('attaches inputs and outputs with their digests, sizes, names and paths', async () => {
    const alice = await withRecord();
    const params = Buffer.from('{"seed": 7}\n');
    const data = Buffer.from('x,y\n1,2\n');
    const res = await api
      .request()
      .post('/api/v1/file/push/sim/r1')
      .set(bearer(alice.token))
      .field('manifest', JSON.stringify({ files: [{ field: 'outputs', filename: 'data.csv', path: 'out/data.csv', sha256: sha256(data), mediaType: 'text/csv' }] }))
      .attach('inputs', params, { filename: 'params.json', contentType: 'application/json' })
      .attach('outputs', data, { filename: 'data.csv', contentType: 'application/octet-stream' });
    expect(res.status).toBe(200);
    expect(res.body.inputs).toEqual([{ name: 'params.json', path: null, sha256: sha256(params), size: params.length, mediaType: 'application/json', file: expect.any(String) }]);
    expect(res.body.outputs).toEqual([{ name: 'data.csv', path: 'out/data.csv', sha256: sha256(data), size: data.length, mediaType: 'text/csv', file: expect.any(String) }]);
  });

  it('stores identical content once, however many records carry it', async () => {
    const alice = await withRecord();
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r2' }).expect(201);
    const same = Buffer.from('identical bytes');
    for (const label of ['r1', 'r2']) {
      await api.request().post(`/api/v1/file/push/sim/${label}`).set(bearer(alice.token)).attach('outputs', same, 'o.txt').expect(200);
    }
    expect(await api.db.models.File.countDocuments()).toBe(1);
    expect(await blobCount()).toBe(1);
  });

  it('refuses bytes that do not match the digest the record declared, keeping nothing of the request', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/sim').set(bearer(alice.token)).send({}).expect(201);
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r1', outputs: [{ name: 'o.txt', sha256: sha256('expected') }] }).expect(201);
    const res = await api
      .request()
      .post('/api/v1/file/push/sim/r1')
      .set(bearer(alice.token))
      .attach('inputs', Buffer.from('fine input'), 'in.txt')
      .attach('outputs', Buffer.from('something else'), 'o.txt');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'digest_mismatch', details: { mismatches: [{ name: 'o.txt', declared: sha256('expected'), actual: sha256('something else') }] } });
    expect(await api.db.models.File.countDocuments()).toBe(0);
    expect(await blobCount()).toBe(0);
    const record = await api.request().get('/api/v1/record/display/sim/r1').set(bearer(alice.token)).expect(200);
    expect(record.body.inputs).toEqual([]);
    expect(record.body.outputs[0].file).toBeNull();
  });

  it('replaces an uploaded entry of the same name and side with the new bytes, without duplicates, and drops the old bytes', async () => {
    const alice = await withRecord();
    const first = Buffer.from('x,y\n1,2\n');
    const second = Buffer.from('x,y\n1,3\n4,5\n');
    await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('outputs', first, 'data.csv').attach('inputs', first, 'data.csv').expect(200);
    const res = await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('outputs', second, 'data.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.outputs).toEqual([expect.objectContaining({ name: 'data.csv', sha256: sha256(second), size: second.length, file: expect.any(String) })]);
    // The input of the same name is another entry: it keeps its bytes.
    expect(res.body.inputs).toEqual([expect.objectContaining({ name: 'data.csv', sha256: sha256(first), size: first.length })]);
    const download = await api.request().get('/api/v1/file/pull/sim/r1/data.csv').set(bearer(alice.token)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(download.body as Buffer, second)).toBe(0);
    expect(await api.db.models.File.countDocuments()).toBe(2);

    // Replacing the input too leaves the first bytes unreferenced: they are deleted.
    await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('inputs', second, 'data.csv').expect(200);
    expect((await api.db.models.File.find().lean()).map((file) => file.sha256)).toEqual([sha256(second)]);
    expect(await blobCount()).toBe(1);
  });

  it('keeps the entry and its bytes when a replacement fails its manifest digest', async () => {
    const alice = await withRecord();
    const first = Buffer.from('first');
    await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('outputs', first, 'o.txt').expect(200);
    const res = await api
      .request()
      .post('/api/v1/file/push/sim/r1')
      .set(bearer(alice.token))
      .field('manifest', JSON.stringify({ files: [{ field: 'outputs', filename: 'o.txt', sha256: sha256('what was meant') }] }))
      .attach('outputs', Buffer.from('second'), 'o.txt');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('digest_mismatch');
    const record = await api.request().get('/api/v1/record/display/sim/r1').set(bearer(alice.token)).expect(200);
    expect(record.body.outputs).toEqual([expect.objectContaining({ name: 'o.txt', sha256: sha256(first), size: first.length })]);
    expect(await api.db.models.File.countDocuments()).toBe(1);
    expect(await blobCount()).toBe(1);
  });

  it('refuses a file larger than the upload limit with 413 and keeps nothing', async () => {
    const alice = await withRecord();
    const res = await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('outputs', Buffer.alloc(65 * 1024, 1), 'big.bin');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(await blobCount()).toBe(0);
    expect(await api.db.models.File.countDocuments()).toBe(0);
  });

  it('refuses path traversal in names and paths with 400', async () => {
    const alice = await withRecord();
    const viaManifest = await api
      .request()
      .post('/api/v1/file/push/sim/r1')
      .set(bearer(alice.token))
      .field('manifest', JSON.stringify({ files: [{ field: 'outputs', filename: 'o.txt', path: '../../etc/passwd' }] }))
      .attach('outputs', Buffer.from('x'), 'o.txt');
    expect(viaManifest.status).toBe(400);
    const viaName = await api
      .request()
      .post('/api/v1/file/push/sim/r1')
      .set(bearer(alice.token))
      .field('manifest', JSON.stringify({ files: [{ field: 'outputs', filename: 'o.txt', name: '..' }] }))
      .attach('outputs', Buffer.from('x'), 'o.txt');
    expect(viaName.status).toBe(400);
    expect(await blobCount()).toBe(0);
  });

  it('rejects unexpected file fields, missing files and non-multipart bodies with clear 4xx', async () => {
    const alice = await withRecord();
    const field = await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('results', Buffer.from('x'), 'o.txt');
    expect(field.status).toBe(400);
    expect(field.body.error.message).toMatch(/results/);
    const none = await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).field('manifest', '{"files":[]}');
    expect(none.status).toBe(400);
    const json = await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).send({ files: [] });
    expect(json.status).toBe(415);
    const unknownRecord = await api.request().post('/api/v1/file/push/sim/nope').set(bearer(alice.token)).attach('outputs', Buffer.from('x'), 'o.txt');
    expect(unknownRecord.status).toBe(404);
    expect(await blobCount()).toBe(0);
  });

  it('keeps a Unicode file name intact', async () => {
    const alice = await withRecord();
    const res = await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('outputs', Buffer.from('ü'), 'résultat-η.txt');
    expect(res.status).toBe(200);
    expect(res.body.outputs[0].name).toBe('résultat-η.txt');
    const download = await api.request().get(`/api/v1/file/pull/sim/r1/${encodeURIComponent('résultat-η.txt')}`).set(bearer(alice.token));
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''r%C3%A9sultat-%CE%B7.txt");
  });
});

describe('file pull', () => {
  it('downloads by name, digest or id with Content-Length and an ETag, and answers 304 when current', async () => {
    const alice = await withRecord();
    const data = Buffer.from('0123456789abcdef');
    const pushed = await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('outputs', data, 'o.bin').expect(200);
    for (const ref of ['o.bin', sha256(data), pushed.body.outputs[0].file]) {
      const res = await api.request().get(`/api/v1/file/pull/sim/r1/${ref}`).set(bearer(alice.token)).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(Buffer.compare(res.body as Buffer, data)).toBe(0);
      expect(res.headers['content-length']).toBe(String(data.length));
      expect(res.headers.etag).toBe(`"${sha256(data)}"`);
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    }
    const cached = await api.request().get('/api/v1/file/pull/sim/r1/o.bin').set(bearer(alice.token)).set('If-None-Match', `"${sha256(data)}"`);
    expect(cached.status).toBe(304);
  });

  it('downloads a file as the media type it was pushed with, which openapi.yaml allows for any type', async () => {
    const alice = await withRecord();
    const text = Buffer.from('plain words\n');
    const table = Buffer.from([0x89, 0x48, 0x44, 0x46]);
    await api
      .request()
      .post('/api/v1/file/push/sim/r1')
      .set(bearer(alice.token))
      .attach('outputs', text, { filename: 'notes.txt', contentType: 'text/plain' })
      .attach('inputs', table, { filename: 'field.h5', contentType: 'application/x-hdf5' })
      .expect(200);
    const notes = await api.request().get('/api/v1/file/pull/sim/r1/notes.txt').set(bearer(alice.token)).buffer(true).parse(binary).expect(200);
    expect(notes.headers['content-type']).toMatch(/^text\/plain(;|$)/);
    expect(notes.headers['x-content-type-options']).toBe('nosniff');
    const field = await api.request().get('/api/v1/file/pull/sim/r1/field.h5').set(bearer(alice.token)).set('Range', 'bytes=1-2').buffer(true).parse(binary).expect(206);
    expect(field.headers['content-type']).toBe('application/x-hdf5');
    // The fuzzer checks every response against openapi.yaml: a download may be of any media type there.
    const { responses } = SpecValidator.load().document.components as { responses: Record<string, { content: object }> };
    for (const name of ['Download', 'PartialDownload']) expect(Object.keys(responses[name]?.content ?? {})).toEqual(['*/*']);
  });

  it('honours byte ranges, suffix ranges, and refuses ranges past the end with 416', async () => {
    const alice = await withRecord();
    const data = Buffer.from('0123456789abcdef');
    await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('outputs', data, 'o.bin').expect(200);
    const middle = await api.request().get('/api/v1/file/pull/sim/r1/o.bin').set(bearer(alice.token)).set('Range', 'bytes=2-5').buffer(true).parse(binary);
    expect(middle.status).toBe(206);
    expect((middle.body as Buffer).toString()).toBe('2345');
    expect(middle.headers['content-range']).toBe('bytes 2-5/16');
    const tail = await api.request().get('/api/v1/file/pull/sim/r1/o.bin').set(bearer(alice.token)).set('Range', 'bytes=-3').buffer(true).parse(binary);
    expect((tail.body as Buffer).toString()).toBe('def');
    const open = await api.request().get('/api/v1/file/pull/sim/r1/o.bin').set(bearer(alice.token)).set('Range', 'bytes=14-').buffer(true).parse(binary);
    expect((open.body as Buffer).toString()).toBe('ef');
    const past = await api.request().get('/api/v1/file/pull/sim/r1/o.bin').set(bearer(alice.token)).set('Range', 'bytes=100-');
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */16');
    // The refusal is a JSON error, not the file's type, name or ETag (found by fuzzing).
    expect(past.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(past.headers['content-disposition']).toBeUndefined();
    expect(past.headers.etag).toBeUndefined();
    expect(past.body.error.code).toBe('range_not_satisfiable');
  });

  it('only serves files attached to the named record, and hides private records\' files', async () => {
    const alice = await withRecord();
    const bob = await api.user();
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r2' }).expect(201);
    const data = Buffer.from('secret');
    const pushed = await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('outputs', data, 'o.bin').expect(200);
    await api.request().get(`/api/v1/file/pull/sim/r2/${sha256(data)}`).set(bearer(alice.token)).expect(404);
    const project = await api.request().get('/api/v1/project/pull/sim').set(bearer(alice.token));
    await api.request().get(`/api/v1/file/pull/${project.body.id}/r1/${pushed.body.outputs[0].file}`).set(bearer(bob.token)).expect(404);
  });

  it('says that a declared file was never uploaded', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/sim').set(bearer(alice.token)).send({}).expect(201);
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r1', outputs: [{ name: 'later.csv' }] }).expect(201);
    const res = await api.request().get('/api/v1/file/pull/sim/r1/later.csv').set(bearer(alice.token));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('file_not_uploaded');
  });
});

describe('file push to a sealed record', () => {
  it('refuses new bytes for an output, a new output and a new input with 409 record_sealed, storing nothing', async () => {
    const { target, verdict } = await makeSealedPair(api);
    const before = await blobCount();
    for (const [field, name, content] of [
      ['outputs', 'out.txt', 'dimension 1.6512\n'],
      ['outputs', 'plot.png', 'png'],
      ['inputs', 'lattice.txt', 'lattice'],
    ] as const) {
      const res = await api.request().post('/api/v1/file/push/sim/r1').set(bearer(target.token)).attach(field, Buffer.from(content), name);
      expect(res.status, name).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'record_sealed', details: { diffRequest: verdict._id.toHexString() } });
    }
    expect(await blobCount()).toBe(before);
    const record = await api.request().get('/api/v1/record/display/sim/r1').set(bearer(target.token)).expect(200);
    expect(record.body.outputs).toEqual([expect.objectContaining({ name: 'out.txt', sha256: sha256(SEALED_OUTPUT) })]);
    expect(record.body.inputs).toEqual([]);
  });
});
