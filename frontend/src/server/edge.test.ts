import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, startServiceProcess, useTestDatabase, type ServiceProcess } from '@reprise/tools/testing';
import { ensureAppBuilt } from '../e2e/stack.js';

const db = useTestDatabase();
const mongodbUri = () => db.uri.replace(/\/[^/?]*(\?|$)/, `/${db.name}$1`);
const ORIGIN = 'http://localhost:5000';
let api: ServiceProcess;
let cloud: ServiceProcess;
let web: ServiceProcess;

beforeAll(async () => {
  ensureAppBuilt();
  [api, cloud] = await Promise.all([
    startServiceProcess('api', { mongodbUri: mongodbUri(), readyTimeoutMs: 90_000 }),
    startServiceProcess('cloud', { mongodbUri: mongodbUri(), readyTimeoutMs: 90_000, env: { PUBLIC_URL: ORIGIN, JWT_SECRET: 'e'.repeat(48) } }),
  ]);
  web = await startServiceProcess('web', { readyTimeoutMs: 90_000, env: { API_URL: api.url, CLOUD_URL: cloud.url, PUBLIC_URL: ORIGIN } });
}, 300_000);
afterAll(async () => {
  await Promise.all([web, api, cloud].filter(Boolean).map((service) => service.stop()));
});

/** A request with the request target exactly as given (no client-side normalization), from `localAddress`. */
function send(
  base: string,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path: target, headers: options.headers, localAddress: options.localAddress },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('API tokens in request URLs', () => {
  it('never reach the logs of the API service or the dashboard, however the URL spells them, and the requests work as before', async () => {
    const alice = await makeUser(db.models);
    const secret = alice.token.slice('rpr_'.length);
    const host = (service: ServiceProcess) => service.url.replace('http://', '');
    // [request target, status]: what authenticates still does, what did not still does not.
    const variants = (service: ServiceProcess): [string, number][] => [
      [`/api/v1/${alice.token}/project/search`, 200],
      [`/API/v1/%72pr_${secret}/project/search`, 200],
      [`/api/V1/${alice.token}/project/search`, 200],
      [`/api/v1/rpr%5F${secret}/project/search`, 200],
      [`/Api/V1/%72%70%72%5f${secret}/project/search?q=x`, 200],
      [`/api/v1/%2572pr_${secret}/project/search`, 401],
      [`/api/v1/RPR_${secret}/project/search`, 401],
      [`/api/v1/project/search?note=${alice.token}&other=%52pr_${secret}#${alice.token}`, 401],
      [`/api/v1/record/search/${alice.token}`, 401],
      [`http://${host(service)}/api/v1/${alice.token}/project/search`, 401],
      [`http://${host(service)}/API/v1/%72pr_${secret}/project/search`, 401],
    ];
    for (const service of [api, web]) {
      for (const [target, status] of variants(service)) {
        const res = await send(service.url, target);
        expect(res.status, `${service === api ? 'API' : 'dashboard'}: GET ${target}`).toBe(status);
      }
    }
    await settle();
    for (const [name, output] of [['API service', api.output()], ['dashboard', web.output()]] as const) {
      expect(output, `${name} logged requests`).toContain('project/search');
      expect(output.includes(secret), `${name} logged the token`).toBe(false);
      expect(output.toLowerCase().includes(secret.toLowerCase()), `${name} logged the token in another case`).toBe(false);
    }
  });
});

/** Registers a new account through `base` from `localAddress`, claiming `forwardedFor` if given; the status. */
async function register(base: string, localAddress: string, forwardedFor?: string): Promise<number> {
  const csrf = await send(base, '/cloud/v1/auth/csrf', { localAddress });
  const cookie = (csrf.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const email = `edge-${Math.random().toString(36).slice(2)}@example.org`;
  const res = await send(base, '/cloud/v1/auth/register', {
    method: 'POST',
    localAddress,
    headers: {
      'Content-Type': 'application/json',
      Origin: ORIGIN,
      Cookie: cookie,
      'X-CSRF-Token': token,
      ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}),
    },
    body: JSON.stringify({ email, password: 'a long enough password 1', name: 'Edge' }),
  });
  return res.status;
}

/** The default: 10 registrations per client address an hour. */
const REGISTRATIONS = 10;

/** The cloud service has counted a full hour's registrations from `address` (as its counters record them). */
async function usedUp(address: string): Promise<void> {
  await db.models.Counter.create({ _id: `register:address:${address}`, count: REGISTRATIONS, expires: new Date(Date.now() + 3_600_000) });
}

describe('client addresses behind the dashboard', () => {
  it('limits registrations per real client through the dashboard, whatever X-Forwarded-For the client sends', { timeout: 120_000 }, async () => {
    expect(await register(web.url, '127.0.0.2', '203.0.113.1')).toBe(201);
    await db.models.Counter.updateOne({ _id: 'register:address:127.0.0.2' }, { $set: { count: REGISTRATIONS } });
    expect(await register(web.url, '127.0.0.2', '203.0.113.2')).toBe(429);
    expect(await register(web.url, '127.0.0.2')).toBe(429);
    // Another client behind the same dashboard has its own budget.
    expect(await register(web.url, '127.0.0.3', '127.0.0.2')).toBe(201);
  });

  it('ignores X-Forwarded-For from a client that TRUST_PROXY does not name', { timeout: 120_000 }, async () => {
    // Only the dashboard's address is trusted; the client at 127.0.0.2 talks to the service directly.
    const strict = await startServiceProcess('cloud', { mongodbUri: mongodbUri(), readyTimeoutMs: 90_000, env: { PUBLIC_URL: ORIGIN, JWT_SECRET: 'e'.repeat(48), TRUST_PROXY: '127.0.0.1' } });
    try {
      await usedUp('127.0.0.2');
      expect(await register(strict.url, '127.0.0.2', '198.51.100.1')).toBe(429);
      expect(await register(strict.url, '127.0.0.3', '198.51.100.1')).toBe(201);
    } finally {
      await strict.stop();
    }
  });

  it('takes the client from the X-Forwarded-For of a proxy in front of the dashboard only when WEB_TRUST_PROXY names it', { timeout: 120_000 }, async () => {
    // A TLS terminator at 127.0.0.1 in front of this dashboard appends the address of its client.
    const fronted = await startServiceProcess('web', { readyTimeoutMs: 90_000, env: { API_URL: api.url, CLOUD_URL: cloud.url, PUBLIC_URL: ORIGIN, WEB_TRUST_PROXY: '127.0.0.1' } });
    try {
      await usedUp('203.0.113.7');
      expect(await register(fronted.url, '127.0.0.1', '198.51.100.1, 203.0.113.7')).toBe(429);
      expect(await register(fronted.url, '127.0.0.1', '203.0.113.8')).toBe(201);
      // Anyone else connecting to it is the client, whatever they claim.
      expect(await register(fronted.url, '127.0.0.2', '203.0.113.7')).toBe(201);
      // The dashboard in front of which nothing is trusted ignores the claim too.
      expect(await register(web.url, '127.0.0.1', '203.0.113.7')).toBe(201);
    } finally {
      await fronted.stop();
    }
  });
});
