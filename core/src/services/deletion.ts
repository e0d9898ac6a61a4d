import type { Types } from 'mongoose';
import type { ContainerDoc, RecordDoc } from '../models/index.js';
import { Scope, scoped } from '../scope.js';
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
  const { DiffRequest, Record, Container, Project } = deps.models;
  const owner = Scope.owner(actor.id);
  await guardProjectUnsealed(deps, project._id);
  if (!project.private) await setProjectPrivacy(deps, actor, project._id, true);

  const touching = { $or: [{ fromProject: project._id }, { towardProject: project._id }], status: { $ne: 'agreed' as const } };
  let diffRequests = (await DiffRequest.deleteMany(touching)).deletedCount;
  const fileIds: Types.ObjectId[] = [];
  let records = 0;
  let containers = 0;
  const sweep = async () => {
    const recordFiles = await Record.find(scoped<RecordDoc>(owner, { project: project._id }), { inputs: 1, outputs: 1 }).lean<RecordDoc[]>();
    fileIds.push(...filesOfRecords(recordFiles));
    records += (await Record.deleteMany(scoped<RecordDoc>(owner, { $and: [{ project: project._id }, UNSEALED] }))).deletedCount;
    const containerFiles = await Container.find(scoped<ContainerDoc>(owner, { project: project._id }), { image: 1 }).lean<ContainerDoc[]>();
    fileIds.push(...filesOfContainers(containerFiles));
    containers += (await Container.deleteMany(scoped<ContainerDoc>(owner, { project: project._id }))).deletedCount;
  };
  await sweep();
  // A record sealed while this ran is still there: the project stays with it.
  if ((await Record.countDocuments(scoped<RecordDoc>(owner, { project: project._id }))) > 0) await guardProjectUnsealed(deps, project._id);
  await Project.deleteOne(scoped(owner, { _id: project._id }));
  diffRequests += (await DiffRequest.deleteMany(touching)).deletedCount;
  await sweep();
  const files = await releaseFiles(deps, fileIds);
  return { records, containers, diffRequests, files };
}
