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
