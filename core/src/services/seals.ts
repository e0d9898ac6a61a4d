import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import { canonicalJson, decodeFreeform, encodeFreeform } from '../codec.js';
import { AppError } from '../errors.js';
import type { CodeIdentity } from '@reprise/rules';
import { access } from '../access.js';
import type { DiffRequestDoc, ProjectDoc, RecordDoc } from '../models/index.js';
import { RequestScope, Scope } from '../scope.js';
import type { Deps } from './context.js';

/**
 * What an agreed verdict seals of both its records: what the run was (program, parameters,
 * inputs, outputs, container) and what the evidence showed about it (dependencies, system).
 * Annotations (tags, reason, outcome), status, timings, streams and custom fields stay writable.
 */
const SEALED_FIELDS = ['program', 'parameters', 'inputs', 'outputs', 'container', 'dependencies', 'system'] as const;
/** One of SEALED_FIELDS. */
export type SealedField = (typeof SEALED_FIELDS)[number];

type Sealable = Pick<RecordDoc, SealedField>;

/** A sealed field in a form where equal meaning is equal text (key order, list order and media types do not count). */
function sealedValue(field: SealedField, record: Partial<Sealable>): string {
  switch (field) {
    case 'program':
    case 'parameters':
    case 'system':
      return canonicalJson(decodeFreeform(record[field]) ?? null);
    case 'container':
      return record.container ? record.container.toHexString() : 'null';
    case 'dependencies':
      return canonicalJson(
        (record.dependencies ?? [])
          .map((dependency) => ({ name: dependency.name, version: dependency.version, manager: dependency.manager ?? null, source: dependency.source ?? null }))
          .sort((a, b) => `${a.manager ?? ''}\u0000${a.name}`.localeCompare(`${b.manager ?? ''}\u0000${b.name}`)),
      );
    case 'inputs':
    case 'outputs':
      // Every key of an entry but its media type and Sumatra's sha1 (name, path, sha256, size, the
      // stored file), an absent key the same as null: records stored before a key existed compare
      // equal. A sha1 may be filled in where there was none (Sumatra re-saving a record stored before
      // sha1 was kept); changing one that is there is caught by sha1Changes.
      return canonicalJson(
        [...(record[field] ?? [])]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((entry) =>
            Object.fromEntries(
              Object.entries(entry)
                .filter(([key, value]) => key !== 'mediaType' && key !== 'sha1' && value !== null && value !== undefined)
                .map(([key, value]) => [key, key === 'file' ? String(value) : value]),
            ),
          ),
      );
  }
}

/** Matches records that no agreement has marked (see sealOf): the only ones a deletion may remove. */
export const UNSEALED = { $or: [{ seals: { $exists: false } }, { seals: { $size: 0 } }] };

/** True when `next` changes a sha1 that an entry of `current` with the same name already carries. */
function sha1Changes(current: RecordDoc['inputs'], next: RecordDoc['inputs']): boolean {
  return next.some((entry) => {
    const before = current.find((old) => old.name === entry.name);
    return Boolean(before?.sha1) && before?.sha1 !== (entry.sha1 ?? null);
  });
}

/** The sealed fields that a `$set` of top-level record fields would change. */
export function sealedChanges(current: Sealable, set: Record<string, unknown>): SealedField[] {
  const next = { ...current, ...set } as Sealable;
  return SEALED_FIELDS.filter(
    (field) =>
      field in set &&
      (sealedValue(field, current) !== sealedValue(field, next) ||
        ((field === 'inputs' || field === 'outputs') && sha1Changes(current[field] ?? [], next[field] ?? []))),
  );
}

/** sha256 of every sealed field of a record: equal exactly when nothing sealed differs. */
export function sealedDigest(record: Sealable): string {
  const state = Object.fromEntries(SEALED_FIELDS.map((field) => [field, sealedValue(field, record)]));
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}

/** A file a verdict's evidence was computed from. */
interface FileDigest {
  name: string;
  path: string | null;
  sha256: string | null;
  /** Sumatra's sha1, the digest its records are compared by (null when the entry has none). */
  sha1: string | null;
  size: number | null;
}

/** What one record of a verdict was when its evidence was computed. */
export interface SideBasis {
  record: string;
  label: string;
  /** The code identity the evidence compared (commit and working-tree diff digest, container, image). */
  code: CodeIdentity | null;
  /** sha256 of the parameters as canonical JSON (null when the record has none). */
  parameters: string | null;
  inputs: FileDigest[];
  outputs: FileDigest[];
  /** sha256 over every sealed field: the record still is what was assessed exactly when this matches. */
  sealed: string;
}

/** The digests a verdict's evidence was computed from, for both records. */
export interface VerdictBasis {
  from: SideBasis;
  toward: SideBasis;
}

function fileDigests(entries: RecordDoc['inputs']): FileDigest[] {
  return entries.map((entry) => ({ name: entry.name, path: entry.path, sha256: entry.sha256, sha1: entry.sha1 ?? null, size: entry.size }));
}

/** The basis of one side of a verdict. */
export function sideBasis(record: RecordDoc, code: CodeIdentity | null): SideBasis {
  const parameters = decodeFreeform(record.parameters);
  return {
    record: record._id.toHexString(),
    label: record.label,
    code,
    parameters: parameters === undefined || parameters === null ? null : createHash('sha256').update(canonicalJson(parameters)).digest('hex'),
    inputs: fileDigests(record.inputs),
    outputs: fileDigests(record.outputs),
    sealed: sealedDigest(record),
  };
}

/** The stored basis of a request as codec text. */
export function encodeBasis(basis: VerdictBasis): string {
  return encodeFreeform(basis as unknown as Parameters<typeof encodeFreeform>[0]);
}

/** The stored basis of a request (null for requests made before bases were kept). */
export function basisOf(request: Pick<DiffRequestDoc, 'basis'>): VerdictBasis | null {
  const decoded = request.basis ? decodeFreeform(request.basis) : undefined;
  return decoded ? (decoded as unknown as VerdictBasis) : null;
}

/**
 * The verdict that seals a record, or null. A record is sealed by any agreed request about it,
 * and by a request being agreed right now: agreeing first marks both records (`seals`), then
 * writes the agreement, so that no write can slip in between (see agreeAndSeal in diffs.ts). A
 * marked request that is still proposed therefore seals too; one that ended otherwise does not.
 * Both halves use indexed fields (from, toward, _id).
 */
async function sealOf(deps: Deps, record: Pick<RecordDoc, '_id' | 'seals'>): Promise<DiffRequestDoc | null> {
  const marks = record.seals ?? [];
  const conditions: Array<Record<string, unknown>> = [
    { from: record._id, status: 'agreed' },
    { toward: record._id, status: 'agreed' },
  ];
  if (marks.length > 0) conditions.push({ _id: { $in: marks }, status: { $in: ['proposed', 'agreed'] } });
  return await access(deps).requests.findOne(RequestScope.about([record._id]), { $or: conditions }).sort({ created: 1, _id: 1 }).lean<DiffRequestDoc>();
}

/** The 409 for a change to a sealed record. */
function sealedError(record: Pick<RecordDoc, '_id' | 'label'>, verdict: DiffRequestDoc, what: string, fields: string[] = []): AppError {
  const being = verdict.status === 'agreed' ? `the agreed verdict ${verdict._id.toHexString()}` : `verdict ${verdict._id.toHexString()}, being agreed now,`;
  return new AppError(
    409,
    'record_sealed',
    `Record "${record.label}" is sealed by ${being} (${verdict.proposition}): ${what}. ` +
      'Its program, parameters, inputs, outputs, container, dependencies and system are the evidence of that verdict and stay as they are; ' +
      'tags, reason and outcome can still be edited, and a new run belongs in a new record.',
    { record: record._id.toHexString(), diffRequest: verdict._id.toHexString(), proposition: verdict.proposition, ...(fields.length > 0 ? { fields } : {}) },
  );
}

/**
 * Refuses (409 record_sealed) a `$set` that would change a sealed field of a sealed record. A
 * save that changes no sealed field costs no query at all, so ordinary status updates stay cheap.
 * Called with the record as read by a write conditional on its `rev`: the marking of a seal
 * increments `rev`, so a write that checked before the marking fails its condition and re-reads.
 */
export async function guardSealedChange(deps: Deps, record: RecordDoc, set: Record<string, unknown>): Promise<void> {
  const changed = sealedChanges(record, set);
  if (changed.length === 0) return;
  const verdict = await sealOf(deps, record);
  if (verdict) throw sealedError(record, verdict, `${changed.join(', ')} cannot change`, changed);
}

/**
 * Refuses (409 record_sealed) files sent to a sealed record, before anything of them is planned
 * or registered, unless every one is already attached under its name with the same digest. The
 * write itself is checked again under the record's revision (writeRecord).
 */
export async function guardSealedFiles(deps: Deps, record: RecordDoc, files: Array<{ field: 'inputs' | 'outputs'; name: string; sha256: string }>): Promise<void> {
  const changing = files.filter(({ field, name, sha256 }) => !record[field].some((entry) => entry.name === name && entry.sha256 === sha256 && entry.file !== null));
  if (changing.length === 0) return;
  const verdict = await sealOf(deps, record);
  if (!verdict) return;
  const fields = [...new Set(changing.map((file) => file.field))];
  throw sealedError(record, verdict, `files cannot be attached to it (${changing.map((file) => `"${file.name}"`).join(', ')})`, fields);
}

/**
 * Refuses (409 record_sealed) deleting records when one of them is sealed. Marks left by requests
 * that ended without agreement (an agreement that crashed midway and was then denied or
 * withdrawn) are removed on the way, so they never block a deletion. `scope` is the one the
 * records were found in.
 */
export async function guardNoSealed(deps: Deps, scope: Scope, records: Array<Pick<RecordDoc, '_id' | 'label' | 'seals'>>): Promise<void> {
  if (records.length === 0) return;
  const ids = records.map((record) => record._id);
  const marks = records.flatMap((record) => record.seals ?? []);
  const conditions: Array<Record<string, unknown>> = [
    { from: { $in: ids }, status: 'agreed' },
    { toward: { $in: ids }, status: 'agreed' },
  ];
  if (marks.length > 0) conditions.push({ _id: { $in: marks }, status: { $in: ['proposed', 'agreed'] } });
  const verdict = await access(deps).requests.findOne(RequestScope.about(ids), { $or: conditions }).sort({ created: 1, _id: 1 }).lean<DiffRequestDoc>();
  if (verdict) {
    const sealed =
      records.find((record) => record._id.equals(verdict.from) || record._id.equals(verdict.toward) || (record.seals ?? []).some((id) => id.equals(verdict._id))) ??
      records[0];
    if (sealed) throw sealedError(sealed, verdict, 'it cannot be deleted (it can be made private, which hides the verdict but keeps it)');
  }
  if (marks.length > 0) await unmarkSeals(deps, scope, ids, marks);
}

/**
 * Refuses (409 record_sealed) deleting a project that holds a sealed record: one an agreed request
 * is about, or one an agreement under way has marked.
 */
export async function guardProjectUnsealed(deps: Deps, project: Pick<ProjectDoc, '_id'>): Promise<void> {
  const { requests, records } = access(deps);
  const verdict = await requests
    .findOne(RequestScope.aboutProject(project._id), { status: 'agreed' })
    .sort({ created: 1, _id: 1 })
    .lean<DiffRequestDoc>();
  const sealedIds = verdict ? [verdict.from, verdict.toward] : [];
  const inProject = Scope.within(project);
  const candidates = await records
    .find(inProject, { project: project._id, $or: [{ _id: { $in: sealedIds } }, { 'seals.0': { $exists: true } }] }, { _id: 1, label: 1, seals: 1 })
    .lean<Array<Pick<RecordDoc, '_id' | 'label' | 'seals'>>>();
  await guardNoSealed(deps, inProject, candidates);
}

/** Removes seal marks of requests that are neither proposed nor agreed from records (found in `scope`). */
export async function unmarkSeals(deps: Deps, scope: Scope, records: Types.ObjectId[], marks: Types.ObjectId[]): Promise<void> {
  const { requests, records: allRecords } = access(deps);
  const live = await requests
    .find(RequestScope.about(records), { _id: { $in: marks }, status: { $in: ['proposed', 'agreed'] } }, { _id: 1 })
    .lean<Array<Pick<DiffRequestDoc, '_id'>>>();
  const stale = marks.filter((mark) => !live.some((request) => request._id.equals(mark)));
  if (stale.length > 0) await allRecords.updateMany(scope, { _id: { $in: records } }, { $pull: { seals: { $in: stale } } }, { timestamps: false });
}
