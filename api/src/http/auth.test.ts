import { describe, expect, it } from 'vitest';
import { renewToken, revokeToken } from '@reprise/core';
import { bearer, useApi } from '../test/harness.js';

const api = useApi();

describe('API tokens managed by the account service', () => {
  it('refuses the old token the moment a new one is made, and accepts the new one', async () => {
    const alice = await api.user();
    await api.request().get('/api/v1/project/search').set(bearer(alice.token)).expect(200);
    const renewed = await renewToken(api.db.models, alice.user._id);
    const old = await api.request().get('/api/v1/project/search').set(bearer(alice.token));
    expect(old.status).toBe(401);
    await api.request().get(`/api/v1/${renewed.token}/project/search`).expect(200);
  });

  it('refuses a revoked token', async () => {
    const alice = await api.user();
    await revokeToken(api.db.models, alice.user._id);
    await api.request().get('/api/v1/project/search').set(bearer(alice.token)).expect(401);
  });
});

describe('the last use of a token', () => {
  it('is written once by a burst of requests after it went stale, and again for a renewed token', async () => {
    const alice = await api.user();
    await api.db.models.User.updateOne({ _id: alice.user._id }, { $set: { tokenLastUsedAt: new Date(Date.now() - 120_000) } });
    const stamps: string[] = [];
    const listener = (event: { commandName: string; command: unknown }) => {
      if (event.commandName === 'update' && (event.command as { update?: unknown }).update === 'users') stamps.push(event.commandName);
    };
    const client = api.db.connection.getClient();
    client.on('commandStarted', listener);
    try {
      await Promise.all(Array.from({ length: 12 }, () => api.request().get('/api/v1/project/search').set(bearer(alice.token)).expect(200)));
      await expect.poll(async () => (await api.db.models.User.findById(alice.user._id).lean())?.tokenLastUsedAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(stamps).toHaveLength(1);

      // A new token starts with no last use; its first request stamps it at once.
      const renewed = await renewToken(api.db.models, alice.user._id);
      await api.request().get('/api/v1/project/search').set(bearer(renewed.token)).expect(200);
      await expect.poll(async () => (await api.db.models.User.findById(alice.user._id).lean())?.tokenLastUsedAt).toBeInstanceOf(Date);
    } finally {
      client.off('commandStarted', listener);
    }
  });
});
