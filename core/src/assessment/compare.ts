/**
 * compare(a, b): the evidence behind an assessment (docs/assessment.md). Reads records, their
 * containers and their outputs' bytes; decides code, inputs and outputs sameness; lists dependency
 * and system differences; and places the pair in the assessment table.
 */
import type { Readable } from 'node:stream';
import type { Types } from 'mongoose';
import { access } from '../access.js';
import { decodeFreeform, type JsonValue } from '../codec.js';
import { errors } from '../errors.js';
import type { ContainerDoc, FileDoc, FileRef, RecordDoc } from '../models/index.js';
import { Scope } from '../scope.js';
import type { Deps } from '../services/context.js';
import {
  cellOf,
  EVIDENCE_VERSION,
  type CodeEvidence,
  type CodeIdentity,
  type DependencyEvidence,
  type Difference,
  type Evidence,
  type EvidenceRecord,
  type ImageIdentity,
  type InputsEvidence,
  type JsonDifferences,
  type NumericLocation,
  type OutputPair,
  type OutputSide,
  type OutputsEvidence,
  type VcsIdentity,
} from '@reprise/rules';
import { sharedDistanceCache, type DistanceCache } from './cache.js';
import type { LevenshteinOptions, LevenshteinResult } from './levenshtein.js';
import { compareNumericStreams } from './numeric-run.js';
import { utf8DistanceTimed } from './pool.js';
import { isBinaryMediaType, looksLikeText } from './text.js';

/** A record with its container (null when it has none). */
export interface CompareSide {
  record: RecordDoc;
  container: ContainerDoc | null;
}

/** Where compare() reads output bytes from. */
export interface FileSource {
  /** The File behind an uploaded entry, or null when it is gone. */
  find(id: Types.ObjectId): Promise<FileDoc | null>;
  /** Streams a File's bytes. */
  read(file: FileDoc): Readable;
}

/** Options of compare(). */
export interface CompareOptions {
  files: FileSource;
  /** Largest Levenshtein distance per text output that still counts as the same (default 0: identical). */
  tolerance?: number;
  /** Relative tolerance of numeric outputs (tables of numbers, JSON): |a − b| ≤ atol + rtol·|b| (default 0). */
  rtol?: number;
  /** Absolute tolerance of numeric outputs (default 0). */
  atol?: number;
  /** Text outputs larger than this (bytes, either side) are compared by digest only (default TEXT_LIMIT_BYTES). */
  textLimitBytes?: number;
  /** Limits of the Levenshtein engine (see levenshtein()), per text pair. */
  levenshtein?: LevenshteinOptions;
  /**
   * Milliseconds of computing the text distances of this comparison may take in all (default:
   * no limit). Once spent, the remaining pairs get SPENT_BUDGET_LIMITS: still exact when nearly
   * identical, otherwise bounds (`exact: false`), which the evidence reports as such.
   */
  budgetMs?: number;
  /** Where known distances are looked up and kept (default: sharedDistanceCache). */
  cache?: DistanceCache;
  /** Aborting stops the comparison (and any distance computation in a worker) and rejects. */
  signal?: AbortSignal;
  /** The time written into the evidence (default: now). */
  now?: Date;
}

/**
 * Text outputs up to 32 MiB per side get a Levenshtein distance. Both sides are held in memory
 * (bytes, then UTF-16 text in a worker), so this bounds one comparison to a few hundred MiB; larger
 * outputs are compared by digest only, which the evidence says.
 */
const TEXT_LIMIT_BYTES = 32 * 1024 * 1024;

/** Tables of numbers up to this size per side are compared value by value (streamed: memory stays flat). */
const NUMERIC_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * Limits for comparisons that must answer quickly (an interactive compare anyone may ask for):
 * about 0.2 s per text pair at worst, about a second in all; exact for near-identical outputs of any
 * size and for any pair up to about 10 KB a side, bounds beyond.
 */
export const BOUNDED_COMPARISON: Readonly<{ levenshtein: LevenshteinOptions; budgetMs: number }> = Object.freeze({
  levenshtein: Object.freeze({ maxDiagonalWork: 2_000_000, maxMyersCells: 100_000_000, maxApproxWork: 2_000_000 }),
  budgetMs: 1000,
});

/** Engine limits once a comparison's budget is spent: linear time, exact only for near-identical texts. */
export const SPENT_BUDGET_LIMITS: Readonly<LevenshteinOptions> = Object.freeze({ maxDiagonalWork: 100_000, maxMyersCells: 0, maxApproxWork: 0 });

/** At most this many differences are listed per JSON value (parameters, system, program). */
const MAX_DIFFERENCES = 200;
/** Longer strings in differences are cut, so that evidence stays small enough to store. */
const MAX_STRING = 1000;

/** A FileSource reading Files and blobs through the services' dependencies. */
export function fileSourceOf(deps: Deps): FileSource {
  return {
    find: (id) => deps.models.File.findById(id).lean<FileDoc>().exec(),
    read: (file) => deps.blobs.read(file.blob),
  };
}

/**
 * Compares two records the caller may see (loading their containers) and returns the evidence.
 * Nothing is written. See compare() for the options.
 */
export async function compareRecords(deps: Deps, a: RecordDoc, b: RecordDoc, options: Omit<CompareOptions, 'files'> = {}): Promise<Evidence> {
  const containerOf = (record: RecordDoc) =>
    record.container
      ? access(deps).containers.findOne(Scope.within({ _id: record.project }), { _id: record.container }).lean<ContainerDoc>().exec()
      : Promise.resolve(null);
  const [containerA, containerB] = await Promise.all([containerOf(a), containerOf(b)]);
  return compare({ record: a, container: containerA }, { record: b, container: containerB }, { ...options, files: fileSourceOf(deps) });
}

/** Compares record A with record B: code, inputs, outputs (text by Levenshtein distance), dependencies, system, and the table cell. */
export async function compare(a: CompareSide, b: CompareSide, options: CompareOptions): Promise<Evidence> {
  const tolerance = options.tolerance ?? 0;
  if (!Number.isInteger(tolerance) || tolerance < 0) {
    throw errors.badRequest(`The tolerance is a number of edits: a whole number ≥ 0, not ${String(tolerance)}.`, { tolerance });
  }
  const rtol = options.rtol ?? 0;
  const atol = options.atol ?? 0;
  for (const [name, value] of [['rtol', rtol], ['atol', atol]] as const) {
    if (!Number.isFinite(value) || value < 0) throw errors.badRequest(`${name} is a tolerance: a finite number ≥ 0, not ${String(value)}.`, { [name]: value });
  }
  const textLimitBytes = options.textLimitBytes ?? TEXT_LIMIT_BYTES;
  const programA = decodeFreeform(a.record.program);
  const programB = decodeFreeform(b.record.program);
  const code = compareCode(identityOf(programA, a.container), identityOf(programB, b.container));
  const inputs = compareInputs(a.record, b.record);
  const outputs = await compareOutputs(a.record, b.record, {
    ...options,
    tolerance,
    rtol,
    atol,
    textLimitBytes,
    cache: options.cache ?? sharedDistanceCache,
    budget: { remainingMs: options.budgetMs ?? Number.POSITIVE_INFINITY },
  });
  return {
    version: EVIDENCE_VERSION,
    a: refOf(a.record),
    b: refOf(b.record),
    code,
    inputs,
    outputs,
    dependencies: compareDependencies(a.record, b.record),
    system: diffJson(decodeFreeform(a.record.system), decodeFreeform(b.record.system)),
    program: diffJson(withoutVersionControl(programA), withoutVersionControl(programB)),
    cell: cellOf(code.same, inputs.same, outputs.comparable ? outputs.same : 'not-comparable'),
    computedAt: (options.now ?? new Date()).toISOString(),
  };
}

function refOf(record: RecordDoc): EvidenceRecord {
  return { record: record._id.toHexString(), label: record.label, project: record.project.toHexString() };
}

// ---- code -------------------------------------------------------------------------------------

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function identityOf(program: JsonValue | undefined, container: ContainerDoc | null): CodeIdentity {
  return { vcs: vcsOf(program, container), container: container?._id.toHexString() ?? null, image: imageOf(container) };
}

/** The record's own version control (program.versionControl) when it names a commit, else its container's. */
function vcsOf(program: JsonValue | undefined, container: ContainerDoc | null): VcsIdentity | null {
  const own = isObject(program) ? program.versionControl : undefined;
  if (isObject(own)) {
    const commit = text(own.commit);
    if (commit) {
      return {
        source: 'program',
        vcs: text(own.vcs),
        repository: text(own.repository),
        commit,
        branch: text(own.branch),
        tag: text(own.tag),
        dirty: typeof own.dirty === 'boolean' ? own.dirty : null,
        diff: text(own.diff),
      };
    }
  }
  const version = container?.version;
  if (version?.commit) {
    return {
      source: 'container',
      vcs: version.vcs,
      repository: version.repository,
      commit: version.commit,
      branch: version.branch,
      tag: version.tag,
      dirty: version.dirty,
      diff: version.diff,
    };
  }
  return null;
}

function imageOf(container: ContainerDoc | null): ImageIdentity | null {
  const image = container?.image;
  if (!image || (!image.sha256 && !image.digest)) return null;
  return { sha256: image.sha256, digest: image.digest, reference: image.reference };
}

/** "sha256:ABC…" and "abc…" are the same digest. */
function normalizeDigest(digest: string): string {
  return digest.trim().toLowerCase().replace(/^sha256:/, '');
}

/** Commits match when equal, or when one is an abbreviation (≥ 7 hex digits) of the other, as git prints them. */
function commitsMatch(a: string, b: string): boolean {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 7 && /^[0-9a-f]+$/.test(short) && /^[0-9a-f]+$/.test(long) && long.startsWith(short);
}

function shortCommit(commit: string): string {
  return /^[0-9a-f]{12,}$/i.test(commit) ? commit.slice(0, 12) : commit;
}

/** The working tree's diff digest, "" for a clean tree, or null when dirty with no digest (unknown content). */
function treeOf(vcs: VcsIdentity): string | null {
  if (vcs.diff) return normalizeDigest(vcs.diff);
  return vcs.dirty === true ? null : '';
}

function compareCode(a: CodeIdentity, b: CodeIdentity): CodeEvidence {
  const result = (same: boolean, basis: CodeEvidence['basis'], reason: string): CodeEvidence => ({ same, basis, reason, a, b });
  let preface = '';
  if (a.vcs && b.vcs) {
    const commit = shortCommit(a.vcs.commit);
    if (!commitsMatch(a.vcs.commit, b.vcs.commit)) {
      return result(false, 'vcs', `A ran commit ${commit} and B ran commit ${shortCommit(b.vcs.commit)}.`);
    }
    const treeA = treeOf(a.vcs);
    const treeB = treeOf(b.vcs);
    if (treeA !== null && treeB !== null) {
      if (treeA === treeB) {
        const tree = treeA === '' ? 'a clean working tree' : `the same working-tree diff (sha256 ${treeA.slice(0, 12)})`;
        return result(true, 'vcs', `Both ran commit ${commit} with ${tree}.`);
      }
      const describe = (tree: string) => (tree === '' ? 'clean' : `diff sha256 ${tree.slice(0, 12)}`);
      return result(false, 'vcs', `Both ran commit ${commit}, but their working trees differ (A: ${describe(treeA)}, B: ${describe(treeB)}).`);
    }
    const dirty = [treeA === null ? 'A' : null, treeB === null ? 'B' : null].filter(Boolean).join(' and ');
    preface = `Both ran commit ${commit}, but ${dirty} had uncommitted changes without a diff digest, so the commit does not identify the code. `;
  }

  if (a.container && a.container === b.container) {
    return result(true, 'container', `${preface}Both ran in the same container (${a.container}).`);
  }
  const digestsA = digestsOf(a.image);
  const digestsB = digestsOf(b.image);
  if (digestsA.length > 0 && digestsB.length > 0) {
    const common = digestsA.find((digest) => digestsB.includes(digest));
    if (common) return result(true, 'image', `${preface}Both containers have the image with digest sha256:${common.slice(0, 12)}.`);
    return result(
      false,
      'image',
      `${preface}The containers' images differ (A: sha256:${digestsA[0]?.slice(0, 12) ?? '?'}, B: sha256:${digestsB[0]?.slice(0, 12) ?? '?'}).`,
    );
  }
  const missing: string[] = [];
  if (!preface) {
    const withoutCommit = [a.vcs ? null : 'A', b.vcs ? null : 'B'].filter(Boolean).join(' and ');
    missing.push(`${withoutCommit} ${withoutCommit.includes('and') ? 'carry' : 'carries'} no VCS commit`);
  }
  missing.push(
    a.container && b.container ? 'they ran in different containers' : `${[a.container ? null : 'A', b.container ? null : 'B'].filter(Boolean).join(' and ')} had no container`,
  );
  const withoutImage = [digestsA.length ? null : 'A', digestsB.length ? null : 'B'].filter(Boolean).join(' and ');
  missing.push(`${withoutImage} had no image digest`);
  return result(false, 'unknown', `${preface}The code cannot be shown to be the same: ${missing.join(', ')}.`);
}

function digestsOf(image: ImageIdentity | null): string[] {
  if (!image) return [];
  return [image.sha256, image.digest].filter((digest): digest is string => Boolean(digest)).map(normalizeDigest);
}

// ---- inputs -----------------------------------------------------------------------------------

/** The digests of an input or output, lowercase; null when not known. */
interface Digests {
  sha256: string | null;
  sha1: string | null;
}

function digestsOfEntry(entry: FileRef): Digests {
  return { sha256: entry.sha256?.toLowerCase() ?? null, sha1: entry.sha1?.toLowerCase() ?? null };
}

/** The digest two entries can be compared by: sha256 when both have one, else sha1 when both have one, else null. */
function commonDigest(a: Digests, b: Digests): 'sha256' | 'sha1' | null {
  if (a.sha256 && b.sha256) return 'sha256';
  if (a.sha1 && b.sha1) return 'sha1';
  return null;
}

/**
 * Matches inputs as a multiset by a digest both entries have: equal sha256 first, then equal sha1
 * between entries of which one has no sha256 (two different sha256 are different content).
 */
function compareInputs(a: RecordDoc, b: RecordDoc): InputsEvidence {
  const known = (record: RecordDoc) => record.inputs.map(digestsOfEntry).filter((entry) => entry.sha256 !== null || entry.sha1 !== null);
  const leftA = known(a);
  const leftB = known(b);
  const common: string[] = [];
  for (const kind of ['sha256', 'sha1'] as const) {
    for (let i = 0; i < leftA.length; ) {
      const entryA = leftA[i];
      const index = entryA ? leftB.findIndex((entryB) => commonDigest(entryA, entryB) === kind && entryA[kind] === entryB[kind]) : -1;
      const digest = entryA?.[kind];
      if (index >= 0 && digest) {
        common.push(digest);
        leftA.splice(i, 1);
        leftB.splice(index, 1);
      } else i += 1;
    }
  }
  const shownDigest = (entry: Digests) => entry.sha256 ?? entry.sha1 ?? '';
  const onlyA = leftA.map(shownDigest);
  const onlyB = leftB.map(shownDigest);
  const unknownA = a.inputs.filter((entry) => !entry.sha256 && !entry.sha1).map((entry) => entry.name);
  const unknownB = b.inputs.filter((entry) => !entry.sha256 && !entry.sha1).map((entry) => entry.name);
  const digestsSame = onlyA.length === 0 && onlyB.length === 0 && unknownA.length === 0 && unknownB.length === 0;
  const parameters = diffJson(noParameters(decodeFreeform(a.parameters)), noParameters(decodeFreeform(b.parameters)));

  const problems: string[] = [];
  if (onlyA.length > 0 || onlyB.length > 0) {
    const incomparable = leftA.length > 0 && leftB.length > 0 && leftA.every((x) => leftB.every((y) => commonDigest(x, y) === null));
    problems.push(
      `${onlyA.length} input file(s) only in A and ${onlyB.length} only in B (by sha256, else sha1)` +
        (incomparable ? `, and those cannot be compared: one side has only sha256 and the other only sha1` : ''),
    );
  }
  if (unknownA.length > 0) problems.push(`A's input(s) ${quoted(unknownA)} have no digest`);
  if (unknownB.length > 0) problems.push(`B's input(s) ${quoted(unknownB)} have no digest`);
  if (!parameters.same) problems.push(`parameters differ at ${parameters.differences.slice(0, 5).map((d) => d.key || '(the whole value)').join(', ')}${parameters.differences.length > 5 || parameters.truncated ? ', …' : ''}`);
  const same = digestsSame && parameters.same;
  const basis = common.some((digest) => digest.length === 40) ? 'by sha256, else sha1' : 'by sha256';
  const reason = same
    ? `Both used the same ${common.length} input file(s) (${basis}) and equal parameters.`
    : `Inputs differ: ${problems.join('; ')}.`;
  return {
    same,
    reason,
    digests: { same: digestsSame, common: common.sort(), onlyA: onlyA.sort(), onlyB: onlyB.sort(), unknownA, unknownB },
    parameters,
  };
}

/** Absent, null and {} parameters all mean "no parameters". */
function noParameters(value: JsonValue | undefined): JsonValue | undefined {
  if (value === null || (isObject(value) && Object.keys(value).length === 0)) return undefined;
  return value;
}

function quoted(names: string[]): string {
  const shown = names.slice(0, 5).map((name) => `"${name}"`);
  return names.length > 5 ? `${shown.join(', ')}, …` : shown.join(', ');
}

// ---- free-form JSON differences ---------------------------------------------------------------

function withoutVersionControl(program: JsonValue | undefined): JsonValue | undefined {
  if (!isObject(program)) return program;
  const { versionControl: _ignored, ...rest } = program;
  return rest;
}

function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A leaf value in a Difference: a scalar, or {} / [] for an empty object or array. Strings longer than 1,000 characters are cut and end with "…". */
type EvidenceScalar = null | boolean | number | string | Record<string, never> | never[];

/** The leaves of a JSON value by JSON Pointer: scalars, and {} / [] for empty containers. */
function leavesOf(value: JsonValue | undefined): Map<string, EvidenceScalar> {
  const leaves = new Map<string, EvidenceScalar>();
  const walk = (node: JsonValue, pointer: string): void => {
    if (Array.isArray(node)) {
      if (node.length === 0) leaves.set(pointer, []);
      node.forEach((item, index) => walk(item, `${pointer}/${index}`));
    } else if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      if (keys.length === 0) leaves.set(pointer, {});
      for (const key of keys) walk(node[key] ?? null, `${pointer}/${pointerToken(key)}`);
    } else {
      leaves.set(pointer, node);
    }
  };
  if (value !== undefined) walk(value, '');
  return leaves;
}

function sameLeaf(x: EvidenceScalar, y: EvidenceScalar): boolean {
  if (Array.isArray(x) || Array.isArray(y)) return Array.isArray(x) && Array.isArray(y);
  if (typeof x === 'object' && x !== null) return typeof y === 'object' && y !== null;
  return x === y;
}

function shown(value: EvidenceScalar): EvidenceScalar {
  return typeof value === 'string' && value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
}

/** The leaves that differ between two JSON values, in the order they appear (A's first). */
function diffJson(a: JsonValue | undefined, b: JsonValue | undefined): JsonDifferences {
  const leavesA = leavesOf(a);
  const leavesB = leavesOf(b);
  const differences: Difference[] = [];
  let count = 0;
  const note = (difference: Difference) => {
    count += 1;
    if (differences.length < MAX_DIFFERENCES) differences.push(difference);
  };
  for (const [key, valueA] of leavesA) {
    if (!leavesB.has(key)) note({ key, a: shown(valueA) });
    else {
      const valueB = leavesB.get(key) ?? null;
      if (!sameLeaf(valueA, valueB)) note({ key, a: shown(valueA), b: shown(valueB) });
    }
  }
  for (const [key, valueB] of leavesB) if (!leavesA.has(key)) note({ key, b: shown(valueB) });
  return { same: count === 0, differences, truncated: count > differences.length };
}

// ---- dependencies -----------------------------------------------------------------------------

function compareDependencies(a: RecordDoc, b: RecordDoc): DependencyEvidence {
  const index = (record: RecordDoc) => {
    const byKey = new Map<string, { name: string; manager: string | null; versions: Set<string> }>();
    for (const dependency of record.dependencies) {
      const key = `${dependency.manager ?? ''}\u0000${dependency.name}`;
      const entry = byKey.get(key) ?? { name: dependency.name, manager: dependency.manager, versions: new Set<string>() };
      entry.versions.add(dependency.version);
      byKey.set(key, entry);
    }
    return byKey;
  };
  const version = (versions: Set<string>) => [...versions].sort().join(', ');
  const depsA = index(a);
  const depsB = index(b);
  const evidence: DependencyEvidence = { same: true, added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, entryA] of depsA) {
    const entryB = depsB.get(key);
    if (!entryB) evidence.removed.push({ name: entryA.name, manager: entryA.manager, version: version(entryA.versions) });
    else if (version(entryA.versions) !== version(entryB.versions)) {
      evidence.changed.push({ name: entryA.name, manager: entryA.manager, a: version(entryA.versions), b: version(entryB.versions) });
    } else evidence.unchanged += 1;
  }
  for (const [key, entryB] of depsB) {
    if (!depsA.has(key)) evidence.added.push({ name: entryB.name, manager: entryB.manager, version: version(entryB.versions) });
  }
  const byName = (x: { name: string; manager: string | null }, y: { name: string; manager: string | null }) =>
    x.name.localeCompare(y.name) || (x.manager ?? '').localeCompare(y.manager ?? '');
  evidence.added.sort(byName);
  evidence.removed.sort(byName);
  evidence.changed.sort(byName);
  evidence.same = evidence.added.length === 0 && evidence.removed.length === 0 && evidence.changed.length === 0;
  return evidence;
}

// ---- outputs ----------------------------------------------------------------------------------

interface OutputContext {
  files: FileSource;
  tolerance: number;
  rtol: number;
  atol: number;
  textLimitBytes: number;
  levenshtein?: LevenshteinOptions | undefined;
  signal?: AbortSignal | undefined;
  cache: DistanceCache;
  /** What is left of the comparison's time budget, shared by its pairs. */
  budget: { remainingMs: number };
}

/** Pairs outputs by name and path, then by name alone; the rest are missing on one side. */
function pairOutputs(a: FileRef[], b: FileRef[]): Array<[FileRef | undefined, FileRef | undefined]> {
  const pairs: Array<[FileRef | undefined, FileRef | undefined]> = [];
  const leftB = [...b];
  const unpairedA: FileRef[] = [];
  for (const entry of a) {
    const index = leftB.findIndex((other) => other.name === entry.name && other.path === entry.path);
    if (index >= 0) pairs.push([entry, leftB.splice(index, 1)[0]]);
    else unpairedA.push(entry);
  }
  for (const entry of unpairedA) {
    const index = leftB.findIndex((other) => other.name === entry.name);
    pairs.push([entry, index >= 0 ? leftB.splice(index, 1)[0] : undefined]);
  }
  for (const entry of leftB) pairs.push([undefined, entry]);
  return pairs;
}

async function compareOutputs(a: RecordDoc, b: RecordDoc, context: OutputContext): Promise<OutputsEvidence> {
  const pairs: OutputPair[] = [];
  // One pair at a time: a text pair holds both files in memory.
  for (const [entryA, entryB] of pairOutputs(a.outputs, b.outputs)) {
    if (context.signal?.aborted) throw context.signal.reason instanceof Error ? context.signal.reason : new Error('The comparison was aborted.');
    pairs.push(await comparePair(entryA, entryB, context));
  }
  const notComparable = pairs.filter((pair) => pair.result === 'not-comparable');
  const differing = pairs.filter((pair) => !pair.same && pair.result !== 'not-comparable');
  const same = pairs.length > 0 && differing.length === 0 && notComparable.length === 0;
  // One pair that differs shows the outputs differ; pairs that cannot be compared decide nothing.
  const comparable = differing.length > 0 || notComparable.length === 0;
  const listed = (list: OutputPair[]) => `${list.slice(0, 5).map(describePair).join('; ')}${list.length > 5 ? '; …' : ''}`;
  let reason: string;
  if (pairs.length === 0) reason = 'Neither record lists outputs, so nothing shows that the outputs are the same.';
  else if (!comparable) {
    const others = pairs.length - notComparable.length;
    reason =
      `${notComparable.length} of ${pairs.length} output(s) cannot be compared, for want of a digest both sides have (sha256, else sha1): ` +
      `${listed(notComparable)}${others > 0 ? `; the other ${others} are the same` : ''}. Nothing shows whether the outputs are the same.`;
  } else if (same) {
    const measured = pairs.filter((pair) => pair.result === 'text-distance').length;
    const numeric = pairs.filter((pair) => pair.result === 'numeric').length;
    const within = [
      measured > 0 ? `the tolerance of ${context.tolerance} edit(s) (${measured} by text distance)` : null,
      numeric > 0 ? `rtol ${context.rtol} and atol ${context.atol} (${numeric} compared as numbers)` : null,
    ].filter(Boolean);
    reason =
      within.length === 0 ? `All ${pairs.length} output(s) are identical.` : `All ${pairs.length} output(s) are identical or within ${within.join(' and ')}.`;
  } else {
    const described = differing.slice(0, 5).map(describePair);
    const verb = differing.some((pair) => undecided(pair, context.tolerance)) ? 'are not shown to be the same' : 'differ';
    reason = `${differing.length} of ${pairs.length} output(s) ${verb}: ${described.join('; ')}${differing.length > 5 ? '; …' : ''}`;
    const names = notComparable.slice(0, 5).map((pair) => `"${pair.name}"`).join(', ');
    reason += notComparable.length > 0 ? `; ${notComparable.length} cannot be compared (${names}${notComparable.length > 5 ? ', …' : ''}).` : '.';
  }
  return { same, comparable, reason, tolerance: context.tolerance, rtol: context.rtol, atol: context.atol, textLimitBytes: context.textLimitBytes, pairs };
}

/** A distance only bounded, with the tolerance between its bounds: neither shown within it nor beyond it. */
function undecided(pair: OutputPair, tolerance: number): boolean {
  return pair.result === 'text-distance' && pair.exact === false && !pair.same && (pair.lowerBound ?? 0) <= tolerance;
}

function describePair(pair: OutputPair): string {
  const name = `"${pair.name}"`;
  switch (pair.result) {
    case 'missing-a':
      return `${name} only in B`;
    case 'missing-b':
      return `${name} only in A`;
    case 'text-distance':
      if (pair.exact !== false) return `${name} at ${pair.distance ?? '?'} edit(s)`;
      return `${name} at between ${pair.lowerBound ?? 0} and ${pair.distance ?? '?'} edit(s)`;
    case 'numeric':
      return `${name} ${numericWords(pair)}`;
    case 'different-binary':
      return `${name} has different bytes`;
    case 'different-unmeasured':
      return `${name} has a different digest`;
    case 'not-comparable':
    case 'unknown':
      return `${name} cannot be compared`;
    case 'identical':
      return `${name} is identical`;
  }
}

function sideOf(entry: FileRef): OutputSide {
  return {
    name: entry.name,
    path: entry.path,
    sha256: entry.sha256?.toLowerCase() ?? null,
    sha1: entry.sha1?.toLowerCase() ?? null,
    size: entry.size,
    mediaType: entry.mediaType,
    uploaded: entry.file !== null,
  };
}

async function comparePair(entryA: FileRef | undefined, entryB: FileRef | undefined, context: OutputContext): Promise<OutputPair> {
  const a = entryA ? sideOf(entryA) : null;
  const b = entryB ? sideOf(entryB) : null;
  const named = entryA ?? entryB;
  const pair = { name: named?.name ?? '', path: named?.path ?? null, a, b };
  if (!entryA || !a) return { ...pair, result: 'missing-a', same: false, note: `Only B has an output named "${pair.name}".` };
  if (!entryB || !b) return { ...pair, result: 'missing-b', same: false, note: `Only A has an output named "${pair.name}".` };
  const digest = commonDigest(a, b);
  if (!digest) {
    const without = [a.sha256 || a.sha1 ? null : 'A', b.sha256 || b.sha1 ? null : 'B'].filter(Boolean).join(' and ');
    const kinds = (side: OutputSide) => (side.sha256 ? 'only a sha256' : 'only a sha1');
    const note = without
      ? `Declared without a digest and never uploaded on ${without}: it cannot be compared.`
      : `No digest both sides have (A has ${kinds(a)}, B ${kinds(b)}): it cannot be compared.`;
    return { ...pair, result: 'not-comparable', same: false, note };
  }
  if (a[digest] === b[digest]) return { ...pair, result: 'identical', digest, same: true };
  const unmeasured = (note: string): OutputPair => ({ ...pair, result: 'different-unmeasured', digest, same: false, note });
  if (digest === 'sha1') return unmeasured('The sha1 digests differ; no sha256 on both sides, so no distance was measured.');
  if (!entryA.file || !entryB.file) {
    const sides = [entryA.file ? null : 'A', entryB.file ? null : 'B'].filter(Boolean).join(' and ');
    return unmeasured(`The digests differ; the bytes were never uploaded on ${sides}, so no distance was measured.`);
  }
  const [fileA, fileB] = await Promise.all([context.files.find(entryA.file), context.files.find(entryB.file)]);
  if (!fileA || !fileB) return unmeasured('The digests differ; the uploaded bytes are no longer stored, so no distance was measured.');
  a.size = fileA.size;
  b.size = fileB.size;
  const binaryType = [a.mediaType ?? fileA.mediaType, b.mediaType ?? fileB.mediaType].find(isBinaryMediaType);
  if (binaryType) return { ...pair, result: 'different-binary', digest, same: false, note: `Binary content (${binaryType}): compared by digest only.` };
  let notNumeric: string | undefined;
  if (fileA.size <= NUMERIC_LIMIT_BYTES && fileB.size <= NUMERIC_LIMIT_BYTES) {
    const started = performance.now();
    const outcome = await compareNumericStreams(context.files.read(fileA), context.files.read(fileB), {
      rtol: context.rtol,
      atol: context.atol,
      sizes: [fileA.size, fileB.size],
      jsonLimitBytes: context.textLimitBytes,
      signal: context.signal,
    });
    context.budget.remainingMs -= performance.now() - started;
    if (outcome.numeric) return { ...pair, result: 'numeric', digest, same: outcome.comparison.same, numeric: outcome.comparison };
    notNumeric = `Not numeric, compared as text: ${outcome.reason}.`;
  }
  if (fileA.size > context.textLimitBytes || fileB.size > context.textLimitBytes) {
    const note = `Larger than the ${formatBytes(context.textLimitBytes)} limit for text comparison: compared by digest only.`;
    return { ...unmeasured(note), ...(notNumeric ? { notNumeric } : {}) };
  }
  const limits = context.budget.remainingMs > 0 ? (context.levenshtein ?? {}) : SPENT_BUDGET_LIMITS;
  // A comparison with a budget takes any distance it could have computed itself (so a repeated one
  // gives the same answer for free); one without takes only what its own limits would give. Only
  // text pairs are cached, so a hit also means both sides are text (that depends on the bytes alone).
  const atLeast = Number.isFinite(context.budget.remainingMs) ? SPENT_BUDGET_LIMITS : limits;
  let measured: LevenshteinResult | undefined = context.cache.get(fileA.sha256, fileB.sha256, atLeast);
  if (!measured) {
    const bytesA = await readAll(context.files.read(fileA), context.textLimitBytes);
    const bytesB = await readAll(context.files.read(fileB), context.textLimitBytes);
    const binarySides = [looksLikeText(bytesA) ? null : 'A', looksLikeText(bytesB) ? null : 'B'].filter(Boolean);
    if (binarySides.length > 0) {
      return { ...pair, result: 'different-binary', digest, same: false, note: `Not UTF-8 text on ${binarySides.join(' and ')}: compared by digest only.` };
    }
    const timed = await utf8DistanceTimed(bytesA, bytesB, { ...limits, signal: context.signal });
    context.budget.remainingMs -= timed.ms;
    measured = timed.result;
    context.cache.set(fileA.sha256, fileB.sha256, limits, measured);
  }
  const { distance, similarity, exact, method, lowerBound } = measured;
  // An upper bound within the tolerance shows "same"; a lower bound beyond it shows "different"; in
  // between nothing is shown, which `same: false` records as "not shown to be the same" (see undecided()).
  const same = distance <= context.tolerance;
  let note: string | undefined;
  if (!exact && !same && lowerBound <= context.tolerance) {
    note = `Undecided: the distance is only bounded (between ${lowerBound} and ${distance} edit(s)), so it is neither shown to be within the tolerance of ${context.tolerance} nor beyond it; the outputs are not shown to be the same.`;
  } else if (!exact) {
    note = `Approximate distance (line level): between ${lowerBound} and ${distance} edit(s).`;
  }
  return {
    ...pair,
    result: 'text-distance',
    digest,
    same,
    distance,
    similarity,
    exact,
    method,
    lowerBound,
    ...(note ? { note } : {}),
    ...(notNumeric ? { notNumeric } : {}),
  };
}

/** "3 of 4000 values differ (largest |a − b| 0.001 at row 5, column 2)", or the shape mismatch. */
function numericWords(pair: OutputPair): string {
  const numeric = pair.numeric;
  if (!numeric) return 'compared as numbers';
  if (!numeric.shapes.same) return `has another shape (${numeric.shapes.mismatch ?? 'shapes differ'})`;
  if (numeric.differing === 0) return `has ${numeric.compared} value(s) within rtol ${numeric.rtol} and atol ${numeric.atol}`;
  const largest = numeric.maxAbs ? ` (largest |a − b| ${numeric.maxAbs.value ?? 0} at ${locationWords(numeric.maxAbs.at)})` : '';
  return `has ${numeric.differing} of ${numeric.compared} value(s) beyond rtol ${numeric.rtol} and atol ${numeric.atol}${largest}`;
}

function locationWords(at: NumericLocation): string {
  if (at.pointer !== undefined) return `"${at.pointer || '/'}"`;
  return `row ${at.row ?? '?'}, column ${at.name ? `"${at.name}"` : (at.column ?? '?')}`;
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      throw new Error(`A stored file is larger than its recorded size allows (over ${limit} bytes).`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}
