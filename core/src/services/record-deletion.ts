import type { Types } from 'mongoose';
import type { ContainerDoc, ProjectDoc, RecordDoc } from '../models/index.js';
import { access } from '../access.js';
import { RequestScope, Scope } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { releaseIfUnreferenced } from './files.js';
import { resolveProject, touchProject } from './projects.js';
import { resolveRecord, type ProjectRecord } from './records.js';
import { guardNoSealed, UNSEALED } from './seals.js';

/** What a deletion removed. */
export interface DeletionReport {
  records: number;
  containers: number;
  diffRequests: number;
  /** Stored files nothing referenced any more (their blobs included). */
  files: number;
}

/** The stored files records point at. */
export function filesOfRecords(records: Array<Pick<RecordDoc, 'inputs' | 'outputs'>>): Types.ObjectId[] {
  return records.flatMap((record) => [...record.inputs, ...record.outputs].flatMap((entry) => (entry.file ? [entry.file] : [])));
}

/** The stored image files containers point at. */
export function filesOfContainers(containers: Array<Pick<ContainerDoc, 'image'>>): Types.ObjectId[] {
  return containers.flatMap((container) => (container.image?.file ? [container.image.file] : []));
}

/** Releases the files that nothing references any more; returns how many went. */
export async function releaseFiles(deps: Deps, fileIds: Types.ObjectId[]): Promise<number> {
  const unique = [...new Map(fileIds.map((id) => [id.toHexString(), id])).values()];
  let released = 0;
  // One at a time: each check must see the deletions before it (two records may share a file).
  for (const id of unique) if (await releaseIfUnreferenced(deps, id)) released += 1;
  return released;
}

/**
 * Deletes records of one of the actor's projects, by id, with the diff requests that involve
 * them, then their files that nothing else references (the periodic sweep catches any left over
 * by a crash). Ids of records elsewhere (other projects, other owners) are ignored, never deleted.
 *
 * Requests go first, so that no request is left pointing at a missing record, and once more after
 * the records, for a request made in between. Project counts are computed from the records
 * themselves, so they stay right.
 *
 * A sealed record (an agreed verdict is about it) is never deleted: 409 record_sealed, and nothing
 * is deleted. Agreed requests and records marked by an agreement under way are left out of the
 * deletions too, so an agreement racing with the deletion keeps both its records.
 */
export async function deleteRecordsWithRequests(deps: Deps, actor: Actor, project: ProjectDoc, ids: Types.ObjectId[]): Promise<DeletionReport> {
  const report: DeletionReport = { records: 0, containers: 0, diffRequests: 0, files: 0 };
  if (ids.length === 0) return report;
  const { records: allRecords, requests } = access(deps);
  const owner = Scope.owner(actor.id);
  const records = await allRecords.find(owner, { project: project._id, _id: { $in: ids } }, { _id: 1, label: 1, seals: 1, inputs: 1, outputs: 1 }).lean<
    Array<Pick<RecordDoc, '_id' | 'label' | 'seals' | 'inputs' | 'outputs'>>
  >();
  if (records.length === 0) return report;
  await guardNoSealed(deps, owner, records);
  const recordIds = records.map((record) => record._id);
  const touching = RequestScope.about(recordIds);
  const unagreed = { status: { $ne: 'agreed' as const } };
  report.diffRequests += (await requests.deleteMany(touching, unagreed)).deletedCount;
  report.records = (await allRecords.deleteMany(owner, { $and: [{ project: project._id, _id: { $in: recordIds } }, UNSEALED] })).deletedCount;
  report.diffRequests += (await requests.deleteMany(touching, unagreed)).deletedCount;
  // Reviewer links to a deleted record open nothing any more: they go with it.
  if (report.records > 0) await deps.models.Link.deleteMany({ owner: actor.id, record: { $in: recordIds } });
  if (report.records > 0) await touchProject(deps, project);
  report.files = await releaseFiles(deps, filesOfRecords(records));
  return report;
}

/** Deletes records of one of the actor's projects, by id (see deleteRecordsWithRequests); returns how many went. */
export async function deleteRecords(deps: Deps, actor: Actor, project: ProjectDoc, ids: Types.ObjectId[]): Promise<number> {
  return (await deleteRecordsWithRequests(deps, actor, project, ids)).records;
}

/** Deletes one of the actor's records, found by label or id in one of the actor's projects (404 otherwise). */
export async function deleteRecord(deps: Deps, actor: Actor, projectRef: string, recordRef: string): Promise<ProjectRecord> {
  const project = await resolveProject(deps, actor, projectRef, { write: true });
  const record = await resolveRecord(deps, Scope.owner(actor.id), project, recordRef);
  await deleteRecords(deps, actor, project, [record._id]);
  return { project, record };
}
