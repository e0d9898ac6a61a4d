import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useApiServer } from '../test/harness.js';
import { createNodeClient } from '../node.js';
import { backoff, DurableQueue } from './queue.js';
import { RecordStore } from './store.js';

const server = useApiServer();
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'reprise-queue-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  const { token, user } = await server.user();
  const client = createNodeClient({ url: server.url, token });
  await client.projects.push('sim');
  return { client, user, queue: new DurableQueue(path.join(dir, 'queue'), { baseDelayMs: 50, maxDelayMs: 200 }) };
}

const statuses = async (label: string) => (await server.db.models.Record.find({ label }).lean()).map((record) => record.statusHistory.map((change) => change.status));

describe('DurableQueue', () => {
  it('delivers the operations of a record in order and each once, even when two processes flush the same queue at once', async () => {
    const { client, queue } = await setup();
    await queue.enqueue({ kind: 'createRecord', project: 'sim', record: 'r1', body: { status: 'started' } });
    for (let i = 1; i <= 5; i += 1) await queue.enqueue({ kind: 'updateRecord', project: 'sim', record: 'r1', body: { status: 'running', duration: i } });
    await queue.enqueue({ kind: 'updateRecord', project: 'sim', record: 'r1', body: { status: 'finished', duration: 6 } });
    const other = new DurableQueue(queue.dir);
    const results = await Promise.all([queue.flush(client, { waitForLockMs: 10_000 }), other.flush(client, { waitForLockMs: 10_000 })]);
    expect(results.flatMap((result) => result.deliveries).filter((delivery) => delivery.state === 'delivered')).toHaveLength(7);
    expect(await statuses('r1')).toEqual([['started', 'running', 'finished']]);
    expect((await server.db.models.Record.findOne({ label: 'r1' }).lean())?.duration).toBe(6);
    expect(await queue.pending()).toEqual([]);
    expect(readdirSync(queue.dir)).toEqual([]);
  });

  it('keeps operations on disk while the server is away, retries them with backoff, and delivers them once it is back', async () => {
    const { client, queue } = await setup();
    const store = new RecordStore({ client, queue });
    await server.stop();
    try {
      const run = await store.start({ project: 'sim', label: 'offline', program: { command: 'sim' } });
      await run.heartbeat({ duration: 1 });
      await run.finish({ duration: 2, outcome: 'ok' });
      const first = await store.drain(300);
      expect(first.pending).toBe(3);
      const [waiting] = await queue.pending();
      expect(waiting?.attempts).toBeGreaterThan(0);
      expect(waiting?.lastError?.code).toBe('NetworkError');
      expect(waiting?.key).toMatch(/^[0-9a-f-]{36}$/);
      // Every file on disk is complete JSON: written to a temporary name, then renamed.
      for (const name of readdirSync(queue.dir).filter((item) => item.endsWith('.json'))) JSON.parse(readFileSync(path.join(queue.dir, name), 'utf8'));
      expect(readdirSync(queue.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      await server.start();
    }
    expect(await store.drain(10_000)).toEqual({ pending: 0, failed: 0 });
    await store.close();
    expect(await statuses('offline')).toEqual([['started', 'running', 'finished']]);
  });

  it('delivers an operation whose first delivery succeeded but whose answer was lost, without doing it twice', async () => {
    const { client, queue } = await setup();
    // The first attempt reached the server; then the connection dropped before the answer came back.
    await client.records.push('sim', { label: 'lost-answer', status: 'started' }, { idempotencyKey: 'k-lost' });
    const entry = await queue.enqueue({ kind: 'createRecord', project: 'sim', record: 'lost-answer', body: { status: 'started' } }, 'k-lost');
    const { deliveries } = await queue.flush(client);
    expect(deliveries).toEqual([{ id: entry.id, state: 'delivered', result: expect.objectContaining({ label: 'lost-answer' }) }]);
    expect(await server.db.models.Record.countDocuments({ label: 'lost-answer' })).toBe(1);
  });

  it('moves what the server refuses for good to failed/ with the error, and goes on with the rest', async () => {
    const { client, queue } = await setup();
    await queue.enqueue({ kind: 'updateRecord', project: 'sim', record: 'nope', body: { status: 'running' } });
    await queue.enqueue({ kind: 'createRecord', project: 'sim', record: 'fine', body: {} });
    const { deliveries } = await queue.flush(client);
    expect(deliveries.map((delivery) => delivery.state)).toEqual(['failed', 'delivered']);
    const [failed] = await queue.failed();
    expect(failed?.lastError).toMatchObject({ status: 404, code: 'not_found' });
    expect(await queue.pending()).toEqual([]);
    expect(await queue.retryFailed()).toBe(1);
    expect((await queue.pending()).map((entry) => entry.id)).toEqual([failed?.id]);
  });

  it('reports a retried create whose label another record holds, and never sends the writes queued after it', async () => {
    const { client, queue } = await setup();
    await client.records.push('sim', { label: 'taken', status: 'finished', stdout: 'theirs\n', duration: 9 });
    const create = await queue.enqueue({ kind: 'createRecord', project: 'sim', record: 'taken', body: { status: 'started' } });
    // An earlier attempt failed on the network: the retry is the first the server sees of it.
    writeFileSync(path.join(queue.dir, `${create.id}.json`), JSON.stringify({ ...create, attempts: 1 }));
    await queue.enqueue({ kind: 'updateRecord', project: 'sim', record: 'taken', body: { status: 'finished', stdout: 'mine\n', duration: 1 } }, undefined, { after: create.id });
    const { deliveries } = await queue.flush(client);
    expect(deliveries.map((delivery) => delivery.state)).toEqual(['failed', 'failed']);
    expect((await queue.failed()).map((entry) => entry.lastError?.code)).toEqual(['label_taken', 'record_not_created']);
    expect(await server.db.models.Record.findOne({ label: 'taken' }).lean()).toMatchObject({ stdout: 'theirs\n', duration: 9 });
  });

  it('delivers only the chosen operations when asked, and those still wait behind a push of their project', async () => {
    const { client, queue } = await setup();
    const backlog = await queue.enqueue({ kind: 'updateRecord', project: 'sim', record: 'older', body: { duration: 1 } });
    const create = await queue.enqueue({ kind: 'createRecord', project: 'sim', record: 'now', body: {} });
    const first = await queue.flush(client, { only: (entry) => entry.id === create.id });
    expect(first.deliveries).toEqual([{ id: create.id, state: 'delivered', result: expect.objectContaining({ label: 'now' }) }]);
    expect((await queue.pending()).map((entry) => entry.id)).toEqual([backlog.id]);
    await queue.enqueue({ kind: 'pushProject', project: 'sim', body: {} });
    const behind = await queue.enqueue({ kind: 'createRecord', project: 'sim', record: 'later', body: {} });
    expect((await queue.flush(client, { only: (entry) => entry.id === behind.id })).deliveries).toEqual([]);
  });

  it('holds back the records of a project while a push of that project waits for its retry', async () => {
    const { client, queue } = await setup();
    const push = await queue.enqueue({ kind: 'pushProject', project: 'later', body: {} });
    const file = path.join(queue.dir, `${push.id}.json`);
    writeFileSync(file, JSON.stringify({ ...push, attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000).toISOString() }));
    await queue.enqueue({ kind: 'createRecord', project: 'later', record: 'r1', body: {} });
    expect((await queue.flush(client)).deliveries).toEqual([]);
    const { deliveries } = await queue.flush(client, { ignoreBackoff: true });
    expect(deliveries.map((delivery) => delivery.state)).toEqual(['delivered', 'delivered']);
    expect(await server.db.models.Record.countDocuments({ label: 'r1' })).toBe(1);
  });

  it('waits longer after every failed attempt, with jitter, up to the cap', () => {
    for (let attempts = 1; attempts <= 12; attempts += 1) {
      const ceiling = Math.min(300_000, 1000 * 2 ** (attempts - 1));
      const delay = backoff(attempts, 1000, 300_000);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });
});

describe('RecordStore', () => {
  it('records a run as it goes: started, running heartbeats, outputs as they appear, finished', async () => {
    const { client, queue } = await setup();
    const store = new RecordStore({ client, queue });
    writeFileSync(path.join(dir, 'params.json'), '{"seed": 3}');
    writeFileSync(path.join(dir, 'step-1.csv'), 'a\n1\n');
    const run = await store.start({ project: 'sim', parameters: { seed: 3 }, inputs: [{ file: path.join(dir, 'params.json') }], tags: ['api'] });
    expect(run.label).toMatch(/^\d{8}-\d{6}-\d{3}-[0-9a-f]{6}$/);
    await run.heartbeat({ duration: 0.5 });
    await run.output([{ file: path.join(dir, 'step-1.csv'), path: 'out/step-1.csv' }]);
    await run.finish({ duration: 1, stdout: 'done\n' });
    expect(await store.drain(10_000)).toEqual({ pending: 0, failed: 0 });
    await store.close();
    const record = await client.records.display('sim', run.label);
    expect(record).toMatchObject({
      status: 'finished',
      parameters: { seed: 3 },
      tags: ['api'],
      stdout: 'done\n',
      inputs: [{ name: 'params.json', file: expect.any(String) }],
      outputs: [{ name: 'step-1.csv', path: 'out/step-1.csv', file: expect.any(String) }],
    });
    expect(record.statusHistory.map((change) => change.status)).toEqual(['started', 'running', 'finished']);
  });

  it('queues the writes of a run in the order they are made and drops heartbeats after its end, so its status never moves back', async () => {
    const { client, queue } = await setup();
    const store = new RecordStore({ client, queue });
    const run = await store.start({ project: 'sim', label: 'late-beat' }, { confirm: true });
    expect(run.confirmed).toBe(true);
    const early = run.heartbeat({ duration: 0.1 });
    const end = run.finish({ duration: 1, stdout: 'done\n' });
    expect(await run.heartbeat({ duration: 5, stdout: 'stale\n' })).toBeNull();
    await Promise.all([early, end]);
    expect(await store.drain(10_000)).toEqual({ pending: 0, failed: 0 });
    await store.close();
    expect(await statuses('late-beat')).toEqual([['started', 'running', 'finished']]);
    expect(await server.db.models.Record.findOne({ label: 'late-beat' }).lean()).toMatchObject({ duration: 1, stdout: 'done\n' });
  });

  it('with confirm, throws the refusal of the creation before the run starts and leaves nothing queued', async () => {
    const { client, queue } = await setup();
    const store = new RecordStore({ client, queue });
    await client.records.push('sim', { label: 'first' });
    await expect(store.start({ project: 'sim', label: 'first' }, { confirm: true })).rejects.toMatchObject({ status: 409, code: 'label_taken' });
    await store.close();
    expect(await queue.pending()).toEqual([]);
    expect(await queue.failed()).toEqual([]);
  });
});
