/**
 * The Levenshtein engine of the assessment against plain fast-levenshtein, on the same inputs in the
 * same run: output-like text of 50 KiB, 1 MiB and 10 MiB, near-identical and very different.
 *
 * fast-levenshtein is Myers' bit-parallel algorithm: its time is n·m/32 word operations whatever the
 * content. Where a full run would take minutes or hours (1 MiB, 10 MiB) it is measured on a 64 KiB
 * slice of the same inputs and extrapolated from that measured per-cell rate, and the line says so.
 * Exactness is checked against the baseline's distance where it ran, and otherwise against the
 * distance known by construction (near-identical texts get k "#" substitutions or insertions at
 * distinct places; "#" never occurs in the text, so each is one edit and no script does with fewer).
 */
import { createRequire } from 'node:module';
import { closeLevenshteinWorkers, levenshtein, levenshteinAsync, type LevenshteinResult } from '@reprise/core';
import { mulberry32 } from '@reprise/tools';
import { percentile, round, type BenchContext, type Benchmark } from './lib.js';

const require = createRequire(import.meta.url);
const fastLevenshtein = require('fast-levenshtein') as { get(a: string, b: string): number };

const KiB = 1024;
const MiB = 1024 * KiB;
/** Slice length for extrapolating the baseline: a few seconds of fast-levenshtein at most. */
const BASELINE_SLICE = 64 * KiB;

/** Output-like text: a simulation log of numbered steps with numbers and a few words. */
function outputText(length: number, seed: number): string {
  const next = mulberry32(seed);
  const events = ['ok', 'converged', 'refine', 'checkpoint', 'warn: slow step', 'retry'];
  const lines: string[] = [];
  let size = 0;
  for (let step = 0; size < length; step += 1) {
    const line = `step ${step} t=${(step * 0.001).toFixed(3)} energy=${(next() * 1000).toFixed(6)} residual=${(next() / 1e3).toExponential(4)} ${events[Math.floor(next() * events.length)] ?? 'ok'}\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('').slice(0, length);
}

/** The text with `count` "#" substitutions or insertions at distinct places: its distance to the original is exactly `count`. */
function withMarks(text: string, count: number, seed: number): string {
  const next = mulberry32(seed);
  const positions = new Set<number>();
  while (positions.size < count) positions.add(Math.floor(next() * text.length));
  const parts: string[] = [];
  let from = 0;
  for (const at of [...positions].sort((x, y) => x - y)) {
    const substitute = next() < 0.5;
    parts.push(text.slice(from, at), '#');
    from = substitute ? at + 1 : at;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

interface Case {
  name: string;
  a: string;
  b: string;
  /** The distance known by construction, when there is one. */
  known?: number;
  /** Whether fast-levenshtein runs on the whole inputs (else on a slice, extrapolated). */
  fullBaseline: boolean;
}

function cases(quick: boolean): Case[] {
  const list: Case[] = [];
  const sizes: Array<[string, number, number]> = [
    ['50 KiB', 50 * KiB, 50],
    ['1 MiB', MiB, 500],
    ['10 MiB', 10 * MiB, 1000],
  ];
  for (const [label, size, edits] of sizes) {
    const a = outputText(size, size);
    list.push({ name: `${label} near-identical (${edits} edits)`, a, b: withMarks(a, edits, size + 1), known: edits, fullBaseline: size <= 64 * KiB });
    list.push({ name: `${label} very different`, a, b: outputText(size, size + 2), fullBaseline: size <= 64 * KiB });
  }
  return quick ? list.filter((c) => !c.name.startsWith('10 MiB very')) : list;
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function timeEngine(a: string, b: string, runs: number): { ms: number; result: LevenshteinResult } {
  let result = levenshtein(a, b); // warm-up (JIT), not counted
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    result = levenshtein(a, b);
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}

/** fast-levenshtein's time on the whole inputs, or extrapolated from a slice at its measured rate per cell. */
function timeBaseline(item: Case, runs: number): { ms: number; distance: number | undefined; extrapolated: boolean } {
  if (item.fullBaseline) {
    let distance = 0;
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      distance = fastLevenshtein.get(item.a, item.b);
      times.push(performance.now() - started);
    }
    return { ms: median(times), distance, extrapolated: false };
  }
  const sliceA = item.a.slice(0, BASELINE_SLICE);
  const sliceB = item.b.slice(0, BASELINE_SLICE);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    fastLevenshtein.get(sliceA, sliceB);
    times.push(performance.now() - started);
  }
  const perCell = median(times) / (sliceA.length * sliceB.length);
  return { ms: perCell * item.a.length * item.b.length, distance: undefined, extrapolated: true };
}

function describe(result: LevenshteinResult): string {
  return `method ${result.method}, ${result.exact ? 'exact' : `approximate (between ${result.lowerBound} and ${result.distance})`}`;
}

async function run(context: BenchContext): Promise<void> {
  const runs = context.quick ? 1 : 3;
  for (const item of cases(context.quick)) {
    const engine = timeEngine(item.a, item.b, item.a.length >= 10 * MiB ? runs : runs + 2);
    const baseline = timeBaseline(item, item.fullBaseline ? runs : 1);
    const extrapolated = baseline.extrapolated ? 'baseline extrapolated from measured O(n·m) rate' : undefined;
    const near = item.known !== undefined;
    const tenMiB = item.a.length >= 10 * MiB;

    context.emit({
      case: item.name,
      metric: 'time',
      value: round(engine.ms, 2),
      unit: 'ms',
      baseline: round(baseline.ms, 1),
      note: [describe(engine.result), extrapolated].filter(Boolean).join('; '),
      ...(near && tenMiB ? { target: '< 200 ms', met: engine.ms < 200 } : {}),
    });
    const speedup = baseline.ms / engine.ms;
    context.emit({
      case: item.name,
      metric: 'speedup',
      value: round(speedup, 1),
      unit: '×',
      ...(extrapolated ? { note: extrapolated } : {}),
      ...(near && item.name.startsWith('50 KiB') ? { target: '≥ 100×', met: speedup >= 100 } : {}),
    });
    if (baseline.distance !== undefined) {
      context.emit({
        case: item.name,
        metric: 'distance',
        value: engine.result.distance,
        unit: 'edits',
        baseline: baseline.distance,
        target: 'equal to fast-levenshtein',
        met: engine.result.exact && engine.result.distance === baseline.distance,
      });
    } else if (item.known !== undefined) {
      context.emit({
        case: item.name,
        metric: 'distance',
        value: engine.result.distance,
        unit: 'edits',
        note: `true distance ${item.known}, known by construction (baseline did not run)`,
        target: 'exact',
        met: engine.result.exact && engine.result.distance === item.known,
      });
    } else {
      context.emit({
        case: item.name,
        metric: 'distance',
        value: engine.result.distance,
        unit: 'edits',
        note: `${describe(engine.result)}; baseline did not run`,
      });
    }

    if (tenMiB) {
      // The same comparison as the services run it: in a worker thread, strings copied there and back.
      let result = await levenshteinAsync(item.a, item.b, { thread: 'worker' }); // warms the worker's JIT
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        result = await levenshteinAsync(item.a, item.b, { thread: 'worker' });
        times.push(performance.now() - started);
      }
      context.emit({
        case: item.name,
        metric: 'time in a worker thread (incl. copying the inputs)',
        value: round(median(times), 1),
        unit: 'ms',
        note: describe(result),
      });
    }
  }
  await closeLevenshteinWorkers();
}

const benchmark: Benchmark = { name: 'levenshtein', run };
export default benchmark;
