import { describe, expect, it } from 'vitest';
import { bearer, useApi } from '../test/harness.js';

const api = useApi();

describe('API authentication', () => {
  it('refuses a request without a token with 401 and a WWW-Authenticate challenge', async () => {
    const res = await api.request().get('/api/v1/project/pull/anything');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses a wrong token in the path and in the header with 401', async () => {
    const inPath = await api.request().get('/api/v1/rpr_wrongwrongwrongwrongwrongwrongwrongwrongwro/project/pull/x');
    expect(inPath.status).toBe(401);
    const inHeader = await api.request().get('/api/v1/project/pull/x').set(bearer('rpr_nope'));
    expect(inHeader.status).toBe(401);
    expect(inHeader.body.error.message).toMatch(/wrong or has been revoked/);
  });

  it('accepts the token in the path (the paper form) and as a Bearer header alike', async () => {
    const alice = await api.user('Alice');
    await api.request().post('/api/v1/project/push/dla').set(bearer(alice.token)).send({ description: 'd' }).expect(201);
    const viaPath = await api.request().get(`/api/v1/${alice.token}/project/pull/dla`);
    const viaHeader = await api.request().get('/api/v1/project/pull/dla').set(bearer(alice.token));
    expect(viaPath.status).toBe(200);
    expect(viaHeader.status).toBe(200);
    expect(viaPath.body.id).toBe(viaHeader.body.id);
  });

  it('records when a token was last used', async () => {
    const alice = await api.user();
    await api.request().get('/api/v1/project/search').set(bearer(alice.token)).expect(200);
    await expect.poll(async () => (await api.db.models.User.findById(alice.user._id).lean())?.tokenLastUsedAt).toBeInstanceOf(Date);
  });
});

describe('project push', () => {
  it('creates a private project with 201, then updates only the given fields with 200', async () => {
    const alice = await api.user('Alice');
    const created = await api
      .request()
      .post('/api/v1/project/push/dla')
      .set(bearer(alice.token))
      .send({ description: 'Diffusion-limited aggregation', goals: 'dimension 1.71', tags: ['fractal'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'dla', private: true, description: 'Diffusion-limited aggregation', tags: ['fractal'], history: [] });
    expect(created.body.owner).toEqual({ id: alice.user._id.toHexString(), name: 'Alice' });

    const updated = await api.request().post('/api/v1/project/push/dla').set(bearer(alice.token)).send({ goals: 'dimension 1.70' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, description: 'Diffusion-limited aggregation', goals: 'dimension 1.70' });
  });

  it('creates a project with an empty body', async () => {
    const alice = await api.user();
    const res = await api.request().post('/api/v1/project/push/empty').set(bearer(alice.token));
    expect(res.status).toBe(201);
    expect(res.body.description).toBe('');
  });

  it('refuses names that break the naming rule with 400 and says why', async () => {
    const alice = await api.user();
    for (const name of ['-lead', '.hidden', 'a b', 'x'.repeat(101), 'ünï']) {
      const res = await api.request().post(`/api/v1/project/push/${encodeURIComponent(name)}`).set(bearer(alice.token)).send({});
      expect(res.status, name).toBe(400);
      expect(res.body.error.message).toMatch(/project/i);
    }
    expect(await api.db.models.Project.countDocuments()).toBe(0);
  });

  it('keeps free-form custom JSON with awkward keys exactly', async () => {
    const alice = await api.user();
    const custom = { 'a.b': 1, $where: 'x', '': [[1, [2]], { '$ne': null }], nested: { 'k.k': { '$gt': '' } } };
    await api.request().post('/api/v1/project/push/odd').set(bearer(alice.token)).send({ custom }).expect(201);
    const pulled = await api.request().get('/api/v1/project/pull/odd').set(bearer(alice.token)).expect(200);
    expect(JSON.stringify(pulled.body.custom)).toBe(JSON.stringify(custom));
  });

  it('gives each user their own namespace: the same name twice is two projects', async () => {
    const alice = await api.user();
    const bob = await api.user();
    const a = await api.request().post('/api/v1/project/push/shared-name').set(bearer(alice.token)).send({}).expect(201);
    const b = await api.request().post('/api/v1/project/push/shared-name').set(bearer(bob.token)).send({}).expect(201);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('creates exactly one project when the first pushes of a name race', async () => {
    const alice = await api.user();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => api.request().post('/api/v1/project/push/racy').set(bearer(alice.token)).send({ description: 'x' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await api.db.models.Project.countDocuments({ name: 'racy' })).toBe(1);
  });

  it('cannot write to another user\'s project, even through its id', async () => {
    const alice = await api.user();
    const bob = await api.user();
    const project = await api.request().post('/api/v1/project/push/mine').set(bearer(alice.token)).send({ private: false }).expect(201);
    const res = await api.request().post(`/api/v1/project/push/${project.body.id}`).set(bearer(bob.token)).send({ description: 'hijack' });
    // A project named like the id would shadow Alice's for Bob: refused, and Alice's stays untouched.
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('name_shadows_id');
    expect(await api.db.models.Project.countDocuments({ owner: bob.user._id })).toBe(0);
    const alices = await api.request().get('/api/v1/project/pull/mine').set(bearer(alice.token));
    expect(alices.body.description).toBe('');
  });
});

describe('project pull and privacy', () => {
  it('hides a private project from other users with 404, by name and by id', async () => {
    const alice = await api.user();
    const bob = await api.user();
    const project = await api.request().post('/api/v1/project/push/secret').set(bearer(alice.token)).send({}).expect(201);
    for (const ref of ['secret', project.body.id]) {
      const res = await api.request().get(`/api/v1/project/pull/${ref}`).set(bearer(bob.token));
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('shows a public project to other users through its id, with containers and counts', async () => {
    const alice = await api.user();
    const bob = await api.user();
    const project = await api.request().post('/api/v1/project/push/open').set(bearer(alice.token)).send({ private: false }).expect(201);
    await api.request().post('/api/v1/record/push/open').set(bearer(alice.token)).send({ status: 'finished' }).expect(201);
    const res = await api.request().get(`/api/v1/project/pull/${project.body.id}`).set(bearer(bob.token));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'open', containers: [], counts: { records: 1, containers: 0, byStatus: { finished: 1 } } });
  });

  it('turning a project private hides its records from others at once', async () => {
    const alice = await api.user();
    const bob = await api.user();
    const project = await api.request().post('/api/v1/project/push/flip').set(bearer(alice.token)).send({ private: false }).expect(201);
    await api.request().post('/api/v1/record/push/flip').set(bearer(alice.token)).send({ label: 'r1' }).expect(201);
    await api.request().get(`/api/v1/record/display/${project.body.id}/r1`).set(bearer(bob.token)).expect(200);
    await api.request().post('/api/v1/project/push/flip').set(bearer(alice.token)).send({ private: true }).expect(200);
    await api.request().get(`/api/v1/record/display/${project.body.id}/r1`).set(bearer(bob.token)).expect(404);
    const search = await api.request().get('/api/v1/record/search?q=r1').set(bearer(bob.token)).expect(200);
    expect(search.body.data).toEqual([]);
  });
});

describe('project search', () => {
  it('finds the caller\'s own and public projects, never others\' private ones', async () => {
    const alice = await api.user();
    const bob = await api.user();
    await api.request().post('/api/v1/project/push/alpha-public').set(bearer(alice.token)).send({ private: false, description: 'Monte Carlo' }).expect(201);
    await api.request().post('/api/v1/project/push/alpha-private').set(bearer(alice.token)).send({ description: 'Monte Carlo' }).expect(201);
    await api.request().post('/api/v1/project/push/bob-own').set(bearer(bob.token)).send({ description: 'monte carlo too' }).expect(201);

    const res = await api.request().get('/api/v1/project/search?q=monte').set(bearer(bob.token)).expect(200);
    expect(res.body.data.map((p: { name: string }) => p.name).sort()).toEqual(['alpha-public', 'bob-own']);

    const mine = await api.request().get('/api/v1/project/search?mine=true').set(bearer(bob.token)).expect(200);
    expect(mine.body.data.map((p: { name: string }) => p.name)).toEqual(['bob-own']);
  });

  it('treats search text literally, not as a regular expression or an operator', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/plain').set(bearer(alice.token)).send({}).expect(201);
    const res = await api.request().get(`/api/v1/project/search?q=${encodeURIComponent('.*')}`).set(bearer(alice.token)).expect(200);
    expect(res.body.data).toEqual([]);
    const injected = await api.request().get('/api/v1/project/search?q[$ne]=x').set(bearer(alice.token));
    expect(injected.status).toBe(400);
  });

  it('pages through results with a cursor, most recently active first, without repeats', async () => {
    const alice = await api.user();
    for (let i = 0; i < 7; i += 1) {
      await api.request().post(`/api/v1/project/push/p${i}`).set(bearer(alice.token)).send({}).expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: Array<{ name: string }>; page: { next: string | null } } } = await api
        .request()
        .get(`/api/v1/project/search?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        .set(bearer(alice.token))
        .expect(200);
      seen.push(...res.body.data.map((p: { name: string }) => p.name));
      cursor = res.body.page.next;
    } while (cursor);
    expect(seen).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'p0']);
  });

  it('rejects a forged cursor and a limit over 100 with 400', async () => {
    const alice = await api.user();
    const forged = await api.request().get('/api/v1/project/search?cursor=not-a-cursor').set(bearer(alice.token));
    expect(forged.status).toBe(400);
    const big = await api.request().get('/api/v1/project/search?limit=101').set(bearer(alice.token));
    expect(big.status).toBe(400);
    expect(big.body.error.message).toMatch(/limit/);
  });
});
