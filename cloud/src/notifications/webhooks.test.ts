import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhook, type NotificationKind } from '@reprise/core';
import { createLogger } from '@reprise/http';
import { verifyWebhook } from '@reprise/sdk/node';
import { TEST_JWT_SECRET, useCloud, type SignedIn } from '../test/harness.js';
import { makePair } from '../test/pairs.js';
import { startOutbound, WebhookSender, type SenderOptions } from './senders.js';

// WEBHOOK_ALLOW_PRIVATE is unset for the service: creation refuses local targets. The receivers of
// this file are local, so their webhooks are made by the service function with private targets
// allowed, and senders are given a configuration that allows them where a test says so.
const cloud = useCloud();

/** What a receiver got. */
interface Arrival {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP receiver whose answers the tests choose per request. */
const arrivals: Arrival[] = [];
let answer: (arrival: Arrival) => { status: number; location?: string } | 'hang' = () => ({ status: 200 });
const receiver: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const arrival = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    arrivals.push(arrival);
    const chosen = answer(arrival);
    if (chosen === 'hang') return;
    res.writeHead(chosen.status, chosen.location ? { Location: chosen.location } : {});
    res.end('ok');
  });
});
let port = 0;

let senderLines: string[] = [];
const senderLog = createLogger(
  'info',
  new Writable({
    write(chunk: Buffer, _encoding, callback) {
      senderLines.push(chunk.toString('utf8'));
      callback();
    },
  }),
);

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  arrivals.length = 0;
  answer = () => ({ status: 200 });
});

/** A webhook sender; `allowPrivate` stands for WEBHOOK_ALLOW_PRIVATE=true. */
function webhookSender(allowPrivate: boolean, options: SenderOptions = {}) {
  const config = { ...cloud.config, webhookAllowPrivate: allowPrivate };
  return new WebhookSender({ models: cloud.db.models, blobs: cloud.db.blobs, config, logger: senderLog, jwtSecret: TEST_JWT_SECRET }, options);
}

/** A webhook of `who`'s on a local receiver (private targets allowed, as WEBHOOK_ALLOW_PRIVATE=true does). */
async function localWebhook(who: SignedIn, url = `http://127.0.0.1:${port}/hook`, events?: NotificationKind[]) {
  const { webhook, secret } = await createWebhook(cloud.db, new Types.ObjectId(who.id), { url, events }, { serverSecret: TEST_JWT_SECRET, allowPrivate: true });
  return { id: webhook._id.toHexString(), secret };
}

const reproducible = { codeSame: false, inputsSame: true, outputsSame: true };

/** A pair whose target has a local webhook, and the request the sender then makes. */
async function requestWithWebhook(url?: string) {
  const pair = await makePair(cloud, reproducible);
  const hook = await localWebhook(pair.target, url);
  const res = await pair.sender.browser.post('/cloud/v1/diffs', { from: pair.from._id, toward: pair.toward._id, proposition: 'reproduced' });
  expect(res.status).toBe(201);
  return { pair, hook, request: res.body.id as string };
}

async function deliveriesOf(who: SignedIn, hook: string) {
  const res = await who.browser.get(`/cloud/v1/webhooks/${hook}/deliveries`).expect(200);
  return res.body.data as Array<{ id: string; event: string; state: string; attempts: number; log: Array<{ status: number | null; ms: number; error: string | null }> }>;
}

describe('webhook management', () => {
  it('refuses targets that are not public http(s) with a 400 and stores nothing', async () => {
    const someone = await cloud.signUp();
    const refusedUrls = [
      'ftp://example.org/hook',
      'file:///etc/passwd',
      'not a url',
      `https://example.org/${'a'.repeat(2100)}`,
      'https://user:pass@example.org/hook',
      'http://127.0.0.1/hook',
      'http://localhost:8080/hook',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://0.0.0.0/hook',
    ];
    for (const url of refusedUrls) {
      const res = await someone.browser.post('/cloud/v1/webhooks', { url });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code, url).toBe('webhook_url_refused');
    }
    const localhost = await someone.browser.post('/cloud/v1/webhooks', { url: 'http://localhost:8080/hook' });
    expect(localhost.body.error.message).toContain('127.0.0.1');
    expect((await someone.browser.get('/cloud/v1/webhooks').expect(200)).body.data).toEqual([]);
  });

  it('lists, shows and deletes only the owner\'s webhooks, never with their secret', async () => {
    const owner = await cloud.signUp();
    const other = await cloud.signUp();
    const hook = await localWebhook(owner, `http://127.0.0.1:${port}/hook`, ['request.received']);
    const listed = await owner.browser.get('/cloud/v1/webhooks').expect(200);
    expect(listed.body.data).toEqual([expect.objectContaining({ id: hook.id, url: `http://127.0.0.1:${port}/hook`, events: ['request.received'], disabled: null })]);
    expect(JSON.stringify(listed.body)).not.toContain(hook.secret);
    await other.browser.get(`/cloud/v1/webhooks/${hook.id}`).expect(404);
    await other.browser.delete(`/cloud/v1/webhooks/${hook.id}`).expect(404);
    await owner.browser.get(`/cloud/v1/webhooks/${hook.id}`).expect(200);
    await owner.browser.delete(`/cloud/v1/webhooks/${hook.id}`).expect(204);
    await owner.browser.get(`/cloud/v1/webhooks/${hook.id}`).expect(404);
  });
});

describe('webhook deliveries', () => {
  it('POSTs each event to a real receiver, signed so that the SDK\'s verifyWebhook accepts it', async () => {
    senderLines = [];
    const { pair, hook, request } = await requestWithWebhook();
    expect(await webhookSender(true).runOnce()).toBe(1);
    expect(arrivals).toHaveLength(1);
    const arrival = arrivals[0];
    if (!arrival) throw new Error('nothing arrived');
    expect(arrival.path).toBe('/hook');
    expect(arrival.headers['content-type']).toBe('application/json');
    expect(arrival.headers['x-reprise-event']).toBe('request.received');
    expect(verifyWebhook(arrival.body, arrival.headers['x-reprise-signature'], hook.secret)).toBe(true);
    expect(verifyWebhook(arrival.body.replace('reproduced', 'repeated'), arrival.headers['x-reprise-signature'], hook.secret)).toBe(false);
    expect(verifyWebhook(arrival.body, arrival.headers['x-reprise-signature'], 'whsec_another')).toBe(false);
    const body = JSON.parse(arrival.body) as { id: string; event: string; created: string; data: { request: { id: string } } };
    expect(body).toMatchObject({ event: 'request.received', data: { request: { id: request, status: 'proposed', proposition: 'reproduced' } } });
    expect(Object.keys(body).sort()).toEqual(['created', 'data', 'event', 'id']);
    const [notification] = (await pair.target.browser.get('/cloud/v1/notifications').expect(200)).body.data as Array<{ id: string }>;
    expect(body.id).toBe(notification?.id);

    const [delivery] = await deliveriesOf(pair.target, hook.id);
    expect(delivery).toMatchObject({ state: 'sent', attempts: 1, event: body.id });
    expect(arrival.headers['x-reprise-delivery']).toBe(delivery?.id);
    expect(delivery?.log).toEqual([expect.objectContaining({ status: 200, error: null })]);
    expect(delivery?.log[0]?.ms).toBeGreaterThanOrEqual(0);
    // The webhook's events filter: this one takes every kind; a sender-side event reaches only the sender's webhooks.
    expect(cloud.logs() + senderLines.join('')).not.toContain(hook.secret);
  });

  it('retries after the receiver answers 500, then succeeds on its 200', async () => {
    const { pair, hook } = await requestWithWebhook();
    let now = new Date('2030-01-01T00:00:00Z');
    const sender = webhookSender(true, { clock: () => now, delays: [30_000, 120_000] });
    answer = () => ({ status: 500 });
    expect(await sender.runOnce()).toBe(1);
    let [delivery] = await deliveriesOf(pair.target, hook.id);
    expect(delivery).toMatchObject({ state: 'queued', attempts: 1, log: [expect.objectContaining({ status: 500 })] });
    now = new Date(now.getTime() + 29_000);
    expect(await sender.runOnce()).toBe(0);
    answer = () => ({ status: 200 });
    now = new Date(now.getTime() + 1_000);
    expect(await sender.runOnce()).toBe(1);
    [delivery] = await deliveriesOf(pair.target, hook.id);
    expect(delivery).toMatchObject({ state: 'sent', attempts: 2 });
    expect(delivery?.log.map((attempt) => attempt.status)).toEqual([500, 200]);
    expect(arrivals).toHaveLength(2);
    expect(arrivals[0]?.body).toBe(arrivals[1]?.body);
    const webhook = await pair.target.browser.get(`/cloud/v1/webhooks/${hook.id}`).expect(200);
    expect(webhook.body).toMatchObject({ failures: 0, disabled: null });
  });

  it('cuts a receiver that does not answer in time and counts it as a failure', async () => {
    const { pair, hook } = await requestWithWebhook();
    answer = () => 'hang';
    expect(await webhookSender(true, { webhookTimeoutMs: 300 }).runOnce()).toBe(1);
    const [delivery] = await deliveriesOf(pair.target, hook.id);
    expect(delivery).toMatchObject({ state: 'queued', log: [expect.objectContaining({ status: null, error: 'no answer within 0.3 s' })] });
    receiver.closeAllConnections();
  });

  it('records a failure, not a crash of the sender, when the server\'s secret changed since the webhook was made', async () => {
    const { pair, hook } = await requestWithWebhook();
    const config = { ...cloud.config, webhookAllowPrivate: true };
    const sender = new WebhookSender({ models: cloud.db.models, blobs: cloud.db.blobs, config, logger: senderLog, jwtSecret: 'another-secret-another-secret-0123456789' });
    expect(await sender.runOnce()).toBe(1);
    expect(arrivals).toHaveLength(0);
    const [delivery] = await deliveriesOf(pair.target, hook.id);
    expect(delivery?.log[0]?.error).toContain("the webhook's secret cannot be read");
  });

  it('refuses at delivery time a host that resolves to a loopback address when private targets are not allowed', async () => {
    const { pair, hook } = await requestWithWebhook(`http://localhost:${port}/hook`);
    expect(await webhookSender(false).runOnce()).toBe(1);
    expect(arrivals).toHaveLength(0);
    const [delivery] = await deliveriesOf(pair.target, hook.id);
    expect(delivery?.log[0]?.status).toBeNull();
    expect(delivery?.log[0]?.error).toMatch(/"localhost" is on a private, loopback or link-local network \((127\.0\.0\.1|::1)\)/);
  });

  it('checks every redirect again: followed to an allowed target, refused to a non-http one', async () => {
    const { pair, hook } = await requestWithWebhook(`http://127.0.0.1:${port}/moved`);
    answer = (arrival) => (arrival.path === '/moved' ? { status: 307, location: '/hook' } : { status: 200 });
    expect(await webhookSender(true).runOnce()).toBe(1);
    expect(arrivals.map((arrival) => arrival.path)).toEqual(['/moved', '/hook']);
    expect(arrivals[1]?.headers['x-reprise-signature']).toBe(arrivals[0]?.headers['x-reprise-signature']);
    expect((await deliveriesOf(pair.target, hook.id))[0]).toMatchObject({ state: 'sent' });

    const other = await requestWithWebhook(`http://127.0.0.1:${port}/elsewhere`);
    arrivals.length = 0;
    answer = (arrival) => (arrival.path === '/elsewhere' ? { status: 302, location: 'file:///etc/passwd' } : { status: 200 });
    expect(await webhookSender(true).runOnce()).toBe(1);
    expect(arrivals.map((arrival) => arrival.path)).toEqual(['/elsewhere']);
    const [refused] = await deliveriesOf(other.pair.target, other.hook.id);
    expect(refused?.log[0]?.error).toContain('not file://');
  });

  it('disables a webhook after repeated failures, says so, and sends again once enabled and asked to redeliver', async () => {
    const { pair, hook } = await requestWithWebhook();
    let now = new Date('2030-01-01T00:00:00Z');
    const sender = webhookSender(true, { clock: () => now, delays: [1_000, 1_000, 1_000], disableAfter: 2 });
    answer = () => ({ status: 503 });
    await sender.runOnce();
    now = new Date(now.getTime() + 1_000);
    await sender.runOnce();
    const disabled = await pair.target.browser.get(`/cloud/v1/webhooks/${hook.id}`).expect(200);
    expect(disabled.body).toMatchObject({ failures: 2, disabled: { reason: '2 failed attempts in a row, the last: HTTP 503' } });
    const [failed] = await deliveriesOf(pair.target, hook.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 2 });
    now = new Date(now.getTime() + 60_000);
    expect(await sender.runOnce()).toBe(0);

    const refused = await pair.target.browser.post(`/cloud/v1/webhooks/${hook.id}/deliveries/${failed?.id}/redeliver`).expect(409);
    expect(refused.body.error.code).toBe('webhook_disabled');
    await pair.target.browser.post(`/cloud/v1/webhooks/${hook.id}/enable`).expect(200);
    const again = await pair.target.browser.post(`/cloud/v1/webhooks/${hook.id}/deliveries/${failed?.id}/redeliver`).expect(202);
    expect(again.body).toMatchObject({ state: 'queued', event: failed?.event, attempts: 0 });
    answer = () => ({ status: 204 });
    arrivals.length = 0;
    expect(await sender.runOnce()).toBe(1);
    expect(arrivals[0]?.headers['x-reprise-delivery']).toBe(again.body.id);
    expect(JSON.parse(arrivals[0]?.body ?? '{}')).toMatchObject({ id: failed?.event });
    await pair.sender.browser.post(`/cloud/v1/webhooks/${hook.id}/deliveries/${failed?.id}/redeliver`).expect(404);
  });

  it('delivers only the kinds a webhook asked for', async () => {
    const pair = await makePair(cloud, reproducible);
    await localWebhook(pair.target, `http://127.0.0.1:${port}/withdrawn-only`, ['request.withdrawn']);
    const res = await pair.sender.browser.post('/cloud/v1/diffs', { from: pair.from._id, toward: pair.toward._id, proposition: 'reproduced' }).expect(201);
    await pair.sender.browser.post(`/cloud/v1/diffs/${res.body.id as string}/withdraw`).expect(200);
    await webhookSender(true).runOnce();
    expect(arrivals.map((arrival) => arrival.headers['x-reprise-event'])).toEqual(['request.withdrawn']);
  });

  it('are sent by the outbound loop on its own, which stops cleanly; without SMTP_URL no email is queued', async () => {
    const { pair } = await requestWithWebhook();
    const loop = startOutbound([webhookSender(true)], senderLog, 20);
    try {
      for (let waited = 0; arrivals.length === 0 && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await loop.stop();
    }
    expect(arrivals).toHaveLength(1);
    // Nothing runs after stop(): a new event stays queued.
    await pair.sender.browser.post(`/cloud/v1/diffs/${JSON.parse(arrivals[0]?.body ?? '{}').data.request.id as string}/withdraw`).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(arrivals).toHaveLength(1);
    expect(await cloud.db.models.Mail.countDocuments({})).toBe(0);
  });
});
