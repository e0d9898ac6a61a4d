import { randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db.js';
import { AppError, errors } from '../errors.js';
import type { FileRef, ProjectDoc, RecordDoc, RecordStatus, StatusChange } from '../models/index.js';
import { hasIdForm, labelProblem, normalizeName, timestampLabel } from '@reprise/rules';
import { nameShadowsId } from '../names.js';
import { access } from '../access.js';
import { Scope } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { touchProject } from './projects.js';
import { resolveRecord } from './records.js';
import { backOff, MAX_WRITE_ATTEMPTS } from './retry.js';
import { guardSealedChange } from './seals.js';
import { pathValuesOf } from './record-values.js';

/** The fields of a new record its caller chooses; the writer adds the project, owner, privacy, label and status history. */
interface NewRecordFields extends Record<string, unknown> {
  status: RecordStatus;
  container: Types.ObjectId | null;
  inputs: FileRef[];
  outputs: FileRef[];
  statusHistory?: StatusChange[];
}

/** Builds the update of a record from the record as read (a `$set`, and `$inc: {rev: 1}`). */
type BuildUpdate = (current: RecordDoc) => Record<string, unknown>;

/**
 * One write of a record:
 * - `create` alone: a new record labelled `label` (a timestamp label when none is given); a taken
 *   label is a 409 label_taken;
 * - `create` and `update`: the record `label` is created, or updated when it exists (a whole-record
 *   save, as record stores such as Sumatra's do);
 * - `update` alone: the existing record `ref` (a label or an id) is updated; a missing one is a 404.
 */
export type RecordWrite =
  | { label: string | undefined; create: NewRecordFields; update?: undefined }
  | { label: string; create: NewRecordFields; update: BuildUpdate }
  | { ref: string; update: BuildUpdate; create?: undefined };

/** What a write did: the record as stored, and whether it was created. */
export interface RecordWritten {
  record: RecordDoc;
  created: boolean;
}

/** How many timestamp labels a new record tries (a suffix after the first) before giving up with label_taken. */
const GENERATED_LABEL_ATTEMPTS = 6;

/**
 * Writes a record of a resolved project of the actor's: every path that creates or changes a
 * record's fields goes through here, so each keeps the same rules. A new label is checked (NFC, no
 * id form); a new record takes its project's owner and privacy and follows a privacy change made
 * while it was inserted; an update is conditional on the revision it was built from and retried
 * when another writer got there first, and refused (409 record_sealed) when it would change a
 * sealed field; a document over the database's size limit is a 413.
 */
export async function writeRecord(deps: Deps, actor: Actor, project: ProjectDoc, write: RecordWrite): Promise<RecordWritten> {
  const label = 'label' in write ? checkedLabel(write.label) : undefined;
  if (!project.owner.equals(actor.id)) throw errors.notFound('Project', project.name);
  const owner = Scope.owner(actor.id);
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
    if (attempt > 0) await backOff(attempt);
    const now = new Date();
    const current = await currentRecord(deps, owner, project, write, label);
    if (!current && write.create) {
      // Two runs started in the same millisecond get the same timestamp label: the second gets a suffix.
      const name = label ?? (attempt === 0 ? timestampLabel(now) : `${timestampLabel(now)}-${randomBytes(3).toString('hex')}`);
      const record = await insertRecord(deps, project, write.create, name, now);
      if (record) return { record, created: true };
      // Somebody else took the label in between: replace theirs on the next round, or refuse.
      if (write.update) continue;
      if (label !== undefined || attempt + 1 >= GENERATED_LABEL_ATTEMPTS) {
        throw new AppError(409, 'label_taken', `Project "${project.name}" already has a record labelled "${name}"; choose another label or update that record.`, {
          label: name,
        });
      }
      continue;
    }
    // Not reached without an update: a write that has none reads no record.
    if (!current || !write.update) continue;
    const update = write.update(current);
    await guardSealedChange(deps, current, (update.$set ?? {}) as Record<string, unknown>);
    withPathValues(update, current);
    let updated: RecordDoc | null;
    try {
      updated = await access(deps).records.findOneAndUpdate(owner, { _id: current._id, rev: current.rev }, update, {
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
  throw errors.conflict(`Record "${label ?? ('ref' in write ? write.ref : '')}" is being written by other requests at the same time; retry.`);
}

/** A label given for a new or replaced record, in NFC (so that an NFD label is the one it looks like); 400 when it is not a label. */
function checkedLabel(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const label = normalizeName(given);
  const problem = labelProblem(label);
  if (problem) throw new AppError(400, 'invalid_label', problem, { label: given });
  return label;
}

/** The record the write changes: none for a creation alone (its insert finds out), by exact label for a save, by label or id for an update. */
async function currentRecord(deps: Deps, owner: Scope, project: ProjectDoc, write: RecordWrite, label: string | undefined): Promise<RecordDoc | null> {
  if (!write.update) return null;
  if ('ref' in write) return await resolveRecord(deps, owner, project, write.ref);
  return await access(deps).records.findOne(owner, { project: project._id, label }).lean<RecordDoc>();
}

/** Inserts a new record into the project, as its owner's and as private as the project; null when the label is taken. */
async function insertRecord(deps: Deps, project: ProjectDoc, fields: NewRecordFields, label: string, now: Date): Promise<RecordDoc | null> {
  // Only a new label is refused: a record that already has such a label can still be saved.
  if (hasIdForm(label)) throw nameShadowsId('record label', label);
  let record: RecordDoc;
  try {
    record = await access(deps).records.create(Scope.owner(project.owner), {
      ...fields,
      values: pathValuesOf(fields.parameters as string | null | undefined, fields.metrics as string | null | undefined),
      project: project._id,
      owner: project.owner,
      private: project.private,
      label,
      // A record brought in from elsewhere (an imported crate) keeps the history it had.
      statusHistory: fields.statusHistory ?? [{ status: fields.status, at: now }],
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) return null;
    throw tooLargeOr(error);
  }
  if (!record.private) await followProjectPrivacy(deps, project, record);
  await touchProject(deps, project);
  return record;
}

/**
 * A record inserted as public may race with its project being made private: the privacy change
 * updates the records it sees, then the project, and this record may have been inserted in
 * between from a project read taken before. Re-reading the project after the insert closes the
 * gap: either this check sees the private project and hides the record, or the change started
 * after the insert and its own update covers the record.
 */
async function followProjectPrivacy(deps: Deps, project: ProjectDoc, record: RecordDoc): Promise<void> {
  const { projects, records } = access(deps);
  const owner = Scope.owner(project.owner);
  const current = await projects.findOne(owner, { _id: project._id }, { private: 1 }).lean<Pick<ProjectDoc, 'private'>>();
  if (current && current.private !== record.private) {
    await records.updateOne(owner, { _id: record._id }, { $set: { private: current.private } });
    record.private = current.private;
  }
}

/**
 * Keeps a record's path/value pairs (what `where` and `sort` query) in step with its parameters
 * and metrics: an update that sets either sets the pairs of both as they will be.
 */
function withPathValues(update: Record<string, unknown>, current: RecordDoc): void {
  const set = update.$set as Record<string, unknown> | undefined;
  if (!set || !('parameters' in set || 'metrics' in set)) return;
  const parameters = 'parameters' in set ? (set.parameters as string | null) : current.parameters;
  const metrics = 'metrics' in set ? (set.metrics as string | null) : (current.metrics ?? null);
  set.values = pathValuesOf(parameters, metrics);
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
