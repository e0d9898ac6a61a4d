import { mkdtempSync, rmSync } from 'node:fs';
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
