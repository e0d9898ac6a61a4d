import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '@reprise/tools';
import { levenshtein } from './levenshtein.js';
import { closeLevenshteinWorkers, INLINE_CELLS, levenshteinAsync, levenshteinWorkerLoad, utf8DistanceAsync } from './pool.js';

afterAll(async () => {
  await closeLevenshteinWorkers();
});

function words(length: number, seed: number): string {
  const next = mulberry32(seed);
  const vocabulary = ['alpha', 'beta', 'gamma', '0.125', '1.5e-3', 'step', 'value', '42', 'x', 'énergie'];
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const word = `${vocabulary[Math.floor(next() * vocabulary.length)] ?? 'x'}${next() < 0.1 ? '\n' : ' '}`;
    parts.push(word);
    size += word.length;
  }
  return parts.join('').slice(0, length);
}

/** Runs `work` while a 10 ms interval ticks; returns the ticks seen and the longest gap between two. */
async function watchEventLoop<T>(work: () => Promise<T>): Promise<{ result: T; ticks: number; maxGap: number; elapsed: number }> {
  let ticks = 0;
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    ticks += 1;
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    const elapsed = performance.now() - started;
    maxGap = Math.max(maxGap, performance.now() - last);
    return { result, ticks, maxGap, elapsed };
  } finally {
    clearInterval(timer);
  }
}

describe('Levenshtein off the event loop', () => {
  it('gives in a worker thread the same result as in the calling thread', async () => {
    const a = words(40_000, 1);
    const b = `${a.slice(0, 10_000)}#${a.slice(10_001, 30_000)}${a.slice(30_002)}`;
    const inThread = levenshtein(a, b);
    await expect(levenshteinAsync(a, b, { thread: 'worker' })).resolves.toEqual(inThread);
    await expect(levenshteinAsync(a, b, { thread: 'inline' })).resolves.toEqual(inThread);
  });

  it('decodes UTF-8 bytes before comparing, counting UTF-16 code units', async () => {
    const a = words(30_000, 2);
    const b = `${a}😀é`;
    const expected = levenshtein(a, b);
    expect(expected.distance).toBe(3);
    await expect(utf8DistanceAsync(Buffer.from(a), Buffer.from(b), { thread: 'worker' })).resolves.toEqual(expected);
    await expect(utf8DistanceAsync(Buffer.from(a), Buffer.from(b), { thread: 'inline' })).resolves.toEqual(expected);
  });

  it('keeps serving timers while a 10 MiB comparison runs', async () => {
    // Start the worker first: its start-up is not what is measured.
    await levenshteinAsync('warm', 'up', { thread: 'worker' });
    const a = words(10 * 1024 * 1024, 3);
    const b = words(10 * 1024 * 1024, 4);
    const { result, ticks, maxGap, elapsed } = await watchEventLoop(() => levenshteinAsync(a, b));
    expect(result.exact).toBe(false);
    // The comparison takes long enough that running it in this thread would have stopped the timer for all of it…
    expect(elapsed).toBeGreaterThan(400);
    // …but the timer kept firing: no gap near the comparison's duration, and most ticks delivered.
    expect(maxGap).toBeLessThan(Math.max(250, elapsed / 4));
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
  });

  it('stops a running comparison when aborted, and keeps working afterwards', async () => {
    const a = words(6 * 1024 * 1024, 5);
    const b = words(6 * 1024 * 1024, 6);
    const controller = new AbortController();
    const pending = levenshteinAsync(a, b, { signal: controller.signal, thread: 'worker' });
    setTimeout(() => controller.abort(new Error('request cancelled')), 100);
    const started = performance.now();
    await expect(pending).rejects.toThrow('request cancelled');
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(levenshteinAsync('kitten', 'sitting', { thread: 'worker' })).resolves.toMatchObject({ distance: 3 });
  });

  it('answers a small comparison at once while large ones keep the other workers busy', async () => {
    // Start the light lane's worker first: its start-up is not what is measured.
    await levenshteinAsync('warm', 'up', { thread: 'worker' });
    const stop = new AbortController();
    const large = [1, 2, 3].map((i) => levenshteinAsync(words(1024 * 1024, 20 + 2 * i), words(1024 * 1024, 21 + 2 * i), { signal: stop.signal }));
    for (const pending of large) pending.catch(() => undefined);
    let largeDone = false;
    void Promise.race(large).then(
      () => (largeDone = true),
      () => undefined,
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(levenshteinWorkerLoad().heavy).toMatchObject({ running: 1, queued: 2 });
      // 6,000 × 6,000 cells: too many for the calling thread, few enough for the light lane.
      const small = [words(6_000, 30), words(6_000, 31)] as const;
      expect(small[0].length * small[1].length).toBeGreaterThan(INLINE_CELLS);
      const started = performance.now();
      const result = await levenshteinAsync(small[0], small[1]);
      const waited = performance.now() - started;
      expect(result).toEqual(levenshtein(small[0], small[1]));
      // The large ones take about a second each; the small one waits for none of them.
      expect(largeDone).toBe(false);
      expect(waited).toBeLessThan(1000);
      expect(levenshteinWorkerLoad().heavy.running + levenshteinWorkerLoad().heavy.queued).toBeGreaterThan(0);
    } finally {
      stop.abort();
    }
    expect(levenshteinWorkerLoad().heavy).toMatchObject({ running: 0, queued: 0 });
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(levenshteinAsync('a', 'b', { signal: controller.signal })).rejects.toThrow();
  });

  it('runs its worker from the compiled package as well (npm test builds it first)', async () => {
    const compiled = fileURLToPath(new URL('../../dist/assessment/pool.js', import.meta.url));
    expect(existsSync(compiled), `${compiled} is missing: run npm run build`).toBe(true);
    const script = [
      '(async () => {',
      `  const { levenshteinAsync, closeLevenshteinWorkers } = await import(${JSON.stringify(compiled)});`,
      `  const result = await levenshteinAsync('kitten'.repeat(2000), 'sitting'.repeat(2000), { thread: 'worker' });`,
      '  await closeLevenshteinWorkers();',
      '  console.log(JSON.stringify(result));',
      '})();',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script]);
    expect(JSON.parse(stdout)).toEqual(levenshtein('kitten'.repeat(2000), 'sitting'.repeat(2000)));
  });
});
