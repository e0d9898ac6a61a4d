import { describe, expect, it } from 'vitest';
import { PASSWORD, useCloud } from '../test/harness.js';

const cloud = useCloud({ env: { MAX_JSON_BYTES: '16KiB' } });

describe('bad input on the cloud service', () => {
  it('answers malformed JSON with 400, another content type with 415 and a huge body with 413, writing nothing', async () => {
    const { browser } = await cloud.signUp();
    const malformed = await browser.agent.post('/cloud/v1/projects').set('X-CSRF-Token', browser.csrf() ?? '').set('Content-Type', 'application/json').send('{"name": "x",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const form = await browser.agent.post('/cloud/v1/projects').set('X-CSRF-Token', browser.csrf() ?? '').type('form').send('name=x');
    expect(form.status).toBe(415);
    const huge = await browser.post('/cloud/v1/projects', { name: 'big', description: 'x'.repeat(20 * 1024) });
    expect(huge.status).toBe(413);
    expect(await cloud.db.models.Project.countDocuments()).toBe(0);
  });

  it('answers unknown paths and unknown query parameters with JSON errors', async () => {
    const browser = await cloud.browser();
    const unknown = await browser.get('/cloud/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('route_not_found');
    const param = await browser.get('/cloud/v1/public/projects?sort=name');
    expect(param.status).toBe(400);
    expect(param.body.error.message).toMatch(/sort/);
  });

  it('marks responses as not cacheable and answers health checks', async () => {
    const browser = await cloud.browser();
    const res = await browser.get('/cloud/v1/public/projects').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    await browser.get('/healthz').expect(200);
    await browser.get('/readyz').expect(200);
  });

  it('never writes passwords, session cookies, CSRF tokens or API tokens into the logs', async () => {
    const { browser, email } = await cloud.signUp();
    const token = (await browser.post('/cloud/v1/account/token').expect(201)).body.token as string;
    await browser.post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(200);
    await browser.post('/cloud/v1/auth/login', { email, password: 'a wrong password here' }).expect(401);
    await browser.get('/cloud/v1/auth/me').expect(200);
    const logs = cloud.logs();
    expect(logs).toContain('/cloud/v1/auth/login');
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain('a wrong password here');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(browser.csrf() ?? 'no csrf');
    expect(logs).not.toMatch(/reprise_session=/);
  });
});
