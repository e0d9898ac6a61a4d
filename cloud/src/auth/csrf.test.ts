import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { ORIGIN, PASSWORD, useCloud } from '../test/harness.js';

const cloud = useCloud();

const registration = (email: string) => ({ email, password: PASSWORD, name: 'Csrf Test' });

describe('CSRF protection', () => {
  it('refuses a mutating request without the X-CSRF-Token header with 403 and changes nothing', async () => {
    const browser = await cloud.browser();
    const res = await browser.agent.post('/cloud/v1/auth/register').send(registration('no-header@example.org'));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
    expect(res.body.error.message).toMatch(/X-CSRF-Token/);
    expect(await cloud.db.models.User.countDocuments()).toBe(0);
  });

  it('refuses a wrong X-CSRF-Token with 403', async () => {
    const browser = await cloud.browser();
    const res = await browser.agent.post('/cloud/v1/auth/register').set('X-CSRF-Token', 'A'.repeat(43)).send(registration('wrong@example.org'));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
    expect(res.body.error.message).toMatch(/does not match/);
  });

  it('refuses a header without the cookie it must match (a forged request from elsewhere)', async () => {
    const res = await supertest(cloud.app()).post('/cloud/v1/auth/register').set('Origin', ORIGIN).set('X-CSRF-Token', 'A'.repeat(43)).send(registration('x@example.org'));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });

  it('refuses a request from a foreign Origin with 403, even with a matching token', async () => {
    const browser = await cloud.browser();
    const token = browser.csrf() ?? '';
    const res = await browser.agent.post('/cloud/v1/auth/register').set('Origin', 'https://evil.example').set('X-CSRF-Token', token).send(registration('evil@example.org'));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_refused');
    const read = await browser.agent.get('/cloud/v1/public/projects').set('Origin', 'https://evil.example');
    expect(read.status).toBe(403);
    expect(await cloud.db.models.User.countDocuments()).toBe(0);
  });

  it('refuses a mutating request that shows no origin at all, and accepts the dashboard as Referer', async () => {
    const browser = await cloud.browser();
    const token = browser.csrf() ?? '';
    const bare = await supertest(cloud.app()).post('/cloud/v1/auth/logout').set('Cookie', `reprise_csrf=${token}`).set('X-CSRF-Token', token);
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe('origin_refused');
    const referred = await supertest(cloud.app())
      .post('/cloud/v1/auth/logout')
      .set('Cookie', `reprise_csrf=${token}`)
      .set('X-CSRF-Token', token)
      .set('Referer', `${ORIGIN}/projects/1`);
    expect(referred.status).toBe(204);
    const foreignReferer = await supertest(cloud.app())
      .post('/cloud/v1/auth/logout')
      .set('Cookie', `reprise_csrf=${token}`)
      .set('X-CSRF-Token', token)
      .set('Referer', 'https://evil.example/page');
    expect(foreignReferer.status).toBe(403);
  });

  it('protects every mutating method of a signed-in user, not only sign-in', async () => {
    const { browser } = await cloud.signUp();
    const created = await browser.post('/cloud/v1/projects', { name: 'guarded' }).expect(201);
    const id = created.body.id as string;
    const attempts = [
      browser.agent.post('/cloud/v1/projects').send({ name: 'sneaky' }),
      browser.agent.patch(`/cloud/v1/projects/${id}`).send({ description: 'hijacked' }),
      browser.agent.delete(`/cloud/v1/projects/${id}`),
      browser.agent.post('/cloud/v1/account/token'),
      browser.agent.delete('/cloud/v1/account/token'),
      browser.agent.post('/cloud/v1/auth/logout'),
    ];
    for (const [index, res] of (await Promise.all(attempts)).entries()) {
      expect(res.status, `attempt ${index}`).toBe(403);
      expect(res.body.error.code).toBe('csrf_failed');
    }
    const after = await browser.get(`/cloud/v1/projects/${id}`).expect(200);
    expect(after.body.description).toBe('');
    await browser.get('/cloud/v1/auth/me').expect(200);
  });

  it('lets reads through without a token and hands out a readable CSRF cookie', async () => {
    const res = await supertest(cloud.app()).get('/cloud/v1/public/projects');
    expect(res.status).toBe(200);
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const csrf = cookies.find((line) => line.startsWith('reprise_csrf='));
    expect(csrf).toBeDefined();
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toMatch(/Path=\//);
  });
});
