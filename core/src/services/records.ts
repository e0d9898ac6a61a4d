import type { Types } from 'mongoose';
import type { Schemas } from '@reprise/contract';
import { encodeFreeform, type JsonValue } from '../codec.js';
import { AppError, errors } from '../errors.js';
import type { ContainerDoc, Dependency, FileRef, ProjectDoc, RecordDoc, RecordStatus } from '../models/index.js';
import { canMove, filePathProblem, nameForms, normalizeName } from '@reprise/rules';
import { afterCursor, decodeOffsetCursor, encodeOffsetCursor, paginate, type SortOrder } from '../paging.js';
import { access } from '../access.js';
import { Scope } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { escapeRegex, toId } from './ids.js';
import { resolveProject, touchProject } from './projects.js';
import { writeRecord } from './record-writer.js';
import { checkedSort, checkedWhere, comparisonFilter, hasValueAt, holdsObjectAt, nonScalarPath, valuesOfPath, valueTextFilters } from './record-values.js';
import type { QuerySort } from '@reprise/rules';

/** A record with the project it belongs to (responses show the project's name). */
export interface ProjectRecord {
  project: ProjectDoc;
  record: RecordDoc;
}

/** Fields left out of record lists: the heavy ones. */
export const RECORD_SUMMARY_PROJECTION = {
  stdout: 0,
  stderr: 0,
  program: 0,
  parameters: 0,
  system: 0,
  custom: 0,
  dependencies: 0,
  statusHistory: 0,
  sumatra: 0,
} as const;

/** The summary fields without the records' path values: for a list that shows no columns. */
const RECORD_SUMMARY_WITHOUT_VALUES = { ...RECORD_SUMMARY_PROJECTION, values: 0 } as const;

/** What a list reads of each record: the path values only when the caller shows them (columns, CSV). */
function summaryProjection(query: Pick<RecordQuery, 'withValues'>) {
  return query.withValues === false ? RECORD_SUMMARY_WITHOUT_VALUES : RECORD_SUMMARY_PROJECTION;
}

/** Finds a record of a project by label (as given, else its NFC form), else by id, within what the scope may see. */
export async function resolveRecord(deps: Deps, scope: Scope, project: ProjectDoc, ref: string): Promise<RecordDoc> {
  const { records } = access(deps);
  const byLabels = await records.find(scope, { project: project._id, label: { $in: nameForms(ref) } }).limit(2).lean<RecordDoc[]>();
  const byLabel = byLabels.find((record) => record.label === ref) ?? byLabels[0];
  if (byLabel) return byLabel;
  const id = toId(ref);
  const byId = id ? await records.findOne(scope, { project: project._id, _id: id }).lean<RecordDoc>() : null;
  if (byId) return byId;
  throw errors.notFound('Record', ref);
}

/**
 * Finds a record by id as `viewer` sees it (own and public for reading, own for writing: someone
 * else's public record is then a 403), with its project. Anything else is a 404, whether it
 * exists or not.
 */
export async function findRecord(deps: Deps, viewer: Actor | null, id: string, options: { write?: boolean } = {}): Promise<ProjectRecord> {
  const { records, projects } = access(deps);
  const recordId = toId(id);
  const scope = options.write ? (viewer ? Scope.owner(viewer.id) : null) : Scope.visibleTo(viewer?.id ?? null);
  const record = recordId && scope ? await records.findOne(scope, { _id: recordId }).lean<RecordDoc>() : null;
  // The project carries the same owner and visibility; a record whose project is gone is gone too.
  const project = record ? await projects.findOne(Scope.owner(record.owner), { _id: record.project }).lean<ProjectDoc>() : null;
  if (record && project) return { project, record };
  if (!record && recordId && options.write && viewer && (await records.exists(Scope.visibleTo(viewer.id), { _id: recordId }))) throw errors.notOwner('record');
  throw errors.notFound('Record', id);
}

/** What the owner may edit of a record in the dashboard (the rest is what the tool recorded). */
export interface RecordEdit {
  reason?: string | undefined;
  outcome?: string | undefined;
  tags?: string[] | undefined;
}

/** Edits the reason, outcome and tags of a record of the actor's. */
export async function editRecord(deps: Deps, actor: Actor, id: string, input: RecordEdit): Promise<ProjectRecord> {
  const { project, record } = await findRecord(deps, actor, id, { write: true });
  const set: Record<string, unknown> = {};
  if (input.reason !== undefined) set.reason = input.reason;
  if (input.outcome !== undefined) set.outcome = input.outcome;
  if (input.tags !== undefined) set.tags = input.tags;
  if (Object.keys(set).length === 0) return { project, record };
  const updated = await access(deps).records.findOneAndUpdate(Scope.owner(actor.id), { _id: record._id }, { $set: set, $inc: { rev: 1 } }, {
    returnDocument: 'after',
    runValidators: true,
  }).lean<RecordDoc>();
  if (!updated) throw errors.notFound('Record', id);
  await touchProject(deps, project);
  return { project, record: updated };
}

/** Checks and normalizes declared inputs or outputs; names must be unique within the list. */
export function normalizeFileRefs(entries: Schemas['FileRefInput'][] | undefined, field: 'inputs' | 'outputs'): FileRef[] | undefined {
  if (entries === undefined) return undefined;
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    // NFC, so that an NFD name is the same name as the NFC one it looks like.
    const name = normalizeName(entry.name);
    const path = entry.path === undefined || entry.path === null ? null : normalizeName(entry.path);
    const nameProblem = filePathProblem(name) ?? (name.includes('/') ? 'A file name cannot contain "/"; put the directory in "path".' : undefined);
    if (nameProblem) throw errors.badRequest(`${field}[${index}].name: ${nameProblem}`, { field, index, name: entry.name });
    if (path !== null) {
      const pathProblem = filePathProblem(path);
      if (pathProblem) throw errors.badRequest(`${field}[${index}].path: ${pathProblem}`, { field, index, path: entry.path });
    }
    if (seen.has(name)) throw errors.badRequest(`${field} lists "${name}" twice; names must be unique.`, { field, name });
    seen.add(name);
    return {
      name,
      path,
      sha256: entry.sha256 ?? null,
      size: entry.size ?? null,
      mediaType: entry.mediaType ?? null,
      file: null,
    };
  });
}

/** Merges entries into a list by name: known names are replaced (keeping an uploaded file of the same digest), new ones appended. */
export function mergeFileRefs(current: FileRef[], incoming: FileRef[]): FileRef[] {
  const merged = [...current];
  for (const entry of incoming) {
    const index = merged.findIndex((existing) => existing.name === entry.name);
    const previous = index >= 0 ? merged[index] : undefined;
    // Re-declaring a file that was already uploaded with the same digest must not detach its bytes.
    const keepFile = previous?.file && (entry.sha256 === null || entry.sha256 === previous.sha256) && entry.file === null;
    const next = keepFile && previous ? { ...entry, file: previous.file, sha256: previous.sha256, size: entry.size ?? previous.size } : entry;
    if (index >= 0) merged[index] = next;
    else merged.push(next);
  }
  return merged;
}

function dependenciesOf(input: Schemas['Dependency'][]): Dependency[] {
  return input.map((dependency) => ({
    name: dependency.name,
    version: dependency.version ?? '',
    manager: dependency.manager ?? null,
    source: dependency.source ?? null,
  }));
}

/** The $set of the fields common to creation and update. */
export function recordFieldsSet(input: Schemas['RecordFields']): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (input.program !== undefined) set.program = encodeFreeform(input.program as JsonValue);
  if (input.parameters !== undefined) set.parameters = encodeFreeform(input.parameters as JsonValue);
  if (input.system !== undefined) set.system = encodeFreeform(input.system as JsonValue);
  if (input.custom !== undefined) set.custom = encodeFreeform(input.custom as JsonValue);
  if (input.metrics !== undefined) set.metrics = encodeFreeform(input.metrics);
  if (input.dependencies !== undefined) set.dependencies = dependenciesOf(input.dependencies);
  if (input.tags !== undefined) set.tags = input.tags;
  if (input.reason !== undefined) set.reason = input.reason;
  if (input.outcome !== undefined) set.outcome = input.outcome;
  if (input.duration !== undefined) set.duration = input.duration;
  if (input.stdout !== undefined) set.stdout = input.stdout;
  if (input.stderr !== undefined) set.stderr = input.stderr;
  return set;
}

/** Creates a record in one of the actor's projects, in the named container, in none (null), or else the project's latest. */
export async function createRecord(deps: Deps, actor: Actor, projectRef: string, input: Schemas['RecordPush']): Promise<ProjectRecord> {
  return await createRecordIn(deps, actor, await resolveProject(deps, actor, projectRef, { write: true }), input);
}

/** Creates a record in a resolved project of the actor's (see createRecord). */
export async function createRecordIn(deps: Deps, actor: Actor, project: ProjectDoc, input: Schemas['RecordPush']): Promise<ProjectRecord> {
  const container = await containerFor(deps, project, input.container);
  const fields = {
    ...recordFieldsSet(input),
    container,
    status: input.status ?? 'unknown',
    inputs: normalizeFileRefs(input.inputs, 'inputs') ?? [],
    outputs: normalizeFileRefs(input.outputs, 'outputs') ?? [],
  };
  const { record } = await writeRecord(deps, actor, project, { label: input.label, create: fields });
  return { project, record };
}

/** The container of a new record: the one named, none when the tool says null, else the project's latest. */
async function containerFor(deps: Deps, project: ProjectDoc, ref: string | null | undefined): Promise<Types.ObjectId | null> {
  if (ref === null) return null;
  if (ref === undefined) return project.history.at(-1) ?? null;
  const id = toId(ref);
  const container = id ? await access(deps).containers.findOne(Scope.within(project), { _id: id, project: project._id }, { _id: 1 }).lean<ContainerDoc>() : null;
  if (!container) {
    throw errors.unprocessable('unknown_container', `Container "${ref}" is not part of project "${project.name}"; push it first or omit "container" to use the latest.`, {
      container: ref,
    });
  }
  return container._id;
}

/** Updates a record of the actor's; status may only move forward (see status.ts). */
export async function updateRecord(
  deps: Deps,
  actor: Actor,
  projectRef: string,
  recordRef: string,
  input: Schemas['RecordUpdate'],
): Promise<ProjectRecord> {
  const project = await resolveProject(deps, actor, projectRef, { write: true });
  const inputs = normalizeFileRefs(input.inputs, 'inputs');
  const outputs = normalizeFileRefs(input.outputs, 'outputs');
  const fields = recordFieldsSet(input);
  // A record may be moved to another container of its own project (the run's image was named late).
  if (input.container !== undefined) fields.container = await containerFor(deps, project, input.container);
  const build = (current: RecordDoc): Record<string, unknown> => {
    const set: Record<string, unknown> = { ...fields };
    if (inputs) set.inputs = mergeFileRefs(current.inputs, inputs);
    if (outputs) set.outputs = mergeFileRefs(current.outputs, outputs);
    const update: Record<string, unknown> = { $set: set, $inc: { rev: 1 } };
    if (input.status !== undefined && input.status !== current.status) {
      if (!canMove(current.status, input.status)) {
        throw errors.unprocessable(
          'invalid_status_transition',
          `Record "${current.label}" is ${current.status}; its status cannot move to ${input.status}. ` +
            'A run goes scheduled → started → running ⇄ paused → finished, crashed or aborted, and a finished, crashed or aborted run is final.',
          { from: current.status, to: input.status },
        );
      }
      set.status = input.status;
      update.$push = { statusHistory: { status: input.status, at: new Date() } };
    }
    return update;
  };
  const { record } = await writeRecord(deps, actor, project, { ref: recordRef, update: build });
  return { project, record };
}

/** Filters for record lists and search. */
export interface RecordQuery {
  q?: string | undefined;
  status?: RecordStatus | undefined;
  tag?: string | undefined;
  labelPrefix?: string | undefined;
  createdAfter?: string | undefined;
  createdBefore?: string | undefined;
  /** Only public records, even for a signed-in actor (public browsing). */
  publicOnly?: boolean | undefined;
  /** Only the actor's own records. */
  mine?: boolean | undefined;
  /**
   * By creation (default) or by last update ("recent activity"), or by a path of the parameters
   * or metrics (`-metrics.error`: descending), as parseSort reads it.
   */
  sort?: string | undefined;
  /** Comparisons of parameter and metric paths joined by `and`, as parseWhere reads them. */
  where?: string | undefined;
  /** Newest first (default) or oldest first. */
  order?: SortOrder | undefined;
  cursor?: string | undefined;
  limit: number;
  /**
   * False when the caller shows no values at paths (no columns): the records' path values are then
   * neither sent by the database nor decoded, only to be dropped. Read unless said otherwise.
   */
  withValues?: boolean | undefined;
}


/**
 * What the caller sees of the records of `project` (or of all records, without one). A project's
 * records are all its owner's, so "the caller's or public" is all of them for the owner and the
 * public ones for anyone else: one equality instead of an $or, which the embedded engine would
 * answer by walking the project's records twice (five times slower for a private project). For
 * the owner that is the project alone, not also the owner: the embedded engine has no statistics
 * to tell two equalities apart and could walk the owner's records of every project instead.
 */
export function projectScope(actor: Actor | null, project: ProjectDoc | null): Scope {
  if (!project) return Scope.visibleTo(actor?.id ?? null);
  return actor && project.owner.equals(actor.id) ? Scope.within(project) : Scope.public();
}
/** Lists records (newest first unless asked otherwise) of one project or (without `project`) of everything the actor may see. */
export async function listRecords(
  deps: Deps,
  actor: Actor | null,
  project: ProjectDoc | null,
  query: RecordQuery,
): Promise<{ items: RecordDoc[]; next: string | null }> {
  const scope = query.mine && actor ? Scope.owner(actor.id) : query.publicOnly ? Scope.public() : projectScope(actor, project);
  const comparisons = checkedWhere(query.where);
  const sort = checkedSort(query.sort);
  // A path that holds an object or a list matches nothing: say so instead of an empty list.
  const named: Array<{ parameter: 'where' | 'sort'; path: string; position: number; text: string }> = comparisons.map((c) => ({ parameter: 'where', path: c.path, position: c.position, text: query.where ?? '' }));
  if (sort && !sort.time) named.push({ parameter: 'sort', path: sort.key, position: (query.sort ?? '').indexOf(sort.key), text: query.sort ?? '' });
  for (const item of named) {
    const inProject = project ? { project: project._id } : {};
    if (await access(deps).records.exists(scope, { ...inProject, ...holdsObjectAt(item.path) })) {
      throw nonScalarPath(item.parameter, item.text, item.path, item.position);
    }
  }
  const conditions: Array<Record<string, unknown>> = [];
  if (project) conditions.push({ project: project._id });
  if (query.status) conditions.push({ status: query.status });
  if (query.tag) conditions.push({ tags: query.tag });
  if (query.labelPrefix) conditions.push({ label: { $regex: `^${escapeRegex(query.labelPrefix)}` } });
  if (query.createdAfter) conditions.push({ created: { $gte: new Date(query.createdAfter) } });
  if (query.createdBefore) conditions.push({ created: { $lt: new Date(query.createdBefore) } });
  for (const comparison of comparisons) conditions.push(comparisonFilter(comparison));
  if (query.q) conditions.push(await textFilter(deps, query.q));
  if (sort && !sort.time) return await listByPath(deps, scope, conditions, sort, query);
  const field = sort?.key === 'updated' ? 'updated' : 'created';
  const order: SortOrder | undefined = sort?.direction === -1 ? 'desc' : sort?.direction === 1 ? 'asc' : query.order;
  const direction = order === 'asc' ? 1 : -1;
  const after = afterCursor(field, query.cursor, order);
  if (Object.keys(after).length > 0) conditions.push(after);
  const filter = conditions.length <= 1 ? (conditions[0] ?? {}) : { $and: conditions };
  return await paginate(
    (limit) =>
      access(deps)
        .records.find(scope, filter, summaryProjection(query))
        .sort({ [field]: direction, _id: direction })
        .limit(limit)
        .lean<RecordDoc[]>()
        .exec(),
    field,
    query.limit,
  );
}

/** How many owners whose name matches a free-text search are looked for. */
const MAX_OWNER_MATCHES = 100;

/**
 * The free-text condition: the text (case-insensitive) in the label, reason, outcome, tags, a
 * parameter or metric path, a string value, an input or output name, or the owner's name; a
 * number also finds the records with that value.
 */
async function textFilter(deps: Deps, q: string): Promise<Record<string, unknown>> {
  const pattern = { $regex: escapeRegex(q), $options: 'i' };
  const alternatives: Array<Record<string, unknown>> = [
    { label: pattern },
    { reason: pattern },
    { outcome: pattern },
    { tags: pattern },
    ...valueTextFilters(q, pattern),
    { 'inputs.name': pattern },
    { 'outputs.name': pattern },
  ];
  const owners = await deps.models.User.find({ name: pattern }, { _id: 1 }).limit(MAX_OWNER_MATCHES).lean();
  if (owners.length > 0) alternatives.push({ owner: { $in: owners.map((owner) => owner._id) } });
  return { $or: alternatives };
}

/**
 * A page of records sorted by the value at a path (values of different kinds at one path
 * grouped by kind, as the database orders them), then the records without a value there, newest
 * first. The database sorts the pairs of that path of the filtered records ($unwind, then
 * $match on the path); the page is an offset into that order, so the cursor is one.
 */
async function listByPath(
  deps: Deps,
  scope: Scope,
  conditions: Array<Record<string, unknown>>,
  sort: QuerySort,
  query: RecordQuery,
): Promise<{ items: RecordDoc[]; next: string | null }> {
  const { records } = access(deps);
  const offset = query.cursor === undefined ? 0 : decodeOffsetCursor(query.cursor);
  const want = query.limit + 1;
  const direction = sort.direction ?? 1;
  const all = (extra: Record<string, unknown>) => ({ $and: [...conditions, extra] });
  const has = hasValueAt(sort.key);
  const order = await records
    .aggregate<{ _id: Types.ObjectId }>(scope, all(has), [
      { $unwind: '$values' },
      { $match: valuesOfPath(sort.key) },
      { $sort: { values: direction, _id: direction } },
      { $skip: offset },
      { $limit: want },
      { $project: { _id: 1 } },
    ])
    .exec();
  const found = order.length > 0 ? await records.find(scope, { _id: { $in: order.map((row) => row._id) } }, summaryProjection(query)).lean<RecordDoc[]>() : [];
  const byId = new Map(found.map((record) => [record._id.toHexString(), record]));
  const rows = order.flatMap((row) => byId.get(row._id.toHexString()) ?? []);
  if (order.length < want) {
    // Past the records with a value: those without one, from where the offset falls among them.
    const withValue = order.length > 0 ? offset + order.length : await records.countDocuments(scope, all(has));
    const without = await records
      .find(scope, all({ $nor: [has] }), summaryProjection(query))
      .sort({ created: -1, _id: -1 })
      .skip(Math.max(0, offset - withValue))
      .limit(want - order.length)
      .lean<RecordDoc[]>();
    rows.push(...without);
  }
  const items = rows.slice(0, query.limit);
  return { items, next: rows.length > query.limit ? encodeOffsetCursor(offset + query.limit) : null };
}

/** The project's most recent record, or a 404 when it has none. */
export async function latestRecord(deps: Deps, actor: Actor | null, project: ProjectDoc): Promise<RecordDoc> {
  const record = await access(deps)
    .records.findOne(projectScope(actor, project), { project: project._id })
    .sort({ created: -1, _id: -1 })
    .lean<RecordDoc>();
  if (!record) throw new AppError(404, 'not_found', `Project "${project.name}" has no records yet.`);
  return record;
}
