import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Connection } from 'mongoose';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, createModels, ensureIndexes } from '@reprise/core';
import { freePort, startDatabase, type Database } from '@reprise/tools';
import { makeUser, startServiceProcess, type ServiceProcess } from '@reprise/tools/testing';

// This file runs its own database server, so that it can stop it in the middle of a push load.
const dataDir = mkdtempSync(path.join(tmpdir(), 'reprise-outage-'));
let database: Database | undefined;
let api: ServiceProcess | undefined;
let connection: Connection | undefined;
afterAll(async () => {
  await api?.stop();
  await connection?.close();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  label: string;
  status: number | 'no answer';
  ms: number;
  at: number;
  retryAfter: string | null;
}

const WORKERS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the database stopped during a push load', () => {
  it('answers 503 without hanging or crashing, serves again by itself, and keeps every acknowledged push exactly once', async () => {
    const port = await freePort();
    database = await startDatabase({ dataDir, port });
    const uri = `mongodb://127.0.0.1:${port}/outage`;
    connection = await connectDatabase(uri, { queryShapeDir: inject('queryShapeDir') });
    const models = createModels(connection);
    await ensureIndexes(models);
    const alice = await makeUser(models);
    // The push limit is not under test here: a fast machine pushes past its default within the minute.
    api = await startServiceProcess('api', { mongodbUri: uri, env: { PUSH_RATE_LIMIT: '0' } });
    const service = api;
    const headers = { Authorization: `Bearer ${alice.token}`, 'Content-Type': 'application/json' };
    expect((await fetch(`${service.url}/api/v1/project/push/load`, { method: 'POST', headers, body: '{}' })).status).toBe(201);

    const outcomes: Outcome[] = [];
    const t0 = performance.now();
    let running = true;
    const workers = Array.from({ length: WORKERS }, async (_, w) => {
      for (let n = 0; running; n += 1) {
        const label = `w${w}-${n}`;
        const started = performance.now();
        let status: Outcome['status'] = 'no answer';
        let retryAfter: string | null = null;
        try {
          const res = await fetch(`${service.url}/api/v1/record/push/load`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ label, status: 'finished', parameters: { w, n } }),
            // Far longer than the service should ever take: a hang shows up as "no answer".
            signal: AbortSignal.timeout(20_000),
          });
          await res.arrayBuffer();
          status = res.status;
          retryAfter = res.headers.get('retry-after');
        } catch {
          // counted as "no answer"
        }
        outcomes.push({ label, status, ms: performance.now() - started, at: started - t0, retryAfter });
        // A client backs off after a 503, as Retry-After asks (shortened here to keep the test brief).
        if (status === 503) await sleep(200);
      }
    });

    await sleep(1500);
    const stoppedAt = performance.now() - t0;
    await database.stop();
    await sleep(5000);
    database = await startDatabase({ dataDir, port });
    const restartedAt = performance.now() - t0;
    // Load continues until pushes succeed again (bounded).
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline && outcomes.filter((o) => o.at > restartedAt && o.status === 201).length < 20) await sleep(100);
    running = false;
    await Promise.all(workers);

    // Never hangs and never crashes: every request got an answer, in bounded time, and the process lives.
    expect(service.alive()).toBe(true);
    expect(outcomes.filter((o) => o.status === 'no answer')).toEqual([]);
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(10_000);
    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].sort()).toEqual([201, 503]);
    const refused = outcomes.filter((o) => o.status === 503);
    expect(refused.every((o) => o.retryAfter !== null)).toBe(true);
    expect(refused.some((o) => o.at >= stoppedAt && o.at < restartedAt)).toBe(true);

    // Serves again by itself within seconds of the database returning.
    const firstBack = outcomes.filter((o) => o.status === 201 && o.at > restartedAt).map((o) => o.at + o.ms);
    expect(firstBack.length).toBeGreaterThan(0);
    expect(Math.min(...firstBack) - restartedAt).toBeLessThan(15_000);

    // Every acknowledged push is in the database, none twice.
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.label);
    const stored = await models.Record.find({}, { label: 1 }).lean();
    const counts = new Map<string, number>();
    for (const record of stored) counts.set(record.label, (counts.get(record.label) ?? 0) + 1);
    expect(acknowledged.filter((label) => counts.get(label) !== 1)).toEqual([]);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    // A refused push may have been written before its 503 (the insert landed, the answer did not):
    // never more than the pushes that were attempted.
    expect(stored.length).toBeLessThanOrEqual(outcomes.length);
    expect(acknowledged.length).toBeGreaterThan(20);
  }, 90_000);
});
