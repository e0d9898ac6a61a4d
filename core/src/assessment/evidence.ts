/**
 * The evidence of a comparison of two records: everything a reviewer needs side by side, and what
 * the assessment table decides from. Plain JSON (ids and dates as strings, no client-supplied object
 * keys anywhere: free-form values appear only as JSON Pointer strings and scalar leaves), so it can
 * be stored as is — on MongoDB and FerretDB alike — and sent unchanged to clients.
 */
import type { LevenshteinMethod } from './levenshtein.js';

/** Version of the evidence shape; bumped when a field changes meaning. */
export const EVIDENCE_VERSION = 2;

/**
 * A cell of the assessment table (paper table 1), or `not-comparable` when the outputs could not
 * be compared (no digest both sides have): the table has no row for them, so the pair is in no cell.
 */
export type Cell = 'repeatable' | 'reproducible' | 'non-repeatable' | 'unknown' | 'not-comparable';

/** Which record a side of the comparison is. */
export interface RecordRef {
  record: string;
  label: string;
  project: string;
}

/** The source version a record ran, from its program's `versionControl`, else its container's `version`. */
export interface VcsIdentity {
  source: 'program' | 'container';
  vcs: string | null;
  repository: string | null;
  commit: string;
  branch: string | null;
  tag: string | null;
  dirty: boolean | null;
  /** sha256 of the working-tree diff; null for a clean tree (or when unknown: see `dirty`). */
  diff: string | null;
}

/** The container image of a record's container: an uploaded file's sha256 and/or a registry digest. */
export interface ImageIdentity {
  sha256: string | null;
  digest: string | null;
  reference: string | null;
}

/** Everything that identifies the code one record ran. */
export interface CodeIdentity {
  vcs: VcsIdentity | null;
  /** The container document's id. */
  container: string | null;
  image: ImageIdentity | null;
}

/**
 * Whether both records ran the same code, and on what basis: `vcs` (commits and working-tree diff
 * digests), `container` (the same container document), `image` (image digests), or `unknown` (no
 * basis on which the code could be shown to be the same: it then counts as different).
 */
export interface CodeEvidence {
  same: boolean;
  basis: 'vcs' | 'container' | 'image' | 'unknown';
  reason: string;
  a: CodeIdentity;
  b: CodeIdentity;
}

/** A leaf that differs between two JSON values; an absent side is an omitted property. */
export interface Difference {
  /** JSON Pointer (RFC 6901) of the leaf, "" for the whole value. */
  key: string;
  /** A scalar, or {} / [] for an empty object or array. */
  a?: EvidenceScalar;
  b?: EvidenceScalar;
}

/** A leaf value in a Difference. Strings longer than 1,000 characters are cut and end with "…". */
export type EvidenceScalar = null | boolean | number | string | Record<string, never> | never[];

/** Differences between two free-form JSON values (at most 200 listed). */
export interface JsonDifferences {
  same: boolean;
  differences: Difference[];
  /** True when more differences exist than are listed. */
  truncated: boolean;
}

/**
 * Whether both records had the same inputs: the same multiset of input digests and equal
 * parameters. Inputs are matched by a digest both have: sha256, else sha1 (Sumatra's); an input
 * that no input of the other side can be matched with, by either digest, is listed in onlyA/onlyB.
 */
export interface InputsEvidence {
  same: boolean;
  reason: string;
  digests: {
    same: boolean;
    /** Digests on both sides, sha256 or (40 hex digits) sha1 (a digest present twice on both sides appears twice). */
    common: string[];
    onlyA: string[];
    onlyB: string[];
    /** Names of inputs declared without a digest and never uploaded: they cannot be compared. */
    unknownA: string[];
    unknownB: string[];
  };
  /** Parameters compared as canonical JSON; absent, null and {} all mean "no parameters". */
  parameters: JsonDifferences;
}

/** One side of an output pair. */
export interface OutputSide {
  name: string;
  path: string | null;
  sha256: string | null;
  /** Sumatra's sha1, when the record came through its record store. */
  sha1: string | null;
  size: number | null;
  mediaType: string | null;
  /** Whether the bytes were uploaded (only then can a text distance be measured). */
  uploaded: boolean;
}

/**
 * How an output pair compares, by a digest both sides have (sha256, else sha1):
 * - `identical`: same digest;
 * - `text-distance`: both UTF-8 text, Levenshtein distance measured (`distance`, `similarity`, …);
 * - `different-binary`: digests differ and at least one side is not text;
 * - `different-unmeasured`: digests differ but no distance could be measured (`note` says why:
 *   bytes not uploaded, only sha1 known, or larger than the text limit);
 * - `not-comparable`: no digest both sides have (one has none, or one only sha256 and the other
 *   only sha1): neither the same nor different;
 * - `unknown`: evidence of version 1 only, where such a pair counted as different;
 * - `missing-a` / `missing-b`: the output exists on one side only.
 */
type OutputResult =
  | 'identical'
  | 'text-distance'
  | 'different-binary'
  | 'different-unmeasured'
  | 'not-comparable'
  | 'unknown'
  | 'missing-a'
  | 'missing-b';

/** Two outputs paired by name (then path), and how they compare. */
export interface OutputPair {
  name: string;
  path: string | null;
  a: OutputSide | null;
  b: OutputSide | null;
  result: OutputResult;
  /** The digest both sides were compared by, when they have one in common. */
  digest?: 'sha256' | 'sha1';
  /** Whether this pair counts as the same: identical, or a text distance within the tolerance. */
  same: boolean;
  /** Levenshtein distance in UTF-16 code units (an upper bound when `exact` is false). */
  distance?: number;
  similarity?: number;
  exact?: boolean;
  method?: LevenshteinMethod;
  /** The distance is at least this; differs from `distance` only when `exact` is false. */
  lowerBound?: number;
  note?: string;
}

/**
 * Whether the outputs are the same (method default): every pair identical or within tolerance.
 * When no pair shows a difference but some pair is `not-comparable`, the outputs are neither the
 * same nor different: `comparable` is false (and `same` false), and the pair is in no table cell.
 */
export interface OutputsEvidence {
  same: boolean;
  /** False when the comparison cannot tell whether the outputs are the same. */
  comparable: boolean;
  reason: string;
  /** Largest Levenshtein distance per text output that still counts as the same. */
  tolerance: number;
  /** Text outputs larger than this (bytes, per side) are compared by digest only. */
  textLimitBytes: number;
  pairs: OutputPair[];
}

/** A dependency on one side only. */
interface DependencyEntry {
  name: string;
  manager: string | null;
  version: string;
}

/** A dependency on both sides with different versions. */
interface DependencyChange {
  name: string;
  manager: string | null;
  a: string;
  b: string;
}

/** Dependency changes from A to B, keyed by (manager, name). */
export interface DependencyEvidence {
  same: boolean;
  added: DependencyEntry[];
  removed: DependencyEntry[];
  changed: DependencyChange[];
  unchanged: number;
}

/** The comparison of records A and B. */
export interface Evidence {
  version: typeof EVIDENCE_VERSION;
  a: RecordRef;
  b: RecordRef;
  code: CodeEvidence;
  inputs: InputsEvidence;
  outputs: OutputsEvidence;
  dependencies: DependencyEvidence;
  /** Host differences (os, arch, hostname, cpu, memory, runtimes, …). */
  system: JsonDifferences;
  /** Program differences (command, arguments, entry point…; version control is under `code`). */
  program: JsonDifferences;
  /** The table cell from code & inputs × outputs; `not-comparable` when the outputs could not be compared. */
  cell: Cell;
  /** ISO 8601 UTC. */
  computedAt: string;
}
