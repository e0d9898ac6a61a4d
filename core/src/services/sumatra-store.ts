import type { QueryFilter } from 'mongoose';
import { access } from '../access.js';
import { AppError, errors } from '../errors.js';
import type { ProjectDoc, RecordDoc } from '../models/index.js';
import { nameForms } from '@reprise/rules';
import { Scope } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { deleteRecords } from './record-deletion.js';

/**
 * The queries of the Sumatra record store. Its namespace is the caller's own projects, and of
 * their records it sees only those written through it (they carry a Sumatra document): a record
 * pushed by another tool has nothing Sumatra's client could decode, and one 404 in a listing
 * makes the whole `smt list` fail.
 */

/** Newest first by Sumatra's timestamp (parsed, so that different offsets compare right), then by arrival. */
const NEWEST_FIRST = { 'sumatra.timestamp': -1, created: -1, _id: -1 } as const;

/** The caller's records of the project that were written through the store, among those `extra` selects. */
function sumatraRecords(deps: Deps, actor: Actor, project: ProjectDoc, extra: QueryFilter<RecordDoc> = {}, projection?: Record<string, 0 | 1>) {
  return access(deps).records.find(Scope.owner(actor.id), { ...extra, project: project._id, sumatra: { $ne: null } }, projection);
}

/** Every project of the caller's, most recently active first. */
export async function ownProjects(deps: Deps, actor: Actor): Promise<ProjectDoc[]> {
  return await access(deps).projects.find(Scope.owner(actor.id)).sort({ activity: -1, _id: -1 }).lean<ProjectDoc[]>();
}

/** The caller's project of that name, or null. */
export async function findOwnProject(deps: Deps, actor: Actor, name: string): Promise<ProjectDoc | null> {
  return await access(deps).projects.findOne(Scope.owner(actor.id), { name }).lean<ProjectDoc>();
}

/** The caller's project of that name, or a 404. */
export async function ownProject(deps: Deps, actor: Actor, name: string): Promise<ProjectDoc> {
  const project = await findOwnProject(deps, actor, name);
  if (!project) throw errors.notFound('Project', name);
  return project;
}

/** Labels of the project's Sumatra records that carry every one of `tags` (AND), newest first; no paging, as the protocol has none. */
export async function sumatraLabels(deps: Deps, actor: Actor, project: ProjectDoc, tags: string[]): Promise<string[]> {
  const extra: QueryFilter<RecordDoc> = tags.length > 0 ? { $and: tags.map((tag) => ({ 'sumatra.tags': tag })) } : {};
  const records = await sumatraRecords(deps, actor, project, extra, { label: 1 }).sort(NEWEST_FIRST).lean<Array<Pick<RecordDoc, 'label'>>>();
  return records.map((record) => record.label);
}

/** The project's Sumatra record of that label (as given, else its NFC form, as labels are stored), or a 404. */
export async function sumatraRecord(deps: Deps, actor: Actor, project: ProjectDoc, label: string): Promise<RecordDoc> {
  const records = await sumatraRecords(deps, actor, project, { label: { $in: nameForms(label) } }).limit(2).lean<RecordDoc[]>();
  const record = records.find((candidate) => candidate.label === label) ?? records[0];
  if (!record) throw errors.notFound('Record', label);
  return record;
}

/** The project's newest Sumatra record, or a 404 when it has none. */
export async function latestSumatraRecord(deps: Deps, actor: Actor, project: ProjectDoc): Promise<RecordDoc> {
  const record = await access(deps)
    .records.findOne(Scope.owner(actor.id), { project: project._id, sumatra: { $ne: null } })
    .sort(NEWEST_FIRST)
    .lean<RecordDoc>();
  if (!record) throw new AppError(404, 'not_found', `Project "${project.name}" has no Sumatra records.`);
  return record;
}

/** Deletes the project's Sumatra records that carry `tag`; returns how many went. */
export async function deleteSumatraRecordsTagged(deps: Deps, actor: Actor, project: ProjectDoc, tag: string): Promise<number> {
  const ids = await sumatraRecords(deps, actor, project, { 'sumatra.tags': tag }, { _id: 1 }).lean<Array<Pick<RecordDoc, '_id'>>>();
  return await deleteRecords(deps, actor, project, ids.map((record) => record._id));
}
