import type { Types } from 'mongoose';
import { canAnswer, canProposeFrom, canProposeToward, canWithdraw, isParty, isRecipient, isSender, type Proposition } from '@reprise/rules';
import { encodeEvidence } from '../codec.js';
import { AppError, errors } from '../errors.js';
import { assertProposition } from '../assessment/refusal.js';
import { isDuplicateKeyError } from '../db.js';
import { liveKeyOf, type DiffMethod, type DiffRequestDoc, type DiffStatus, type ProjectDoc, type RecordDoc } from '../models/index.js';
import { afterCursor, paginate } from '../paging.js';
import { access, unscoped } from '../access.js';
import { RequestScope, Scope } from '../scope.js';
import { assessPair, type AssessOptions, type PairAssessment } from './assess.js';
import type { Actor, Deps } from './context.js';
import { toId } from './ids.js';
import { notify } from './notifications.js';
import { loadOwners, type UserRef } from './owners.js';
import { projectNames } from './projects.js';
import { findRecord } from './records.js';
import { basisOf, encodeBasis, sealedDigest, sideBasis, unmarkSeals } from './seals.js';

/** What a sender gives to make a request. */
export interface DiffRequestInput {
  from: string;
  toward: string;
  method?: DiffMethod | undefined;
  description?: string | undefined;
  tolerance?: number | undefined;
  /** Tolerances of numeric outputs (method default), numpy's isclose rule. */
  rtol?: number | undefined;
  atol?: number | undefined;
  proposition: Proposition;
}

/** The comparison of two records the caller can see, with what a request between them could claim. */
export interface Comparison extends PairAssessment {
  a: { record: RecordDoc; project: ProjectDoc };
  b: { record: RecordDoc; project: ProjectDoc };
  tolerance: number;
  rtol: number;
  atol: number;
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
  return { ...assessment, a: first, b: second, tolerance, rtol: options.rtol ?? 0, atol: options.atol ?? 0 };
}

/**
 * Makes a diff request after checking its rules: the sender owns `from` (403 otherwise), can see
 * `toward` (404 otherwise) and does not own it (422), a custom method says how it compared (422),
 * and the proposition agrees with the assessment table for the evidence computed now (422 naming
 * the cell). The evidence is stored with the request.
 */
export async function createDiffRequest(deps: Deps, actor: Actor, input: DiffRequestInput): Promise<DiffRequestDoc> {
  const from = await findRecord(deps, actor, input.from);
  if (!canProposeFrom(actor.id, from.record)) {
    throw new AppError(403, 'not_your_record', `Record "${from.record.label}" is not yours: a request is sent from one of your own records.`, {
      field: 'from',
    });
  }
  const toward = await findRecord(deps, actor, input.toward);
  if (!canProposeToward(actor.id, toward.record)) {
    throw errors.unprocessable(
      'same_owner',
      `Record "${toward.record.label}" is yours too: a diff request asks the owner of another person's record to confirm the claim.`,
      { field: 'toward' },
    );
  }
  if (toward.record._id.equals(from.record._id)) throw errors.unprocessable('same_record', 'A record cannot be compared with itself.');
  // Requests stored before live keys existed hold no pair key: this read finds them too.
  await refuseDuplicate(deps, from.record, toward.record);
  const method = input.method ?? 'default';
  const description = input.description?.trim() ?? '';
  if (method === 'custom' && description.length === 0) {
    throw errors.unprocessable('description_required', 'Method "custom" needs a description of how the outputs were compared.', { field: 'description' });
  }
  const tolerance = input.tolerance ?? 0;
  const rtol = input.rtol ?? 0;
  const atol = input.atol ?? 0;
  const { evidence } = await assessPair(deps, from.record, toward.record, { tolerance, rtol, atol });
  assertProposition(method, input.proposition, evidence);
  const basis = { from: sideBasis(from.record, evidence.code.a), toward: sideBasis(toward.record, evidence.code.b) };
  const document = {
    sender: actor.id,
    from: from.record._id,
    fromProject: from.record.project,
    toward: toward.record._id,
    towardProject: toward.record.project,
    targetOwner: toward.record.owner,
    method,
    description,
    tolerance,
    rtol,
    atol,
    proposition: input.proposition,
    cell: evidence.cell,
    status: 'proposed' as const,
    evidence: encodeEvidence(evidence),
    basis: encodeBasis(basis),
    answer: null,
    liveKey: liveKeyOf(from.record._id, toward.record._id),
  };
  try {
    const created = await access(deps).requests.create(RequestScope.sentBy(actor.id), document);
    await notify(deps, { kind: 'request.received', request: created });
    return created;
  } catch (error) {
    // A concurrent creation for the same pair got the live key first.
    if (isDuplicateKeyError(error)) await refuseDuplicate(deps, from.record, toward.record);
    throw error;
  }
}

/** Throws 409 duplicate_request when a proposed or agreed request from `from` toward `toward` exists. */
async function refuseDuplicate(deps: Deps, from: RecordDoc, toward: RecordDoc): Promise<void> {
  const live = await access(deps)
    .requests.findOne(
      RequestScope.about([from._id]),
      { $or: [{ liveKey: liveKeyOf(from._id, toward._id) }, { from: from._id, toward: toward._id, status: { $in: ['proposed', 'agreed'] } }] },
      { _id: 1, status: 1, proposition: 1 },
    )
    .sort({ created: 1, _id: 1 })
    .lean<Pick<DiffRequestDoc, '_id' | 'status' | 'proposition'>>();
  if (!live) return;
  const id = live._id.toHexString();
  throw new AppError(
    409,
    'duplicate_request',
    `Request ${id} from "${from.label}" toward "${toward.label}" is already ${live.status} (${live.proposition}); one request per pair of records ` +
      'is open or agreed at a time. Look at that one, or withdraw it (or have it denied) before sending another.',
    { diffRequest: id, status: live.status },
  );
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
  const scope = query.box === 'inbox' ? RequestScope.addressedTo(actor.id) : RequestScope.sentBy(actor.id);
  const conditions: Array<Record<string, unknown>> = [];
  if (query.proposition) conditions.push({ proposition: query.proposition });
  return await newestRequests(deps, scope, conditions, query);
}

/** One page of the requests in `scope` with `query.status` and `conditions`, newest first. */
async function newestRequests(
  deps: Deps,
  scope: RequestScope,
  conditions: Array<Record<string, unknown>>,
  query: { status?: DiffStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: DiffRequestDoc[]; next: string | null }> {
  const all = [...conditions];
  if (query.status) all.unshift({ status: query.status });
  const after = afterCursor('created', query.cursor);
  if (Object.keys(after).length > 0) all.push(after);
  return await paginate(
    (limit) =>
      access(deps)
        .requests.find(scope, all.length > 0 ? { $and: all } : {})
        .sort({ created: -1, _id: -1 })
        .limit(limit)
        .lean<DiffRequestDoc[]>()
        .exec(),
    'created',
    query.limit,
  );
}

/** Filters of the requests about one record. */
export interface RecordDiffQuery {
  status?: DiffStatus | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * The requests about a record `viewer` can see (404 otherwise), from it or toward it, newest
 * first, with what presenting them needs. Its parties see every request about their records; any
 * other viewer only those whose two records they can see, so that a private record never shows,
 * not even as an id.
 */
export async function listRecordDiffRequests(
  deps: Deps,
  viewer: Actor | null,
  recordId: string,
  query: RecordDiffQuery,
): Promise<{ items: DiffRequestDoc[]; next: string | null; context: DiffContext }> {
  const { record } = await findRecord(deps, viewer, recordId);
  const page = await newestRequests(deps, RequestScope.about([record._id]), [], query);
  const context = await diffContext(deps, viewer, page.items);
  const shown = page.items.filter(
    (request) => isParty(viewer?.id, request) || (context.records.has(request.from.toHexString()) && context.records.has(request.toward.toHexString())),
  );
  return { items: shown, next: page.next, context };
}

/**
 * Finds a request `viewer` may see: they sent it or are its target owner, or both its records are
 * public. Anything else is a 404, whether it exists or not.
 */
export async function findDiffRequest(deps: Deps, viewer: Actor | null, id: string): Promise<DiffRequestDoc> {
  const requestId = toId(id);
  const { DiffRequest } = unscoped(deps, 'others may see a request when both its records are public, which is checked right after this read');
  const request = requestId ? await DiffRequest.findById(requestId).lean<DiffRequestDoc>() : null;
  if (request && (isParty(viewer?.id, request) || (await bothPublic(deps, request)))) return request;
  throw errors.notFound('Diff request', id);
}

async function bothPublic(deps: Deps, request: DiffRequestDoc): Promise<boolean> {
  const visible = await access(deps).records.countDocuments(Scope.public(), { _id: { $in: [request.from, request.toward] } });
  return visible === 2;
}

function alreadyClosed(request: Pick<DiffRequestDoc, 'status'> | null): AppError {
  const status = request?.status ?? 'gone';
  return new AppError(409, 'already_closed', `This request is already ${status}; only a proposed request can be answered or withdrawn.`, { status });
}

/** Withdraws a request the actor sent, while it is proposed (403 for someone else, 409 once it is closed). */
export async function withdrawDiffRequest(deps: Deps, actor: Actor, id: string): Promise<DiffRequestDoc> {
  const request = await findDiffRequest(deps, actor, id);
  if (!isSender(actor.id, request)) throw new AppError(403, 'not_sender', 'Only the sender of a request can withdraw it.');
  if (!canWithdraw(actor.id, request)) throw alreadyClosed(request);
  const { requests } = access(deps);
  const updated = await requests.findOneAndUpdate(
    RequestScope.sentBy(actor.id),
    { _id: request._id, status: 'proposed' },
    // Its own id as live key frees the pair for a new request.
    { $set: { status: 'withdrawn', liveKey: request._id.toHexString() } },
    { returnDocument: 'after' },
  ).lean<DiffRequestDoc>();
  if (!updated) throw alreadyClosed(await requests.findOne(RequestScope.sentBy(actor.id), { _id: request._id }, { status: 1 }).lean());
  await unmarkSeals(deps, Scope.pair(request), [request.from, request.toward], [request._id]);
  await notify(deps, { kind: 'request.withdrawn', request: updated });
  return updated;
}

/**
 * Agrees to or denies a request toward one of the actor's records. One conditional update with
 * the expected state in its filter: of concurrent answers exactly one wins, the others get 409.
 * Someone who can see the request but is not its target owner gets 403. Agreeing seals both
 * records (see agreeAndSeal); denying frees the pair for a new request.
 */
export async function answerDiffRequest(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { answer: 'agreed' | 'denied'; comment?: string | undefined },
): Promise<DiffRequestDoc> {
  const request = await findDiffRequest(deps, actor, id);
  if (!isRecipient(actor.id, request)) throw new AppError(403, 'not_target_owner', 'Only the owner of the target record can answer this request.');
  if (!canAnswer(actor.id, request)) throw alreadyClosed(request);
  const answer = { by: actor.id, at: new Date(), comment: input.comment ?? '' };
  if (input.answer === 'agreed') return await agreeAndSeal(deps, actor, request, answer);
  const { requests } = access(deps);
  const target = RequestScope.addressedTo(actor.id);
  const updated = await requests
    .findOneAndUpdate(target, { _id: request._id, status: 'proposed' }, { $set: { status: 'denied', answer, liveKey: request._id.toHexString() } }, { returnDocument: 'after' })
    .lean<DiffRequestDoc>();
  if (!updated) throw alreadyClosed(await requests.findOne(target, { _id: request._id }, { status: 1 }).lean());
  await unmarkSeals(deps, Scope.pair(request), [request.from, request.toward], [request._id]);
  await notify(deps, { kind: 'request.answered', request: updated });
  return updated;
}

/**
 * Agrees to a request and seals its two records, without transactions and safe against a crash
 * at any point:
 * 1. both records are marked with the request (`seals`) and their `rev` incremented. From then on
 *    every write that would change a sealed field is refused (a marked, proposed request seals:
 *    see sealOf), and a write that checked before the marking fails its condition on `rev`;
 * 2. the records are read again and must still be what the evidence was computed from (their
 *    sealed digests match the request's basis), else 409 evidence_outdated: an agreement never
 *    covers records that changed after the request was made;
 * 3. the agreement is written by one conditional update on the request.
 * A crash after 1 leaves the records marked by a proposed request: they stay sealed until the
 * request is answered (again) or withdrawn, never unsealed under an agreed verdict. Agreed
 * requests seal by themselves (by their `from` and `toward`), so the marks only bridge step 1-3.
 */
async function agreeAndSeal(deps: Deps, actor: Actor, request: DiffRequestDoc, answer: { by: Types.ObjectId; at: Date; comment: string }): Promise<DiffRequestDoc> {
  const { records: allRecords, requests } = access(deps);
  const records = [request.from, request.toward];
  const pair = Scope.pair(request);
  // Sealing is no activity of the record's owner: `updated` stays as it is.
  await allRecords.updateMany(pair, {}, { $addToSet: { seals: request._id }, $inc: { rev: 1 } }, { timestamps: false });
  const basis = basisOf(request);
  if (basis) {
    const current = await allRecords.find(pair).lean<RecordDoc[]>();
    for (const [side, expected] of [
      ['from', basis.from],
      ['toward', basis.toward],
    ] as const) {
      const record = current.find((candidate) => candidate._id.equals(request[side]));
      if (!record || sealedDigest(record) !== expected.sealed) {
        // The request stays proposed but may not seal: its marks go.
        await allRecords.updateMany(pair, {}, { $pull: { seals: request._id } }, { timestamps: false });
        throw new AppError(
          409,
          'evidence_outdated',
          `Record "${expected.label}" changed after this request was made, so its evidence no longer describes it and it cannot be agreed. ` +
            'Deny it, or ask the sender to withdraw it and send a new one.',
          { record: expected.record, side },
        );
      }
    }
  }
  const target = RequestScope.addressedTo(actor.id);
  const updated = await requests.findOneAndUpdate(target, { _id: request._id, status: 'proposed' }, { $set: { status: 'agreed', answer } }, { returnDocument: 'after' }).lean<DiffRequestDoc>();
  if (!updated) {
    await unmarkSeals(deps, pair, records, [request._id]);
    throw alreadyClosed(await requests.findOne(target, { _id: request._id }, { status: 1 }).lean());
  }
  await notify(deps, { kind: 'request.answered', request: updated });
  return updated;
}

/** A record a request involves, as far as the viewer may see it. */
interface VisibleRecord {
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
    access(deps)
      .records.find(Scope.visibleTo(viewer?.id ?? null), { _id: { $in: recordIds } }, { label: 1, project: 1 })
      .lean<Array<Pick<RecordDoc, '_id' | 'label' | 'project'>>>(),
  ]);
  const names = await projectNames(deps, viewer, records.map((record) => record.project));
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
