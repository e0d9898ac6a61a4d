/** A project's records query as the URL describes it: the page and the route's prefetch build the same one. */
import type { ProjectRecordsQuery, RecordStatus } from '@reprise/sdk';
import { parseSort } from '@reprise/rules';
import { dayEnd, dayStart, intParam, oneOf } from './params';

/** Every record status, in the order the filters offer them. */
export const RECORD_STATUSES: RecordStatus[] = ['finished', 'running', 'crashed', 'aborted', 'started', 'paused', 'scheduled', 'unknown'];

/** The query of the records table for the URL's search params (filters, order, page size, cursor). */
export function recordsQueryOf(params: URLSearchParams): ProjectRecordsQuery {
  // A time, or a path of the parameters or metrics (`-metrics.error`) as the service reads it.
  const sort = params.get('sort');
  const query: ProjectRecordsQuery = {
    sort: sort !== null && parseSort(sort).ok ? sort : 'created',
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
  const where = params.get('where');
  if (where) query.where = where;
  const columns = params.get('cols');
  if (columns) query.columns = columns;
  const cursor = params.get('cursor');
  if (cursor) query.cursor = cursor;
  return query;
}
