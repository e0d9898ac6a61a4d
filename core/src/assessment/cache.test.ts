import { describe, expect, it } from 'vitest';
import { DistanceCache } from './cache.js';
import { SPENT_BUDGET_LIMITS } from './compare.js';
import { LEVENSHTEIN_DEFAULTS, type LevenshteinResult } from './levenshtein.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const exact: LevenshteinResult = { distance: 12, similarity: 0.9, exact: true, method: 'diagonal', lowerBound: 12 };
const bounded: LevenshteinResult = { distance: 900, similarity: 0.1, exact: false, method: 'line-approx', lowerBound: 30 };
const small = { maxDiagonalWork: 1000, maxMyersCells: 1000, maxApproxWork: 1000 };

describe('the distance cache', () => {
  it('serves an exact distance whatever limits the caller has', () => {
    const cache = new DistanceCache();
    cache.set(A, B, small, exact);
    expect(cache.get(A, B, {})).toEqual(exact);
    expect(cache.get(A.toUpperCase(), B, { approximate: false })).toEqual(exact);
  });

  it('serves a bound only to callers whose own limits are no more generous than those it was computed under', () => {
    const cache = new DistanceCache();
    cache.set(A, B, small, bounded);
    expect(cache.get(A, B, small)).toEqual(bounded);
    expect(cache.get(A, B, SPENT_BUDGET_LIMITS)).toBeUndefined();
    expect(cache.get(A, B, LEVENSHTEIN_DEFAULTS)).toBeUndefined();
    expect(cache.get(A, B, { ...small, maxApproxWork: 0 })).toEqual(bounded);
  });

  it('keeps pairs apart by order: A against B is not B against A', () => {
    const cache = new DistanceCache();
    cache.set(A, B, {}, exact);
    expect(cache.get(B, A, {})).toBeUndefined();
  });

  it('never replaces an exact distance or a better bound by a weaker bound', () => {
    const cache = new DistanceCache();
    cache.set(A, B, {}, exact);
    cache.set(A, B, small, bounded);
    expect(cache.get(A, B, small)).toEqual(exact);
    const other = new DistanceCache();
    other.set(A, B, LEVENSHTEIN_DEFAULTS, bounded);
    other.set(A, B, small, { ...bounded, lowerBound: 1 });
    expect(other.get(A, B, small)).toEqual(bounded);
  });

  it('forgets the least recently used pair beyond its capacity', () => {
    const cache = new DistanceCache(2);
    cache.set('1', B, {}, exact);
    cache.set('2', B, {}, exact);
    expect(cache.get('1', B, {})).toEqual(exact);
    cache.set('3', B, {}, exact);
    expect(cache.size).toBe(2);
    expect(cache.get('2', B, {})).toBeUndefined();
    expect(cache.get('1', B, {})).toEqual(exact);
  });
});
