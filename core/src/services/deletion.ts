import type { Types } from 'mongoose';
import type { ContainerDoc, RecordDoc } from '../models/index.js';
import { Scope, scoped } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { releaseIfUnreferenced } from './files.js';
import { findProject, setProjectPrivacy, touchProject } from './projects.js';
import { findRecord } from './records.js';

/** What a deletion removed. */
export interface DeletionReport {
  records: number;
  containers: number;
  diffRequests: number;
  files: number;
}

function filesOfRecords(records: Array<Pick<RecordDoc, 'inputs' | 'outputs'>>): Types.ObjectId[] {
  return records.flatMap((record) => [...record.inputs, ...record.outputs].flatMap((entry) => (entry.file ? [entry.file] : [])));
}

function filesOfContainers(containers: Array<Pick<ContainerDoc, 'image'>>): Types.ObjectId[] {
  return containers.flatMap((container) => (container.image?.file ? [container.image.file] : []));
}

async function releaseAll(deps: Deps, fileIds: Types.ObjectId[]): Promise<number> {
  const unique = [...new Map(fileIds.map((id) => [id.toHexString(), id])).values()];
  let released = 0;
  // One at a time: each check must see the deletions before it (two records may share a file).
  for (const id of unique) if (await releaseIfUnreferenced(deps, id)) released += 1;
  return released;
}

/**
 * Deletes a record of the actor's with the diff requests that involve it, then its files that
 * nothing else references. Requests go first, so that no request ever points at a missing record;
 * files go last, once nothing points at them.
 */
export async function deleteRecord(deps: Deps, actor: Actor, id: string): Promise<DeletionReport> {
  const { record, project } = await findRecord(deps, actor, id, { write: true });
  const { DiffRequest, Record } = deps.models;
  const requests = await DiffRequest.deleteMany({ $or: [{ from: record._id }, { toward: record._id }] });
  const removed = await Record.deleteOne(scoped<RecordDoc>(Scope.owner(actor.id), { _id: record._id }));
  // A request made between the two steps would point at nothing: sweep once more.
  const late = await DiffRequest.deleteMany({ $or: [{ from: record._id }, { toward: record._id }] });
  await touchProject(deps, project._id);
  const files = await releaseAll(deps, filesOfRecords([record]));
  return { records: removed.deletedCount, containers: 0, diffRequests: requests.deletedCount + late.deletedCount, files };
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
 */
export async function deleteProject(deps: Deps, actor: Actor, id: string): Promise<DeletionReport> {
  const project = await findProject(deps, actor, id, { write: true });
  const { DiffRequest, Record, Container, Project } = deps.models;
  const owner = Scope.owner(actor.id);
  if (!project.private) await setProjectPrivacy(deps, actor, project._id, true);

  const touching = { $or: [{ fromProject: project._id }, { towardProject: project._id }] };
  let diffRequests = (await DiffRequest.deleteMany(touching)).deletedCount;
  const fileIds: Types.ObjectId[] = [];
  let records = 0;
  let containers = 0;
  const sweep = async () => {
    const recordFiles = await Record.find(scoped<RecordDoc>(owner, { project: project._id }), { inputs: 1, outputs: 1 }).lean<RecordDoc[]>();
    fileIds.push(...filesOfRecords(recordFiles));
    records += (await Record.deleteMany(scoped<RecordDoc>(owner, { project: project._id }))).deletedCount;
    const containerFiles = await Container.find(scoped<ContainerDoc>(owner, { project: project._id }), { image: 1 }).lean<ContainerDoc[]>();
    fileIds.push(...filesOfContainers(containerFiles));
    containers += (await Container.deleteMany(scoped<ContainerDoc>(owner, { project: project._id }))).deletedCount;
  };
  await sweep();
  await Project.deleteOne(scoped(owner, { _id: project._id }));
  diffRequests += (await DiffRequest.deleteMany(touching)).deletedCount;
  await sweep();
  const files = await releaseAll(deps, fileIds);
  return { records, containers, diffRequests, files };
}
