import http from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levenshteinWorkerLoad, utf8DistanceAsync, type RecordDoc } from '@reprise/core';
import { simulationLog } from '@reprise/tools';
import { makeProject, makeRecord } from '../test/factories.js';
import { useCloud } from '../test/harness.js';

const cloud = useCloud();

// Distances are cached by content for the whole process: every pair gets texts of its own.
let nextSeed = Math.floor(Math.random() * 1e6) * 1000;

/** Two public records of one owner with `count` text outputs of `size` bytes each, different on every line. */
async function differingPair(count: number, size: number): Promise<{ a: RecordDoc; b: RecordDoc }> {
  const owner = { id: (await cloud.tokenUser()).user._id };
  const project = `outputs-${(nextSeed += 1000)}`;
  await makeProject(cloud.db, owner, project, { private: false });
  const outputs = (seed: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`out-${i}.txt`, simulationLog(size, seed + i)]));
  const a = await makeRecord(cloud.db, owner, project, { label: 'a' }, { outputs: outputs(nextSeed) });
  const b = await makeRecord(cloud.db, owner, project, { label: 'b' }, { outputs: outputs(nextSeed + 500) });
  return { a, b };
}

function compareUrl(a: RecordDoc, b: RecordDoc, tolerance?: number): string {
  return `/cloud/v1/records/${a._id.toHexString()}/compare/${b._id.toHexString()}${tolerance === undefined ? '' : `?tolerance=${tolerance}`}`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

const idle = () => {
  const { light, heavy } = levenshteinWorkerLoad();
  return light.running + light.queued + heavy.running + heavy.queued === 0;
};

interface PairBody {
  name: string;
  result: string;
  same: boolean;
  exact?: boolean;
  distance?: number;
  lowerBound?: number;
  note?: string;
}

describe('comparing records anyone may see', () => {
  beforeAll(async () => {
    // Start both lanes' worker threads: under vitest a worker loads TypeScript through tsx, which
    // takes seconds here and is not what is measured (the compiled worker starts in milliseconds).
    await utf8DistanceAsync(Buffer.from('a'.repeat(9000)), Buffer.from('b'.repeat(9000)));
    await utf8DistanceAsync(Buffer.from('a'.repeat(5000)), Buffer.from('b'.repeat(5000)));
  });

  it('answers a comparison of five differing 60 KB text outputs within a few seconds, with honest bounds', async () => {
    const { a, b } = await differingPair(5, 60_000);
    const { value: res, ms } = await timed(async () => supertest(cloud.app()).get(compareUrl(a, b)));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Unbounded, these take 13 s or more of CPU; bounded, about a second of computing.
    expect(ms).toBeLessThan(4000);
    const pairs = res.body.evidence.outputs.pairs as PairBody[];
    expect(pairs).toHaveLength(5);
    for (const pair of pairs) {
      expect(pair).toMatchObject({ result: 'text-distance', same: false, exact: false });
      expect(pair.lowerBound).toBeLessThan(pair.distance ?? 0);
      expect(pair.note).toMatch(/^Approximate distance \(line level\): between \d+ and \d+ edit\(s\)\.$/);
    }
    expect(res.body.evidence.outputs.same).toBe(false);
  });

  it('calls a pair whose tolerance lies between the bounds undecided, not different', async () => {
    const { a, b } = await differingPair(1, 60_000);
    const first = await supertest(cloud.app()).get(compareUrl(a, b)).expect(200);
    const [bounded] = first.body.evidence.outputs.pairs as PairBody[];
    expect(bounded?.exact).toBe(false);
    const between = bounded?.lowerBound ?? 0;
    const res = await supertest(cloud.app()).get(compareUrl(a, b, between)).expect(200);
    const [pair] = res.body.evidence.outputs.pairs as PairBody[];
    expect(pair).toMatchObject({ same: false, exact: false, lowerBound: between, distance: bounded?.distance });
    expect(pair?.note).toContain('Undecided');
    expect(pair?.note).not.toContain('different');
    expect(res.body.evidence.outputs.reason).toContain('not shown to be the same');
    expect(res.body.evidence.outputs.reason).not.toContain('differ');
    // An upper bound within the tolerance shows the outputs are the same.
    const within = await supertest(cloud.app()).get(compareUrl(a, b, bounded?.distance)).expect(200);
    expect(within.body.evidence.outputs).toMatchObject({ same: true });
  });

  it('answers a repeated comparison from the distance cache: the same evidence, at any tolerance, with no distance computed again', async () => {
    const { a, b } = await differingPair(5, 60_000);
    const dispatched = () => {
      const { light, heavy } = levenshteinWorkerLoad();
      return light.dispatched + heavy.dispatched;
    };
    const beforeFirst = dispatched();
    const first = await supertest(cloud.app()).get(compareUrl(a, b)).expect(200);
    // Five 60 KB pairs are measured in worker threads: the first comparison sends them there.
    const afterFirst = dispatched();
    expect(afterFirst).toBeGreaterThan(beforeFirst);
    const again = await supertest(cloud.app()).get(compareUrl(a, b)).expect(200);
    const withoutTime = (body: { evidence: Record<string, unknown> }) => ({ ...body, evidence: { ...body.evidence, computedAt: null } });
    expect(withoutTime(again.body)).toEqual(withoutTime(first.body));
    const otherTolerance = await supertest(cloud.app()).get(compareUrl(a, b, 7)).expect(200);
    expect(otherTolerance.body.evidence.outputs.pairs).toEqual(first.body.evidence.outputs.pairs);
    expect(dispatched()).toBe(afterFirst);
  });

  it('still hides a private record whose outputs have the bytes of a cached comparison', async () => {
    const { a, b } = await differingPair(1, 2_000);
    await supertest(cloud.app()).get(compareUrl(a, b)).expect(200);
    const stranger = { id: (await cloud.tokenUser()).user._id };
    await makeProject(cloud.db, stranger, 'hidden', { private: true });
    const outputs = async (record: RecordDoc) => {
      const res = await supertest(cloud.app()).get(`/cloud/v1/records/${record._id.toHexString()}/files/out-0.txt`).expect(200);
      return { 'out-0.txt': res.text };
    };
    const hidden = await makeRecord(cloud.db, stranger, 'hidden', { label: 'copy' }, { outputs: await outputs(b) });
    const res = await supertest(cloud.app()).get(compareUrl(a, hidden));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('a client that disconnects', () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer(cloud.app());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('stops its comparison: no distance is started and no CPU spent a second after it left', async () => {
    const { a, b } = await differingPair(30, 60_000);
    expect(idle()).toBe(true);
    const request = http.get(`${base}${compareUrl(a, b)}`);
    request.on('error', () => undefined);
    let answered = false;
    request.on('response', () => {
      answered = true;
    });
    // Leave once the comparison is computing in a worker thread.
    expect(await until(() => levenshteinWorkerLoad().heavy.running > 0, 15_000)).toBe(true);
    request.destroy();
    const left = performance.now();
    expect(await until(idle, 1000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, left + 1000 - performance.now())));
    const dispatched = levenshteinWorkerLoad().heavy.dispatched;
    const before = process.cpuUsage();
    const watched = await timed(async () => {
      let stayedIdle = true;
      await until(() => {
        stayedIdle &&= idle();
        return false;
      }, 1000);
      return stayedIdle;
    });
    const used = process.cpuUsage(before);
    expect(watched.value).toBe(true);
    expect(levenshteinWorkerLoad().heavy.dispatched).toBe(dispatched);
    // Thirty pairs would have kept a core busy for seconds; what is left is this test's own polling.
    expect((used.user + used.system) / 1000).toBeLessThan(watched.ms * 0.2);
    expect(answered).toBe(false);
  });
});
