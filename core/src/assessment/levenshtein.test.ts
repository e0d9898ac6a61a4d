import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@reprise/tools';
import { approximateDistance, levenshtein } from './levenshtein.js';

const require = createRequire(import.meta.url);
const fastLevenshtein = require('fast-levenshtein') as { get(a: string, b: string): number };

const WORDS = ['alpha', 'beta', 'gamma', 'delta', '0.125', '1.5e-3', 'result', 'step', 'value', '42', 'x', 'y', 'z', 'énergie', 'Δt', '😀'];

/** Output-like text: words, numbers and newlines. */
function words(length: number, next: () => number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const word = `${WORDS[Math.floor(next() * WORDS.length)] ?? 'x'}${next() < 0.1 ? '\n' : ' '}`;
    parts.push(word);
    size += word.length;
  }
  return parts.join('').slice(0, length);
}

/** An edit: where (as a fraction of the length), what, and with which character. */
type Edit = { at: number; op: 'substitute' | 'insert' | 'delete'; char: string };

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of edits) {
    const at = Math.min(result.length, Math.floor(edit.at * result.length));
    if (edit.op === 'insert') result = result.slice(0, at) + edit.char + result.slice(at);
    else if (edit.op === 'delete') result = result.slice(0, at) + result.slice(at + 1);
    else result = result.slice(0, at) + edit.char + result.slice(at + 1);
  }
  return result;
}

/** Replaces the characters at `count` distinct random positions by "#" (cheap on large texts). */
function scatterMarks(text: string, count: number, next: () => number): string {
  const positions = new Set<number>();
  while (positions.size < count) positions.add(Math.floor(next() * text.length));
  const sorted = [...positions].sort((x, y) => x - y);
  const parts: string[] = [];
  let from = 0;
  for (const at of sorted) {
    parts.push(text.slice(from, at), '#');
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Swaps `count` pairs of neighbouring characters: the characters stay the same multiset. */
function swapNeighbours(text: string, count: number, next: () => number): string {
  const chars = text.split('');
  for (let swapped = 0; swapped < count; swapped += 1) {
    const at = Math.floor(next() * (chars.length - 1));
    [chars[at], chars[at + 1]] = [chars[at + 1] ?? '', chars[at] ?? ''];
  }
  return chars.join('');
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  op: fc.constantFrom('substitute', 'insert', 'delete'),
  char: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('\n', 'é', '\uD83D', 'a')),
});

/** Texts of several kinds: ASCII, any code points (surrogate pairs), a tiny repetitive alphabet. */
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
  );

/** A text and a copy with k random edits. */
const nearIdentical = (minLength: number, maxLength: number, maxEdits: number) =>
  fc
    .tuple(
      fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'binary', minLength, maxLength }), fc.string({ unit: fc.constantFrom('a', 'b', 'ab\n'), minLength, maxLength })),
      fc.array(edit, { maxLength: maxEdits }),
    )
    .map(([base, edits]) => [base, applyEdits(base, edits)] as const);

describe('Levenshtein engine', () => {
  it('gives the same distance as fast-levenshtein on random strings, including empty ones and unicode', () => {
    fc.assert(
      fc.property(text(300), text(300), (a, b) => {
        const result = levenshtein(a, b);
        expect(result.distance).toBe(fastLevenshtein.get(a, b));
        expect(result.exact).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('gives the same distance as fast-levenshtein on near-identical texts with k random edits', () => {
    fc.assert(
      fc.property(nearIdentical(100, 4000, 60), ([a, b]) => {
        const result = levenshtein(a, b);
        expect(result.distance).toBe(fastLevenshtein.get(a, b));
        expect(result.exact).toBe(true);
        expect(result.method).not.toBe('line-approx');
      }),
      { numRuns: 300 },
    );
  });

  it('finds near-identical distances with the diagonal search, not the O(n·m) fallback', () => {
    const next = mulberry32(1);
    const base = words(20_000, next);
    const edited = scatterMarks(base, 40, next);
    const result = levenshtein(base, edited);
    expect(result.method).toBe('diagonal');
    expect(result.distance).toBe(fastLevenshtein.get(base, edited));
  });

  it('counts UTF-16 code units, as fast-levenshtein does', () => {
    // 😀 and 😁 share their high surrogate: one unit differs.
    expect(levenshtein('😀', '😁').distance).toBe(1);
    expect(levenshtein('😀', 'a').distance).toBe(2);
    expect(levenshtein('a😀b', 'ab').distance).toBe(fastLevenshtein.get('a😀b', 'ab'));
  });

  it('reports identical and trivial cases with similarity', () => {
    expect(levenshtein('', '')).toEqual({ distance: 0, similarity: 1, exact: true, method: 'identical', lowerBound: 0 });
    expect(levenshtein('abc', 'abc').method).toBe('identical');
    expect(levenshtein('', 'abcd')).toEqual({ distance: 4, similarity: 0, exact: true, method: 'trivial', lowerBound: 4 });
    expect(levenshtein('kitten', 'sitting')).toMatchObject({ distance: 3, similarity: 1 - 3 / 7, exact: true });
  });

  it('says exact: false, with bounds around the true distance, when it falls back to the line-level approximation', () => {
    const limits = { maxDiagonalWork: 50, maxMyersCells: 0 };
    fc.assert(
      fc.property(nearIdentical(200, 3000, 200), ([a, b]) => {
        const result = levenshtein(a, b, limits);
        const truth = fastLevenshtein.get(a, b);
        if (result.method === 'line-approx') {
          // Approximate unless its bounds meet.
          expect(result.exact).toBe(result.distance === result.lowerBound);
          expect(result.lowerBound).toBeLessThanOrEqual(truth);
          expect(result.distance).toBeGreaterThanOrEqual(truth);
          expect(result.distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
        } else {
          expect(result.exact).toBe(true);
          expect(result.distance).toBe(truth);
        }
      }),
      { numRuns: 200 },
    );
    const next = mulberry32(2);
    const a = words(30_000, next);
    const b = swapNeighbours(a, 300, next);
    const truth = fastLevenshtein.get(a, b);
    const result = levenshtein(a, b, limits);
    expect(result).toMatchObject({ exact: false, method: 'line-approx' });
    expect(result.lowerBound).toBeLessThanOrEqual(truth);
    // Scattered edits: the approximation finds each of them, at most a few percent above the truth.
    expect(result.distance).toBeGreaterThanOrEqual(truth);
    expect(result.distance).toBeLessThanOrEqual(truth * 1.05);
  });

  it('calls a line-level result exact when its bounds meet', () => {
    const long = 'x'.repeat(20_000);
    const result = levenshtein(long, 'y'.repeat(300), { maxMyersCells: 0 });
    expect(result).toEqual({ distance: 20_000, similarity: 0, exact: true, method: 'line-approx', lowerBound: 20_000 });
    // Every "#" (absent from the text) costs an edit: the lower bound meets the approximation's count.
    const next = mulberry32(6);
    const a = words(30_000, next);
    expect(levenshtein(a, scatterMarks(a, 300, next), { maxDiagonalWork: 50, maxMyersCells: 0 })).toMatchObject({
      distance: 300,
      lowerBound: 300,
      exact: true,
      method: 'line-approx',
    });
  });

  it('gives an upper bound from the line-level approximation on its own', () => {
    fc.assert(
      fc.property(nearIdentical(0, 2000, 40), ([a, b]) => {
        const bound = approximateDistance(a, 0, a.length, b, 0, b.length, 1000);
        expect(bound).toBeGreaterThanOrEqual(fastLevenshtein.get(a, b));
      }),
      { numRuns: 200 },
    );
  });

  it('stays exact when approximation is turned off, whatever the budget', () => {
    const next = mulberry32(3);
    const a = words(3000, next);
    const b = words(3000, next);
    const result = levenshtein(a, b, { maxDiagonalWork: 10, maxMyersCells: 0, approximate: false });
    expect(result).toMatchObject({ exact: true, method: 'fast-levenshtein', distance: fastLevenshtein.get(a, b) });
  });

  it('finds the exact distance of two 10 MiB near-identical texts quickly', () => {
    const next = mulberry32(4);
    const a = words(10 * 1024 * 1024, next);
    // "#" never occurs in the text: each one is one edit, and no script can do with fewer.
    const b = scatterMarks(a, 1000, next);
    const started = performance.now();
    const result = levenshtein(a, b);
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ distance: 1000, exact: true, method: 'diagonal' });
    // The benchmark holds the 200 ms target; here, on a shared test machine, only "not O(n·m)".
    expect(elapsed).toBeLessThan(3000);
  });

  it('handles two large, very different texts in bounded time and says the result is approximate', () => {
    const next = mulberry32(5);
    const a = words(4 * 1024 * 1024, next);
    const b = words(4 * 1024 * 1024, next);
    const started = performance.now();
    const result = levenshtein(a, b);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.exact).toBe(false);
    expect(result.method).toBe('line-approx');
    expect(result.lowerBound).toBeGreaterThan(0);
    expect(result.distance).toBeGreaterThanOrEqual(result.lowerBound);
    expect(result.distance).toBeLessThanOrEqual(a.length);
  });
});
