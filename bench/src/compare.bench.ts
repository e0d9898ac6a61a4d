/**
 * The cloud's record comparison under load, on the built cloud service (anyone may ask for it on
 * public records):
 * 1. one heavy comparison alone: two records with five 60 KB text outputs that differ on every
 *    line; its latency and the CPU the service spent on it;
 * 2. the same comparison again (baseline: the first);
 * 3. a small comparison (two 5 KB text outputs) while 4 clients keep asking for heavy ones,
 *    against the small comparison alone (baseline), measured in the same run.
 *
 * Every heavy and small request compares a pair never compared before (records are paired in
 * turn), so no answer comes from a cache except in case 2. Each request names a different client
 * address in X-Forwarded-For (the service trusts its loopback proxy), as many visitors would, so
 * that a per-address rate limit does not hide the load being measured.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { attachFiles, connectDatabase, createModels, createRecord, ensureIndexes, GridFsBlobStore, issueToken, pushProject } from '@reprise/core';
import { freePort, simulationLog, type ServiceProcess } from '@reprise/tools';
import { percentile, round, type Benchmark } from './lib.js';
import { startService } from './services.js';

const HEAVY_CLIENTS = 4;
const HEAVY_OUTPUTS = 5;
const HEAVY_BYTES = 60_000;
const SMALL_BYTES = 5_000;
/** A request that takes longer counts as this long (and the line says how many did). */
const REQUEST_TIMEOUT_MS = 60_000;

/** Seeds a public project with `heavy` records of five 60 KB outputs and `small` records of one 5 KB output, all different. */
async function seed(uri: string, heavy: number, small: number): Promise<{ heavy: string[]; small: string[]; close: () => Promise<void> }> {
  const connection = await connectDatabase(uri);
  const models = createModels(connection);
  await ensureIndexes(models);
  const deps = { models, blobs: new GridFsBlobStore(connection) };
  const issued = issueToken();
  const user = await models.User.create({ email: 'bench@example.org', name: 'Bench Mark', tokenHash: issued.hash, tokenPrefix: issued.prefix, tokenCreatedAt: new Date() });
  const actor = { id: user._id, name: user.name };
  await pushProject(deps, actor, 'compared', { description: 'Records to compare.', private: false });
  const make = async (label: string, outputs: Record<string, string>): Promise<string> => {
    await createRecord(deps, actor, 'compared', { label, status: 'finished' });
    const parts = [];
    for (const [name, content] of Object.entries(outputs)) {
      const blob = await deps.blobs.write(Readable.from([Buffer.from(content)]));
      parts.push({ field: 'outputs' as const, upload: { blob, mediaType: 'text/plain', originalName: name } });
    }
    const { record } = await attachFiles(deps, actor, 'compared', label, parts, undefined);
    return record._id.toHexString();
  };
  const heavyIds: string[] = [];
  for (let i = 0; i < heavy; i += 1) {
    heavyIds.push(await make(`heavy-${i}`, Object.fromEntries(Array.from({ length: HEAVY_OUTPUTS }, (_, j) => [`out-${j}.txt`, simulationLog(HEAVY_BYTES, 1000 * i + j)]))));
  }
  const smallIds: string[] = [];
  for (let i = 0; i < small; i += 1) smallIds.push(await make(`small-${i}`, { 'out.txt': simulationLog(SMALL_BYTES, 500_000 + i) }));
  return { heavy: heavyIds, small: smallIds, close: () => connection.close() };
}

/** Every ordered pair of distinct ids, in an order that spreads the records. */
function pairsOf(ids: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let gap = 1; gap < ids.length; gap += 1) {
    for (let i = 0; i < ids.length; i += 1) {
      const a = ids[i];
      const b = ids[(i + gap) % ids.length];
      if (a && b) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

let nextAddress = 1;

/**
 * One comparison; resolves with its latency in ms and its status: 0 when cut off at
 * REQUEST_TIMEOUT_MS (counted as that long), -1 when the service closed the connection.
 */
async function compare(base: string, [a, b]: [string, string], signal?: AbortSignal): Promise<{ ms: number; status: number }> {
  nextAddress += 1;
  const address = `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const started = performance.now();
  try {
    const res = await fetch(`${base}/cloud/v1/records/${a}/compare/${b}`, {
      headers: { 'X-Forwarded-For': address },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    await res.arrayBuffer();
    return { ms: performance.now() - started, status: res.status };
  } catch (error) {
    if (timeout.aborted) return { ms: REQUEST_TIMEOUT_MS, status: 0 };
    if (signal?.aborted) throw error;
    return { ms: performance.now() - started, status: -1 };
  }
}

const benchmark: Benchmark = {
  name: 'compare',
  async run(ctx) {
    const samples = ctx.quick ? 3 : 8;
    const db = await ctx.database();
    const seeded = await seed(db.uri, ctx.quick ? 8 : 12, samples * 2 + 2);
    const heavyPairs = pairsOf(seeded.heavy);
    const smallPairs = pairsOf(seeded.small);
    let service: ServiceProcess | undefined;
    try {
      const port = await freePort();
      service = await startService('cloud', {
        mongodbUri: db.uri,
        port,
        env: { CLOUD_PORT: String(port), PUBLIC_URL: `http://localhost:${port}`, JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123' },
      });
      const base = service.url;
      const nextSmall = () => {
        const pair = smallPairs.shift();
        if (!pair) throw new Error('out of small pairs');
        return pair;
      };
      const nextHeavy = () => heavyPairs.shift();
      // Warm up: starts the worker threads, as any comparison after the first finds them.
      await compare(base, nextSmall());

      // 1 and 2. One heavy comparison alone, then again.
      const heavyPair = nextHeavy();
      if (!heavyPair) throw new Error('no heavy pair');
      const cpuBefore = cpuSeconds(service.pid);
      const first = await compare(base, heavyPair);
      const cpu = cpuSeconds(service.pid) - cpuBefore;
      ctx.emit({
        case: `heavy compare alone (${HEAVY_OUTPUTS} × ${HEAVY_BYTES / 1000} KB text outputs differing on every line)`,
        metric: 'latency',
        value: round(first.ms),
        unit: 'ms',
        note: `status ${first.status}; the service used ${round(cpu, 2)} s of CPU for it`,
      });
      const again = await compare(base, heavyPair);
      ctx.emit({
        case: 'the same heavy compare again',
        metric: 'latency',
        value: round(again.ms),
        unit: 'ms',
        baseline: round(first.ms),
        note: `status ${again.status}; baseline: the first time`,
      });

      // 3. Small comparisons alone, then while heavy ones run.
      const alone: number[] = [];
      for (let i = 0; i < samples; i += 1) alone.push((await compare(base, nextSmall())).ms);

      const stop = new AbortController();
      const heavyResults: Array<{ ms: number; status: number }> = [];
      const cpuLoaded = cpuSeconds(service.pid);
      const hammer = async () => {
        for (let pair = nextHeavy(); pair && !stop.signal.aborted; pair = nextHeavy()) {
          try {
            heavyResults.push(await compare(base, pair, stop.signal));
          } catch (error) {
            if (!stop.signal.aborted) throw error;
          }
        }
      };
      const clients = Array.from({ length: HEAVY_CLIENTS }, hammer);
      // Let the heavy comparisons fill the service's queue first.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const loaded: Array<{ ms: number; status: number }> = [];
      for (let i = 0; i < samples; i += 1) {
        loaded.push(await compare(base, nextSmall()));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      stop.abort();
      await Promise.all(clients);
      const cpuUnderLoad = cpuSeconds(service.pid) - cpuLoaded;
      const loadedMs = loaded.map((result) => result.ms);
      const okHeavy = heavyResults.filter((result) => result.status === 200);
      ctx.emit({
        case: `small compare (2 × ${SMALL_BYTES / 1000} KB outputs) while ${HEAVY_CLIENTS} clients compare ${HEAVY_OUTPUTS} × ${HEAVY_BYTES / 1000} KB differing outputs`,
        metric: 'median latency',
        value: round(percentile(loadedMs, 0.5)),
        unit: 'ms',
        baseline: round(percentile(alone, 0.5)),
        note:
          `baseline: the small compare alone; p95 ${round(percentile(loadedMs, 0.95))} ms vs ${round(percentile(alone, 0.95))} ms alone; ` +
          `${samples} samples each, ${loaded.filter((result) => result.status <= 0).length} cut off at ${REQUEST_TIMEOUT_MS / 1000} s or closed; ` +
          `heavy compares finished meanwhile: ${okHeavy.length} (median ${round(percentile(okHeavy.map((result) => result.ms), 0.5))} ms), ` +
          `other statuses ${heavyResults.filter((result) => result.status !== 200).map((result) => result.status).join(',') || 'none'}; ` +
          `service CPU during the phase ${round(cpuUnderLoad, 1)} s`,
      });

      // Work left behind by the clients that went away: CPU the service spends in the 2 s after.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const cpuAfter = cpuSeconds(service.pid);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      ctx.emit({
        case: 'after the heavy clients disconnect (from 1 s to 3 s later)',
        metric: 'service CPU',
        value: round(cpuSeconds(service.pid) - cpuAfter, 2),
        unit: 's',
        note: 'work abandoned by clients that left; ~0 when it is stopped',
      });
    } finally {
      if (service) {
        service.kill('SIGKILL');
        await service.exited;
      }
      await seeded.close();
    }
  },
};

export default benchmark;
