import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, startServiceProcess, useTestDatabase, type ServiceProcess } from '@reprise/tools/testing';
import { ensureAppBuilt } from '../e2e/stack.js';

const db = useTestDatabase();
const ORIGIN = 'http://localhost:5000';
let api: ServiceProcess;
let cloud: ServiceProcess;
let web: ServiceProcess;

beforeAll(async () => {
  ensureAppBuilt();
  const mongodbUri = db.uri.replace(/\/[^/?]*(\?|$)/, `/${db.name}$1`);
  [api, cloud] = await Promise.all([
    startServiceProcess('api', { mongodbUri }),
    startServiceProcess('cloud', { mongodbUri, env: { PUBLIC_URL: ORIGIN, JWT_SECRET: 'e'.repeat(48) } }),
  ]);
  web = await startServiceProcess('web', { env: { API_URL: api.url, CLOUD_URL: cloud.url, PUBLIC_URL: ORIGIN } });
}, 120_000);
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
