/** A project's records query as the URL describes it: the page and the route's prefetch build the same one. */
import type { ProjectRecordsQuery, RecordStatus } from '@reprise/sdk';
import { dayEnd, dayStart, intParam, oneOf } from './params';

/** Every record status, in the order the filters offer them. */
export const RECORD_STATUSES: RecordStatus[] = ['finished', 'running', 'crashed', 'aborted', 'started', 'paused', 'scheduled', 'unknown'];

/** The query of the records table for the URL's search params (filters, order, page size, cursor). */
export function recordsQueryOf(params: URLSearchParams): ProjectRecordsQuery {
  const query: ProjectRecordsQuery = {
    sort: oneOf(params.get('sort'), ['created', 'updated'] as const, 'created'),
    order: oneOf(params.get('order'), ['desc', 'asc'] as const, 'desc'),
    limit: intParam(params.get('limit'), 1, 100, 25),
  };
  const status = oneOf(params.get('status'), ['', ...RECORD_STATUSES] as const, '');
  if (status) query.status = status;
  const q = params.get('q');
  if (q) query.q = q;
  const tag = params.get('tag');
  if (tag) query.tag = tag;
  const after = dayStart(params.get('from'));
  const before = dayEnd(params.get('to'));
  if (after) query.createdAfter = after;
  if (before) query.createdBefore = before;
  const cursor = params.get('cursor');
  if (cursor) query.cursor = cursor;
  return query;
}
