/**
 * Reprise beside a peer: MLflow's tracking server (PyPI, its SQLite backend store, its default
 * server settings) and Reprise's API service on the embedded database, measured in one run on the
 * same machine. Recording a finished run at 32 clients (Reprise: one record push with status,
 * parameters and outputs; MLflow: runs/create + runs/log-batch + runs/update), then the newest 20
 * runs of a project, the newest 20 with a status and the newest 20 with a tag, at 1 and 32
 * readers — at 2,000 and then 10,000 runs in the project (BENCH_QUICK=1: 2,000 only). Each line's
 * baseline is MLflow's figure from the same run. Every phase is bounded in operations and time.
 * A side the measured pushes leave short of the size is filled up at fewer clients before the
 * reads, so that both are read at the same size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectDatabase, createModels, ensureIndexes, issueToken } from '@reprise/core';
import { cpuMilliseconds, getOk, percentileWithCutOff, request, round, runLoad, type BenchContext, type Benchmark, type LoadResult } from './lib.js';
import { ensureMlflow, MLFLOW_VERSION, startMlflow, type MlflowServer } from './mlflow.js';
import type { ServiceProcess } from '@reprise/tools';
import { killService, startApiService } from './services.js';

const WRITERS = 32;
/**
 * Clients that bring a side up to the size after its measured pushes, unmeasured: MLflow's SQLite
 * connection pool gives out at 32 clients (errors and waits of seconds), which left it with a
 * third of the runs, so the reads compared different sizes. 4 clients it sustains.
 */
const FILL_WRITERS = 4;
/** Runs pushed to fill a side are numbered from here on, apart from the measured ones (labels are unique in a project). */
let nextFill = 5_000_000;
const READER_COUNTS = [1, 32] as const;
const PAGE = 20;
/** Tags cycle through this many groups; every tenth run ends crashed (MLflow: FAILED). */
const GROUPS = 8;

const log = (message: string) => console.error(`[peer] ${message}`);

const crashed = (i: number) => i % 10 === 9;

/** A finished run as a tool pushes it to Reprise: status, parameters, outputs with digests, a tag. */
function repriseRun(i: number) {
  return {
    label: `run-${String(i).padStart(6, '0')}`,
    status: crashed(i) ? 'crashed' : 'finished',
    program: { command: 'python', arguments: ['train.py'] },
    parameters: { seed: i, learningRate: 0.001 * ((i % 7) + 1), batchSize: 32, optimizer: 'adam' },
    outputs: [
      { name: 'model.pt', sha256: i.toString(16).padStart(64, '0'), size: 1_048_576, mediaType: 'application/octet-stream' },
      { name: 'metrics.json', sha256: (i + 1).toString(16).padStart(64, 'f'), size: 64, mediaType: 'application/json' },
    ],
    tags: [`group-${i % GROUPS}`],
    duration: 12.5,
  };
}

/** The same run in MLflow's terms: a run with a tag, its parameters and final metrics, then its end. */
async function recordMlflowRun(url: string, experimentId: string, i: number, signal: AbortSignal): Promise<void> {
  const now = Date.now();
  const created = (await post(url, 'runs/create', { experiment_id: experimentId, run_name: `run-${String(i).padStart(6, '0')}`, start_time: now, tags: [{ key: 'group', value: `group-${i % GROUPS}` }] }, signal)) as {
    run: { info: { run_id: string } };
  };
  const runId = created.run.info.run_id;
  const params = repriseRun(i).parameters;
  await post(
    url,
    'runs/log-batch',
    {
      run_id: runId,
      params: Object.entries(params).map(([key, value]) => ({ key, value: String(value) })),
      metrics: [
        { key: 'loss', value: 1 / (i + 1), timestamp: now, step: 0 },
        { key: 'accuracy', value: 0.9, timestamp: now, step: 0 },
      ],
    },
    signal,
  );
  await post(url, 'runs/update', { run_id: runId, status: crashed(i) ? 'FAILED' : 'FINISHED', end_time: now + 12_500 }, signal);
}

async function post(url: string, method: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  const { status, text } = await request(`${url}/api/2.0/mlflow/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
  if (status < 200 || status > 299) throw new Error(`MLflow ${method} answered ${status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as unknown;
}

/** One read both sides answer: Reprise's request path and MLflow's runs/search filter. */
interface ReadCase {
  name: string;
  reprise: string;
  mlflowFilter: string;
  /** What every run of the answer must satisfy, checked once on each side. */
  expectStatus?: { reprise: string; mlflow: string };
}

const READS: ReadCase[] = [
  { name: 'newest 20 runs of a project', reprise: '', mlflowFilter: '' },
  { name: 'newest 20 crashed runs', reprise: '&status=crashed', mlflowFilter: "attributes.status = 'FAILED'", expectStatus: { reprise: 'crashed', mlflow: 'FAILED' } },
  { name: 'newest 20 runs with a tag', reprise: `&tag=group-3`, mlflowFilter: "tags.group = 'group-3'" },
];

interface Sides {
  /** `databasePid`: the embedded engine's or mongod's process, when this run started it. */
  reprise: { url: string; token: string; project: string; service: ServiceProcess; databasePid: number | undefined };
  mlflow: { server: MlflowServer; experimentId: string };
}

/** Each side's CPU time so far (ms): Reprise's API and database processes, MLflow's server and workers. */
function cpuOf(sides: Sides): { reprise: number | undefined; mlflow: number | undefined } {
  const { reprise, mlflow } = sides;
  return {
    reprise: cpuMilliseconds({ pids: [reprise.service.pid, ...(reprise.databasePid === undefined ? [] : [reprise.databasePid])] }),
    mlflow: cpuMilliseconds({ groups: [mlflow.server.group] }),
  };
}

type Span = [before: number | undefined, after: number | undefined];

/**
 * Emits the CPU each side spent per operation of its load (cpuOf just before and just after it):
 * a figure that, unlike rates and latencies, hardly depends on what else the machine runs.
 */
function emitCpu(ctx: BenchContext, sides: Sides, name: string, spent: { reprise: Span; mlflow: Span }, done: { reprise: LoadResult; mlflow: LoadResult }): void {
  const per = ([before, after]: Span, result: LoadResult) => {
    const operations = result.latencies.length + result.cutOff.length + result.errors;
    return before === undefined || after === undefined || operations === 0 ? undefined : (after - before) / operations;
  };
  const ours = per(spent.reprise, done.reprise);
  const theirs = per(spent.mlflow, done.mlflow);
  if (ours === undefined || theirs === undefined) return;
  const what = sides.reprise.databasePid === undefined ? "Reprise's API process (the database is external)" : "Reprise's API and database processes";
  ctx.emit({ case: name, metric: 'CPU per operation', value: round(ours, 2), unit: 'ms', baseline: round(theirs, 2), note: `user + system CPU of ${what}, and of MLflow's server process group, during the load, per operation started` });
}

const benchmark: Benchmark = {
  name: 'peer',
  async run(ctx) {
    const sizes = ctx.quick ? [2_000] : [2_000, 10_000];
    const budgets = { measureMs: (ctx.quick ? 180 : 300) * 1000, fillMs: (ctx.quick ? 900 : 2400) * 1000 };
    const readBudgetMs = (ctx.quick ? 8 : 15) * 1000;
    await ensureMlflow(log);
    const database = await ctx.database();
    const connection = await connectDatabase(database.uri, { dbName: 'bench_peer' });
    const mlflowDir = mkdtempSync(path.join(tmpdir(), 'reprise-bench-mlflow-'));
    let api: ServiceProcess | undefined;
    let mlflow: MlflowServer | undefined;
    try {
      const models = createModels(connection);
      await ensureIndexes(models);
      const issued = issueToken();
      await models.User.create({ email: 'peer@example.org', name: 'Peer', tokenHash: issued.hash, tokenPrefix: issued.prefix });
      api = await startApiService(database.uri.replace(/\/reprise$/, '/bench_peer'));
      const created = await fetch(`${api.url}/api/v1/project/push/peer`, { method: 'POST', headers: { Authorization: `Bearer ${issued.token}`, 'Content-Type': 'application/json' }, body: '{}' });
      if (created.status !== 201) throw new Error(`project push answered ${created.status}`);
      log(`starting mlflow server ${MLFLOW_VERSION} (SQLite in ${mlflowDir})`);
      mlflow = await startMlflow(mlflowDir);
      const experiment = (await post(mlflow.url, 'experiments/create', { name: 'peer' })) as { experiment_id: string };
      const sides: Sides = {
        reprise: { url: api.url, token: issued.token, project: 'peer', service: api, databasePid: database.pid },
        mlflow: { server: mlflow, experimentId: experiment.experiment_id },
      };
      let recorded = { reprise: 0, mlflow: 0 };
      for (const size of sizes) {
        recorded = await record(ctx, sides, recorded, size, budgets);
        const scale = recorded.reprise === recorded.mlflow ? `${recorded.reprise.toLocaleString('en')} runs` : `${recorded.reprise.toLocaleString('en')} runs (MLflow ${recorded.mlflow.toLocaleString('en')})`;
        for (const read of READS) await measureRead(ctx, sides, read, scale, readBudgetMs);
      }
    } catch (error) {
      if (mlflow) log(`mlflow server output (tail):\n${mlflow.output().slice(-2000)}`);
      throw error;
    } finally {
      if (api) await killService(api);
      await mlflow?.stop();
      await connection.close();
      rmSync(mlflowDir, { recursive: true, force: true });
    }
  },
};

/**
 * Records runs on both sides until each holds `size`: at WRITERS clients for at most
 * `budgets.measureMs` each (the rates reported), then, for a side left short, at FILL_WRITERS
 * clients for at most `budgets.fillMs` (not measured, said in the note).
 */
async function record(
  ctx: BenchContext,
  sides: Sides,
  from: { reprise: number; mlflow: number },
  size: number,
  budgets: { measureMs: number; fillMs: number },
): Promise<{ reprise: number; mlflow: number }> {
  const { reprise, mlflow } = sides;
  const headers = { Authorization: `Bearer ${reprise.token}`, 'Content-Type': 'application/json' };
  const pushReprise = async (n: number, signal: AbortSignal) => {
    const { status, text } = await request(`${reprise.url}/api/v1/record/push/${reprise.project}`, { method: 'POST', headers, body: JSON.stringify(repriseRun(n)), signal });
    if (status !== 201) throw new Error(`record push answered ${status}: ${text.slice(0, 200)}`);
  };
  const pushMlflow = (n: number, signal: AbortSignal) => recordMlflowRun(mlflow.server.url, mlflow.experimentId, n, signal);
  log(`recording runs up to ${size} on each side at ${WRITERS} clients`);
  const load = (count: number, push: (n: number, signal: AbortSignal) => Promise<void>) =>
    runLoad({ concurrency: WRITERS, durationMs: budgets.measureMs, maxOps: size - count, task: (i, signal) => push(count + i, signal) });
  const cpu0 = cpuOf(sides);
  const viaReprise = await load(from.reprise, pushReprise);
  const cpu1 = cpuOf(sides);
  const viaMlflow = await load(from.mlflow, pushMlflow);
  const cpu2 = cpuOf(sides);
  // A failed or cut-off run may or may not have been stored: count what each side holds.
  const measured = { reprise: await countReprise(sides), mlflow: await countMlflow(sides) };
  const now = {
    reprise: await fillUp('Reprise', measured.reprise, size, budgets.fillMs, pushReprise, () => countReprise(sides)),
    mlflow: await fillUp('MLflow', measured.mlflow, size, budgets.fillMs, pushMlflow, () => countMlflow(sides)),
  };
  const filled = [now.reprise > measured.reprise ? `Reprise ${measured.reprise}→${now.reprise}` : '', now.mlflow > measured.mlflow ? `MLflow ${measured.mlflow}→${now.mlflow}` : ''].filter(Boolean);
  const name = `record a finished run, ${WRITERS} clients, runs ${(from.reprise + 1).toLocaleString('en')}–${size.toLocaleString('en')}`;
  const note =
    `Reprise: one record push; MLflow: runs/create + runs/log-batch + runs/update. ${describe('Reprise', viaReprise)}; ${describe('MLflow', viaMlflow)}` +
    (filled.length > 0 ? `. Then filled up, unmeasured, at ${FILL_WRITERS} clients: ${filled.join(', ')} runs` : '');
  const rate = (result: LoadResult) => result.latencies.length / result.seconds;
  ctx.emit({ case: name, metric: 'throughput', value: round(rate(viaReprise), 1), unit: 'runs/s', baseline: round(rate(viaMlflow), 1), note });
  for (const [metric, q] of [
    ['latency p50', 0.5],
    ['latency p95', 0.95],
  ] as const) {
    const ours = percentileWithCutOff(viaReprise, q);
    const theirs = percentileWithCutOff(viaMlflow, q);
    ctx.emit({ case: name, metric, value: round(ours.value, 1), unit: 'ms', baseline: round(theirs.value, 1), note: bounds(ours.censored, theirs.censored) });
  }
  emitCpu(ctx, sides, name, { reprise: [cpu0.reprise, cpu1.reprise], mlflow: [cpu1.mlflow, cpu2.mlflow] }, { reprise: viaReprise, mlflow: viaMlflow });
  return now;
}

/** Pushes runs at FILL_WRITERS clients until the side holds `size` (counted again after each round) or the budget is spent; returns its count. */
async function fillUp(side: string, count: number, size: number, budgetMs: number, push: (n: number, signal: AbortSignal) => Promise<void>, counted: () => Promise<number>): Promise<number> {
  const deadline = Date.now() + budgetMs;
  let now = count;
  while (now < size && Date.now() < deadline) {
    log(`filling ${side} up from ${now} to ${size} runs at ${FILL_WRITERS} clients`);
    const result = await runLoad({ concurrency: FILL_WRITERS, durationMs: deadline - Date.now(), maxOps: size - now, task: (_i, signal) => push(nextFill++, signal) });
    if (result.errors > 0) log(`${side}: ${describe(side, result)}`);
    const before = now;
    now = await counted();
    if (now <= before) break;
  }
  return now;
}

async function countReprise(sides: Sides): Promise<number> {
  const headers = { Authorization: `Bearer ${sides.reprise.token}` };
  const project = (await getOk(`${sides.reprise.url}/api/v1/project/pull/${sides.reprise.project}`, headers)) as { counts?: { records?: number } };
  return project.counts?.records ?? Number.NaN;
}

async function countMlflow(sides: Sides): Promise<number> {
  // runs/search pages by 50,000 at most; the benchmark's projects stay below that.
  const found = (await post(sides.mlflow.server.url, 'runs/search', { experiment_ids: [sides.mlflow.experimentId], max_results: 50_000 })) as { runs?: unknown[] };
  return found.runs?.length ?? 0;
}

/** Measures one read on both sides at each reader count, after checking that both answer the same kind of page. */
async function measureRead(ctx: BenchContext, sides: Sides, read: ReadCase, scale: string, budgetMs: number): Promise<void> {
  const { reprise, mlflow } = sides;
  const headers = { Authorization: `Bearer ${reprise.token}` };
  const repriseUrl = `${reprise.url}/api/v1/record/display/${reprise.project}?limit=${PAGE}${read.reprise}`;
  const search = { experiment_ids: [mlflow.experimentId], filter: read.mlflowFilter, max_results: PAGE, order_by: ['attributes.start_time DESC'] };
  const ours = (await settled(() => getOk(repriseUrl, headers)).catch((error: unknown) => {
    // Say whether the service is still there, and what it said last.
    throw new Error(`${read.name}: Reprise's API (${reprise.service.alive() ? 'running' : 'exited'}) did not answer: ${String(error)}\n${reprise.service.output().slice(-3000)}`);
  })) as { data: Array<{ status: string }> };
  const theirs = (await settled(() => post(mlflow.server.url, 'runs/search', search))) as { runs?: Array<{ info: { status: string } }> };
  if (ours.data.length !== PAGE || theirs.runs?.length !== PAGE) throw new Error(`${read.name}: Reprise answered ${ours.data.length} runs, MLflow ${theirs.runs?.length ?? 0}; expected ${PAGE} each`);
  if (read.expectStatus) {
    const { reprise: wantOurs, mlflow: wantTheirs } = read.expectStatus;
    if (!ours.data.every((run) => run.status === wantOurs) || !theirs.runs.every((run) => run.info.status === wantTheirs)) throw new Error(`${read.name}: an answer holds runs of another status`);
  }
  for (const readers of READER_COUNTS) {
    /** The load on one side, after a warm-up (connections, caches) outside the measurement; with the CPU each side used during it. */
    const load = async (task: (i: number, signal: AbortSignal) => Promise<unknown>) => {
      await runLoad({ concurrency: readers, durationMs: 1000, maxOps: 2 * readers, task: async (i, signal) => void (await task(i, signal)) });
      const before = cpuOf(sides);
      const result = await runLoad({ concurrency: readers, durationMs: budgetMs, maxOps: 100_000, task: async (i, signal) => void (await task(i, signal)) });
      return { result, before, after: cpuOf(sides) };
    };
    const ourLoad = await load((_i, signal) => getOk(repriseUrl, headers, signal));
    const theirLoad = await load((_i, signal) => post(mlflow.server.url, 'runs/search', search, signal));
    const viaReprise = ourLoad.result;
    const viaMlflow = theirLoad.result;
    const name = `${scale}: ${read.name}, ${readers} reader${readers === 1 ? '' : 's'}`;
    const note = `Reprise: GET record/display/<project>?limit=${PAGE}${read.reprise}; MLflow: runs/search max_results=${PAGE}, order_by start_time DESC${read.mlflowFilter ? `, filter ${read.mlflowFilter}` : ''}. ${describe('Reprise', viaReprise)}; ${describe('MLflow', viaMlflow)}`;
    const rate = (result: LoadResult) => result.latencies.length / result.seconds;
    ctx.emit({ case: name, metric: 'throughput', value: round(rate(viaReprise), 1), unit: 'requests/s', baseline: round(rate(viaMlflow), 1), note });
    for (const [metric, q] of [
      ['latency p50', 0.5],
      ['latency p95', 0.95],
    ] as const) {
      const a = percentileWithCutOff(viaReprise, q);
      const b = percentileWithCutOff(viaMlflow, q);
      ctx.emit({ case: name, metric, value: round(a.value, 1), unit: 'ms', baseline: round(b.value, 1), note: bounds(a.censored, b.censored) });
    }
    emitCpu(ctx, sides, name, { reprise: [ourLoad.before.reprise, ourLoad.after.reprise], mlflow: [theirLoad.before.mlflow, theirLoad.after.mlflow] }, { reprise: viaReprise, mlflow: viaMlflow });
  }
}

/**
 * The first answer of a case, tried for up to two minutes: requests cut off at the end of the
 * previous case may still keep a server busy, and a connection it drops meanwhile is no answer.
 */
async function settled<T>(request: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return await request();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      log(`a first request failed (${error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)}); trying again in 15 s`);
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
  }
}

function describe(side: string, result: LoadResult): string {
  return `${side} ${result.latencies.length} done in ${round(result.seconds, 1)} s` + (result.cutOff.length > 0 ? `, ${result.cutOff.length} cut off` : '') + (result.errors > 0 ? `, ${result.errors} failed (${result.errorSamples[0] ?? ''})` : '');
}

function bounds(ours: boolean, theirs: boolean): string | undefined {
  if (!ours && !theirs) return undefined;
  return `a lower bound (requests cut off at the end of the time budget) for ${[ours ? 'Reprise' : '', theirs ? 'MLflow' : ''].filter(Boolean).join(' and ')}`;
}

export default benchmark;
