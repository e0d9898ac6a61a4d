import { describe, expect, it } from 'vitest';
import { makeProject, makeRecord } from '../test/factories.js';
import { useCloud, type Browser } from '../test/harness.js';

const WINDOW_MS = 60_000;
const cloud = useCloud({
  limits: {
    comparesPerAddress: { max: 2, windowMs: WINDOW_MS },
    comparesPerUser: { max: 4, windowMs: WINDOW_MS },
  },
});

/** A browser behind the dashboard's proxy, which reports the client address in X-Forwarded-For. */
async function from(address: string): Promise<Browser> {
  const browser = await cloud.browser();
  browser.agent.set('X-Forwarded-For', address);
  return browser;
}

async function publicPair(): Promise<string> {
  const owner = { id: (await cloud.tokenUser()).user._id };
  await makeProject(cloud.db, owner, 'compared', { private: false });
  const a = await makeRecord(cloud.db, owner, 'compared', { label: 'a' }, { outputs: { 'out.txt': 'one\n' } });
  const b = await makeRecord(cloud.db, owner, 'compared', { label: 'b' }, { outputs: { 'out.txt': 'two\n' } });
  return `/cloud/v1/records/${a._id.toHexString()}/compare/${b._id.toHexString()}`;
}

describe('comparison rate limits', () => {
  it('refuses a third anonymous comparison from one address with 429, Retry-After and the error shape', async () => {
    const url = await publicPair();
    const browser = await from('10.0.7.1');
    for (let i = 0; i < 2; i += 1) await browser.get(url).expect(200);
    const res = await browser.get(url);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(res.body).toEqual({ error: { code: 'too_many_requests', message: expect.stringContaining('signing in allows more') as string, details: { retryAfter } } });
    await (await from('10.0.7.2')).get(url).expect(200);
  });

  it('gives a signed-in user a limit of their own, higher than an address', async () => {
    const url = await publicPair();
    const anonymous = await from('10.0.8.2');
    for (let i = 0; i < 2; i += 1) await anonymous.get(url).expect(200);
    await anonymous.get(url).expect(429);
    const { browser } = await cloud.signUp('Comparer');
    browser.agent.set('X-Forwarded-For', '10.0.8.2');
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await browser.get(url)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});
