import { describe, expect, it } from 'vitest';
import { BACKFILLS_COLLECTION, ensureIndexes } from '@reprise/core';
import { bearer, useApi } from '../test/harness.js';

const api = useApi();

/** A heat-equation project of Alice's with three runs that differ in their parameters and metrics, and one without any. */
async function seed() {
  const alice = await api.user('Alice Lovelace');
  await api.request().post('/api/v1/project/push/heat').set(bearer(alice.token)).send({}).expect(201);
  const push = (body: Record<string, unknown>) => api.request().post('/api/v1/record/push/heat').set(bearer(alice.token)).send(body).expect(201);
  await push({ label: 'r1', parameters: { cfl: 0.4, scheme: 'crank', implicit: true, solver: { tol: 1e-6 }, sizes: [8, 16] }, metrics: { error: 0.001, steps: 400 } });
  await push({ label: 'r2', parameters: { cfl: 0.45, scheme: 'euler', implicit: false, solver: { tol: 1e-5 } }, metrics: { error: 0.01 } });
  await push({ label: 'r3', parameters: { cfl: 0.5, scheme: 'crank', implicit: true, solver: { tol: 1e-6 } }, metrics: { error: 0.0005 }, outputs: [{ name: 'temperature.csv' }] });
  await push({ label: 'bare' });
  const list = async (query: Record<string, string>) => {
    return await api.request().get('/api/v1/record/display/heat').query(query).set(bearer(alice.token));
  };
  const labels = async (query: Record<string, string>) => {
    const res = await list(query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.data as Array<{ label: string }>).map((record) => record.label);
  };
  return { alice, list, labels };
}

describe('metrics on the record atom', () => {
  it('stores metrics with a record, shows them in the record and in lists, and replaces them on update', async () => {
    const { alice } = await seed();
    const shown = await api.request().get('/api/v1/record/display/heat/r1').set(bearer(alice.token)).expect(200);
    expect(shown.body.metrics).toEqual({ error: 0.001, steps: 400 });
    const listed = await api.request().get('/api/v1/record/display/heat').set(bearer(alice.token)).expect(200);
    expect(listed.body.data.find((record: { label: string }) => record.label === 'bare').metrics).toEqual({});
    const updated = await api.request().post('/api/v1/record/push/heat/r1').set(bearer(alice.token)).send({ metrics: { error: 0.002, 'train.loss': 1.5 } }).expect(200);
    expect(updated.body.metrics).toEqual({ error: 0.002, 'train.loss': 1.5 });
    const found = await api.request().get('/api/v1/record/display/heat').query({ where: 'metrics.train.loss = 1.5' }).set(bearer(alice.token)).expect(200);
    expect(found.body.data.map((record: { label: string }) => record.label)).toEqual(['r1']);
  });

  it('refuses a metric that is not a number with 400 and writes nothing', async () => {
    const { alice } = await seed();
    const res = await api.request().post('/api/v1/record/push/heat').set(bearer(alice.token)).send({ label: 'x', metrics: { error: 'small' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await api.db.models.Record.countDocuments({ label: 'x' })).toBe(0);
  });
});

describe('where over parameters and metrics', () => {
  it('compares numbers with every operator', async () => {
    const { labels } = await seed();
    const sorted = async (where: string) => (await labels({ where })).sort();
    expect(await sorted('parameters.cfl = 0.45')).toEqual(['r2']);
    expect(await sorted('parameters.cfl != 0.45')).toEqual(['r1', 'r3']);
    expect(await sorted('parameters.cfl < 0.45')).toEqual(['r1']);
    expect(await sorted('parameters.cfl <= 0.45')).toEqual(['r1', 'r2']);
    expect(await sorted('parameters.cfl > 0.45')).toEqual(['r3']);
    expect(await sorted('parameters.cfl >= 0.45')).toEqual(['r2', 'r3']);
    expect(await sorted('metrics.error <= 1e-3')).toEqual(['r1', 'r3']);
    expect(await sorted('parameters.solver.tol < 1e-5')).toEqual(['r1', 'r3']);
    expect(await sorted('parameters.sizes.1 = 16')).toEqual(['r1']);
  });

  it('compares strings and booleans with = and !=, and joins comparisons with and', async () => {
    const { labels } = await seed();
    const sorted = async (where: string) => (await labels({ where })).sort();
    expect(await sorted('parameters.scheme = "crank"')).toEqual(['r1', 'r3']);
    expect(await sorted("parameters.scheme != 'crank'")).toEqual(['r2']);
    expect(await sorted('parameters.implicit = false')).toEqual(['r2']);
    expect(await sorted('parameters.implicit != false')).toEqual(['r1', 'r3']);
    expect(await sorted('parameters.cfl < 0.5 and metrics.error <= 1e-3 and parameters.scheme = "crank"')).toEqual(['r1']);
    // A number matches only numbers.
    expect(await sorted('parameters.scheme = 1')).toEqual([]);
  });

  it('sorts by a metric either way, the records without it last, and pages through that order', async () => {
    const { labels, list } = await seed();
    expect(await labels({ sort: 'metrics.error' })).toEqual(['r3', 'r1', 'r2', 'bare']);
    expect(await labels({ sort: '-metrics.error' })).toEqual(['r2', 'r1', 'r3', 'bare']);
    expect(await labels({ sort: '-parameters.cfl', where: 'parameters.scheme = "crank"' })).toEqual(['r3', 'r1']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list({ sort: '-metrics.error', limit: '1', ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...(res.body.data as Array<{ label: string }>).map((record) => record.label));
      cursor = res.body.page.next as string | null;
    } while (cursor);
    expect(seen).toEqual(['r2', 'r1', 'r3', 'bare']);
  });

  it('gives the values at the paths a list asks for', async () => {
    const { list } = await seed();
    const res = await list({ columns: 'parameters.cfl,metrics.error,parameters.scheme', where: 'parameters.cfl = 0.4' });
    expect(res.body.data[0].columns).toEqual({ 'parameters.cfl': 0.4, 'metrics.error': 0.001, 'parameters.scheme': 'crank' });
  });

  it.each([
    ['a syntax error', { where: 'parameters.cfl < 0.45 and' }, 'where', 25, 'after "and"'],
    ['an unknown operator', { where: 'parameters.cfl ~ 0.45' }, 'where', 15, 'unknown operator "~"'],
    ['a path into a non-scalar', { where: 'metrics.error < 1 and parameters.solver = 3' }, 'where', 22, '"parameters.solver" holds an object or a list'],
    ['a path into a list', { where: 'parameters.sizes > 3' }, 'where', 0, '"parameters.sizes" holds an object or a list'],
    ['a string compared with <', { where: 'parameters.scheme < "crank"' }, 'where', 18, 'a string compares only with = and !='],
    ['an empty sort', { sort: '' }, 'sort', 0, 'sort names nothing'],
    ['a sort on a non-scalar', { sort: '-parameters.solver' }, 'sort', 1, 'holds an object or a list'],
    ['a column that is no path', { columns: 'parameters.cfl,label' }, 'columns', 15, 'is not a path'],
  ])('refuses %s with 400 invalid_query at its position', async (_name, query, parameter, position, message) => {
    const { list } = await seed();
    const res = await list(query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_query');
    expect(res.body.error.message).toContain(message);
    expect(res.body.error.details).toMatchObject({ parameter, position });
  });
});

describe('records stored before path values existed', () => {
  it('get their values at start-up, so where finds them', async () => {
    const { labels } = await seed();
    await api.db.models.Record.collection.updateOne({ label: 'r2' }, { $unset: { values: '' } });
    expect(await labels({ where: 'parameters.scheme = "euler"' })).toEqual([]);
    // A database from before path values existed has no note that their backfill ran.
    await api.db.connection.collection(BACKFILLS_COLLECTION).deleteMany({});
    await ensureIndexes(api.db.models);
    expect(await labels({ where: 'parameters.scheme = "euler"' })).toEqual(['r2']);
  });

  it('are looked for once per database, not at every start', async () => {
    const { labels } = await seed();
    await ensureIndexes(api.db.models);
    expect(await api.db.connection.collection(BACKFILLS_COLLECTION).countDocuments({ _id: 'records.values' as never })).toBe(1);
    // Since the backfill completed, every write stores values: a start no longer reads every record.
    await api.db.models.Record.collection.updateOne({ label: 'r2' }, { $unset: { values: '' } });
    await ensureIndexes(api.db.models);
    expect(await labels({ where: 'parameters.scheme = "euler"' })).toEqual([]);
  });
});

describe('record search', () => {
  it('takes where and sort over the caller\'s own and public records', async () => {
    const { alice } = await seed();
    const res = await api.request().get('/api/v1/record/search').query({ where: 'parameters.scheme = "crank"', sort: '-metrics.error' }).set(bearer(alice.token)).expect(200);
    expect(res.body.data.map((record: { label: string }) => record.label)).toEqual(['r1', 'r3']);
    const bob = await api.user('Bob');
    const theirs = await api.request().get('/api/v1/record/search').query({ where: 'parameters.scheme = "crank"' }).set(bearer(bob.token)).expect(200);
    expect(theirs.body.data).toEqual([]);
  });

  it('finds records by a parameter value, a file name and the owner\'s name', async () => {
    const { alice } = await seed();
    const search = async (q: string) =>
      ((await api.request().get('/api/v1/record/search').query({ q }).set(bearer(alice.token)).expect(200)).body.data as Array<{ label: string }>).map((r) => r.label).sort();
    expect(await search('EULER')).toEqual(['r2']);
    expect(await search('temperature.csv')).toEqual(['r3']);
    expect(await search('0.45')).toEqual(['r2']);
    expect(await search('lovelace')).toEqual(['bare', 'r1', 'r2', 'r3']);
  });
});
