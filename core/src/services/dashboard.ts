import { access } from '../access.js';
import type { DiffRequestDoc, RecordDoc } from '../models/index.js';
import { RequestScope, Scope } from '../scope.js';
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
  const { projects: allProjects, records: allRecords, requests } = access(deps);
  const own = Scope.owner(actor.id);
  const inbox = RequestScope.addressedTo(actor.id);
  const outbox = RequestScope.sentBy(actor.id);
  const [projects, publicProjects, records, inboxOpen, outboxOpen, agreedReceived, recentRecords, openInbox, openOutbox] = await Promise.all([
    allProjects.countDocuments(own),
    allProjects.countDocuments(own, { private: false }),
    allRecords.countDocuments(own),
    requests.countDocuments(inbox, { status: 'proposed' }),
    requests.countDocuments(outbox, { status: 'proposed' }),
    requests.countDocuments(inbox, { status: 'agreed' }),
    allRecords.find(own, {}, RECORD_SUMMARY_PROJECTION).sort({ updated: -1, _id: -1 }).limit(DASHBOARD_ITEMS).lean<RecordDoc[]>(),
    requests.find(inbox, { status: 'proposed' }).sort({ created: -1, _id: -1 }).limit(DASHBOARD_ITEMS).lean<DiffRequestDoc[]>(),
    requests.find(outbox, { status: 'proposed' }).sort({ created: -1, _id: -1 }).limit(DASHBOARD_ITEMS).lean<DiffRequestDoc[]>(),
  ]);
  return { counts: { projects, publicProjects, records, inboxOpen, outboxOpen, agreedReceived }, recentRecords, openInbox, openOutbox };
}
