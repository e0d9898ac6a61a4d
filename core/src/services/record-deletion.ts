import type { Types } from 'mongoose';
import type { ProjectDoc, RecordDoc } from '../models/index.js';
import { Scope, scoped } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { resolveProject, touchProject } from './projects.js';
import { resolveRecord, type ProjectRecord } from './records.js';

/**
 * Deletes records of one of the actor's projects, by id; returns how many went. Ids of records
 * elsewhere (other projects, other owners) are ignored, never deleted.
 *
 * Project counts are computed from the records themselves, so they stay right. The files the
 * records referenced stay in the file store: they are content-addressed and may be shared with
 * other records, so the periodic sweep (sweepUnreferenced) removes the ones nothing uses any more.
 */
export async function deleteRecords(deps: Deps, actor: Actor, project: ProjectDoc, ids: Types.ObjectId[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await deps.models.Record.deleteMany(scoped<RecordDoc>(Scope.owner(actor.id), { project: project._id, _id: { $in: ids } }));
  if (result.deletedCount > 0) await touchProject(deps, project._id);
  return result.deletedCount;
}

/** Deletes one of the actor's records, found by label or id in one of the actor's projects (404 otherwise). */
export async function deleteRecord(deps: Deps, actor: Actor, projectRef: string, recordRef: string): Promise<ProjectRecord> {
  const project = await resolveProject(deps, actor, projectRef, { write: true });
  const record = await resolveRecord(deps, Scope.owner(actor.id), project, recordRef);
  await deleteRecords(deps, actor, project, [record._id]);
  return { project, record };
}
