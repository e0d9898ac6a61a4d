/**
 * Who may do what, decided once for the services and the dashboard: pure functions over plain
 * objects (ids as strings or as object ids, which print as their hex string). What someone may not
 * read is answered as missing (404) by the services; what they may read but not do is a 403 or,
 * for a request that is no longer open, a 409. The dashboard calls the same functions to offer only
 * what the services will accept.
 */
import type { Schemas } from '@reprise/contract';

/** An id as either side holds it: a string, or an object id. */
type PolicyId = string | { toHexString(): string };

/** Who asks: a user id, or null (or undefined) for someone signed out. */
export type Viewer = PolicyId | null | undefined;

/** Something a user owns: a project, a record, a container. */
export interface Owned {
  owner: PolicyId;
}

/** Something owned that may be private: a project, a record, a container. */
export interface Visible extends Owned {
  private: boolean;
}

/** The parties and state of a diff request. */
export interface RequestParties {
  sender: PolicyId;
  targetOwner: PolicyId;
  status: Schemas['DiffStatus'];
}

/** Where a diff request is in its life: proposed, then agreed or denied by the target owner, or withdrawn by the sender. */
export const DIFF_STATUSES = ['proposed', 'agreed', 'denied', 'withdrawn'] as const satisfies readonly Schemas['DiffStatus'][];

function text(id: PolicyId): string {
  return typeof id === 'string' ? id : id.toHexString();
}

function same(viewer: Viewer, id: PolicyId): boolean {
  return viewer !== null && viewer !== undefined && text(viewer) === text(id);
}

/** Whether `viewer` may see a project, record or container: its owner may, anyone may see a public one. */
export function canRead(viewer: Viewer, item: Visible): boolean {
  return !item.private || same(viewer, item.owner);
}

/** Whether `viewer` may change a project, record or container (edit it, make it private or public, attach files): only its owner. */
export function canChange(viewer: Viewer, item: Owned): boolean {
  return same(viewer, item.owner);
}

/** Whether `viewer` may delete a project or record: only its owner, and not while an agreed verdict seals it (409 `record_sealed`). */
export function canDelete(viewer: Viewer, item: Owned & { sealed?: boolean }): boolean {
  return canChange(viewer, item) && item.sealed !== true;
}

/** Whether a diff request may be sent from this record: only from one of the sender's own records. */
export function canProposeFrom(viewer: Viewer, from: Owned): boolean {
  return canChange(viewer, from);
}

/** Whether a diff request may be sent toward this record: a signed-in sender asks the owner of someone else's record. */
export function canProposeToward(viewer: Viewer, toward: Owned): boolean {
  return viewer !== null && viewer !== undefined && !same(viewer, toward.owner);
}

/** Whether `viewer` may propose a diff request from one record toward another (both visible to them). */
export function canPropose(viewer: Viewer, from: Owned, toward: Owned): boolean {
  return canProposeFrom(viewer, from) && canProposeToward(viewer, toward);
}

/** Whether `viewer` sent the request. */
export function isSender(viewer: Viewer, request: Pick<RequestParties, 'sender'>): boolean {
  return same(viewer, request.sender);
}

/** Whether `viewer` owns the request's target record, and so is the one to answer it. */
export function isRecipient(viewer: Viewer, request: Pick<RequestParties, 'targetOwner'>): boolean {
  return same(viewer, request.targetOwner);
}

/** Whether `viewer` is a party of the request (they see it whatever the privacy of its records). */
export function isParty(viewer: Viewer, request: Pick<RequestParties, 'sender' | 'targetOwner'>): boolean {
  return isSender(viewer, request) || isRecipient(viewer, request);
}

/** Whether `viewer` may answer (agree or deny) the request: its target owner, once, while it is proposed. */
export function canAnswer(viewer: Viewer, request: Pick<RequestParties, 'targetOwner' | 'status'>): boolean {
  return isRecipient(viewer, request) && request.status === 'proposed';
}

/** Whether `viewer` may withdraw the request: its sender, while it is proposed. */
export function canWithdraw(viewer: Viewer, request: Pick<RequestParties, 'sender' | 'status'>): boolean {
  return isSender(viewer, request) && request.status === 'proposed';
}

/** A reviewer link as the policies need it: when it stops working (null: never). */
export interface LinkTerms {
  expires: Date | string | null;
}

/** Whether `viewer` may share a project or record through a reviewer link, or publish a single record: only its owner. */
export function canShare(viewer: Viewer, item: Owned): boolean {
  return canChange(viewer, item);
}

/** Whether a reviewer link still opens what it names at `now`: until it expires (a revoked link no longer exists at all). */
export function linkIsLive(link: LinkTerms, now: Date = new Date()): boolean {
  return link.expires === null || new Date(link.expires).getTime() > now.getTime();
}

