/**
 * Reads on seeded data sets (10,000 records across 1,000 projects, then 1,000,000 across 10,000;
 * BENCH_QUICK=1: the small one only): record display and search through the API service and
 * project browsing, at 16 concurrent readers; target p95 < 50 ms. Each case's baseline is the
 * same main query sent straight through the driver at the same concurrency. Then push throughput
 * while 16 readers run, against pushes alone. Every case has a time budget: requests still
 * running when it is spent are cut off and counted at the time they had run (a lower bound), so
 * the benchmark ends on time even where the database takes minutes per query.
 * BENCH_READ_RECORDS_PER_PROJECT=n makes the large data set n records in each of its 10,000
 * projects instead of 100 (when seeding a million records does not fit in the time at hand).
 */
import { RECORD_SUMMARY_PROJECTION, Scope, type Models } from '@reprise/core';
import { openDataset, type Dataset } from './dataset.js';
import { getOk, percentileWithCutOff, request, round, runLoad, type BenchContext, type Benchmark, type LoadResult } from './lib.js';
import { FULL_SHAPE, QUICK_SHAPE, Random, WORDS, type SeedShape, type SeededUser } from './seed.js';
import { killService, startApiService } from './services.js';

const READERS = 16;
const PUSHERS = 4;
const TARGET_P95_MS = 50;

/** One read path: the HTTP request a client makes, and the main query behind it. */
interface ReadCase {
  name: string;
  http: (random: Random) => { path: string; token: string };
  driver: (random: Random, maxTimeMS: number) => Promise<unknown>;
}

function readCases(models: Models, users: SeededUser[], recordsPerProject: number): ReadCase[] {
  const user = (random: Random) => random.pick(users);
  const ownProject = (random: Random) => {
    const u = user(random);
    return { u, project: random.pick(u.projects) };
  };
  const publicProjects = users.flatMap((u) => u.projects.filter((p) => !p.private));
  const label = (random: Random) => `run-${String(random.int(0, recordsPerProject - 1)).padStart(5, '0')}`;
  const page = 21; // a page of 20 and one more to know whether there is a next page
  return [
    {
      name: 'record display: newest records of an own project',
      http: (random) => {
        const { u, project } = ownProject(random);
        return { path: `/api/v1/record/display/${project.name}`, token: u.token };
      },
      driver: (random, maxTimeMS) => {
        const { project } = ownProject(random);
        return models.Record.find({ project: project.id }, RECORD_SUMMARY_PROJECTION).sort({ created: -1, _id: -1 }).limit(page).maxTimeMS(maxTimeMS).lean();
      },
    },
    {
      name: 'record display: one record by label',
      http: (random) => {
        const { u, project } = ownProject(random);
        return { path: `/api/v1/record/display/${project.name}/${label(random)}`, token: u.token };
      },
      driver: (random, maxTimeMS) => {
        const { project } = ownProject(random);
        return models.Record.findOne({ project: project.id, label: label(random) }).maxTimeMS(maxTimeMS).lean();
      },
    },
    {
      name: 'record search: newest visible records',
      http: (random) => ({ path: '/api/v1/record/search', token: user(random).token }),
      driver: (random, maxTimeMS) =>
        models.Record.find(Scope.visibleTo(user(random).id).filter(), RECORD_SUMMARY_PROJECTION).sort({ created: -1, _id: -1 }).limit(page).maxTimeMS(maxTimeMS).lean(),
    },
    {
      name: 'record search: a word in label/reason/outcome/tags',
      http: (random) => ({ path: `/api/v1/record/search?q=${random.pick(WORDS)}`, token: user(random).token }),
      driver: (random, maxTimeMS) => {
        const pattern = { $regex: random.pick(WORDS), $options: 'i' };
        return models.Record.find(
          { $and: [Scope.visibleTo(user(random).id).filter(), { $or: [{ label: pattern }, { reason: pattern }, { outcome: pattern }, { tags: pattern }] }] },
          RECORD_SUMMARY_PROJECTION,
        )
          .sort({ created: -1, _id: -1 })
          .limit(page)
          .maxTimeMS(maxTimeMS)
          .lean();
      },
    },
    {
      name: 'record search: crashed runs of a public project',
      http: (random) => ({ path: `/api/v1/record/search?project=${random.pick(publicProjects).id.toHexString()}&status=crashed`, token: user(random).token }),
      driver: (random, maxTimeMS) =>
        models.Record.find({ project: random.pick(publicProjects).id, private: false, status: 'crashed' }, RECORD_SUMMARY_PROJECTION)
          .sort({ created: -1, _id: -1 })
          .limit(page)
          .maxTimeMS(maxTimeMS)
          .lean(),
    },
    {
      name: 'project browsing: own and public, most recently active first',
      http: (random) => ({ path: '/api/v1/project/search', token: user(random).token }),
      driver: (random, maxTimeMS) => models.Project.find(Scope.visibleTo(user(random).id).filter()).sort({ activity: -1, _id: -1 }).limit(page).maxTimeMS(maxTimeMS).lean(),
    },
    {
      name: 'project browsing: public projects with a tag',
      http: (random) => ({ path: `/api/v1/project/search?tag=${random.pick(WORDS)}`, token: user(random).token }),
      driver: (random, maxTimeMS) =>
        models.Project.find({ $and: [Scope.visibleTo(user(random).id).filter(), { tags: random.pick(WORDS) }] })
          .sort({ activity: -1, _id: -1 })
          .limit(page)
          .maxTimeMS(maxTimeMS)
          .lean(),
    },
  ];
}

function pushBody(i: number) {
  return {
    label: `bench-push-${i}`,
    status: 'finished',
    program: { command: 'python', arguments: ['sim.py'] },
    parameters: { seed: i },
    tags: ['bench'],
    duration: 1,
  };
}

const benchmark: Benchmark = {
  name: 'read',
  async run(ctx) {
    const plans: Array<{ shape: SeedShape; budgetSeconds: number }> = ctx.quick
      ? [{ shape: QUICK_SHAPE, budgetSeconds: 5 }]
      : [
          { shape: QUICK_SHAPE, budgetSeconds: 20 },
          { shape: largeShape(), budgetSeconds: 30 },
        ];
    for (const plan of plans) await runShape(ctx, plan.shape, plan.budgetSeconds);
  },
};

/** The large data set: FULL_SHAPE, or its 10,000 projects with BENCH_READ_RECORDS_PER_PROJECT records each. */
function largeShape(): SeedShape {
  const perProject = process.env.BENCH_READ_RECORDS_PER_PROJECT;
  if (perProject === undefined) return FULL_SHAPE;
  const n = Number(perProject);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_READ_RECORDS_PER_PROJECT must be a positive integer, not ${perProject}`);
  return { ...FULL_SHAPE, recordsPerProject: n };
}

async function runShape(ctx: BenchContext, shape: SeedShape, budgetSeconds: number): Promise<void> {
  const records = shape.users * shape.projectsPerUser * shape.recordsPerProject;
  const projects = shape.users * shape.projectsPerUser;
  const scale = `${records.toLocaleString('en')} records`;
  const budgetMs = budgetSeconds * 1000;
  const dataset = await openDataset(shape, (message) => console.error(`[read] ${message}`));
  try {
    ctx.emit({
      case: `${scale}, ${projects.toLocaleString('en')} projects`,
      metric: 'seeding time',
      value: round(dataset.seedSeconds, 1),
      unit: 's',
      baseline: round(records / dataset.seedSeconds, 0),
      note: `insertMany in batches of 5000 through the models; baseline column: records/s${dataset.seededNow ? '' : ' (seeded in an earlier run, copied from .cache/bench-seed)'}`,
    });
    for (const read of readCases(dataset.models, dataset.users, shape.recordsPerProject)) {
      const httpRandom = new Random(7);
      const request = (url: string) => async (_i: number, signal: AbortSignal) => {
        const { path, token } = read.http(httpRandom);
        await getOk(`${url}${path}`, { Authorization: `Bearer ${token}` }, signal);
      };
      // A fresh database server and service for each measurement: work cut off in the previous
      // one must not weigh on the next.
      const single = await withService(dataset, (url) => runLoad({ concurrency: 1, durationMs: budgetMs / 2, task: request(url) }));
      const viaApi = await withService(dataset, async (url) => {
        await runLoad({ concurrency: READERS, durationMs: Math.min(2000, budgetMs), maxOps: 64, task: request(url) }); // warm-up
        return await runLoad({ concurrency: READERS, durationMs: budgetMs, task: request(url) });
      });
      await dataset.restart();
      const driverRandom = new Random(7);
      const direct = await runLoad({
        concurrency: READERS,
        durationMs: budgetMs / 2,
        // maxTimeMS a little past the end of the run, so that queries still running are counted as cut off.
        task: async () => void (await read.driver(driverRandom, budgetMs / 2 + 1000)),
      });
      report(ctx, `${scale}: ${read.name}`, viaApi, direct, single, budgetSeconds);
    }
    await pushWhileReading(ctx, dataset, scale, budgetMs, shape.recordsPerProject);
  } finally {
    await dataset.close();
  }
}

/** Restarts the database, runs `measure` against a fresh API service, and kills the service after. */
async function withService<T>(dataset: Dataset, measure: (url: string) => Promise<T>): Promise<T> {
  await dataset.restart();
  const api = await startApiService(dataset.uri, { SWEEP_INTERVAL_MINUTES: '0' });
  try {
    return await measure(api.url);
  } finally {
    await killService(api);
  }
}

async function pushWhileReading(ctx: BenchContext, dataset: Dataset, scale: string, budgetMs: number, recordsPerProject: number): Promise<void> {
  await dataset.restart();
  let api = await startApiService(dataset.uri, { SWEEP_INTERVAL_MINUTES: '0' });
  try {
    const pusher = dataset.users[0];
    const target = pusher?.projects[0];
    if (!pusher || !target) throw new Error('the data set has no users');
    let pushed = 0;
    const push = async (_i: number, signal: AbortSignal) => {
      const i = pushed;
      pushed += 1;
      const { status } = await request(`${api.url}/api/v1/record/push/${target.name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${pusher.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(pushBody(i)),
        signal,
      });
      if (status !== 201) throw new Error(`record push answered ${status}`);
    };
    const alone = await runLoad({ concurrency: PUSHERS, durationMs: budgetMs, task: push });
    await killService(api);
    await dataset.restart();
    api = await startApiService(dataset.uri, { SWEEP_INTERVAL_MINUTES: '0' });
    const readRandom = new Random(11);
    const display = readCases(dataset.models, dataset.users, recordsPerProject)[0];
    if (!display) throw new Error('no read case');
    const [withReads, reads] = await Promise.all([
      runLoad({ concurrency: PUSHERS, durationMs: budgetMs, task: push }),
      runLoad({
        concurrency: READERS,
        durationMs: budgetMs,
        task: async (_i, signal) => {
          const { path, token } = display.http(readRandom);
          await getOk(`${api.url}${path}`, { Authorization: `Bearer ${token}` }, signal);
        },
      }),
    ]);
    const rate = (result: LoadResult) => result.latencies.length / result.seconds;
    const name = `${scale}: push while ${READERS} readers display records (${PUSHERS} pushers)`;
    ctx.emit({
      case: name,
      metric: 'push throughput',
      value: round(rate(withReads), 1),
      unit: 'records/s',
      baseline: round(rate(alone), 1),
      note: `baseline: the same ${PUSHERS} pushers without readers; failed ${withReads.errors}/${alone.errors}, cut off at the end ${withReads.cutOff.length}/${alone.cutOff.length}`,
    });
    const p95 = percentileWithCutOff(reads, 0.95);
    ctx.emit({
      case: name,
      metric: 'read latency p95',
      value: round(p95.value, 1),
      unit: 'ms',
      target: `p95 < ${TARGET_P95_MS} ms`,
      met: !p95.censored && p95.value < TARGET_P95_MS && reads.errors === 0,
      note: `${reads.latencies.length} reads completed, ${reads.cutOff.length} cut off${p95.censored ? ' (p95 is a lower bound)' : ''}, ${reads.errors} failed`,
    });
  } finally {
    await killService(api);
  }
}

function report(ctx: BenchContext, name: string, viaApi: LoadResult, direct: LoadResult, single: LoadResult, budgetSeconds: number): void {
  const describe = (result: LoadResult) =>
    `${result.latencies.length} completed, ${result.cutOff.length} cut off at the end of its time budget` +
    (result.errors > 0 ? `, ${result.errors} failed (${result.errorSamples[0] ?? ''})` : '');
  const bound = (p: { censored: boolean }) => (p.censored ? ' (a lower bound: requests were cut off)' : '');
  const alone = percentileWithCutOff(single, 0.5);
  ctx.emit({
    case: name,
    metric: 'latency p50, one reader',
    value: round(alone.value, 1),
    unit: 'ms',
    note: `the same request, one at a time: ${describe(single)}${bound(alone)}`,
  });
  for (const [metric, q] of [
    ['latency p50', 0.5],
    ['latency p95', 0.95],
  ] as const) {
    const value = percentileWithCutOff(viaApi, q);
    const baseline = percentileWithCutOff(direct, q);
    ctx.emit({
      case: name,
      metric: `${metric}, ${READERS} readers`,
      value: round(value.value, 1),
      unit: 'ms',
      baseline: round(baseline.value, 1),
      ...(q === 0.95 ? { target: `p95 < ${TARGET_P95_MS} ms at ${READERS} readers`, met: !value.censored && value.value < TARGET_P95_MS && viaApi.errors === 0 } : {}),
      note:
        q === 0.95
          ? `API (${budgetSeconds} s): ${describe(viaApi)}${bound(value)}; baseline, the main query through the driver at the same concurrency (${budgetSeconds / 2} s): ${describe(direct)}${bound(baseline)}`
          : `${round(viaApi.latencies.length / viaApi.seconds, 1)} req/s`,
    });
  }
}

export default benchmark;
