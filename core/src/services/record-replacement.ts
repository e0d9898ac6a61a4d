import type { Schemas } from '@reprise/contract';
import { encodeFreeform, type JsonValue } from '../codec.js';
import type { FileRef, ProjectDoc, RecordDoc, RecordStatus, StatusChange } from '../models/index.js';
import { canMove } from '@reprise/rules';
import type { Actor, Deps } from './context.js';
import { writeRecord, type RecordWritten } from './record-writer.js';
import { normalizeFileRefs } from './records.js';

/** An input or output of a replacement: a declared entry, with the sha1 a record store such as Sumatra's reports. */
export type ReplacementFileRef = Schemas['FileRefInput'] & { sha1?: string | null };

/**
 * Every field a whole-record replacement sets: nothing is optional, nothing of the old record
 * survives but its identity. Stored fields as the record keeps them, but free-form JSON as
 * values and files as declared.
 */
export interface RecordReplacement
  extends Pick<RecordDoc, 'status' | 'dependencies' | 'tags' | 'reason' | 'outcome' | 'duration' | 'stdout' | 'stderr' | 'sumatra'> {
  program: JsonValue | null;
  parameters: JsonValue | null;
  system: JsonValue | null;
  custom: JsonValue | null;
  inputs: ReplacementFileRef[];
  outputs: ReplacementFileRef[];
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
): Promise<RecordWritten> {
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
  return await writeRecord(deps, actor, project, {
    label: givenLabel,
    create: { ...fields, inputs, outputs, container: project.history.at(-1) ?? null },
    update: (current) => {
      const set: Record<string, unknown> = {
        ...fields,
        inputs: keepUploads(current.inputs, inputs),
        outputs: keepUploads(current.outputs, outputs),
      };
      if (input.status !== current.status) set.statusHistory = nextHistory(current, input.status, new Date());
      // The writer refuses a changed sealed field; a whole-record save that changes none passes (a re-save after tagging).
      return { $set: set, $inc: { rev: 1 } };
    },
  });
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
