import type { DiffRequestDoc, RecordDoc } from '../models/index.js';
import type { Actor, Deps } from './context.js';
import { RECORD_SUMMARY_PROJECTION } from './records.js';

/** How many recent items the dashboard shows of each kind. */
const DASHBOARD_ITEMS = 5;

/** What the signed-in user's dashboard shows. */
export interface DashboardSummary {
  counts: { projects: number; publicProjects: number; records: number; inboxOpen: number; outboxOpen: number; agreedReceived: number };
  recentRecords: RecordDoc[];
  openInbox: DiffRequestDoc[];
  openOutbox: DiffRequestDoc[];
}

/** Counts, the most recently active records and the open requests in and out, of the actor's. */
export async function dashboardOf(deps: Deps, actor: Actor): Promise<DashboardSummary> {
  const { Project, Record, DiffRequest } = deps.models;
  const [projects, publicProjects, records, inboxOpen, outboxOpen, agreedReceived, recentRecords, openInbox, openOutbox] = await Promise.all([
    Project.countDocuments({ owner: actor.id }),
    Project.countDocuments({ owner: actor.id, private: false }),
    Record.countDocuments({ owner: actor.id }),
    DiffRequest.countDocuments({ targetOwner: actor.id, status: 'proposed' }),
    DiffRequest.countDocuments({ sender: actor.id, status: 'proposed' }),
    DiffRequest.countDocuments({ targetOwner: actor.id, status: 'agreed' }),
    Record.find({ owner: actor.id }, RECORD_SUMMARY_PROJECTION).sort({ updated: -1, _id: -1 }).limit(DASHBOARD_ITEMS).lean<RecordDoc[]>(),
    DiffRequest.find({ targetOwner: actor.id, status: 'proposed' }).sort({ created: -1, _id: -1 }).limit(DASHBOARD_ITEMS).lean<DiffRequestDoc[]>(),
    DiffRequest.find({ sender: actor.id, status: 'proposed' }).sort({ created: -1, _id: -1 }).limit(DASHBOARD_ITEMS).lean<DiffRequestDoc[]>(),
  ]);
  return { counts: { projects, publicProjects, records, inboxOpen, outboxOpen, agreedReceived }, recentRecords, openInbox, openOutbox };
}
