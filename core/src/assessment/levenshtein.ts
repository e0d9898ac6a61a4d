/**
 * Levenshtein distance that stays usable on real outputs.
 *
 * Unit: UTF-16 code units, exactly what JavaScript strings index and what fast-levenshtein counts,
 * so both always agree on the same inputs. (A character outside the Basic Multilingual Plane is two
 * units: replacing one emoji by another may count 1 or 2 edits.)
 *
 * Two reproductions of one run usually differ in few places, so the cost must grow with the distance
 * d, not with the product of the lengths n·m:
 * 1. equal strings cost one comparison; the common prefix and suffix are trimmed;
 * 2. what is left, when short, goes to fast-levenshtein (Myers' bit-parallel O(n·m/32): fastest there);
 * 3. otherwise Ukkonen's diagonal-transition algorithm (furthest-reaching point per diagonal, sliding
 *    along runs of equal characters) finds the exact distance in O(n + m + d²) on typical text;
 * 4. its work is budgeted. When n·m is small enough for fast-levenshtein to take about a second at
 *    most, the search gets a tenth of fast-levenshtein's cost and stops early when its pace shows
 *    the texts are very different; fast-levenshtein then gives the exact distance. Otherwise the
 *    search gets a fixed budget, and when that runs out the distance is approximated line by line
 *    (`line-approx`, see approximateDistance), which says `exact: false` and gives a proven lower
 *    bound next to the (upper-bound) distance.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fastLevenshtein = require('fast-levenshtein') as { get(a: string, b: string): number };

/** How a distance was obtained. Every method but `line-approx` is exact; `line-approx` is exact only when its bounds meet. */
type LevenshteinMethod = 'identical' | 'trivial' | 'fast-levenshtein' | 'diagonal' | 'line-approx';

/** The distance between two strings and how it was found. */
export interface LevenshteinResult {
  /** Edit distance in UTF-16 code units; with `exact: false`, an upper bound (a real edit script has this cost). */
  distance: number;
  /** 1 − distance / max(length of a, length of b); 1 for two empty strings. */
  similarity: number;
  /** False only for `line-approx` (unless its lower and upper bounds meet). */
  exact: boolean;
  method: LevenshteinMethod;
  /** The true distance is at least this (equal to `distance` when exact). */
  lowerBound: number;
}

/** Limits that keep one comparison bounded in time. The defaults keep any pair under about a second. */
export interface LevenshteinOptions {
  /** Work units (diagonal steps + characters slid over) the exact diagonal search may spend before giving up. */
  maxDiagonalWork?: number;
  /** Largest n·m (after trimming) given to fast-levenshtein when the diagonal search gives up. */
  maxMyersCells?: number;
  /** Work units the line-level approximation may spend computing exact distances inside changed regions. */
  maxApproxWork?: number;
  /** False: never approximate; fall back to fast-levenshtein whatever n·m is (may take hours on large, very different inputs). */
  approximate?: boolean;
}

/**
 * Default limits. Work units are about one step of the diagonal search (some 10–20 ns on the
 * development machine, see bench/src/levenshtein.bench.ts); with these, any pair takes at most
 * about a second there, and a near-identical pair of any size far less.
 */
export const LEVENSHTEIN_DEFAULTS = Object.freeze({
  /** Exact distances up to about 5,000 edits whatever the length. */
  maxDiagonalWork: 25_000_000,
  /** About 1 s of fast-levenshtein (some 3·10⁹ cells per second here): two 62 KiB texts, however different. */
  maxMyersCells: 4_000_000_000,
  maxApproxWork: 25_000_000,
  approximate: true,
});

/**
 * Up to this many cells (n·m after trimming) fast-levenshtein is used directly. Measured here: on
 * two edits it and the diagonal search break even near 128 × 128 (7 µs), and on different strings
 * fast-levenshtein is always faster; below that it wins on both.
 */
const SMALL_CELLS = 1 << 14;

/** Work units one fast-levenshtein cell is worth (its cost per cell over the diagonal search's cost per step). */
const MYERS_CELL_WORK = 0.02;

/**
 * Share of fast-levenshtein's cost the diagonal search may spend before handing over to it: a pair
 * that turns out very different costs at most about 1.1× fast-levenshtein alone, a near-identical
 * one a tiny fraction of it.
 */
const DIAGONAL_SHARE = 0.1;

/** Characters slid over per work unit: sliding along equal text is a tight loop, much cheaper than a diagonal step. */
const SLIDE_PER_WORK = 32;

/** Computes the Levenshtein distance of two strings (UTF-16 code units), exactly unless limits force the line-level approximation. */
export function levenshtein(a: string, b: string, options: LevenshteinOptions = {}): LevenshteinResult {
  const maxDiagonalWork = options.maxDiagonalWork ?? LEVENSHTEIN_DEFAULTS.maxDiagonalWork;
  const maxMyersCells = options.maxMyersCells ?? LEVENSHTEIN_DEFAULTS.maxMyersCells;
  const approximate = options.approximate ?? LEVENSHTEIN_DEFAULTS.approximate;
  const longest = Math.max(a.length, b.length);
  const done = (distance: number, method: LevenshteinMethod, exact = true, lowerBound = distance): LevenshteinResult => ({
    distance,
    similarity: longest === 0 ? 1 : 1 - distance / longest,
    exact,
    method,
    lowerBound,
  });
  if (a === b) return done(0, 'identical');

  const { a0, a1, b0, b1 } = trim(a, 0, a.length, b, 0, b.length);
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0) return done(Math.max(n, m), 'trivial');
  const cells = n * m;
  if (cells <= SMALL_CELLS) return done(fastLevenshtein.get(a.slice(a0, a1), b.slice(b0, b1)), 'fast-levenshtein');

  const myersAffordable = cells <= maxMyersCells || !approximate;
  const budget = myersAffordable ? Math.min(maxDiagonalWork, cells * MYERS_CELL_WORK * DIAGONAL_SHARE) : maxDiagonalWork;
  // The distance is at least |n − m| and the search costs about d² steps: skip it when that cannot fit.
  // When fast-levenshtein can take over exactly, the search also gives up as soon as it looks hopeless.
  const found: DiagonalOutcome =
    (n - m) * (n - m) > budget ? { exact: false, lowerBound: Math.abs(n - m) } : diagonalDistance(a, a0, a1, b, b0, b1, budget, myersAffordable);
  if (found.exact) return done(found.distance, 'diagonal');
  if (myersAffordable) return done(fastLevenshtein.get(a.slice(a0, a1), b.slice(b0, b1)), 'fast-levenshtein');

  const lowerBound = Math.max(found.lowerBound, characterBound(a, a0, a1, b, b0, b1));
  const upper = approximateDistance(a, a0, a1, b, b0, b1, options.maxApproxWork ?? LEVENSHTEIN_DEFAULTS.maxApproxWork);
  const distance = Math.max(upper, lowerBound);
  // Bounds that meet prove the distance (e.g. one text much longer than the other).
  return done(distance, 'line-approx', distance === lowerBound, lowerBound);
}

/** Ranges [a0, a1) and [b0, b1) without their common prefix and suffix. */
function trim(a: string, a0: number, a1: number, b: string, b0: number, b1: number): { a0: number; a1: number; b0: number; b1: number } {
  const prefix = slide(a, a0, a1, b, b0, b1) - a0;
  a0 += prefix;
  b0 += prefix;
  const suffix = a1 - slideBack(a, a0, a1, b, b0, b1);
  return { a0, a1: a1 - suffix, b0, b1: b1 - suffix };
}

/** Characters compared one by one before switching to block comparison. */
const SHORT_RUN = 32;
const FIRST_BLOCK = 64;
const LARGEST_BLOCK = 1 << 16;

/**
 * The first position p ≥ a0 where a[p] ≠ b[b0 + p − a0] (or a range ends). Most runs are short and
 * are walked character by character; a long run is compared in growing blocks as strings, which V8
 * compares some 30 times faster than a character loop, then narrowed down by halving at the mismatch.
 */
function slide(a: string, a0: number, a1: number, b: string, b0: number, b1: number): number {
  let p = a0;
  let q = b0;
  const shortEnd = p + Math.min(a1 - p, b1 - q, SHORT_RUN);
  while (p < shortEnd && a.charCodeAt(p) === b.charCodeAt(q)) {
    p += 1;
    q += 1;
  }
  if (p < shortEnd || p === a1 || q === b1) return p;
  let block = FIRST_BLOCK;
  let narrowing = false;
  for (;;) {
    const room = Math.min(a1 - p, b1 - q);
    if (room === 0) return p;
    if (block > room) block = room;
    if (a.slice(p, p + block) === b.slice(q, q + block)) {
      p += block;
      q += block;
      if (!narrowing && block < LARGEST_BLOCK) block *= 2;
    } else if (block <= SHORT_RUN) {
      break;
    } else {
      narrowing = true;
      block >>= 1;
    }
  }
  while (p < a1 && q < b1 && a.charCodeAt(p) === b.charCodeAt(q)) {
    p += 1;
    q += 1;
  }
  return p;
}

/** Like slide, backwards from the ends: the smallest e ≤ a1 with a[e, a1) equal to the same length at the end of b[b0, b1), e ≥ a0. */
function slideBack(a: string, a0: number, a1: number, b: string, b0: number, b1: number): number {
  let p = a1;
  let q = b1;
  const shortEnd = p - Math.min(p - a0, q - b0, SHORT_RUN);
  while (p > shortEnd && a.charCodeAt(p - 1) === b.charCodeAt(q - 1)) {
    p -= 1;
    q -= 1;
  }
  if (p > shortEnd || p === a0 || q === b0) return p;
  let block = FIRST_BLOCK;
  let narrowing = false;
  for (;;) {
    const room = Math.min(p - a0, q - b0);
    if (room === 0) return p;
    if (block > room) block = room;
    if (a.slice(p - block, p) === b.slice(q - block, q)) {
      p -= block;
      q -= block;
      if (!narrowing && block < LARGEST_BLOCK) block *= 2;
    } else if (block <= SHORT_RUN) {
      break;
    } else {
      narrowing = true;
      block >>= 1;
    }
  }
  while (p > a0 && q > b0 && a.charCodeAt(p - 1) === b.charCodeAt(q - 1)) {
    p -= 1;
    q -= 1;
  }
  return p;
}

/**
 * A lower bound in one pass: an alignment keeps at most as many characters as the two texts have in
 * common (as multisets), and every other character of the longer text costs an edit. At least |n − m|;
 * for texts over different alphabets, max(n, m).
 */
function characterBound(a: string, a0: number, a1: number, b: string, b0: number, b1: number): number {
  const counts = new Int32Array(0x10000);
  for (let i = a0; i < a1; i += 1) counts[a.charCodeAt(i)] = (counts[a.charCodeAt(i)] ?? 0) + 1;
  let common = 0;
  for (let j = b0; j < b1; j += 1) {
    const code = b.charCodeAt(j);
    const left = counts[code] ?? 0;
    if (left > 0) {
      counts[code] = left - 1;
      common += 1;
    }
  }
  return Math.max(a1 - a0, b1 - b0) - common;
}

/** An exact distance, or the lower bound proven before the budget ran out. */
type DiagonalOutcome = { exact: true; distance: number } | { exact: false; lowerBound: number };

/**
 * Ukkonen's diagonal-transition algorithm on a[a0, a1) and b[b0, b1). For each cost d it keeps,
 * per diagonal k = j − i, the furthest row i reachable with cost d, then slides along equal
 * characters. Slides on one diagonal cover disjoint stretches, and off the main diagonal they stop
 * after a character or two on ordinary text, so the work is about n + m + d².
 */
function diagonalDistance(a: string, a0: number, a1: number, b: string, b0: number, b1: number, budget: number, giveUpEarly = false): DiagonalOutcome {
  const n = a1 - a0;
  const m = b1 - b0;
  const target = m - n;
  // d never exceeds max(n, m), and the budget stops it near √budget: size the rows for that.
  const dLimit = Math.min(Math.max(n, m), Math.ceil(Math.sqrt(budget)) + 2);
  const offset = dLimit + 1;
  const width = 2 * dLimit + 3;
  // Rows never written stay at -2, so that "+1" still loses every max against a real row.
  let previous = new Int32Array(width).fill(-2);
  let current = new Int32Array(width).fill(-2);

  const i = slide(a, a0, a1, b, b0, b1) - a0;
  current[offset] = i;
  if (target === 0 && i === n) return { exact: true, distance: 0 };
  let steps = 0;
  let slid = i;

  for (let d = 1; d <= dLimit; d += 1) {
    const swap = previous;
    previous = current;
    current = swap;
    const lo = Math.max(-d, -n);
    const hi = Math.min(d, m);
    for (let k = lo; k <= hi; k += 1) {
      const index = offset + k;
      // Substitution stays on k; deleting from a comes from k + 1; inserting from b comes from k − 1.
      let row = (previous[index] ?? -2) + 1;
      const deletion = (previous[index + 1] ?? -2) + 1;
      if (deletion > row) row = deletion;
      const insertion = previous[index - 1] ?? -2;
      if (insertion > row) row = insertion;
      // Clamping is sound: neighbouring cells of the distance matrix differ by at most one.
      if (row > n) row = n;
      if (row + k > m) row = m - k;
      // Inline the first characters: off the main diagonal a run rarely lasts more than one or two.
      let p = a0 + row;
      let q = p + k - a0 + b0;
      const shortEnd = p + Math.min(a1 - p, b1 - q, SHORT_RUN);
      while (p < shortEnd && a.charCodeAt(p) === b.charCodeAt(q)) {
        p += 1;
        q += 1;
      }
      if (p === shortEnd && p < a1 && q < b1) p = slide(a, p, a1, b, q, b1);
      const reached = p - a0;
      slid += reached - row;
      current[index] = reached;
      if (k === target && reached === n) return { exact: true, distance: d };
    }
    steps += hi - lo + 1;
    // Cost d did not reach the end, so the distance is at least d + 1.
    if (steps + slid / SLIDE_PER_WORK > budget) return { exact: false, lowerBound: d + 1 };
    if (giveUpEarly && d >= PROJECT_FROM && (d & (d - 1)) === 0 && hopeless(current, offset + lo, offset + hi, d, n, budget)) {
      return { exact: false, lowerBound: d + 1 };
    }
  }
  return { exact: false, lowerBound: dLimit + 1 };
}

/** The diagonal search starts projecting its cost from this many edits on (then at every power of two). */
const PROJECT_FROM = 64;

/**
 * True when, at the pace so far (rows reached per edit), finishing would cost far more than the
 * budget: d·n / (furthest row) edits in all, about its square in steps. Very different texts move a
 * row or two per edit and are recognised after a few thousand steps; near-identical ones slide far.
 */
function hopeless(rows: Int32Array, from: number, to: number, d: number, n: number, budget: number): boolean {
  let furthest = 1;
  for (let index = from; index <= to; index += 1) furthest = Math.max(furthest, rows[index] ?? 0);
  const projected = (d * n) / furthest;
  return projected * projected > 8 * budget;
}

/**
 * Line-level approximation for pairs too large and too different for an exact distance in time.
 *
 * Both texts are cut into chunks: lines, with lines longer than LONG_LINE characters cut further at
 * content-defined points (a rolling hash), so that an edit only disturbs the chunks around it. Chunks
 * are matched as in patience diff — chunks that occur once on each side, in increasing order on both
 * sides, then recursively within the gaps — and each changed region between matched chunks is costed
 * at character level: exactly when that fits in the budget, else by max(length a, length b). Every
 * region also costs at most max(length a, length b) as a whole. The total is the cost of a real edit
 * script, hence an upper bound of the distance, and equals it when changes are few and well separated.
 */
export function approximateDistance(a: string, a0: number, a1: number, b: string, b0: number, b1: number, budget: number): number {
  const ids = new Map<string, number>();
  const chunksA = chunk(a, a0, a1, ids);
  const chunksB = chunk(b, b0, b1, ids);
  const approximation = new Approximation(a, b, chunksA, chunksB, ids.size, budget);
  ids.clear();
  return approximation.cost(0, chunksA.ids.length, 0, chunksB.ids.length, 0);
}

/** Chunks of a text range: an id per chunk (equal text, equal id) and chunk start offsets, plus the end offset. */
interface Chunks {
  ids: Int32Array;
  starts: Int32Array;
}

/** Lines longer than this are cut further, where the rolling hash has its low 8 bits zero (about every 256 characters). */
const LONG_LINE = 512;
const CUT_MASK = 0xff;
const MIN_CUT = 64;
const MAX_CHUNK = 8192;
/** Pseudo-random 32-bit values per byte value, for the gear rolling hash (content-defined cutting). */
const GEAR = (() => {
  const table = new Int32Array(256);
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < 256; i += 1) {
    // xorshift32: a fixed table, the same in every process.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    table[i] = x;
  }
  return table;
})();

function chunk(text: string, start: number, end: number, ids: Map<string, number>): Chunks {
  const idList: number[] = [];
  const starts: number[] = [];
  const cut = (from: number, to: number) => {
    const piece = text.slice(from, to);
    let id = ids.get(piece);
    if (id === undefined) {
      id = ids.size;
      ids.set(piece, id);
    }
    idList.push(id);
    starts.push(from);
  };
  let lineStart = start;
  while (lineStart < end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline >= end ? end : newline + 1;
    if (lineEnd - lineStart <= LONG_LINE) {
      cut(lineStart, lineEnd);
    } else {
      let from = lineStart;
      let hash = 0;
      for (let i = lineStart; i < lineEnd; i += 1) {
        hash = ((hash << 1) + (GEAR[text.charCodeAt(i) & 0xff] ?? 0)) | 0;
        const length = i + 1 - from;
        if ((length >= MIN_CUT && (hash & CUT_MASK) === 0) || length >= MAX_CHUNK) {
          cut(from, i + 1);
          from = i + 1;
          hash = 0;
        }
      }
      if (from < lineEnd) cut(from, lineEnd);
    }
    lineStart = lineEnd;
  }
  starts.push(end);
  return { ids: Int32Array.from(idList), starts: Int32Array.from(starts) };
}

/** Regions up to this many cells are costed exactly by fast-levenshtein (well under a millisecond each). */
const GAP_MYERS_CELLS = 1 << 22;
/** Patience matching nests at most this deep; deeper regions are costed as a whole. */
const MAX_DEPTH = 48;

/** The recursive costing of approximateDistance, with its shared budget. */
class Approximation {
  private readonly matcher: PatienceMatcher;
  private remaining: number;

  constructor(
    private readonly a: string,
    private readonly b: string,
    private readonly chunksA: Chunks,
    private readonly chunksB: Chunks,
    idCount: number,
    budget: number,
  ) {
    this.matcher = new PatienceMatcher(chunksA.ids, chunksB.ids, idCount);
    this.remaining = budget;
  }

  /** An upper bound of the distance between chunks [ta0, ta1) of a and [tb0, tb1) of b. */
  cost(ta0: number, ta1: number, tb0: number, tb1: number, depth: number): number {
    const ids = this.matcher.trimEqual(ta0, ta1, tb0, tb1);
    [ta0, ta1, tb0, tb1] = ids;
    const { starts: startsA } = this.chunksA;
    const { starts: startsB } = this.chunksB;
    const t = trim(this.a, startsA[ta0] ?? 0, startsA[ta1] ?? 0, this.b, startsB[tb0] ?? 0, startsB[tb1] ?? 0);
    const n = t.a1 - t.a0;
    const m = t.b1 - t.b0;
    const whole = Math.max(n, m);
    if (n === 0 || m === 0) return whole;
    const cells = n * m;
    if (cells <= GAP_MYERS_CELLS && this.spend(cells * MYERS_CELL_WORK)) {
      return fastLevenshtein.get(this.a.slice(t.a0, t.a1), this.b.slice(t.b0, t.b1));
    }
    if (depth < MAX_DEPTH && this.spend(ta1 - ta0 + tb1 - tb0)) {
      const anchors = this.matcher.anchors(ta0, ta1, tb0, tb1);
      if (anchors.length > 0) {
        let total = 0;
        let fromA = ta0;
        let fromB = tb0;
        for (const [anchorA, anchorB] of anchors) {
          total += this.cost(fromA, anchorA, fromB, anchorB, depth + 1);
          fromA = anchorA + 1;
          fromB = anchorB + 1;
        }
        total += this.cost(fromA, ta1, fromB, tb1, depth + 1);
        return Math.min(total, whole);
      }
    }
    // No chunk in common: an exact distance if a short diagonal search finds it (a few edits in long lines).
    const allowance = Math.min(this.remaining, 4 * (n + m));
    if (allowance > 0) {
      this.remaining -= allowance;
      const found = diagonalDistance(this.a, t.a0, t.a1, this.b, t.b0, t.b1, allowance);
      if (found.exact) return found.distance;
    }
    return whole;
  }

  private spend(work: number): boolean {
    if (work > this.remaining) return false;
    this.remaining -= work;
    return true;
  }
}

/** Patience matching of two chunk-id sequences: equal ends, then chunks unique on both sides in increasing order on both. */
class PatienceMatcher {
  private readonly countA: Int32Array;
  private readonly countB: Int32Array;
  private readonly positionB: Int32Array;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    idCount: number,
  ) {
    this.countA = new Int32Array(idCount);
    this.countB = new Int32Array(idCount);
    this.positionB = new Int32Array(idCount);
  }

  /** The ranges without their equal leading and trailing chunks. */
  trimEqual(a0: number, a1: number, b0: number, b1: number): [number, number, number, number] {
    const { a, b } = this;
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
      a0 += 1;
      b0 += 1;
    }
    while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) {
      a1 -= 1;
      b1 -= 1;
    }
    return [a0, a1, b0, b1];
  }

  /** Chunk positions [in a, in b] unique on both sides within the ranges, increasing on both sides. */
  anchors(a0: number, a1: number, b0: number, b1: number): Array<[number, number]> {
    const { a, b, countA, countB, positionB } = this;
    for (let i = a0; i < a1; i += 1) {
      const id = a[i] ?? 0;
      countA[id] = (countA[id] ?? 0) + 1;
    }
    for (let j = b0; j < b1; j += 1) {
      const id = b[j] ?? 0;
      countB[id] = (countB[id] ?? 0) + 1;
      positionB[id] = j;
    }
    const pairs: Array<[number, number]> = [];
    for (let i = a0; i < a1; i += 1) {
      const id = a[i] ?? 0;
      if (countA[id] === 1 && countB[id] === 1) pairs.push([i, positionB[id] ?? 0]);
    }
    for (let i = a0; i < a1; i += 1) countA[a[i] ?? 0] = 0;
    for (let j = b0; j < b1; j += 1) countB[b[j] ?? 0] = 0;
    return longestIncreasing(pairs);
  }
}

/** The longest subsequence of pairs (sorted by their first element) whose second elements increase. */
function longestIncreasing(pairs: Array<[number, number]>): Array<[number, number]> {
  if (pairs.length === 0) return [];
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let index = 0; index < pairs.length; index += 1) {
    const value = pairs[index]?.[1] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairs[tails[mid] ?? 0]?.[1] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[index] = tails[lo - 1] ?? -1;
    tails[lo] = index;
  }
  const result: Array<[number, number]> = [];
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index] ?? -1) {
    const pair = pairs[index];
    if (pair) result.push(pair);
  }
  return result.reverse();
}
