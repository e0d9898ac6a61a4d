import type { Schemas } from '@reprise/contract';
import { encodeFreeform, type JsonValue } from '../codec.js';
import { AppError, errors } from '../errors.js';
import type { Dependency, FileRef, ProjectDoc, RecordDoc, RecordStatus, StatusChange, SumatraState } from '../models/index.js';
import { hasIdForm, labelProblem, nameShadowsId, normalizeName } from '../names.js';
import { access } from '../access.js';
import { Scope } from '../scope.js';
import { canMove } from '../status.js';
import type { Actor, Deps } from './context.js';
import { touchProject } from './projects.js';
import { followProjectPrivacy, normalizeFileRefs } from './records.js';
import { backOff, MAX_WRITE_ATTEMPTS } from './retry.js';
import { guardSealedChange } from './seals.js';

/** An input or output of a replacement: a declared entry, with the sha1 a record store such as Sumatra's reports. */
export type ReplacementFileRef = Schemas['FileRefInput'] & { sha1?: string | null };

/** Every field a whole-record replacement sets: nothing is optional, nothing of the old record survives but its identity. */
export interface RecordReplacement {
  status: RecordStatus;
  program: JsonValue | null;
  parameters: JsonValue | null;
  system: JsonValue | null;
  custom: JsonValue | null;
  inputs: ReplacementFileRef[];
  outputs: ReplacementFileRef[];
  dependencies: Dependency[];
  tags: string[];
  reason: string;
  outcome: string;
  duration: number | null;
  stdout: string;
  stderr: string;
  sumatra: SumatraState | null;
}

/**
 * Creates the record `label` in one of the actor's projects, or replaces every field of the one
 * that exists (a "PUT" of a whole record, as record stores such as Sumatra's do); `created` says
 * which. The record keeps its id, container and creation time. Each write is one conditional
 * single-document operation, so a concurrent writer is never half-overwritten.
 *
 * Status: a forward move (see status.ts) is appended to the status history as usual. A move the
 * forward-only rule refuses (a finished record saved again as initialized or running, as when a
 * run is redone under the same label) is not an error here, because the client replaces the
 * whole record: it starts a new run, so the history restarts with the new status and stays a
 * valid forward path.
 */
export async function replaceRecord(
  deps: Deps,
  actor: Actor,
  project: ProjectDoc,
  givenLabel: string,
  input: RecordReplacement,
): Promise<{ record: RecordDoc; created: boolean }> {
  // NFC, so that an NFD label is the record the NFC one it looks like names.
  const label = normalizeName(givenLabel);
  const problem = labelProblem(label);
  if (problem) throw new AppError(400, 'invalid_label', problem, { label });
  if (!project.owner.equals(actor.id)) throw errors.notFound('Project', project.name);
  const inputs = withSha1(normalizeFileRefs(input.inputs, 'inputs') ?? [], input.inputs);
  const outputs = withSha1(normalizeFileRefs(input.outputs, 'outputs') ?? [], input.outputs);
  const fields = {
    program: encodeOrNull(input.program),
    parameters: encodeOrNull(input.parameters),
    system: encodeOrNull(input.system),
    custom: encodeOrNull(input.custom),
    dependencies: input.dependencies,
    tags: input.tags,
    reason: input.reason,
    outcome: input.outcome,
    duration: input.duration,
    stdout: input.stdout,
    stderr: input.stderr,
    sumatra: input.sumatra,
    status: input.status,
  };
  const { records } = access(deps);
  const owner = Scope.owner(actor.id);
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
    if (attempt > 0) await backOff(attempt);
    const current = await records.findOne(owner, { project: project._id, label }).lean<RecordDoc>();
    const now = new Date();
    if (!current) {
      // Only a new label is refused: a record that already has such a label can still be replaced.
      if (hasIdForm(label)) throw nameShadowsId('record label', label);
      try {
        const record = await records.create(owner, {
          ...fields,
          inputs,
          outputs,
          project: project._id,
          owner: actor.id,
          private: project.private,
          container: project.history.at(-1) ?? null,
          label,
          statusHistory: [{ status: input.status, at: now }],
        });
        if (!record.private) await followProjectPrivacy(deps, project, record);
        await touchProject(deps, project);
        return { record, created: true };
      } catch (error) {
        // Another writer created it in between: replace theirs on the next round.
        if ((error as { code?: number }).code === 11000) continue;
        throw tooLargeOr(error);
      }
    }
    const set: Record<string, unknown> = {
      ...fields,
      inputs: keepUploads(current.inputs, inputs),
      outputs: keepUploads(current.outputs, outputs),
    };
    if (input.status !== current.status) set.statusHistory = nextHistory(current, input.status, now);
    // A whole-record save of a sealed record passes when it changes no sealed field (a re-save after tagging).
    await guardSealedChange(deps, current, set);
    let updated: RecordDoc | null;
    try {
      updated = await records.findOneAndUpdate(owner, { _id: current._id, rev: current.rev }, { $set: set, $inc: { rev: 1 } }, {
        returnDocument: 'after',
        runValidators: true,
      }).lean<RecordDoc>();
    } catch (error) {
      throw tooLargeOr(error);
    }
    if (updated) {
      await touchProject(deps, project);
      return { record: updated, created: false };
    }
  }
  throw errors.conflict(`Record "${label}" is being written by other requests at the same time; retry.`);
}

/** Adds each declared entry's sha1 (lowercase hex; anything else is dropped, as unknown) to its normalized entry. */
function withSha1(entries: FileRef[], declared: ReplacementFileRef[]): FileRef[] {
  return entries.map((entry, index) => {
    const sha1 = declared[index]?.sha1?.toLowerCase();
    return sha1 && /^[0-9a-f]{40}$/.test(sha1) ? { ...entry, sha1 } : entry;
  });
}

function encodeOrNull(value: JsonValue | null): string | null {
  return value === null ? null : encodeFreeform(value);
}

function nextHistory(current: RecordDoc, status: RecordStatus, at: Date): StatusChange[] {
  if (canMove(current.status, status)) return [...current.statusHistory, { status, at }];
  return [{ status, at }];
}

/**
 * The new list of inputs or outputs, keeping the uploaded bytes of an entry that is declared again
 * unchanged (same name, path and size, and no other digest): a client that replaces whole
 * records without ever uploading must not detach files that were attached separately.
 */
function keepUploads(current: FileRef[], incoming: FileRef[]): FileRef[] {
  return incoming.map((entry) => {
    const previous = current.find((existing) => existing.name === entry.name);
    const same =
      previous?.file &&
      previous.path === entry.path &&
      (entry.size === null || entry.size === previous.size) &&
      (entry.sha256 === null || entry.sha256 === previous.sha256);
    return same && previous ? { ...entry, file: previous.file, sha256: previous.sha256, size: previous.size } : entry;
  });
}

/** Error codes and messages of MongoDB and FerretDB for a document over their 16 MiB limit. */
const TOO_LARGE_CODES = new Set([10334, 17419]);
const TOO_LARGE_MESSAGE = /BSONObjectTooLarge|object to insert too large|document is larger than|too large/i;

/** A document over the database's size limit is the client's body being too big, not our fault: 413. */
function tooLargeOr(error: unknown): unknown {
  const detail = error as { code?: number; message?: string };
  if ((detail.code !== undefined && TOO_LARGE_CODES.has(detail.code)) || TOO_LARGE_MESSAGE.test(detail.message ?? '')) {
    return errors.tooLarge('The record is larger than a database document may be (16 MiB); shorten its output or diff.');
  }
  return error;
}
