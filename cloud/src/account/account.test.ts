import { describe, expect, it } from 'vitest';
import { hashToken, TOKEN_PATTERN } from '@reprise/core';
import { PASSWORD, useCloud } from '../test/harness.js';

const cloud = useCloud();

/** The user an API token belongs to, looked up exactly as the API service does (by sha256). */
async function ownerOfToken(token: string) {
  return await cloud.db.models.User.findOne({ tokenHash: hashToken(token) }).lean();
}

describe('API token management', () => {
  it('shows no token until one is made, then its prefix and creation time, never the token or its hash', async () => {
    const { browser } = await cloud.signUp('Ada');
    const before = await browser.get('/cloud/v1/account').expect(200);
    expect(before.body).toMatchObject({ name: 'Ada', token: null });

    const made = await browser.post('/cloud/v1/account/token');
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(TOKEN_PATTERN);
    expect(made.body.prefix).toBe(made.body.token.slice(0, 12));

    const after = await browser.get('/cloud/v1/account').expect(200);
    expect(after.body.token).toEqual({ prefix: made.body.prefix, created: made.body.created, lastUsed: null });
    expect(JSON.stringify(after.body)).not.toContain(made.body.token);
    expect(JSON.stringify(after.body)).not.toContain(hashToken(made.body.token));
    expect(after.body).not.toHaveProperty('passwordHash');

    const stored = await cloud.db.models.User.findById(after.body.id).lean();
    expect(stored?.tokenHash).toBe(hashToken(made.body.token));
    expect(JSON.stringify(stored)).not.toContain(made.body.token);
  });

  it('renewing makes the old token stop working at once', async () => {
    const { browser, id } = await cloud.signUp();
    const first = (await browser.post('/cloud/v1/account/token').expect(201)).body.token as string;
    expect((await ownerOfToken(first))?._id.toHexString()).toBe(id);
    const second = (await browser.post('/cloud/v1/account/token').expect(201)).body.token as string;
    expect(second).not.toBe(first);
    expect(await ownerOfToken(first)).toBeNull();
    expect((await ownerOfToken(second))?._id.toHexString()).toBe(id);
  });

  it('leaves exactly one working token after concurrent renewals', async () => {
    const { browser } = await cloud.signUp();
    const results = await Promise.all(Array.from({ length: 5 }, () => browser.post('/cloud/v1/account/token')));
    expect(results.map((res) => res.status)).toEqual([201, 201, 201, 201, 201]);
    const working = [];
    for (const res of results) if (await ownerOfToken(res.body.token)) working.push(res.body.token);
    expect(working).toHaveLength(1);
  });

  it('shows when the token was last used', async () => {
    const { browser, id } = await cloud.signUp();
    await browser.post('/cloud/v1/account/token').expect(201);
    const used = new Date('2026-11-20T10:00:00.000Z');
    await cloud.db.models.User.updateOne({ _id: id }, { $set: { tokenLastUsedAt: used } });
    const res = await browser.get('/cloud/v1/account').expect(200);
    expect(res.body.token.lastUsed).toBe(used.toISOString());
  });

  it('revokes the token: it stops working and the account shows none', async () => {
    const { browser } = await cloud.signUp();
    const token = (await browser.post('/cloud/v1/account/token').expect(201)).body.token as string;
    await browser.delete('/cloud/v1/account/token').expect(204);
    expect(await ownerOfToken(token)).toBeNull();
    expect((await browser.get('/cloud/v1/account').expect(200)).body.token).toBeNull();
    await browser.delete('/cloud/v1/account/token').expect(204);
  });

  it('needs a session for everything about the account', async () => {
    const anonymous = await cloud.browser();
    for (const res of [
      await anonymous.get('/cloud/v1/account'),
      await anonymous.post('/cloud/v1/account/token'),
      await anonymous.delete('/cloud/v1/account/token'),
      await anonymous.patch('/cloud/v1/account', { name: 'X' }),
      await anonymous.post('/cloud/v1/account/password', { currentPassword: PASSWORD, newPassword: 'another good password' }),
    ]) {
      expect(res.status).toBe(401);
    }
    expect(await cloud.db.models.User.countDocuments({ tokenHash: { $ne: null } })).toBe(0);
  });
});

describe('account details', () => {
  it('changes the display name, and refuses a blank one', async () => {
    const { browser } = await cloud.signUp('Old Name');
    const res = await browser.patch('/cloud/v1/account', { name: '  New Name ' }).expect(200);
    expect(res.body.name).toBe('New Name');
    const blank = await browser.patch('/cloud/v1/account', { name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe('invalid_name');
  });

  it('changes the password only with the current one, and the new one is then the one that works', async () => {
    const { browser, email } = await cloud.signUp();
    const wrong = await browser.post('/cloud/v1/account/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('wrong_password');
    const weak = await browser.post('/cloud/v1/account/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(422);
    await browser.post('/cloud/v1/account/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }).expect(204);
    const other = await cloud.browser();
    await other.post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(401);
    await other.post('/cloud/v1/auth/login', { email, password: 'a brand new passphrase' }).expect(200);
  });

  it('ends every other session when the password changes, and keeps the one that changed it', async () => {
    const { browser, email } = await cloud.signUp();
    const elsewhere = await cloud.browser();
    await elsewhere.post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(200);
    await browser.post('/cloud/v1/account/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }).expect(204);
    await elsewhere.get('/cloud/v1/auth/me').expect(401);
    await browser.get('/cloud/v1/auth/me').expect(200);
    await browser.patch('/cloud/v1/account', { name: 'Still here' }).expect(200);
  });

  it('ends a session that signed in earlier in the same second as the password change, and keeps one that signs in after it', async () => {
    let sameSecond = 0;
    for (let attempt = 0; attempt < 5 && sameSecond === 0; attempt += 1) {
      const { browser, email } = await cloud.signUp();
      const [earlier, later] = [await cloud.browser(), await cloud.browser()];
      // From the start of a second, so that the sign-ins and the change fall within it.
      await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
      const start = Date.now();
      await earlier.post('/cloud/v1/auth/login', { email, password: PASSWORD }).expect(200);
      await browser.post('/cloud/v1/account/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }).expect(204);
      await later.post('/cloud/v1/auth/login', { email, password: 'a brand new passphrase' }).expect(200);
      // A slow machine that crossed into the next second tries again: that case is the test above.
      if (Math.floor(Date.now() / 1000) !== Math.floor(start / 1000)) continue;
      sameSecond += 1;
      await earlier.get('/cloud/v1/auth/me').expect(401);
      await later.get('/cloud/v1/auth/me').expect(200);
      await browser.get('/cloud/v1/auth/me').expect(200);
    }
    expect(sameSecond).toBe(1);
  });
});
