import { canShare, linkIsLive } from '@reprise/rules';
import { access } from '../access.js';
import { isDuplicateKeyError } from '../db.js';
import { errors } from '../errors.js';
import type { ContainerDoc, LinkDoc, ProjectDoc, RecordDoc } from '../models/index.js';
import { afterCursor, paginate } from '../paging.js';
import { Scope, type LinkReach } from '../scope.js';
import { hashToken, issueLinkSecret, LINK_SECRET_PATTERN } from '../tokens.js';
import { assessPair, type AssessOptions } from './assess.js';
import type { Actor, Deps } from './context.js';
import type { Comparison } from './diffs.js';
import { toId } from './ids.js';
import { findProject, type ProjectDetail } from './projects.js';
import { findRecord, RECORD_SUMMARY_PROJECTION, resolveRecord } from './records.js';

/** What the owner asks for when making a reviewer link: one project or one record of theirs (ids). */
export interface LinkInput {
  project?: string | undefined;
  record?: string | undefined;
  expires?: string | undefined;
  anonymous?: boolean | undefined;
}

/** A link with the names of what it reaches, as its owner's list shows it. */
export interface NamedLink {
  link: LinkDoc;
  projectName: string;
  recordLabel: string | null;
}

/** How often the last use of a link is written (at most): a reviewer reading a project makes many requests. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Makes a reviewer link to one of the actor's projects or records. What the actor cannot see is a
 * 404, someone else's public item a 403 (as for any write). The secret is returned once; only its
 * hash is stored.
 */
export async function createLink(deps: Deps, actor: Actor, input: LinkInput): Promise<NamedLink & { secret: string }> {
  if ((input.project === undefined) === (input.record === undefined)) {
    throw errors.badRequest('A link names exactly one of "project" (a project id) or "record" (a record id).', { fields: ['project', 'record'] });
  }
  const expires = input.expires === undefined ? null : new Date(input.expires);
  if (expires && !linkIsLive({ expires })) {
    throw errors.badRequest('"expires" is in the past: give a time from which on the link should stop working, or none.', { field: 'expires' });
  }
  let project: ProjectDoc;
  let record: RecordDoc | null = null;
  if (input.record !== undefined) {
    ({ project, record } = await findRecord(deps, actor, input.record, { write: true }));
  } else {
    project = await findProject(deps, actor, input.project ?? '', { write: true });
  }
  if (!canShare(actor.id, record ?? project)) throw errors.notOwner(record ? 'record' : 'project');
  for (;;) {
    const issued = issueLinkSecret();
    try {
      const created = await deps.models.Link.create({
        owner: actor.id,
        project: project._id,
        record: record?._id ?? null,
        secretHash: issued.hash,
        prefix: issued.prefix,
        expires,
        anonymous: input.anonymous ?? false,
      });
      return { link: created.toObject(), projectName: project.name, recordLabel: record?.label ?? null, secret: issued.token };
    } catch (error) {
      // Two equal 256-bit secrets do not happen; a retry costs nothing if they ever did.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}

/** The actor's reviewer links, newest first, live and expired (a revoked link is gone). */
export async function listLinks(deps: Deps, actor: Actor, query: { cursor?: string | undefined; limit: number }): Promise<{ items: NamedLink[]; next: string | null }> {
  const after = afterCursor('created', query.cursor);
  const page = await paginate<LinkDoc>(
    (limit) =>
      deps.models.Link.find({ owner: actor.id, ...after })
        .sort({ created: -1, _id: -1 })
        .limit(limit)
        .lean<LinkDoc[]>()
        .exec(),
    'created',
    query.limit,
  );
  return { items: await namedLinks(deps, actor, page.items), next: page.next };
}

/** One of the actor's links; anyone else's (or none) is a 404. */
export async function findLink(deps: Deps, actor: Actor, id: string): Promise<NamedLink> {
  const linkId = toId(id);
  const link = linkId ? await deps.models.Link.findOne({ _id: linkId, owner: actor.id }).lean<LinkDoc>() : null;
  if (!link) throw errors.notFound('Link', id);
  const [named] = await namedLinks(deps, actor, [link]);
  if (!named) throw errors.notFound('Link', id);
  return named;
}

/** Revokes one of the actor's links: it is deleted, so the next request through it (on any instance) is a 404. */
export async function revokeLink(deps: Deps, actor: Actor, id: string): Promise<NamedLink> {
  const named = await findLink(deps, actor, id);
  const { deletedCount } = await deps.models.Link.deleteOne({ _id: named.link._id, owner: actor.id });
  if (deletedCount === 0) throw errors.notFound('Link', id);
  return named;
}

async function namedLinks(deps: Deps, actor: Actor, links: LinkDoc[]): Promise<NamedLink[]> {
  const { projects, records } = access(deps);
  const owner = Scope.owner(actor.id);
  const projectIds = [...new Map(links.map((link) => [link.project.toHexString(), link.project])).values()];
  const recordIds = links.flatMap((link) => (link.record ? [link.record] : []));
  const [projectDocs, recordDocs] = await Promise.all([
    projectIds.length > 0 ? projects.find(owner, { _id: { $in: projectIds } }, { name: 1 }).lean<Array<Pick<ProjectDoc, '_id' | 'name'>>>() : [],
    recordIds.length > 0 ? records.find(owner, { _id: { $in: recordIds } }, { label: 1 }).lean<Array<Pick<RecordDoc, '_id' | 'label'>>>() : [],
  ]);
  const names = new Map(projectDocs.map((project) => [project._id.toHexString(), project.name]));
  const labels = new Map(recordDocs.map((record) => [record._id.toHexString(), record.label]));
  return links.map((link) => ({
    link,
    projectName: names.get(link.project.toHexString()) ?? '',
    recordLabel: link.record ? (labels.get(link.record.toHexString()) ?? '') : null,
  }));
}

/** A link opened by its secret: what it reaches, and the scope every read through it takes. */
export interface OpenedLink {
  link: LinkDoc;
  reach: LinkReach;
  scope: Scope;
  project: ProjectDoc;
  /** The one record the link names, or null for a link to the whole project. */
  record: RecordDoc | null;
  /** The owner as the link's holder may not see them (when the link is anonymous), else null. */
  hidden: { id: string; name: string; email: string } | null;
}

/**
 * Opens a reviewer link by its secret, from the database on every request (no cache: a revoked or
 * expired link is a 404 at once on every instance). A missing, revoked or expired link, or one
 * whose project or record is gone, is the same 404, which never repeats the secret.
 */
export async function openLink(deps: Deps, secret: string): Promise<OpenedLink> {
  const gone = errors.notFound('Shared link');
  if (!LINK_SECRET_PATTERN.test(secret)) throw gone;
  const link = await deps.models.Link.findOne({ secretHash: hashToken(secret) }).lean<LinkDoc>();
  if (!link || !linkIsLive(link)) throw gone;
  const { projects, records } = access(deps);
  const named = Scope.viaLink({ owner: link.owner, project: link.project, record: link.record, container: null });
  const project = await projects.findOne(named, { _id: link.project }).lean<ProjectDoc>();
  const record = link.record ? await records.findOne(named, { _id: link.record }).lean<RecordDoc>() : null;
  if (!project || (link.record && !record)) throw gone;
  const reach: LinkReach = { owner: link.owner, project: link.project, record: link.record, container: record?.container ?? null };
  noteLinkUse(deps, link);
  let hidden: OpenedLink['hidden'] = null;
  if (link.anonymous) {
    const owner = await deps.models.User.findOne({ _id: link.owner }, { name: 1, email: 1 }).lean();
    hidden = { id: link.owner.toHexString(), name: owner?.name ?? '', email: owner?.email ?? '' };
  }
  return { link, reach, scope: Scope.viaLink(reach), project, record, hidden };
}

/** Records the link's use, at most once a minute; conditional, and not waited for (failing to record it is not the reader's problem). */
function noteLinkUse(deps: Deps, link: LinkDoc): void {
  const now = Date.now();
  if (link.lastUsed && now - link.lastUsed.getTime() <= LAST_USED_PRECISION_MS) return;
  void deps.models.Link.updateOne(
    { _id: link._id, $or: [{ lastUsed: null }, { lastUsed: { $lt: new Date(now - LAST_USED_PRECISION_MS) } }] },
    { $set: { lastUsed: new Date(now) } },
    { timestamps: false },
  ).catch(() => undefined);
}

/**
 * The project as the link shows it: its containers and counts within the link's reach (for a link
 * to one record, that record and the container it ran in, and a history of that container only).
 */
export async function sharedProjectDetail(deps: Deps, opened: OpenedLink): Promise<ProjectDetail> {
  const { containers: allContainers, records } = access(deps);
  const { project, scope } = opened;
  const reachable = await allContainers.find(scope, { project: project._id }).lean<ContainerDoc[]>();
  const known = new Set(reachable.map((container) => container._id.toHexString()));
  const history = project.history.filter((id) => known.has(id.toHexString()));
  const order = new Map(history.map((id, index) => [id.toHexString(), index]));
  const containers = reachable.filter((container) => order.has(container._id.toHexString()));
  containers.sort((a, b) => (order.get(a._id.toHexString()) ?? -1) - (order.get(b._id.toHexString()) ?? -1));
  const inReach = await records.find(scope, { project: project._id }, { status: 1 }).lean<Array<Pick<RecordDoc, '_id' | 'status'>>>();
  const byStatus: Record<string, number> = {};
  for (const record of inReach) byStatus[record.status] = (byStatus[record.status] ?? 0) + 1;
  return { project: { ...project, history }, containers, counts: { records: inReach.length, containers: history.length, byStatus } };
}

/** The records a link reaches, newest first (for a link to one record, that record). */
export async function sharedRecords(deps: Deps, opened: OpenedLink, query: { cursor?: string | undefined; limit: number }): Promise<{ items: RecordDoc[]; next: string | null }> {
  const after = afterCursor('created', query.cursor);
  const filter = Object.keys(after).length > 0 ? { $and: [{ project: opened.project._id }, after] } : { project: opened.project._id };
  return await paginate(
    (limit) =>
      access(deps)
        .records.find(opened.scope, filter, RECORD_SUMMARY_PROJECTION)
        .sort({ created: -1, _id: -1 })
        .limit(limit)
        .lean<RecordDoc[]>()
        .exec(),
    'created',
    query.limit,
  );
}

/** A record within the link's reach, by id or label; any other is a 404. */
export async function sharedRecord(deps: Deps, opened: OpenedLink, ref: string): Promise<RecordDoc> {
  return await resolveRecord(deps, opened.scope, opened.project, ref);
}

/** Compares two records within the link's reach (404 for any other), as the cloud's compare does. */
export async function compareSharedRecords(
  deps: Deps,
  opened: OpenedLink,
  a: string,
  b: string,
  tolerance = 0,
  options: Omit<AssessOptions, 'tolerance'> = {},
): Promise<Comparison> {
  const first = await sharedRecord(deps, opened, a);
  const second = await sharedRecord(deps, opened, b);
  const assessment = await assessPair(deps, first, second, { ...options, tolerance });
  return { ...assessment, a: { record: first, project: opened.project }, b: { record: second, project: opened.project }, tolerance, rtol: options.rtol ?? 0, atol: options.atol ?? 0 };
}

/** The owner reference an anonymous link shows instead of the owner's. */
const ANONYMOUS_OWNER = Object.freeze({ id: '000000000000000000000000', name: 'Anonymous' });

/** What replaces the owner's name or email inside text served through an anonymous link. */
const HIDDEN = '[hidden]';

function escapeForRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A response body as the holder of an anonymous link may see it: the owner's reference becomes
 * `ANONYMOUS_OWNER`, and the owner's email and name (three characters or more: a shorter name
 * cannot be told from ordinary text) are replaced wherever they appear in text — a hostname, a
 * path, a file name, a container label. Without anonymity the body is returned as it is.
 */
export function throughLink<T>(opened: Pick<OpenedLink, 'hidden'>, body: T): T {
  const hidden = opened.hidden;
  if (!hidden) return body;
  const words = [hidden.email, hidden.name].filter((word) => word.trim().length >= 3).map(escapeForRegex);
  const pattern = words.length > 0 ? new RegExp(words.join('|'), 'gi') : null;
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value === hidden.id) return ANONYMOUS_OWNER.id;
      return pattern ? value.replace(pattern, HIDDEN) : value;
    }
    if (Array.isArray(value)) return value.map(scrub);
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      const isOwnerRef = entries.length === 2 && (value as { id?: unknown }).id === hidden.id && typeof (value as { name?: unknown }).name === 'string';
      if (isOwnerRef) return { ...ANONYMOUS_OWNER };
      return Object.fromEntries(entries.map(([key, inner]) => [pattern ? key.replace(pattern, HIDDEN) : key, scrub(inner)]));
    }
    return value;
  };
  return scrub(body) as T;
}
