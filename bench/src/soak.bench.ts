/**
 * Soak: ten minutes (BENCH_QUICK=1: one) of mixed load on the API and cloud services as they run in
 * production (child processes, default settings, push limit on): tools of several users push
 * records, status updates, containers with images and files, and read them back; anonymous visitors
 * browse public projects and compare records through the cloud service. The memory of both service
 * processes is sampled throughout. Target: flat memory — the resident set of the last minute is
 * within 10% (and 32 MiB) of the second minute's, the first minute being warm-up; the baseline of
 * each memory line is that second minute. Also reported: the operations done, their latency in the
 * second and the last minute, and failures (target: none).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connectDatabase, createModels, ensureIndexes, issueToken } from '@reprise/core';
import { ApiClient, type RecordPush } from '@reprise/sdk';
import type { ServiceProcess } from '@reprise/tools';
import { getOk, percentile, round, runLoad, type Benchmark } from './lib.js';
import { residentBytes, startApiService, startService } from './services.js';

const USERS = 6;
const WORKERS = 8;
/** Pause between one worker's operations: a steady load, not a saturating one. */
const THINK_MS = 100;
const SAMPLE_EVERY_MS = 5_000;
const MIB = 1024 * 1024;

/** What each worker may do, with its weight. */
const OPERATIONS = [
  ['record push', 24],
  ['record update', 14],
  ['file push (2 × 64 KiB)', 8],
  ['container push (256 KiB image)', 3],
  ['record display (first page)', 14],
  ['record display (one record)', 10],
  ['record search', 6],
  ['file pull', 6],
  ['cloud: public projects', 6],
  ['cloud: public records', 4],
  ['cloud: compare two records', 5],
] as const;
type Operation = (typeof OPERATIONS)[number][0];

/** A small deterministic PRNG (mulberry32), so that every run does the same mix. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickOperation(random: () => number): Operation {
  const total = OPERATIONS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [name, weight] of OPERATIONS) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return OPERATIONS[0][0];
}

interface Tool {
  client: ApiClient;
  projects: string[];
  /** Records pushed so far: [project, label, id, status]. */
  records: Array<{ project: string; label: string; id: string; finished: boolean; files: string[] }>;
}

function recordBody(label: string, i: number): RecordPush {
  return {
    label,
    status: 'running',
    program: { command: 'python', arguments: ['sim.py', `--seed=${i}`], versionControl: { vcs: 'git', commit: 'abc123', dirty: false } },
    parameters: { seed: i, particles: 10_000, grid: [256, 256] },
    dependencies: [{ name: 'numpy', version: '2.1.0', manager: 'pip' }],
    system: { os: 'Linux', arch: 'x86_64', cpu: 8 },
    tags: ['soak', i % 2 === 0 ? 'even' : 'odd'],
    reason: `soak run ${i}`,
  };
}

/** Median of the samples taken in [fromMs, toMs). */
function windowMedian(samples: Array<{ at: number; value: number }>, fromMs: number, toMs: number): number {
  return percentile(samples.filter((s) => s.at >= fromMs && s.at < toMs).map((s) => s.value), 0.5);
}

/** Least-squares slope of value over time, per minute. */
function slopePerMinute(samples: Array<{ at: number; value: number }>): number {
  const n = samples.length;
  if (n < 2) return Number.NaN;
  const mx = samples.reduce((s, p) => s + p.at, 0) / n;
  const my = samples.reduce((s, p) => s + p.value, 0) / n;
  const num = samples.reduce((s, p) => s + (p.at - mx) * (p.value - my), 0);
  const den = samples.reduce((s, p) => s + (p.at - mx) ** 2, 0);
  return den === 0 ? Number.NaN : (num / den) * 60_000;
}

/** The V8 heap in use of a service, from its Prometheus metrics (loopback may read them). */
async function heapUsed(service: ServiceProcess): Promise<number> {
  const text = await fetch(`${service.url}/metrics`).then((r) => r.text());
  const match = /^reprise_nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)/m.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

const benchmark: Benchmark = {
  name: 'soak',
  async run(ctx) {
    const minuteMs = ctx.quick ? 10_000 : 60_000;
    const durationMs = 10 * minuteMs;
    const database = await ctx.database();
    const uri = database.uri.replace(/\/reprise$/, '/bench_soak');
    const connection = await connectDatabase(uri, { dbName: 'bench_soak' });
    const models = createModels(connection);
    await ensureIndexes(models);
    const tokens: string[] = [];
    for (let u = 0; u < USERS; u += 1) {
      const issued = issueToken();
      await models.User.create({ email: `soak${u}@example.org`, name: `Soak ${u}`, tokenHash: issued.hash, tokenPrefix: issued.prefix });
      tokens.push(issued.token);
    }
    await connection.close();

    const dataDir = mkdtempSync(path.join(tmpdir(), 'reprise-soak-'));
    const api = await startApiService(uri, { PUSH_RATE_LIMIT: '20000' });
    const cloud = await startService('cloud', { mongodbUri: uri, env: { DATA_DIR: dataDir, JWT_SECRET: randomBytes(36).toString('base64') } });
    const services = { api, cloud };
    try {
      const tools: Tool[] = [];
      for (const [u, token] of tokens.entries()) {
        const client = new ApiClient({ url: api.url, token, uploads: 'stream' });
        const projects = [`soak-public-${u}`, `soak-private-${u}`];
        await client.projects.push(projects[0] ?? '', { private: false, description: 'Public project of the soak test', tags: ['soak'] });
        await client.projects.push(projects[1] ?? '', { private: true, description: 'Private project of the soak test' });
        tools.push({ client, projects, records: [] });
      }
      const image = new Blob([randomBytes(256 * 1024)]);
      const fileData = () => new Blob([randomBytes(64 * 1024)]);
      let pushed = 0;
      let uploads = 0;

      const latencies = new Map<Operation, Array<{ at: number; ms: number }>>();
      const failures = new Map<Operation, string[]>();
      const memory = { api: { rss: [] as Array<{ at: number; value: number }>, heap: [] as Array<{ at: number; value: number }> }, cloud: { rss: [] as Array<{ at: number; value: number }>, heap: [] as Array<{ at: number; value: number }> } };
      const started = performance.now();
      const sampler = setInterval(() => {
        const at = performance.now() - started;
        for (const name of ['api', 'cloud'] as const) {
          memory[name].rss.push({ at, value: residentBytes(services[name].pid) });
          void heapUsed(services[name]).then((value) => memory[name].heap.push({ at, value }), () => undefined);
        }
      }, SAMPLE_EVERY_MS);

      const perform = async (operation: Operation, random: () => number, signal: AbortSignal): Promise<void> => {
        const tool = tools[Math.floor(random() * tools.length)] as Tool;
        const project = tool.projects[Math.floor(random() * tool.projects.length)] as string;
        const own = tool.records.filter((r) => r.project === project);
        const someRecord = () => own[Math.floor(random() * own.length)];
        const publicRecords = tools.flatMap((t) => t.records.filter((r) => r.project.startsWith('soak-public-')));
        switch (operation) {
          case 'record push': {
            pushed += 1;
            const label = `run-${String(pushed).padStart(6, '0')}`;
            const record = await tool.client.records.push(project, recordBody(label, pushed), { signal });
            tool.records.push({ project, label, id: record.id, finished: false, files: [] });
            return;
          }
          case 'record update': {
            const record = own.find((r) => !r.finished) ?? someRecord();
            if (!record) return;
            await tool.client.records.update(project, record.label, record.finished ? { outcome: 'checked again' } : { status: 'finished', outcome: 'converged', duration: 1.5 }, { signal });
            record.finished = true;
            return;
          }
          case 'file push (2 × 64 KiB)': {
            const record = someRecord();
            if (!record) return;
            // Names unique across workers: an output pushed again under its name must have the same bytes.
            uploads += 1;
            const updated = await tool.client.files.push(project, record.label, { outputs: [{ name: `out-${uploads}-a.dat`, data: fileData() }, { name: `out-${uploads}-b.dat`, data: fileData() }] }, { signal });
            record.files = (updated.outputs ?? []).map((file) => file.name);
            return;
          }
          case 'container push (256 KiB image)':
            await tool.client.containers.push(project, { system: 'docker', version: { vcs: 'git', commit: randomBytes(4).toString('hex'), branch: 'main', dirty: false } }, { image: { name: 'image.tar', data: image }, signal });
            return;
          case 'record display (first page)':
            await tool.client.records.list(project, { limit: 20 }, { signal });
            return;
          case 'record display (one record)': {
            const record = someRecord();
            if (record) await tool.client.records.display(project, record.label, { signal });
            return;
          }
          case 'record search':
            await tool.client.search.records({ q: random() < 0.5 ? 'even' : 'odd', limit: 20 }, { signal });
            return;
          case 'file pull': {
            const record = own.find((r) => r.files.length > 0);
            const file = record?.files[0];
            if (!record || !file) return;
            const download = await tool.client.files.pull(project, record.label, file, { signal });
            await new Response(download.body).arrayBuffer();
            return;
          }
          case 'cloud: public projects':
            await getOk(`${cloud.url}/cloud/v1/public/projects?limit=20`, {}, signal);
            return;
          case 'cloud: public records':
            await getOk(`${cloud.url}/cloud/v1/public/records?limit=20`, {}, signal);
            return;
          case 'cloud: compare two records': {
            const a = publicRecords[Math.floor(random() * publicRecords.length)];
            const b = publicRecords[Math.floor(random() * publicRecords.length)];
            if (a && b) await getOk(`${cloud.url}/cloud/v1/records/${a.id}/compare/${b.id}`, {}, signal);
            return;
          }
        }
      };

      const randoms = Array.from({ length: WORKERS }, (_, w) => prng(1000 + w));
      let worker = 0;
      const result = await runLoad({
        concurrency: WORKERS,
        durationMs,
        task: async (_i, signal) => {
          const random = randoms[worker++ % WORKERS] as () => number;
          const operation = pickOperation(random);
          const t0 = performance.now();
          try {
            await perform(operation, random, signal);
            const list = latencies.get(operation) ?? [];
            list.push({ at: t0 - started, ms: performance.now() - t0 });
            latencies.set(operation, list);
          } catch (error) {
            if (!signal.aborted) {
              const list = failures.get(operation) ?? [];
              list.push(error instanceof Error ? error.message : String(error));
              failures.set(operation, list);
            }
            throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, THINK_MS));
        },
      });
      clearInterval(sampler);

      const caseName = `${durationMs / 60_000} min, ${WORKERS} workers, ${USERS} users`;
      const second = [minuteMs, 2 * minuteMs] as const;
      const last = [durationMs - minuteMs, durationMs + 1] as const;
      for (const name of ['api', 'cloud'] as const) {
        for (const kind of ['rss', 'heap'] as const) {
          const samples = memory[name][kind];
          const early = windowMedian(samples, ...second);
          const late = windowMedian(samples, ...last);
          const flat = late <= Math.max(early * 1.1, early + 32 * MIB);
          ctx.emit({
            case: caseName,
            metric: `${name} ${kind === 'rss' ? 'resident memory' : 'heap used'}, last minute`,
            value: round(late / MIB, 1),
            unit: 'MiB',
            baseline: round(early / MIB, 1),
            target: kind === 'rss' ? 'flat: ≤ 1.1 × (or + 32 MiB over) the second minute' : undefined,
            met: kind === 'rss' ? flat : undefined,
            note: `medians of samples every ${SAMPLE_EVERY_MS / 1000} s; baseline: the second minute (the first is warm-up); max ${round(Math.max(...samples.map((s) => s.value)) / MIB, 1)} MiB; slope after warm-up ${round(slopePerMinute(samples.filter((s) => s.at >= minuteMs)) / MIB, 2)} MiB/min`,
          });
        }
      }
      const done = [...latencies.values()].reduce((sum, list) => sum + list.length, 0);
      const failed = [...failures.values()].reduce((sum, list) => sum + list.length, 0);
      const samples = [...failures.entries()].map(([operation, list]) => `${operation}: ${list[0] ?? ''}`).slice(0, 3);
      ctx.emit({ case: caseName, metric: 'operations', value: done, unit: 'ops', note: `${round(done / result.seconds, 1)} ops/s; ${pushed} records pushed` });
      ctx.emit({ case: caseName, metric: 'failed operations', value: failed, unit: 'ops', target: 'none', met: failed === 0, note: failed > 0 ? samples.join('; ').slice(0, 400) : undefined });
      for (const [operation] of OPERATIONS) {
        const list = latencies.get(operation) ?? [];
        const inWindow = (from: number, to: number) => list.filter((l) => l.at >= from && l.at < to).map((l) => l.ms);
        const early = inWindow(...second);
        const late = inWindow(...last);
        if (early.length === 0 || late.length === 0) continue;
        ctx.emit({
          case: `${caseName}: ${operation}`,
          metric: 'latency p95, last minute',
          value: round(percentile(late, 0.95), 1),
          unit: 'ms',
          baseline: round(percentile(early, 0.95), 1),
          note: `baseline: the second minute; ${list.length} done in all; the data grows all along (${pushed} records by the end)`,
        });
      }
    } finally {
      await api.stop();
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
