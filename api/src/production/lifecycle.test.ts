import { request as httpRequest, type ClientRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { makeUser, startServiceProcess, useTestDatabase, type ServiceProcess } from '@reprise/tools/testing';

const db = useTestDatabase();
const started: ServiceProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((service) => service.stop()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const BOUNDARY = 'reprise-lifecycle';

async function service(env: Record<string, string> = {}): Promise<ServiceProcess> {
  const mongodbUri = db.uri.replace(/\/[^/?]*(\?|$)/, `/${db.name}$1`);
  const api = await startServiceProcess('api', { mongodbUri, env });
  started.push(api);
  return api;
}

/** Starts a multipart upload of `total` bytes to a record; the caller sends the body with send(). */
function openUpload(api: ServiceProcess, token: string, total: number): { req: ClientRequest; response: Promise<{ status: number; body: string }>; head: string; tail: string } {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="outputs"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${BOUNDARY}--\r\n`;
  const req = httpRequest({
    host: '127.0.0.1',
    port: api.port,
    method: 'POST',
    path: '/api/v1/file/push/p/r',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Content-Length': String(head.length + total + tail.length) },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
  return { req, response, head, tail };
}

async function setUp(api: ServiceProcess) {
  const alice = await makeUser(db.models);
  const json = { Authorization: `Bearer ${alice.token}`, 'Content-Type': 'application/json' };
  await fetch(`${api.url}/api/v1/project/push/p`, { method: 'POST', headers: json, body: '{}' });
  await fetch(`${api.url}/api/v1/record/push/p`, { method: 'POST', headers: json, body: '{"label":"r"}' });
  return alice;
}

describe('graceful shutdown', () => {
  it('on SIGTERM refuses new connections, finishes the upload in flight, then exits cleanly', async () => {
    const api = await service();
    const alice = await setUp(api);
    const chunk = Buffer.alloc(64 * 1024, 7);
    const chunks = 40;
    const upload = openUpload(api, alice.token, chunk.length * chunks);
    upload.req.write(upload.head);
    for (let i = 0; i < 10; i += 1) {
      upload.req.write(chunk);
      await sleep(50);
    }
    api.kill('SIGTERM');
    await sleep(300);
    // No new connection is accepted…
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(api.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    expect(api.alive()).toBe(true);
    // …while the upload in flight goes on to the end and is stored.
    for (let i = 10; i < chunks; i += 1) {
      upload.req.write(chunk);
      await sleep(20);
    }
    upload.req.end(upload.tail);
    const answer = await upload.response;
    expect(answer.status, answer.body).toBe(200);
    expect(await api.exited).toBe(0);
    const record = await db.models.Record.findOne({ label: 'r' }).lean();
    expect(record?.outputs.map((output) => [output.name, output.size])).toEqual([['big.bin', chunk.length * chunks]]);
    expect(api.output()).toContain('shutting down: finishing in-flight requests');
  }, 60_000);
});

describe('slow clients', () => {
  it('closes a connection whose upload stalls for IDLE_TIMEOUT_SECONDS, and keeps nothing of it', async () => {
    const api = await service({ IDLE_TIMEOUT_SECONDS: '2' });
    const alice = await setUp(api);
    const upload = openUpload(api, alice.token, 10 * 1024 * 1024);
    upload.response.catch(() => undefined);
    const closed = new Promise<number>((resolve) => upload.req.on('close', () => resolve(Date.now())));
    upload.req.write(upload.head);
    upload.req.write(Buffer.alloc(256 * 1024, 1));
    const stalled = Date.now();
    const at = await Promise.race([closed, sleep(15_000).then(() => Number.NaN)]);
    expect(at - stalled).toBeGreaterThanOrEqual(1500);
    expect(at - stalled).toBeLessThan(8000);
    // The part that arrived is discarded: no file, no blob, no reference.
    await expect.poll(async () => (await db.connection.db?.collection('blobs.chunks').countDocuments()) ?? -1, { timeout: 10_000 }).toBe(0);
    expect(await db.models.File.countDocuments()).toBe(0);
    expect((await db.models.Record.findOne({ label: 'r' }).lean())?.outputs).toEqual([]);
    expect(api.alive()).toBe(true);
  }, 60_000);

  it('closes a connection that sends its headers too slowly (slow loris)', async () => {
    const api = await service({ IDLE_TIMEOUT_SECONDS: '2' });
    const socket = connect(api.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // The server cuts the connection: writes after that fail with EPIPE, which is expected.
    socket.on('error', () => undefined);
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
    const opened = Date.now();
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    // One header line a second: never idle for long, but the head never completes.
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(`X-Drip-${Date.now()}: 1\r\n`);
    }, 1000);
    const at = await Promise.race([closed, sleep(20_000).then(() => Number.NaN)]);
    clearInterval(drip);
    socket.destroy();
    expect(at - opened).toBeLessThan(8000);
    // The service still answers others.
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
