import jwt from 'jsonwebtoken';
import { Types } from 'mongoose';
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { passwordParamsOf } from '@reprise/core';
import { Browser, PASSWORD, TEST_JWT_SECRET, useCloud } from '../test/harness.js';
import { SESSION_COOKIE, signSession } from './session.js';

const cloud = useCloud();

/** The Set-Cookie line for a cookie, if the response sets it. */
function setCookie(res: Response, name: string): string | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  return header?.find((line) => line.startsWith(`${name}=`));
}

/** A browser whose session cookie is the given token. */
async function browserWithSession(token: string): Promise<Browser> {
  const browser = await cloud.browser();
  browser.setCookie(SESSION_COOKIE, token);
  return browser;
}

describe('registration', () => {
  it('creates the account, signs in with an HttpOnly SameSite=Strict expiring cookie and answers the user without secrets', async () => {
    const browser = await cloud.browser();
    const res = await browser.post('/cloud/v1/auth/register', { email: '  Ada@Example.ORG ', password: PASSWORD, name: ' Ada Lovelace ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), email: 'ada@example.org', name: 'Ada Lovelace', created: expect.any(String) });
    const session = setCookie(res, SESSION_COOKIE) ?? '';
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Max-Age=\d+/);
    expect(session).toMatch(/Expires=/);
    expect(session).toMatch(/Path=\/cloud/);
    const me = await browser.get('/cloud/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('ada@example.org');
  });

  it('stores an scrypt hash with its parameters and a per-user salt, never the password', async () => {
    await (await cloud.browser()).post('/cloud/v1/auth/register', { email: 'a@example.org', password: PASSWORD, name: 'A' }).expect(201);
    await (await cloud.browser()).post('/cloud/v1/auth/register', { email: 'b@example.org', password: PASSWORD, name: 'B' }).expect(201);
    const users = await cloud.db.models.User.find().lean();
    const [a, b] = users.map((user) => user.passwordHash ?? '');
    expect(a).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
    expect(passwordParamsOf(a ?? '')).toBeDefined();
    expect(a).not.toBe(b);
    expect(JSON.stringify(users)).not.toContain(PASSWORD);
  });

  it('refuses an email already registered, whatever its case, with 409', async () => {
    await (await cloud.browser()).post('/cloud/v1/auth/register', { email: 'dup@example.org', password: PASSWORD, name: 'One' }).expect(201);
    const res = await (await cloud.browser()).post('/cloud/v1/auth/register', { email: 'DUP@example.org', password: PASSWORD, name: 'Two' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
    expect(await cloud.db.models.User.countDocuments()).toBe(1);
  });

  it('refuses weak passwords with 422 and a message that says what to do', async () => {
    const browser = await cloud.browser();
    const cases: Array<[string, RegExp]> = [
      ['short', /at least 10 characters/],
      ['aaaaaaaaaaaa', /repeated/],
      ['weak@example.org', /email/],
      ['          ', /spaces/],
    ];
    for (const [password, message] of cases) {
      const res = await browser.post('/cloud/v1/auth/register', { email: 'weak@example.org', password, name: 'Weak' });
      expect(res.status, password).toBe(422);
      expect(res.body.error.code).toBe('weak_password');
      expect(res.body.error.message).toMatch(message);
    }
    expect(await cloud.db.models.User.countDocuments()).toBe(0);
  });

  it('refuses malformed registrations with 400 naming the field', async () => {
    const browser = await cloud.browser();
    const noEmail = await browser.post('/cloud/v1/auth/register', { password: PASSWORD, name: 'X' });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.error.message).toMatch(/email/);
    const badEmail = await browser.post('/cloud/v1/auth/register', { email: 'not-an-email', password: PASSWORD, name: 'X' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.code).toBe('invalid_email');
    const injection = await browser.post('/cloud/v1/auth/register', { email: { $gt: '' }, password: PASSWORD, name: 'X' });
    expect(injection.status).toBe(400);
    const extra = await browser.post('/cloud/v1/auth/register', { email: 'x@example.org', password: PASSWORD, name: 'X', admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/admin/);
  });
});

describe('login and logout', () => {
  it('signs in with the right password and answers a wrong email or password alike with 401', async () => {
    const { email } = await cloud.signUp('Grace');
    const browser = await cloud.browser();
    const wrongPassword = await browser.post('/cloud/v1/auth/login', { email, password: 'not the password at all' });
    const wrongEmail = await browser.post('/cloud/v1/auth/login', { email: 'nobody@example.org', password: PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(wrongEmail.body);
    expect(setCookie(wrongPassword, SESSION_COOKIE)).toBeUndefined();

    const ok = await browser.post('/cloud/v1/auth/login', { email: email.toUpperCase(), password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('Grace');
    await browser.get('/cloud/v1/auth/me').expect(200);
  });

  it('refuses accounts without a password (made by the admin command) at login', async () => {
    const { user } = await cloud.tokenUser();
    const res = await (await cloud.browser()).post('/cloud/v1/auth/login', { email: user.email, password: PASSWORD });
    expect(res.status).toBe(401);
  });

  it('gives a new CSRF token with a new session', async () => {
    const { email } = await cloud.signUp();
    const browser = await cloud.browser();
    const before = browser.csrf();
    await browser.post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(200);
    expect(browser.csrf()).toBeDefined();
    expect(browser.csrf()).not.toBe(before);
  });

  it('answers /me with 401 without a session', async () => {
    const res = await (await cloud.browser()).get('/cloud/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('signs out: the cookie is cleared and a saved copy of it is refused afterwards', async () => {
    const { browser } = await cloud.signUp();
    await browser.get('/cloud/v1/auth/me').expect(200);
    const token = browser.cookie(SESSION_COOKIE) ?? '';
    expect(token).not.toBe('');

    const out = await browser.post('/cloud/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(setCookie(out, SESSION_COOKIE)).toMatch(/Expires=Thu, 01 Jan 1970/);
    await browser.get('/cloud/v1/auth/me').expect(401);

    const replay = await browserWithSession(token);
    const res = await replay.get('/cloud/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/ended/);
  });

  it('answers logout without a session with 204 too', async () => {
    await (await cloud.browser()).post('/cloud/v1/auth/logout').expect(204);
  });
});

describe('session tokens', () => {
  it('refuses an expired, a tampered, a foreign-signed and an unsigned session token', async () => {
    const { id } = await cloud.signUp();
    const sub = id;
    const expired = jwt.sign({ sid: 's1', auth_time: 1 }, TEST_JWT_SECRET, { subject: sub, issuer: 'reprise', audience: 'reprise-cloud', expiresIn: -10 });
    const valid = signSession(TEST_JWT_SECRET, new Types.ObjectId(id));
    const [head, payload, signature] = valid.split('.');
    const otherUser = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: new Types.ObjectId().toHexString() })).toString('base64url');
    const tampered = `${head}.${otherUser}.${signature}`;
    const foreign = jwt.sign({ sid: 's2', auth_time: Math.floor(Date.now() / 1000) }, 'another-secret-another-secret-another-secret', {
      subject: sub,
      issuer: 'reprise',
      audience: 'reprise-cloud',
      expiresIn: 600,
    });
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    for (const [what, token] of Object.entries({ expired, tampered, foreign, unsigned })) {
      const browser = await browserWithSession(token);
      const res = await browser.get('/cloud/v1/auth/me');
      expect(res.status, what).toBe(401);
      expect(setCookie(res, SESSION_COOKIE), what).toMatch(/Expires=Thu, 01 Jan 1970/);
    }
    await (await browserWithSession(valid)).get('/cloud/v1/auth/me').expect(200);
  });

  it('renews a session older than a day (sliding expiry) and keeps its sign-in time', async () => {
    const { id } = await cloud.signUp();
    const now = Math.floor(Date.now() / 1000);
    const old = jwt.sign({ sid: 'sliding', auth_time: now - 2 * 86400, iat: now - 2 * 86400, exp: now + 5 * 86400 }, TEST_JWT_SECRET, {
      subject: id,
      issuer: 'reprise',
      audience: 'reprise-cloud',
    });
    const res = await (await browserWithSession(old)).get('/cloud/v1/auth/me');
    expect(res.status).toBe(200);
    const renewed = setCookie(res, SESSION_COOKIE) ?? '';
    expect(renewed).toMatch(/HttpOnly/);
    const claims = jwt.decode(renewed.split(';')[0]?.split('=')[1] ?? '') as { sid: string; auth_time: number; iat: number; exp: number };
    expect(claims.sid).toBe('sliding');
    expect(claims.auth_time).toBe(now - 2 * 86400);
    expect(claims.exp - claims.iat).toBe(7 * 86400);

    const fresh = await (await browserWithSession(signSession(TEST_JWT_SECRET, new Types.ObjectId(id)))).get('/cloud/v1/auth/me');
    expect(setCookie(fresh, SESSION_COOKIE)).toBeUndefined();
  });

  it('never lets a renewed session outlive 30 days after sign-in', async () => {
    const { id } = await cloud.signUp();
    const now = Math.floor(Date.now() / 1000);
    const token = signSession(TEST_JWT_SECRET, new Types.ObjectId(id), { sid: 'cap', authMs: (now - 29 * 86400) * 1000 });
    const claims = jwt.decode(token) as { exp: number };
    expect(claims.exp).toBeLessThanOrEqual(now - 29 * 86400 + 30 * 86400);
  });

  it('ends the sessions of a deleted account', async () => {
    const { browser, id } = await cloud.signUp();
    await cloud.db.models.User.deleteOne({ _id: id });
    await browser.get('/cloud/v1/auth/me').expect(401);
  });
});

describe('CSRF token endpoint', () => {
  it('returns the value of the readable CSRF cookie', async () => {
    const browser = new Browser(cloud.app());
    const res = await browser.get('/cloud/v1/auth/csrf').expect(200);
    const line = setCookie(res, 'reprise_csrf') ?? '';
    expect(line).not.toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(res.body.csrfToken).toBe(browser.csrf());
  });
});
