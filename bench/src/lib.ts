import { execFileSync } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDatabase, type Database } from '@reprise/tools';

/** One measurement, printed as a JSON line. `baseline` is measured in the same run, on the same machine. */
export interface BenchLine {
  bench: string;
  case: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** Anything a reader needs to interpret the figure (e.g. "baseline extrapolated"). */
  note?: string;
  /** The target the issue sets, as text, and whether this run met it. */
  target?: string;
  met?: boolean;
}

/** What a benchmark module exports. */
export interface Benchmark {
  name: string;
  /** Runs the benchmark, reporting every line through `emit`. */
  run(context: BenchContext): Promise<void>;
}

/** Given to each benchmark. */
export interface BenchContext {
  emit(line: Omit<BenchLine, 'bench'>): void;
  /** A database for this benchmark alone (started through the project's launcher). */
  database(): Promise<Database>;
  /** True when the run should be short (BENCH_QUICK=1), e.g. to check that benchmarks still work. */
  quick: boolean;
}

/** Creates the context of one benchmark; lines go to stdout and into `sink`. */
export function createContext(name: string, sink: BenchLine[]): BenchContext & { close(): Promise<void> } {
  const started: Array<{ db: Database; dir: string }> = [];
  return {
    quick: process.env.BENCH_QUICK === '1',
    emit(line) {
      const full: BenchLine = { bench: name, ...line };
      if (full.baseline !== undefined && full.ratio === undefined && full.baseline !== 0) {
        full.ratio = round(full.value / full.baseline, 3);
      }
      sink.push(full);
      process.stdout.write(`${JSON.stringify(full)}\n`);
    },
    async database() {
      const dir = mkdtempSync(path.join(tmpdir(), `reprise-bench-${name}-`));
      const db = await startDatabase({ uri: process.env.MONGODB_URI, dataDir: dir });
      started.push({ db, dir });
      return db;
    },
    async close() {
      for (const { db, dir } of started) {
        await db.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The q-th percentile (0..1) of a list of numbers. */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Times an async function in milliseconds. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** What a closed-loop load run measured. */
export interface LoadResult {
  /** Latency of every successful operation, in ms. */
  latencies: number[];
  /** Operations still running when the run's time was up, cut off then (their latency is at least the time they ran). */
  cutOff: number[];
  /** Operations that failed (an exception or an unexpected status). */
  errors: number;
  /** The first few failure messages, for the log. */
  errorSamples: string[];
  seconds: number;
}

/**
 * Runs `task` from `concurrency` workers in a closed loop until `durationMs` has passed or
 * `maxOps` operations were started, whichever comes first. At the deadline, operations still
 * running are aborted through the signal given to `task` and counted in `cutOff`: the run ends on
 * time however slow the server is.
 */
export async function runLoad(options: {
  concurrency: number;
  durationMs: number;
  maxOps?: number;
  task: (i: number, signal: AbortSignal) => Promise<void>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const cutOff: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const maxOps = options.maxOps ?? Number.POSITIVE_INFINITY;
  const stop = new AbortController();
  // Every request of the run listens to this one signal (undici drops its listeners only at GC).
  setMaxListeners(0, stop.signal);
  const timer = setTimeout(() => stop.abort(new Error('the run is over')), options.durationMs);
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline && next < maxOps) {
        const i = next;
        next += 1;
        const t0 = performance.now();
        try {
          await options.task(i, stop.signal);
          latencies.push(performance.now() - t0);
        } catch (error) {
          if (stop.signal.aborted) {
            cutOff.push(performance.now() - t0);
            break;
          }
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  clearTimeout(timer);
  return { latencies, cutOff, errors, errorSamples, seconds: (performance.now() - started) / 1000 };
}

/**
 * A percentile over completed operations and cut-off ones (counted at the time they had run, a
 * lower bound); `censored` says whether the value is such a lower bound.
 */
export function percentileWithCutOff(result: LoadResult, q: number): { value: number; censored: boolean } {
  const all = [...result.latencies.map((ms) => ({ ms, cut: false })), ...result.cutOff.map((ms) => ({ ms, cut: true }))].sort((a, b) => a.ms - b.ms);
  if (all.length === 0) return { value: Number.NaN, censored: false };
  const item = all[Math.min(all.length - 1, Math.max(0, Math.ceil(q * all.length) - 1))];
  return { value: item?.ms ?? Number.NaN, censored: item?.cut ?? false };
}

/**
 * The connections of the load a benchmark makes: kept alive, as a tool pushing runs or a dashboard
 * reading them keeps its own. The load generator shares the machine's two cores with the services
 * it measures, so it must cost them little: a request through node:http costs this process about
 * 0.7 ms of CPU, one through fetch() about 2 ms.
 */
const loadAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** A response to request(): its status and its body as text. */
export interface Answer {
  status: number;
  text: string;
}

/** One HTTP request over the benchmark's kept-alive connections (a string body is sent with its Content-Length). */
export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal | undefined } = {}): Promise<Answer> {
  const { method = 'GET', headers = {}, body, signal } = init;
  return new Promise((resolve, reject) => {
    const sent = http.request(url, { method, agent: loadAgent, signal, headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/** GETs a URL and fails unless the status is `expect` (the body is read either way). */
export async function getOk(url: string, headers: Record<string, string>, signal?: AbortSignal, expect = 200): Promise<unknown> {
  const { status, text } = await request(url, { headers, signal });
  if (status !== expect) throw new Error(`GET ${url.replace(/rpr_[\w-]+/, 'rpr_…')} answered ${status}: ${text.slice(0, 200)}`);
  return text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 where it cannot say). */
let clockTicks: number | undefined;

/** One process's /proc/<pid>/stat fields after its name: [state, ppid, pgrp, …]; undefined when it is gone. */
function procStat(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user and system, in ms) used so far by the given processes and by every process of
 * the given process groups, from /proc (Linux; undefined elsewhere). The difference across a load
 * divided by its requests is the CPU each request cost: unlike a rate or a latency, it hardly
 * depends on what else the machine runs.
 */
export function cpuMilliseconds(select: { pids?: number[]; groups?: number[] }): number | undefined {
  if (procStat('self') === undefined) return undefined;
  clockTicks ??= (() => {
    try {
      return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      return 100;
    }
  })();
  const groups = new Set(select.groups ?? []);
  const pids = new Set((select.pids ?? []).map(String));
  if (groups.size > 0) {
    for (const entry of readdirSync('/proc')) {
      if (/^\d+$/.test(entry) && groups.has(Number(procStat(entry)?.[2]))) pids.add(entry);
    }
  }
  let ticks = 0;
  for (const pid of pids) {
    const fields = procStat(pid);
    // utime and stime are the 14th and 15th fields of stat, the 12th and 13th after the name.
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / clockTicks;
}
