import { Writable } from 'node:stream';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig, SpecValidator } from '@reprise/core';
import { createLogger } from '@reprise/http';
import { createApp } from '../app.js';
import { bearer, useApi } from '../test/harness.js';

const api = useApi({ PUSH_RATE_LIMIT: '5' });

/** A second API instance on the same database, as behind a load balancer (an undefined variable takes its default). */
function secondInstance(env: Record<string, string | undefined> = {}) {
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  return createApp({
    models: api.db.models,
    blobs: api.db.blobs,
    spec: SpecValidator.load(),
    config: loadConfig({ DATA_DIR: '/tmp/reprise-test-unused', PUSH_RATE_LIMIT: '5', ...env }),
    logger: createLogger('info', sink),
  });
}

describe('security headers', () => {
  it('sends JSON with a policy that loads nothing, no sniffing, no framing, no referrer and no X-Powered-By', async () => {
    const alice = await api.user();
    for (const res of [
      await api.request().get('/api/v1/project/search').set(bearer(alice.token)),
      await api.request().get('/api/v1/project/search'),
      await api.request().get('/api/v1/nowhere').set(bearer(alice.token)),
      await api.request().get('/healthz'),
    ]) {
      expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('lets the interactive documentation run its own scripts and styles, and nothing from elsewhere', async () => {
    const page = await api.request().get('/api/docs/').expect(200);
    const policy = page.headers['content-security-policy'] as string;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Every script the page loads is its own.
    for (const match of page.text.matchAll(/<script[^>]*src="([^"]+)"/g)) expect(match[1]).not.toMatch(/^(https?:)?\/\//);
  });
});

describe('push rate limit', () => {
  it('refuses pushes beyond PUSH_RATE_LIMIT per token with 429 and Retry-After, counted across instances, leaving reads and other tokens alone', async () => {
    const alice = await api.user('Alice');
    const bob = await api.user('Bob');
    const other = supertest(secondInstance());
    await api.request().post('/api/v1/project/push/p').set(bearer(alice.token)).send({}).expect(201);
    await other.post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: 'a' }).expect(201);
    await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: 'b' }).expect(201);
    const fourth = await other.post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: 'c' }).expect(201);
    expect(fourth.headers['ratelimit-limit']).toBe('5');
    expect(fourth.headers['ratelimit-remaining']).toBe('1');
    await api.request().post('/api/v1/record/push/p/c').set(bearer(alice.token)).send({ status: 'started' }).expect(200);

    for (const app of [api.request(), other]) {
      const refused = await app.post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: 'too-many' });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('too_many_requests');
      expect(refused.body.error.message).toMatch(/more than 5 times in a minute/);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.body.error.details).toEqual({ retryAfter });
    }
    expect(await api.db.models.Record.countDocuments({ label: 'too-many' })).toBe(0);
    // Reads go on; another token has its own budget.
    await other.get('/api/v1/record/display/p').set(bearer(alice.token)).expect(200);
    await api.request().post('/api/v1/project/push/q').set(bearer(bob.token)).send({}).expect(201);
  });

  it('lets a parameter sweep through by default: 64 parallel one-second runs, a create and three updates each, for a minute', { timeout: 120_000 }, async () => {
    const alice = await api.user();
    const defaults = supertest(secondInstance({ PUSH_RATE_LIMIT: undefined }));
    const RUNS = 64;
    // The first 59 seconds of the sweep, counted where every instance counts pushes; the last one runs for real.
    await api.db.models.User.updateOne({ _id: alice.user._id }, { $set: { pushes: { count: RUNS * 4 * 59, ends: new Date(Date.now() + 60_000) } } });
    await defaults.post('/api/v1/project/push/sweep').set(bearer(alice.token)).send({}).expect(201);
    const statuses = await Promise.all(
      Array.from({ length: RUNS }, async (_, run) => {
        const seen = [(await defaults.post('/api/v1/record/push/sweep').set(bearer(alice.token)).send({ label: `run-${run}`, parameters: { seed: run } })).status];
        for (const status of ['started', 'running', 'finished']) {
          seen.push((await defaults.post(`/api/v1/record/push/sweep/run-${run}`).set(bearer(alice.token)).send({ status })).status);
        }
        return seen;
      }),
    );
    expect(statuses.flat().filter((status) => status === 429)).toEqual([]);
    expect(await api.db.models.Record.countDocuments({ status: 'finished' })).toBe(RUNS);
    // Above the default, the limit still holds.
    const limit = Number((await defaults.post('/api/v1/record/push/sweep/run-0').set(bearer(alice.token)).send({ status: 'finished' }).expect(200)).headers['ratelimit-limit']);
    expect(limit).toBeGreaterThanOrEqual(RUNS * 4 * 60 + 1);
    await api.db.models.User.updateOne({ _id: alice.user._id }, { $set: { 'pushes.count': limit } });
    const refused = await defaults.post('/api/v1/record/push/sweep').set(bearer(alice.token)).send({ label: 'one-too-many' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain(`more than ${limit} times in a minute`);
    expect(await api.db.models.Record.countDocuments({ label: 'one-too-many' })).toBe(0);
  });

  it('holds under concurrency, as a window starts and as an expired one restarts, across instances, and counts no push of a wrong token', async () => {
    const alice = await api.user();
    const other = supertest(secondInstance());
    await api.db.models.Project.create({ owner: alice.user._id, name: 'p', private: true, history: [] });
    const burst = async (round: string) =>
      await Promise.all(
        Array.from({ length: 12 }, async (_, i) => (await (i % 2 === 0 ? api.request() : other).post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: `${round}-${i}` })).status),
      );
    const first = await burst('first');
    expect(first.filter((status) => status === 201)).toHaveLength(5);
    expect(first.filter((status) => status === 429)).toHaveLength(7);
    // The window ran out: the next burst restarts it, and again only five get through.
    await api.db.models.User.updateOne({ _id: alice.user._id }, { $set: { 'pushes.ends': new Date(Date.now() - 1000) } });
    const second = await burst('second');
    expect(second.filter((status) => status === 201)).toHaveLength(5);
    expect(await api.db.models.Record.countDocuments({ owner: alice.user._id })).toBe(10);
    // A revoked token is refused before anything is counted.
    const before = (await api.db.models.User.findById(alice.user._id).lean())?.pushes?.count;
    await api.request().post('/api/v1/record/push/p').set(bearer(`${alice.token}x`)).send({ label: 'wrong' }).expect(401);
    expect((await api.db.models.User.findById(alice.user._id).lean())?.pushes?.count).toBe(before);
  });

  it('counts nothing when PUSH_RATE_LIMIT is 0', async () => {
    const alice = await api.user();
    const unlimited = supertest(secondInstance({ PUSH_RATE_LIMIT: '0' }));
    await unlimited.post('/api/v1/project/push/p').set(bearer(alice.token)).send({}).expect(201);
    for (let i = 0; i < 8; i += 1) await unlimited.post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: `r${i}` }).expect(201);
    expect((await api.db.models.User.findById(alice.user._id).lean())?.pushes).toBeUndefined();
  });
});

describe('metrics', () => {
  it('serves Prometheus metrics: requests by route pattern and status, latency, server errors, bytes received and the process', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/m').set(bearer(alice.token)).send({ description: 'x'.repeat(10_000) }).expect(201);
    await api.request().post('/api/v1/record/push/m').set(bearer(alice.token)).send({ label: 'r' }).expect(201);
    await api.request().post('/api/v1/file/push/m/r').set(bearer(alice.token)).attach('outputs', Buffer.alloc(50_000, 1), 'o.bin').expect(200);
    await api.request().get('/api/v1/record/display/m/nope').set(bearer(alice.token)).expect(404);
    const res = await api.request().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    // One sample line with all these labels (label order is the library's).
    const sample = (name: string, labels: Record<string, string>) =>
      text.split('\n').find((line) => line.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)));
    const value = (line: string | undefined) => Number(line?.split(' ').at(-1));
    expect(value(sample('reprise_http_requests_total', { method: 'POST', route: '/api/v1/project/push/:project', status: '201', service: 'api' }))).toBeGreaterThanOrEqual(1);
    expect(value(sample('reprise_http_requests_total', { method: 'GET', route: '/api/v1/record/display/:project/:record', status: '404', service: 'api' }))).toBe(1);
    expect(value(sample('reprise_http_request_duration_seconds_bucket', { le: '+Inf', method: 'POST', route: '/api/v1/record/push/:project', status: '201' }))).toBeGreaterThanOrEqual(1);
    expect(value(sample('reprise_http_received_body_bytes_total', { method: 'POST', route: '/api/v1/file/push/:project/:record' }))).toBeGreaterThan(50_000);
    expect(text).toMatch(/reprise_process_resident_memory_bytes\{service="api"\} \d+/);
    expect(text).toMatch(/reprise_nodejs_heap_size_used_bytes\{service="api"\} \d+/);
    expect(text).toContain('reprise_http_server_errors_total');
    // Tokens never become labels.
    expect(text).not.toContain(alice.token);
  });

  it('answers /metrics only with METRICS_TOKEN when one is set', async () => {
    const guarded = supertest(secondInstance({ METRICS_TOKEN: 'metrics-secret-0123456789' }));
    await guarded.get('/metrics').expect(404);
    await guarded.get('/metrics').set('Authorization', 'Bearer wrong-secret-0123456789').expect(404);
    await guarded.get('/metrics').set('Authorization', 'Bearer metrics-secret-0123456789').expect(200);
  });
});

describe('logs', () => {
  it('write one JSON line per request with its id, and no token, password, cookie or CSRF token anywhere', async () => {
    const alice = await api.user();
    await api.request().get(`/api/v1/${alice.token}/project/search?password=hunter2&api_key=k3y`).set('Cookie', 'reprise_session=cookie-secret').set('X-CSRF-Token', 'csrf-secret').set('X-Request-Id', 'trace-42');
    await api.request().post('/api/v1/project/push/p').set(bearer(alice.token)).send({ description: 'fine', custom: { password: 'body-secret' } });
    const lines = api.logs().trim().split('\n').map((line) => JSON.parse(line) as { req?: { id?: string; url?: string } });
    expect(lines.some((line) => line.req?.id === 'trace-42')).toBe(true);
    expect(lines.every((line) => typeof line.req?.id === 'string')).toBe(true);
    const text = api.logs();
    for (const secret of [alice.token, 'hunter2', 'k3y', 'cookie-secret', 'csrf-secret', 'body-secret']) expect(text).not.toContain(secret);
  });
});
