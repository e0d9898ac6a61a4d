import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, useApi } from '../test/harness.js';

const api = useApi();
let server: Server;
let port: number;
beforeAll(async () => {
  server = api.app().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends the start of a multipart upload, then drops the connection. */
async function abortedUpload(path: string, token: string, field: string, sentBytes: number): Promise<void> {
  const boundary = 'reprise-abort-test';
  await new Promise<void>((resolve) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      headers: { ...bearer(token), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(10 * 1024 * 1024) },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
    req.write(Buffer.alloc(sentBytes, 7), () => {
      setTimeout(() => req.destroy(), 200);
    });
  });
}

describe('a client that disconnects mid-upload', () => {
  it('leaves no file, no record reference and no blob behind', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/sim').set(bearer(alice.token)).send({}).expect(201);
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'r1' }).expect(201);

    await abortedUpload('/api/v1/file/push/sim/r1', alice.token, 'outputs', 2 * 1024 * 1024);
    await abortedUpload('/api/v1/container/push/sim', alice.token, 'image', 1024 * 1024);

    const db = api.db.connection.db;
    await expect.poll(async () => (await db?.collection('blobs.chunks').countDocuments()) ?? -1, { timeout: 10_000 }).toBe(0);
    expect(await db?.collection('blobs.files').countDocuments()).toBe(0);
    expect(await api.db.models.File.countDocuments()).toBe(0);
    expect(await api.db.models.Container.countDocuments()).toBe(0);
    const record = await api.request().get('/api/v1/record/display/sim/r1').set(bearer(alice.token)).expect(200);
    expect(record.body.outputs).toEqual([]);

    // The service still works afterwards.
    await api.request().post('/api/v1/file/push/sim/r1').set(bearer(alice.token)).attach('outputs', Buffer.from('fine'), 'ok.txt').expect(200);
  });
});
