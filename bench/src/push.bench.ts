/**
 * Record push throughput and latency at 32 concurrent clients through the API service, against
 * raw mongoose insertOne of the same documents on the same database in the same run.
 * Target: API throughput ≥ 0.5 × raw. Measured with the push limit off (the benchmark's default)
 * and on (PUSH_RATE_LIMIT counts every push in the database, as deployed by default). The pushes go
 * through the benchmark's kept-alive node:http connections; the limited ones are also sent through
 * fetch(), whose own CPU (about three times node:http's) is taken from the same two cores.
 */
import { performance } from 'node:perf_hooks';
import { Types } from 'mongoose';
import { connectDatabase, createModels, ensureIndexes, issueToken } from '@reprise/core';
import { percentile, request, round, type Benchmark } from './lib.js';
import { startApiService } from './services.js';

const CONCURRENCY = 32;

/** A record body like a tool sends: program, parameters, inputs, dependencies, system. */
function recordBody(i: number) {
  return {
    label: `run-${i}`,
    status: 'finished',
    program: { command: 'python', arguments: ['sim.py', 'params.json'], versionControl: { vcs: 'git', commit: 'abc123', dirty: false } },
    parameters: { seed: i, particles: 10_000, grid: [256, 256] },
    inputs: [{ name: 'params.json', sha256: 'a'.repeat(64), size: 120, mediaType: 'application/json' }],
    dependencies: [
      { name: 'numpy', version: '2.1.0', manager: 'pip' },
      { name: 'scipy', version: '1.14.1', manager: 'pip' },
    ],
    system: { os: 'Linux', arch: 'x86_64', cpu: 8, memory: 17179869184 },
    tags: ['bench'],
    duration: 1.5,
  };
}

async function runConcurrently(total: number, task: (i: number) => Promise<void>): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const i = next;
        next += 1;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies };
}

const benchmark: Benchmark = {
  name: 'push',
  async run(ctx) {
    const total = ctx.quick ? 300 : 3000;
    const database = await ctx.database();
    const connection = await connectDatabase(database.uri, { dbName: 'bench_push' });
    const models = createModels(connection);
    await ensureIndexes(models);
    const issued = issueToken();
    const user = await models.User.create({ email: 'bench@example.org', name: 'Bench', tokenHash: issued.hash, tokenPrefix: issued.prefix });
    const api = await startApiService(database.uri.replace(/\/reprise$/, '/bench_push'));
    try {
      const headers = { Authorization: `Bearer ${issued.token}`, 'Content-Type': 'application/json' };
      const created = await fetch(`${api.url}/api/v1/project/push/bench`, { method: 'POST', headers, body: '{}' });
      if (created.status !== 201) throw new Error(`project push answered ${created.status}`);
      const project = (await created.json()) as { id: string };

      // Warm-up (connections, JIT) outside the measurement.
      const push = async (url: string, i: number) => {
        const { status, text } = await request(`${url}/api/v1/record/push/bench`, { method: 'POST', headers, body: JSON.stringify(recordBody(i)) });
        if (status !== 201) throw new Error(`record push answered ${status}: ${text.slice(0, 200)}`);
      };
      await runConcurrently(100, async (i) => {
        await push(api.url, 1_000_000 + i);
      });

      const viaApi = await runConcurrently(total, async (i) => {
        await push(api.url, i);
      });

      // The same pushes through an instance with the push limit on (counted in the database) at a rate it never reaches.
      const limited = await startApiService(database.uri.replace(/\/reprise$/, '/bench_push'), { PUSH_RATE_LIMIT: '1000000' });
      let withLimit: { seconds: number; latencies: number[] };
      let throughFetch: { seconds: number; latencies: number[] };
      try {
        withLimit = await runConcurrently(total, async (i) => {
          await push(limited.url, 2_000_000 + i);
        });
        throughFetch = await runConcurrently(total, async (i) => {
          const res = await fetch(`${limited.url}/api/v1/record/push/bench`, { method: 'POST', headers, body: JSON.stringify(recordBody(3_000_000 + i)) });
          await res.arrayBuffer();
          if (res.status !== 201) throw new Error(`record push answered ${res.status}`);
        });
      } finally {
        await limited.stop();
      }

      // Baseline: the same documents written by mongoose insertOne, same concurrency, same database.
      const projectId = new Types.ObjectId(project.id);
      const raw = await runConcurrently(total, async (i) => {
        const body = recordBody(i);
        await models.Record.insertOne({
          project: projectId,
          owner: user._id,
          private: true,
          container: null,
          label: `raw-${i}`,
          status: 'finished',
          statusHistory: [{ status: 'finished', at: new Date() }],
          program: JSON.stringify(body.program),
          parameters: JSON.stringify(body.parameters),
          inputs: body.inputs.map((input) => ({ ...input, path: null, file: null })),
          outputs: [],
          dependencies: body.dependencies.map((d) => ({ ...d, source: null })),
          system: JSON.stringify(body.system),
          tags: body.tags,
          reason: '',
          outcome: '',
          duration: body.duration,
          stdout: '',
          stderr: '',
          custom: null,
          rev: 0,
          created: new Date(),
          updated: new Date(),
        });
      });

      const apiRate = total / viaApi.seconds;
      const rawRate = total / raw.seconds;
      ctx.emit({ case: `${CONCURRENCY} clients, ${total} records`, metric: 'throughput', value: round(apiRate, 1), unit: 'records/s', baseline: round(rawRate, 1), target: '≥ 0.5 × raw insertOne', met: apiRate >= 0.5 * rawRate, note: 'baseline: mongoose insertOne of the same documents' });
      const limitedRate = total / withLimit.seconds;
      ctx.emit({ case: `${CONCURRENCY} clients, ${total} records, push limit on`, metric: 'throughput', value: round(limitedRate, 1), unit: 'records/s', baseline: round(rawRate, 1), target: '≥ 0.5 × raw insertOne', met: limitedRate >= 0.5 * rawRate, note: `PUSH_RATE_LIMIT counted in the database for every push (the default deployment); without it ${round(apiRate, 1)} records/s` });
      const fetchRate = total / throughFetch.seconds;
      ctx.emit({ case: `${CONCURRENCY} clients, ${total} records, push limit on, sent through fetch()`, metric: 'throughput', value: round(fetchRate, 1), unit: 'records/s', baseline: round(rawRate, 1), note: `the same pushes with a costlier client on the same two cores; through node:http ${round(limitedRate, 1)} records/s` });
      ctx.emit({ case: `${CONCURRENCY} clients, ${total} records`, metric: 'latency p50', value: round(percentile(viaApi.latencies, 0.5), 1), unit: 'ms', baseline: round(percentile(raw.latencies, 0.5), 1) });
      ctx.emit({ case: `${CONCURRENCY} clients, ${total} records`, metric: 'latency p99', value: round(percentile(viaApi.latencies, 0.99), 1), unit: 'ms', baseline: round(percentile(raw.latencies, 0.99), 1) });
    } finally {
      await api.stop();
      await connection.close();
    }
  },
};

export default benchmark;
