/**
 * Text distances by the digests of the bytes compared. The distance of two text outputs depends only
 * on their bytes and the engine's limits (the tolerance is applied afterwards), so a repeated
 * comparison, by anyone and at any tolerance, costs no CPU. Keys are content digests: a hit reveals
 * nothing about who may see which record, and callers check visibility before comparing anyway.
 *
 * In this process only, bounded by entry count (an entry is about 200 bytes): a restart merely
 * recomputes. A database collection would need expiry, and FerretDB has no TTL indexes.
 */
import { LEVENSHTEIN_DEFAULTS, type LevenshteinOptions, type LevenshteinResult } from './levenshtein.js';

type Limits = Required<LevenshteinOptions>;

interface Entry {
  result: LevenshteinResult;
  /** The limits it was computed under (an exact result is valid under any). */
  limits: Limits;
}

/** A least-recently-used map from (digest of A, digest of B) to the best distance known and the limits it was computed under. */
export class DistanceCache {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly capacity = 20_000) {}

  /**
   * The distance of the bytes with these sha256 digests, if known: an exact one, or an approximation
   * computed under limits at least as generous as `atLeast` (the weakest the caller would have used).
   */
  get(sha256A: string, sha256B: string, atLeast: LevenshteinOptions): LevenshteinResult | undefined {
    const key = keyOf(sha256A, sha256B);
    const entry = this.entries.get(key);
    if (!entry || (!entry.result.exact && !covers(entry.limits, limitsOf(atLeast)))) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { ...entry.result };
  }

  /** Remembers a distance computed under these limits, unless a better one (exact, or from more generous limits) is known. */
  set(sha256A: string, sha256B: string, options: LevenshteinOptions, result: LevenshteinResult): void {
    const key = keyOf(sha256A, sha256B);
    const known = this.entries.get(key);
    const limits = limitsOf(options);
    if (known && !result.exact && (known.result.exact || !covers(limits, known.limits))) return;
    this.entries.delete(key);
    this.entries.set(key, { result: { ...result }, limits });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }

  /** How many distances are held. */
  get size(): number {
    return this.entries.size;
  }

  /** Forgets every distance. */
  clear(): void {
    this.entries.clear();
  }
}

/** The cache compare() uses unless told otherwise, shared by every comparison of the process. */
export const sharedDistanceCache = new DistanceCache();

function keyOf(sha256A: string, sha256B: string): string {
  // Ordered: the approximation is not guaranteed to be symmetric, and A and B keep their roles in the evidence.
  return `${sha256A.toLowerCase()}:${sha256B.toLowerCase()}`;
}

/** The engine's limits with defaults filled in, so that "default" and the same values spelled out compare equal. */
function limitsOf(options: LevenshteinOptions): Limits {
  const { maxDiagonalWork, maxMyersCells, maxApproxWork, approximate } = { ...LEVENSHTEIN_DEFAULTS, ...definedOnly(options) };
  return { maxDiagonalWork, maxMyersCells, maxApproxWork, approximate };
}

/** Whether limits `x` allow at least the work of limits `y` in every stage (never approximating is the most generous). */
function covers(x: Limits, y: Limits): boolean {
  if (!x.approximate) return true;
  return y.approximate && x.maxDiagonalWork >= y.maxDiagonalWork && x.maxMyersCells >= y.maxMyersCells && x.maxApproxWork >= y.maxApproxWork;
}

function definedOnly(options: LevenshteinOptions): LevenshteinOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as LevenshteinOptions;
}
