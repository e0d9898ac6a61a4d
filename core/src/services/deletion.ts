import type { Types } from 'mongoose';
import type { ContainerDoc, RecordDoc } from '../models/index.js';
import { access } from '../access.js';
import { RequestScope, Scope } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { findProject, setProjectPrivacy } from './projects.js';
import { deleteRecordsWithRequests, filesOfContainers, filesOfRecords, releaseFiles, type DeletionReport } from './record-deletion.js';
import { findRecord } from './records.js';
import { guardProjectUnsealed, UNSEALED } from './seals.js';

/** Deletes a record of the actor's, by id, with the diff requests that involve it and its files nothing else uses. */
export async function deleteRecordById(deps: Deps, actor: Actor, id: string): Promise<DeletionReport> {
  const { project, record } = await findRecord(deps, actor, id, { write: true });
  return await deleteRecordsWithRequests(deps, actor, project, [record._id]);
}

/**
 * Deletes a project of the actor's with everything in it: diff requests involving its records,
 * records, containers, the project, then files nothing else references.
 *
 * The order keeps every intermediate state consistent if the process dies midway: the project and
 * its contents are made private first (nobody else sees anything from then on), requests go before
 * the records they point at, records and containers before the project (so a half-deleted project
 * is still listed to its owner, who can delete it again), and files last. A final sweep catches
 * records a tool pushed while the deletion ran.
 *
 * A project holding a sealed record is not deleted (409 record_sealed) and is left as it was. An
 * agreement that seals one of its records while the deletion runs keeps that record, its agreed
 * request and the project (then 409 as well, with what was not sealed deleted).
 */
export async function deleteProject(deps: Deps, actor: Actor, id: string): Promise<DeletionReport> {
  const project = await findProject(deps, actor, id, { write: true });
  const { requests, records: allRecords, containers: allContainers, projects } = access(deps);
  const owner = Scope.owner(actor.id);
  await guardProjectUnsealed(deps, project);
  if (!project.private) await setProjectPrivacy(deps, actor, project._id, true);

  const touching = RequestScope.aboutProject(project._id);
  const unagreed = { status: { $ne: 'agreed' as const } };
  let diffRequests = (await requests.deleteMany(touching, unagreed)).deletedCount;
  const fileIds: Types.ObjectId[] = [];
  let records = 0;
  let containers = 0;
  const sweep = async () => {
    const recordFiles = await allRecords.find(owner, { project: project._id }, { inputs: 1, outputs: 1 }).lean<RecordDoc[]>();
    fileIds.push(...filesOfRecords(recordFiles));
    records += (await allRecords.deleteMany(owner, { $and: [{ project: project._id }, UNSEALED] })).deletedCount;
    const containerFiles = await allContainers.find(owner, { project: project._id }, { image: 1 }).lean<ContainerDoc[]>();
    fileIds.push(...filesOfContainers(containerFiles));
    containers += (await allContainers.deleteMany(owner, { project: project._id })).deletedCount;
  };
  await sweep();
  // A record sealed while this ran is still there: the project stays with it.
  if ((await allRecords.countDocuments(owner, { project: project._id })) > 0) await guardProjectUnsealed(deps, project);
  await projects.deleteOne(owner, { _id: project._id });
  // Reviewer links to the project or its records open nothing any more: they go with it.
  await deps.models.Link.deleteMany({ owner: actor.id, project: project._id });
  diffRequests += (await requests.deleteMany(touching, unagreed)).deletedCount;
  await sweep();
  const files = await releaseFiles(deps, fileIds);
  return { records, containers, diffRequests, files };
}
