/**
 * The numeric comparison of outputs against numpy on the same files in the same run: two CSVs of
 * 1,000,000 rows × 4 columns (with a header) that differ in the last digits of some values, compared
 * with rtol 1e-9. Reprise streams them through its comparison in a worker thread, in a process of
 * its own (so its peak resident memory is that of the comparison alone); numpy reads both with
 * `numpy.loadtxt` and applies `numpy.isclose`. Throughput is bytes of both files per second.
 * numpy is installed from PyPI into a virtual environment under .cache/ (once, then reused).
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { compareNumericStreams } from '@reprise/core';
import { ensureVenv, mulberry32, venvDir } from '@reprise/tools';
import { round, type BenchContext, type Benchmark } from './lib.js';

/** numpy releases for Python 3.11 and later: the venv takes the newest. */
const NUMPY_REQUIREMENT = 'numpy>=2.2,<3';
const PYTHON = path.join(venvDir('numpy-venv'), 'bin', 'python');
/** The argument that runs this module as the comparing child process. */
const CHILD = '--numeric-child';
const RTOL = 1e-9;
const ATOL = 0;

function run(command: string, args: string[], options: { timeout: number; cwd?: string }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { ...options, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Installs numpy into .cache/numpy-venv unless it is there; returns its version. */
async function ensureNumpy(log: (message: string) => void): Promise<string> {
  const version = async () => (existsSync(PYTHON) ? await run(PYTHON, ['-c', 'import numpy; print(numpy.__version__)'], { timeout: 60_000 }) : null);
  await ensureVenv('numpy-venv', [NUMPY_REQUIREMENT], { ready: async () => (await version())?.code === 0, log, timeoutMs: 20 * 60_000 });
  return (await version())?.stdout.trim() ?? '';
}

/** Writes a table like a solver's output: step, time, a field value and a flux; `perturb` changes the last digits of some. */
async function writeTable(file: string, rows: number, perturb: boolean): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const next = mulberry32(7);
  const drift = mulberry32(11);
  out.write('step,t,T,flux\n');
  let batch: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    let value = 300 * Math.exp(-i / rows) * (1 + next());
    let flux = Math.sin(i / 1000) * next();
    // Most changes are rounding (within rtol); one value in a thousand moves by a millionth.
    const roll = perturb ? drift() : 1;
    if (roll < 0.001) value *= 1 + 1e-6;
    else if (roll < 0.1) {
      value *= 1 + 1e-12;
      flux += 1e-15;
    }
    batch.push(`${i},${(i * 1e-3).toFixed(3)},${value.toPrecision(12)},${flux.toExponential(9)}`);
    if (batch.length === 10_000) {
      if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
      batch = [];
    }
  }
  if (batch.length > 0) out.write(`${batch.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}

/** What the comparing child process prints. */
interface ChildResult {
  ms: number;
  maxRssMiB: number;
  compared: number;
  differing: number;
  same: boolean;
}

/** Compares the two files in a fresh Node process, as the platform does (streams, worker thread), and reports its time and peak memory. */
async function compareInChild(a: string, b: string): Promise<ChildResult> {
  const result = await run(process.execPath, [fileURLToPath(import.meta.url), CHILD, a, b], { timeout: 10 * 60_000 });
  if (result.code !== 0) throw new Error(`the comparison failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

/** The child's side of compareInChild(): this module run as a script. */
async function childMain(a: string, b: string): Promise<void> {
  const read = (file: string) => createReadStream(file, { highWaterMark: 1 << 20 });
  const started = performance.now();
  const outcome = await compareNumericStreams(read(a), read(b), { rtol: RTOL, atol: ATOL, sizes: [statSync(a).size, statSync(b).size], jsonLimitBytes: 1 << 25 });
  const ms = performance.now() - started;
  if (!outcome.numeric) throw new Error(outcome.reason);
  const { compared, differing, same } = outcome.comparison;
  const result: ChildResult = { ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, compared, differing, same };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** numpy.loadtxt both files and numpy.isclose them, timed in the Python process. */
async function compareWithNumpy(a: string, b: string): Promise<{ ms: number; compared: number; differing: number }> {
  const script = `
import sys, time, json, numpy as np
a, b = sys.argv[1], sys.argv[2]
started = time.perf_counter()
x = np.loadtxt(a, delimiter=',', skiprows=1)
y = np.loadtxt(b, delimiter=',', skiprows=1)
close = np.isclose(x, y, rtol=${RTOL}, atol=${ATOL}) if x.shape == y.shape else None
ms = (time.perf_counter() - started) * 1000
print(json.dumps({"ms": ms, "compared": int(x.size), "differing": int(close.size - close.sum()) if close is not None else -1}))
`;
  const result = await run(PYTHON, ['-c', script, a, b], { timeout: 10 * 60_000 });
  if (result.code !== 0) throw new Error(`numpy failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim()) as { ms: number; compared: number; differing: number };
}

const benchmark: Benchmark = {
  name: 'numeric',
  async run(context: BenchContext) {
    const numpyVersion = await ensureNumpy((message) => console.error(message));
    const rows = context.quick ? 100_000 : 1_000_000;
    const dir = mkdtempSync(path.join(tmpdir(), 'reprise-bench-numeric-'));
    try {
      const a = path.join(dir, 'a.csv');
      const b = path.join(dir, 'b.csv');
      await writeTable(a, rows, false);
      await writeTable(b, rows, true);
      const bytes = statSync(a).size + statSync(b).size;
      const runs = context.quick ? 1 : 3;
      const ours: ChildResult[] = [];
      const theirs: Array<{ ms: number; compared: number; differing: number }> = [];
      // Alternating, so that a busy moment of the machine weighs on both sides alike.
      for (let i = 0; i < runs; i += 1) {
        ours.push(await compareInChild(a, b));
        theirs.push(await compareWithNumpy(a, b));
      }
      const best = <T extends { ms: number }>(list: T[]): T => list.reduce((x, y) => (y.ms < x.ms ? y : x));
      const reprise = best(ours);
      const numpy = best(theirs);
      if (reprise.compared !== numpy.compared || reprise.differing !== numpy.differing) {
        throw new Error(`Reprise and numpy disagree: ${reprise.compared} values, ${reprise.differing} differing vs ${numpy.compared}, ${numpy.differing}.`);
      }
      const mbps = (ms: number) => round(bytes / 1e6 / (ms / 1000), 1);
      const label = `${rows} rows × 4 columns, ${round(bytes / 1e6, 1)} MB in both files`;
      context.emit({
        case: label,
        metric: 'throughput',
        value: mbps(reprise.ms),
        unit: 'MB/s',
        baseline: mbps(numpy.ms),
        note: `best of ${runs}; baseline numpy ${numpyVersion} loadtxt + isclose; ${reprise.compared} values compared, ${reprise.differing} beyond rtol ${RTOL} in both`,
        target: '≥ 0.3 × numpy',
        met: mbps(reprise.ms) >= 0.3 * mbps(numpy.ms),
      });
      context.emit({ case: label, metric: 'time', value: round(reprise.ms / 1000, 2), unit: 's', baseline: round(numpy.ms / 1000, 2) });
      const peak = Math.max(...ours.map((result) => result.maxRssMiB));
      context.emit({ case: label, metric: 'peak resident memory', value: round(peak, 1), unit: 'MiB', note: 'whole Node process (main and worker thread)', target: '< 200 MB', met: peak * 1.048576 < 200 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;

if (process.argv[2] === CHILD && process.argv[1] === fileURLToPath(import.meta.url)) {
  await childMain(process.argv[3] ?? '', process.argv[4] ?? '');
}
