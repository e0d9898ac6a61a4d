import { describe, expect, it } from 'vitest';
import { bearer, useApi } from '../test/harness.js';

const api = useApi({ MAX_JSON_BYTES: '32KiB' });

describe('bad input on the API', () => {
  it('answers malformed JSON with 400 malformed_json and writes nothing', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/p').set(bearer(alice.token)).send({}).expect(201);
    const res = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).set('Content-Type', 'application/json').send('{"label": "x",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
    expect(await api.db.models.Record.countDocuments()).toBe(0);
  });

  it('answers a non-JSON content type with 415', async () => {
    const alice = await api.user();
    const res = await api.request().post('/api/v1/project/push/p').set(bearer(alice.token)).set('Content-Type', 'text/plain').send('description=x');
    expect(res.status).toBe(415);
    expect(res.body.error.message).toMatch(/application\/json/);
  });

  it('answers a body over the limit with 413', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/p').set(bearer(alice.token)).send({}).expect(201);
    const res = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ stdout: 'x'.repeat(40 * 1024) });
    expect(res.status).toBe(413);
    expect(await api.db.models.Record.countDocuments()).toBe(0);
  });

  it('answers absurdly nested JSON with 400 instead of crashing', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/p').set(bearer(alice.token)).send({}).expect(201);
    const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const res = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).set('Content-Type', 'application/json').send(`{"parameters": ${nested}}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/nests deeper/);
  });

  it('rejects wrong types and operator objects where strings are expected', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/p').set(bearer(alice.token)).send({}).expect(201);
    const res = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: { $gt: '' }, duration: 'long', tags: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['/label', '/duration', '/tags']));
  });

  it('answers unknown paths with a JSON 404 that points to the docs', async () => {
    const alice = await api.user();
    const res = await api.request().get('/api/v1/record/explode').set(bearer(alice.token));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route_not_found');
    const outside = await api.request().get('/nothing-here');
    expect(outside.status).toBe(404);
    expect(outside.body.error.message).toMatch(/api\/docs/);
  });

  it('survives a malformed percent-encoding in the path with a 400', async () => {
    const alice = await api.user();
    const res = await api.request().get('/api/v1/project/pull/%E0%A4%A').set(bearer(alice.token));
    expect(res.status).toBe(400);
  });
});

describe('API contract and logs', () => {
  it('serves the OpenAPI document and the swagger UI', async () => {
    const spec = await api.request().get('/api/v1/openapi.yaml');
    expect(spec.status).toBe(200);
    expect(spec.text).toMatch(/^openapi: 3\.1\.0/);
    const docs = await api.request().get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toMatch(/swagger-ui/i);
  });

  it('never writes a token into the logs, whether it came in the path or the header', async () => {
    const alice = await api.user();
    await api.request().get(`/api/v1/${alice.token}/project/search`).expect(200);
    await api.request().get('/api/v1/project/search').set(bearer(alice.token)).expect(200);
    await api.request().get(`/api/v1/${alice.token}/record/explode`).expect(404);
    await api.request().get('/api/v1/rpr_guessing-a-token/project/search').expect(401);
    const logs = api.logs();
    expect(logs).toContain('/api/v1/[token]/project/search');
    expect(logs).not.toContain(alice.token);
    expect(logs).not.toContain(alice.token.slice(4, 20));
    expect(logs).not.toContain('guessing-a-token');
  });

  it('tags every response with a request id', async () => {
    const res = await api.request().get('/healthz');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await api.request().get('/healthz').set('X-Request-Id', 'trace-123');
    expect(given.headers['x-request-id']).toBe('trace-123');
  });

  it('marks API responses as not cacheable', async () => {
    const alice = await api.user();
    const res = await api.request().get('/api/v1/project/search').set(bearer(alice.token));
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
