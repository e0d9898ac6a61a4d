import type { Types } from 'mongoose';
import { decodeFreeform, encodeFreeform, type JsonValue } from '../codec.js';
import { AppError, errors } from '../errors.js';
import type { Proposition } from '../assessment/table.js';
import type { DiffMethod, DiffRequestDoc, DiffStatus, ProjectDoc, RecordDoc } from '../models/index.js';
import { afterCursor, paginate } from '../paging.js';
import { Scope, scoped } from '../scope.js';
import { assessPair, type AssessOptions, type PairAssessment } from './assess.js';
import type { Actor, Deps } from './context.js';
import { toId } from './ids.js';
import { loadOwners, type UserRef } from './owners.js';
import { findRecord } from './records.js';

/** What a sender gives to make a request. */
export interface DiffRequestInput {
  from: string;
  toward: string;
  method?: DiffMethod | undefined;
  description?: string | undefined;
  tolerance?: number | undefined;
  proposition: Proposition;
}

/** The comparison of two records the caller can see, with what a request between them could claim. */
export interface Comparison extends PairAssessment {
  a: { record: RecordDoc; project: ProjectDoc };
  b: { record: RecordDoc; project: ProjectDoc };
  tolerance: number;
}

/**
 * Compares two records visible to `viewer` (404 for any other), as a request from `a` toward `b`
 * would. Visibility is checked before anything is computed or looked up in the distance cache.
 */
export async function compareVisibleRecords(
  deps: Deps,
  viewer: Actor | null,
  a: string,
  b: string,
  tolerance = 0,
  options: Omit<AssessOptions, 'tolerance'> = {},
): Promise<Comparison> {
  const first = await findRecord(deps, viewer, a);
  const second = await findRecord(deps, viewer, b);
  const assessment = await assessPair(deps, first.record, second.record, { ...options, tolerance });
  return { ...assessment, a: first, b: second, tolerance };
}

/**
 * Makes a diff request after checking its rules: the sender owns `from` (403 otherwise), can see
 * `toward` (404 otherwise) and does not own it (422), a custom method says how it compared (422),
 * and the proposition agrees with the assessment table for the evidence computed now (422 naming
 * the cell). The evidence is stored with the request.
 */
export async function createDiffRequest(deps: Deps, actor: Actor, input: DiffRequestInput): Promise<DiffRequestDoc> {
  const from = await findRecord(deps, actor, input.from);
  if (!from.record.owner.equals(actor.id)) {
    throw new AppError(403, 'not_your_record', `Record "${from.record.label}" is not yours: a request is sent from one of your own records.`, {
      field: 'from',
    });
  }
  const toward = await findRecord(deps, actor, input.toward);
  if (toward.record.owner.equals(actor.id)) {
    throw errors.unprocessable(
      'same_owner',
      `Record "${toward.record.label}" is yours too: a diff request asks the owner of another person's record to confirm the claim.`,
      { field: 'toward' },
    );
  }
  if (toward.record._id.equals(from.record._id)) throw errors.unprocessable('same_record', 'A record cannot be compared with itself.');
  const method = input.method ?? 'default';
  const description = input.description?.trim() ?? '';
  if (method === 'custom' && description.length === 0) {
    throw errors.unprocessable('description_required', 'Method "custom" needs a description of how the outputs were compared.', { field: 'description' });
  }
  const tolerance = input.tolerance ?? 0;
  const assessment = await assessPair(deps, from.record, toward.record, { tolerance });
  const allowed = assessment.propositions[method];
  const refusal = assessment.refusal(method, input.proposition);
  if (refusal !== undefined || !allowed.includes(input.proposition)) {
    throw errors.unprocessable('proposition_not_allowed', refusal ?? `Proposition "${input.proposition}" is not allowed.`, {
      cell: assessment.cell,
      method,
      proposition: input.proposition,
      allowed,
    });
  }
  const created = await deps.models.DiffRequest.create({
    sender: actor.id,
    from: from.record._id,
    fromProject: from.record.project,
    toward: toward.record._id,
    towardProject: toward.record.project,
    targetOwner: toward.record.owner,
    method,
    description,
    tolerance,
    proposition: input.proposition,
    cell: assessment.cell,
    status: 'proposed',
    evidence: encodeFreeform(assessment.evidence),
    answer: null,
  });
  return created.toObject();
}

/** Filters of a diff request list. */
export interface DiffQuery {
  box: 'inbox' | 'outbox';
  status?: DiffStatus | undefined;
  proposition?: Proposition | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The actor's requests received (inbox) or sent (outbox), newest first. */
export async function listDiffRequests(deps: Deps, actor: Actor, query: DiffQuery): Promise<{ items: DiffRequestDoc[]; next: string | null }> {
  const conditions: Array<Record<string, unknown>> = [query.box === 'inbox' ? { targetOwner: actor.id } : { sender: actor.id }];
  if (query.status) conditions.push({ status: query.status });
  if (query.proposition) conditions.push({ proposition: query.proposition });
  const after = afterCursor('created', query.cursor);
  if (Object.keys(after).length > 0) conditions.push(after);
  return await paginate(
    (limit) =>
      deps.models.DiffRequest.find({ $and: conditions })
        .sort({ created: -1, _id: -1 })
        .limit(limit)
        .lean<DiffRequestDoc[]>()
        .exec(),
    'created',
    query.limit,
  );
}

/**
 * Finds a request `viewer` may see: they sent it or are its target owner, or both its records are
 * public. Anything else is a 404, whether it exists or not.
 */
export async function findDiffRequest(deps: Deps, viewer: Actor | null, id: string): Promise<DiffRequestDoc> {
  const requestId = toId(id);
  const request = requestId ? await deps.models.DiffRequest.findById(requestId).lean<DiffRequestDoc>() : null;
  if (request && (isParticipant(request, viewer) || (await bothPublic(deps, request)))) return request;
  throw errors.notFound('Diff request', id);
}

function isParticipant(request: DiffRequestDoc, viewer: Actor | null): boolean {
  return viewer !== null && (request.sender.equals(viewer.id) || request.targetOwner.equals(viewer.id));
}

async function bothPublic(deps: Deps, request: DiffRequestDoc): Promise<boolean> {
  const visible = await deps.models.Record.countDocuments(scoped<RecordDoc>(Scope.public(), { _id: { $in: [request.from, request.toward] } }));
  return visible === 2;
}

function alreadyClosed(request: Pick<DiffRequestDoc, 'status'> | null): AppError {
  const status = request?.status ?? 'gone';
  return new AppError(409, 'already_closed', `This request is already ${status}; only a proposed request can be answered or withdrawn.`, { status });
}

/** Withdraws a request the actor sent, while it is proposed (403 for someone else, 409 once it is closed). */
export async function withdrawDiffRequest(deps: Deps, actor: Actor, id: string): Promise<DiffRequestDoc> {
  const request = await findDiffRequest(deps, actor, id);
  if (!request.sender.equals(actor.id)) throw new AppError(403, 'not_sender', 'Only the sender of a request can withdraw it.');
  const updated = await deps.models.DiffRequest.findOneAndUpdate(
    { _id: request._id, sender: actor.id, status: 'proposed' },
    { $set: { status: 'withdrawn' } },
    { returnDocument: 'after' },
  ).lean<DiffRequestDoc>();
  if (!updated) throw alreadyClosed(await deps.models.DiffRequest.findById(request._id, { status: 1 }).lean());
  return updated;
}

/**
 * Agrees to or denies a request toward one of the actor's records. One conditional update with
 * the expected state in its filter: of concurrent answers exactly one wins, the others get 409.
 * Someone who can see the request but is not its target owner gets 403.
 */
export async function answerDiffRequest(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { answer: 'agreed' | 'denied'; comment?: string | undefined },
): Promise<DiffRequestDoc> {
  const request = await findDiffRequest(deps, actor, id);
  if (!request.targetOwner.equals(actor.id)) throw new AppError(403, 'not_target_owner', 'Only the owner of the target record can answer this request.');
  const updated = await deps.models.DiffRequest.findOneAndUpdate(
    { _id: request._id, targetOwner: actor.id, status: 'proposed' },
    { $set: { status: input.answer, answer: { by: actor.id, at: new Date(), comment: input.comment ?? '' } } },
    { returnDocument: 'after' },
  ).lean<DiffRequestDoc>();
  if (!updated) throw alreadyClosed(await deps.models.DiffRequest.findById(request._id, { status: 1 }).lean());
  return updated;
}

/** A record a request involves, as far as the viewer may see it. */
export interface VisibleRecord {
  label: string;
  project: Types.ObjectId;
  projectName: string;
}

/** What presenting requests needs: names of the people involved and the records the viewer may see. */
export interface DiffContext {
  owners: Map<string, UserRef>;
  records: Map<string, VisibleRecord>;
}

/** Loads the context to present some requests to `viewer`. */
export async function diffContext(deps: Deps, viewer: Actor | null, requests: DiffRequestDoc[]): Promise<DiffContext> {
  const people = requests.flatMap((request) => [request.sender, request.targetOwner, ...(request.answer ? [request.answer.by] : [])]);
  const recordIds = requests.flatMap((request) => [request.from, request.toward]);
  const [owners, records] = await Promise.all([
    loadOwners(deps.models, people),
    deps.models.Record.find(scoped<RecordDoc>(Scope.visibleTo(viewer?.id ?? null), { _id: { $in: recordIds } }), { label: 1, project: 1 }).lean<
      Array<Pick<RecordDoc, '_id' | 'label' | 'project'>>
    >(),
  ]);
  const projects = await deps.models.Project.find({ _id: { $in: records.map((record) => record.project) } }, { name: 1 }).lean();
  const names = new Map(projects.map((project) => [project._id.toHexString(), project.name]));
  return {
    owners,
    records: new Map(
      records.map((record) => [
        record._id.toHexString(),
        { label: record.label, project: record.project, projectName: names.get(record.project.toHexString()) ?? '' },
      ]),
    ),
  };
}

/** The stored evidence of a request. */
export function evidenceOf(request: DiffRequestDoc): JsonValue | undefined {
  return decodeFreeform(request.evidence);
}
