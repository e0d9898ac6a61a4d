import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SpecValidator } from '@reprise/core';
import { createLogger } from '@reprise/http';
import { createCloudApp } from '../app.js';
import { Browser, PASSWORD, TEST_JWT_SECRET, useCloud } from '../test/harness.js';

const WINDOW_MS = 60_000;
const cloud = useCloud({
  limits: {
    loginPerAddress: { max: 6, windowMs: WINDOW_MS },
    failedLoginsPerAccount: { max: 3, windowMs: WINDOW_MS },
    registrationsPerAddress: { max: 3, windowMs: WINDOW_MS },
  },
});

/** A browser behind the dashboard's proxy, which reports the client address in X-Forwarded-For. */
async function from(address: string): Promise<Browser> {
  const browser = await cloud.browser();
  browser.agent.set('X-Forwarded-For', address);
  return browser;
}

async function account(address: string): Promise<string> {
  const email = `limit-${Math.random().toString(36).slice(2)}@example.org`;
  await (await from(address)).post('/cloud/v1/auth/register', { email, password: PASSWORD, name: 'Limited' }).expect(201);
  return email;
}

describe('login rate limits', () => {
  it('refuses an account after 3 failed logins with 429 and Retry-After, even with the right password', async () => {
    const email = await account('10.0.0.1');
    const browser = await from('10.0.0.2');
    for (let i = 0; i < 3; i += 1) await browser.post('/cloud/v1/auth/login', { email, password: `wrong password ${i}` }).expect(401);
    const limited = await (await from('10.0.0.3')).post('/cloud/v1/auth/login', { email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('too_many_requests');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(limited.body.error.details.retryAfter).toBe(retryAfter);
    expect(limited.headers['set-cookie']?.toString() ?? '').not.toMatch(/reprise_session/);
  });

  it('lets the account in again once the window has passed', async () => {
    const email = await account('10.0.1.1');
    const browser = await from('10.0.1.2');
    for (let i = 0; i < 3; i += 1) await browser.post('/cloud/v1/auth/login', { email, password: 'wrong wrong wrong' }).expect(401);
    await browser.post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(429);
    // Time passes: the window's end moves into the past (expiry is by timestamp, not by TTL index).
    await cloud.db.models.Counter.updateMany({}, { $set: { expires: new Date(Date.now() - 1000) } });
    await browser.post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(200);
  });

  it('forgets failed attempts after a successful login', async () => {
    const email = await account('10.0.2.1');
    const browser = await from('10.0.2.2');
    for (let i = 0; i < 2; i += 1) await browser.post('/cloud/v1/auth/login', { email, password: 'wrong wrong wrong' }).expect(401);
    await browser.post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(200);
    for (let i = 0; i < 2; i += 1) await browser.post('/cloud/v1/auth/login', { email, password: 'wrong wrong wrong' }).expect(401);
    await browser.post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(200);
  });

  it('limits login attempts per address across accounts, and other addresses are not affected', async () => {
    const browser = await from('10.0.3.1');
    const statuses = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push((await browser.post('/cloud/v1/auth/login', { email: `nobody-${i}@example.org`, password: 'wrong wrong wrong' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const other = await (await from('10.0.3.2')).post('/cloud/v1/auth/login', { email: 'nobody@example.org', password: 'wrong wrong wrong' });
    expect(other.status).toBe(401);
  });

  it('tries at most the allowed number of passwords when attempts come all at once', async () => {
    const email = await account('10.0.4.1');
    const attempts = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => (await from(`10.0.4.${10 + i}`)).post('/cloud/v1/auth/login', { email, password: 'wrong wrong wrong' })),
    );
    // Exactly the allowed number of passwords was tried, however the attempts interleaved.
    expect(attempts.filter((res) => res.status === 401)).toHaveLength(3);
    expect(attempts.filter((res) => res.status === 429)).toHaveLength(3);
    await (await from('10.0.4.99')).post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(429);
  });

  it('shares the limits between instances of the service on one database', async () => {
    const email = await account('10.0.5.1');
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const second = createCloudApp({
      models: cloud.db.models,
      blobs: cloud.db.blobs,
      spec: SpecValidator.load(),
      config: cloud.config,
      logger: createLogger('silent', sink),
      jwtSecret: TEST_JWT_SECRET,
      passwordParams: { N: 1024, r: 8, p: 1 },
      limits: { failedLoginsPerAccount: { max: 3, windowMs: WINDOW_MS } },
    });
    const one = await from('10.0.5.2');
    const two = await new Browser(second).ready();
    two.agent.set('X-Forwarded-For', '10.0.5.3');
    await one.post('/cloud/v1/auth/login', { email, password: 'wrong wrong wrong' }).expect(401);
    await two.post('/cloud/v1/auth/login', { email, password: 'wrong wrong wrong' }).expect(401);
    await one.post('/cloud/v1/auth/login', { email, password: 'wrong wrong wrong' }).expect(401);
    await two.post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(429);
  });
});

describe('registration rate limit', () => {
  it('refuses a fourth account from one address within the window with 429 and Retry-After', async () => {
    const browser = await from('10.0.6.1');
    for (let i = 0; i < 3; i += 1) {
      await browser.post('/cloud/v1/auth/register', { email: `reg-${i}@example.org`, password: PASSWORD, name: 'R' }).expect(201);
    }
    const res = await browser.post('/cloud/v1/auth/register', { email: 'reg-3@example.org', password: PASSWORD, name: 'R' });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await cloud.db.models.User.countDocuments({ email: 'reg-3@example.org' })).toBe(0);
  });
});
