import type { Types } from 'mongoose';
import type { Schemas } from '@reprise/contract';
import { encodeFreeform, type JsonValue } from '../codec.js';
import { isDuplicateKeyError } from '../db.js';
import { AppError, errors } from '../errors.js';
import type { ContainerDoc, ProjectDoc, RecordDoc } from '../models/index.js';
import { hasIdForm, projectNameProblem, RECORD_STATUSES } from '@reprise/rules';
import { nameShadowsId } from '../names.js';
import { afterCursor, paginate } from '../paging.js';
import { access } from '../access.js';
import { Scope } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { escapeRegex, toId } from './ids.js';

/**
 * Finds a project by a client's reference: a name in the actor's own namespace, else an id.
 * Reads see the actor's own and public projects; writes (`write: true`) only the actor's own:
 * someone else's public project is a 403 for a write. Anything else is a 404, whether it exists or not.
 */
export async function resolveProject(deps: Deps, actor: Actor | null, ref: string, options: { write?: boolean } = {}): Promise<ProjectDoc> {
  const { projects } = access(deps);
  if (actor) {
    const own = await projects.findOne(Scope.owner(actor.id), { name: ref }).lean<ProjectDoc>();
    if (own) return own;
  }
  const id = toId(ref);
  if (id && (actor || !options.write)) {
    const scope = options.write && actor ? Scope.owner(actor.id) : Scope.visibleTo(actor?.id ?? null);
    const byId = await projects.findOne(scope, { _id: id }).lean<ProjectDoc>();
    if (byId) return byId;
    if (options.write && actor) await refuseVisible(deps, actor, id, 'project');
  }
  throw errors.notFound('Project', ref);
}

/**
 * Finds a project by id as `viewer` sees it: their own and public ones for reading, only their
 * own for writing (`write: true`; someone else's public project is then a 403). Anything else is
 * a 404, whether it exists or not.
 */
export async function findProject(deps: Deps, viewer: Actor | null, id: string, options: { write?: boolean } = {}): Promise<ProjectDoc> {
  const projectId = toId(id);
  const scope = options.write ? (viewer ? Scope.owner(viewer.id) : null) : Scope.visibleTo(viewer?.id ?? null);
  const project = projectId && scope ? await access(deps).projects.findOne(scope, { _id: projectId }).lean<ProjectDoc>() : null;
  if (project) return project;
  if (projectId && options.write && viewer) await refuseVisible(deps, viewer, projectId, 'project');
  throw errors.notFound('Project', id);
}

/**
 * After a write found nothing of the actor's: someone else's project the actor can see is a 403
 * (they know it exists, and may not change it); a private one stays a 404, like a missing one.
 */
async function refuseVisible(deps: Deps, actor: Actor, id: Types.ObjectId, what: string): Promise<void> {
  if (await access(deps).projects.exists(Scope.visibleTo(actor.id), { _id: id })) throw errors.notOwner(what);
}

/** The fields of a project its owner may set in the dashboard. */
export interface ProjectFields {
  description?: string | undefined;
  goals?: string | undefined;
  tags?: string[] | undefined;
  private?: boolean | undefined;
  custom?: unknown;
}

function projectFieldsSet(input: ProjectFields): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (input.description !== undefined) set.description = input.description;
  if (input.goals !== undefined) set.goals = input.goals;
  if (input.tags !== undefined) set.tags = input.tags;
  if (input.custom !== undefined) set.custom = encodeFreeform(input.custom as JsonValue);
  return set;
}

function nameTaken(name: string): AppError {
  return new AppError(409, 'name_taken', `You already have a project named "${name}"; choose another name.`, { name });
}

/** Creates a project of the actor's by hand (the dashboard); a name already used by the actor is a 409. */
export async function createProject(deps: Deps, actor: Actor, input: ProjectFields & { name: string }): Promise<ProjectDoc> {
  const problem = projectNameProblem(input.name);
  if (problem) throw new AppError(400, 'invalid_project_name', problem, { name: input.name });
  if (hasIdForm(input.name)) throw nameShadowsId('project name', input.name);
  try {
    return await access(deps).projects.create(Scope.owner(actor.id), { ...projectFieldsSet(input), owner: actor.id, name: input.name, private: input.private ?? true });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Edits a project of the actor's: its name (unique per owner), description, goals, tags, custom fields and privacy. */
export async function editProject(deps: Deps, actor: Actor, id: string, input: ProjectFields & { name?: string | undefined }): Promise<ProjectDoc> {
  const current = await findProject(deps, actor, id, { write: true });
  const set = projectFieldsSet(input);
  if (input.name !== undefined && input.name !== current.name) {
    const problem = projectNameProblem(input.name);
    if (problem) throw new AppError(400, 'invalid_project_name', problem, { name: input.name });
    if (hasIdForm(input.name)) throw nameShadowsId('project name', input.name);
    set.name = input.name;
  }
  let project: ProjectDoc | null = current;
  if (Object.keys(set).length > 0) {
    try {
      project = await access(deps).projects.findOneAndUpdate(
        Scope.owner(actor.id),
        { _id: current._id },
        { $set: { ...set, activity: new Date() } },
        { returnDocument: 'after', runValidators: true },
      ).lean<ProjectDoc>();
    } catch (error) {
      if (isDuplicateKeyError(error) && typeof set.name === 'string') throw nameTaken(set.name);
      throw error;
    }
  }
  if (!project) throw errors.notFound('Project', id);
  if (input.private !== undefined && input.private !== project.private) {
    project = await setProjectPrivacy(deps, actor, project._id, input.private);
  }
  return project;
}

/** Creates the actor's project `ref` or updates the fields given; `created` says which. */
export async function pushProject(
  deps: Deps,
  actor: Actor,
  ref: string,
  input: Schemas['ProjectPush'],
): Promise<{ project: ProjectDoc; created: boolean }> {
  const { projects } = access(deps);
  const set: Record<string, unknown> = {};
  if (input.description !== undefined) set.description = input.description;
  if (input.goals !== undefined) set.goals = input.goals;
  if (input.tags !== undefined) set.tags = input.tags;
  if (input.custom !== undefined) set.custom = encodeFreeform(input.custom as JsonValue);

  // An id of one of the actor's projects updates it (renaming is done in the dashboard).
  const id = toId(ref);
  const existingById = id ? await projects.findOne(Scope.owner(actor.id), { _id: id }).lean<ProjectDoc>() : null;
  const name = existingById?.name ?? ref;
  if (!existingById) {
    const problem = projectNameProblem(name);
    if (problem) throw new AppError(400, 'invalid_project_name', problem, { name });
  }

  const owner = Scope.owner(actor.id);
  // Not an upsert: FerretDB drops empty arrays from $setOnInsert, and a plain insert keeps every default.
  for (let attempt = 0; ; attempt += 1) {
    const existing = await projects.findOne(owner, { name }).lean<ProjectDoc>();
    if (existing) {
      let project = await projects.findOneAndUpdate(
        owner,
        { _id: existing._id },
        { $set: { ...set, activity: new Date() } },
        { returnDocument: 'after', runValidators: true },
      ).lean<ProjectDoc>();
      if (!project) throw errors.notFound('Project', ref);
      if (input.private !== undefined && project.private !== input.private) {
        project = await setProjectPrivacy(deps, actor, project._id, input.private);
      }
      return { project, created: false };
    }
    // Only a new name is refused: a project that already has such a name can still be pushed to.
    if (hasIdForm(name)) throw nameShadowsId('project name', name);
    try {
      const created = await projects.create(owner, { ...set, owner: actor.id, name, private: input.private ?? true });
      return { project: created, created: true };
    } catch (error) {
      // Two first pushes of the same name at once: the loser updates what the winner created.
      if (isDuplicateKeyError(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * Makes a project and everything in it private or public. The denormalized flags of records and
 * containers change in the order that never shows something private: hide the contents before
 * the project when going private, reveal the project before its contents when going public.
 */
export async function setProjectPrivacy(deps: Deps, actor: Actor, projectId: Types.ObjectId, makePrivate: boolean): Promise<ProjectDoc> {
  const { projects, records, containers } = access(deps);
  const owner = Scope.owner(actor.id);
  const updateContents = async () => {
    if (makePrivate) {
      // Records published on their own, and the containers they ran in, stay public.
      const published = await records.find(owner, { project: projectId, published: true }, { container: 1 }).lean<Array<Pick<RecordDoc, '_id' | 'container'>>>();
      const kept = published.flatMap((record) => (record.container ? [record.container] : []));
      await records.updateMany(owner, { project: projectId, published: { $ne: true } }, { $set: { private: true } });
      await containers.updateMany(owner, kept.length > 0 ? { project: projectId, _id: { $nin: kept } } : { project: projectId }, { $set: { private: true } });
      return;
    }
    await records.updateMany(owner, { project: projectId }, { $set: { private: makePrivate } });
    await containers.updateMany(owner, { project: projectId }, { $set: { private: makePrivate } });
  };
  if (makePrivate) await updateContents();
  const project = await projects.findOneAndUpdate(
    owner,
    { _id: projectId },
    { $set: { private: makePrivate, activity: new Date() } },
    { returnDocument: 'after' },
  ).lean<ProjectDoc>();
  if (!project) throw errors.notFound('Project', projectId.toHexString());
  if (!makePrivate) await updateContents();
  return project;
}

/** A project with its container history and record counts. */
export interface ProjectDetail {
  project: ProjectDoc;
  containers: ContainerDoc[];
  counts: { records: number; containers: number; byStatus: Record<string, number> };
}

/** Loads what `project/pull` shows, of a project the caller has found through a scope. */
export async function projectDetail(deps: Deps, project: ProjectDoc): Promise<ProjectDetail> {
  const { containers: allContainers, records: allRecords } = access(deps);
  const inProject = Scope.within(project);
  const containers = await allContainers.find(inProject, { project: project._id }).lean<ContainerDoc[]>();
  const order = new Map(project.history.map((id, index) => [id.toHexString(), index]));
  containers.sort((a, b) => (order.get(a._id.toHexString()) ?? -1) - (order.get(b._id.toHexString()) ?? -1));
  // One count per status rather than a $group: each is answered from the (project, status) index,
  // where a $group reads every record of the project (seconds at 10,000 on the embedded engine).
  const [records, ...perStatus] = await Promise.all([
    allRecords.countDocuments(inProject, { project: project._id }),
    ...RECORD_STATUSES.map((status) => allRecords.countDocuments(inProject, { project: project._id, status })),
  ]);
  const byStatus = Object.fromEntries(RECORD_STATUSES.map((status, index) => [status, perStatus[index] ?? 0]).filter(([, n]) => n !== 0));
  return {
    project,
    containers: containers.filter((container) => order.has(container._id.toHexString())),
    counts: { records, containers: project.history.length, byStatus },
  };
}

/** Filters for project lists and search. */
export interface ProjectQuery {
  q?: string | undefined;
  tag?: string | undefined;
  mine?: boolean | undefined;
  /** Only public projects, even for a signed-in actor (public browsing). */
  publicOnly?: boolean | undefined;
  /** Only projects of this user. */
  owner?: Types.ObjectId | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Searches the actor's own and public projects, most recently active first. */
export async function searchProjects(deps: Deps, actor: Actor | null, query: ProjectQuery): Promise<{ items: ProjectDoc[]; next: string | null }> {
  const scope = query.mine && actor ? Scope.owner(actor.id) : query.publicOnly ? Scope.public() : Scope.visibleTo(actor?.id ?? null);
  const conditions: Array<Record<string, unknown>> = [];
  if (query.owner) conditions.push({ owner: query.owner });
  if (query.q) {
    const pattern = { $regex: escapeRegex(query.q), $options: 'i' };
    conditions.push({ $or: [{ name: pattern }, { description: pattern }, { goals: pattern }, { tags: pattern }] });
  }
  if (query.tag) conditions.push({ tags: query.tag });
  const after = afterCursor('activity', query.cursor);
  if (Object.keys(after).length > 0) conditions.push(after);
  const filter = conditions.length <= 1 ? (conditions[0] ?? {}) : { $and: conditions };
  return await paginate(
    (limit) =>
      access(deps)
        .projects.find(scope, filter)
        .sort({ activity: -1, _id: -1 })
        .limit(limit)
        .lean<ProjectDoc[]>()
        .exec(),
    'activity',
    query.limit,
  );
}

/**
 * The names of projects by id, of those `viewer` may see: the projects of records already found
 * in the viewer's scope (a page of records, the records of some requests).
 */
export async function projectNames(
  deps: Deps,
  viewer: Actor | null,
  ids: Types.ObjectId[],
  known: Array<Pick<ProjectDoc, '_id' | 'name'>> = [],
): Promise<Map<string, string>> {
  // `known`: projects already found visible to the viewer (a page of one project's records needs no query).
  const names = new Map(known.map((project) => [project._id.toHexString(), project.name]));
  const unique = [...new Map(ids.map((id) => [id.toHexString(), id])).values()].filter((id) => !names.has(id.toHexString()));
  if (unique.length === 0) return names;
  const projects = await access(deps).projects.find(Scope.visibleTo(viewer?.id ?? null), { _id: { $in: unique } }, { name: 1 }).lean<Array<Pick<ProjectDoc, '_id' | 'name'>>>();
  for (const project of projects) names.set(project._id.toHexString(), project.name);
  return names;
}

/** How stale a project's activity time may get before a push refreshes it. */
const ACTIVITY_PRECISION_MS = 5_000;
const recentlyTouched = new Map<string, number>();

/**
 * Marks a project as just active (a record was pushed or updated). Runs write many records per
 * second; the project's activity only needs to be right to a few seconds, so each process writes
 * it at most once per ACTIVITY_PRECISION_MS per project instead of once per push.
 */
export async function touchProject(deps: Deps, project: Pick<ProjectDoc, '_id' | 'owner'>): Promise<void> {
  const key = project._id.toHexString();
  const now = Date.now();
  const last = recentlyTouched.get(key);
  if (last !== undefined && now - last < ACTIVITY_PRECISION_MS) return;
  if (recentlyTouched.size > 10_000) recentlyTouched.clear();
  recentlyTouched.set(key, now);
  // Only its owner's writes touch a project.
  await access(deps).projects.updateOne(Scope.owner(project.owner), { _id: project._id, activity: { $lt: new Date(now - ACTIVITY_PRECISION_MS) } }, { $set: { activity: new Date(now) } });
}
