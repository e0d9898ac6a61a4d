import type { Schemas } from '@reprise/contract';
import type { ProjectDoc, RecordDoc } from '../models/index.js';
import { access } from '../access.js';
import type { Actor, Deps } from './context.js';
import { listRecords, projectScope, type RecordQuery } from './records.js';
import { scalarsOf, valueAt } from './record-values.js';

/** How many of a project's most recent records the path summary reads. */
const PATH_SAMPLE = 1000;

/**
 * The scalar paths of the parameters and metrics of a project's most recent records, with their
 * kind and how many records and different values each has, those that vary first (then metrics
 * before parameters, then by name): the columns a worksheet offers.
 */
export async function projectPaths(deps: Deps, viewer: Actor | null, project: ProjectDoc): Promise<Schemas['RecordPathPage']> {
  const sample = await access(deps)
    .records.find(projectScope(viewer, project), { project: project._id }, { values: 1 })
    .sort({ created: -1, _id: -1 })
    .limit(PATH_SAMPLE)
    .lean<Array<Pick<RecordDoc, '_id' | 'values'>>>();
  const paths = new Map<string, { kinds: Set<string>; records: number; values: Set<string> }>();
  for (const record of sample) {
    for (const { path, value } of scalarsOf(record)) {
      const known = paths.get(path) ?? { kinds: new Set<string>(), records: 0, values: new Set<string>() };
      known.kinds.add(typeof value);
      known.records += 1;
      known.values.add(JSON.stringify(value));
      paths.set(path, known);
    }
  }
  const data = [...paths.entries()].map(([path, known]) => {
    const [only] = known.kinds;
    return {
      path,
      kind: (known.kinds.size === 1 && only ? only : 'mixed') as 'number' | 'string' | 'boolean' | 'mixed',
      records: known.records,
      distinct: known.values.size,
      varies: known.values.size > 1 || known.records < sample.length,
    };
  });
  const rank = (entry: (typeof data)[number]) => (entry.varies ? 0 : 2) + (entry.path.startsWith('metrics.') ? 0 : 1);
  data.sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
  return { records: sample.length, data };
}

/** Records read per query while a CSV is written (the largest page a list gives). */
const CSV_PAGE = 100;

/** The fixed columns of a worksheet's CSV, before the chosen paths. */
const FIXED_COLUMNS = ['label', 'status', 'created'] as const;

/** One CSV cell: quoted when it must be, and never a formula a spreadsheet would run. */
function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) && !Number.isFinite(Number(value)) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvLine(cells: Array<string | number | boolean | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * A project's records as CSV lines (the header first): label, status, created and the values at
 * `columns`, for every record the query selects, in its order, read page by page so that memory
 * stays flat whatever the number of records.
 */
export async function* recordsCsv(
  deps: Deps,
  viewer: Actor | null,
  project: ProjectDoc,
  query: Omit<RecordQuery, 'cursor' | 'limit'>,
  columns: string[],
): AsyncGenerator<string> {
  // The first page is read before anything is yielded: a refused query fails before a line is sent.
  let page = await listRecords(deps, viewer, project, { ...query, limit: CSV_PAGE });
  yield csvLine([...FIXED_COLUMNS, ...columns]);
  for (;;) {
    let chunk = '';
    for (const record of page.items) {
      chunk += csvLine([record.label, record.status, record.created.toISOString(), ...columns.map((path) => valueAt(record, path))]);
    }
    if (chunk) yield chunk;
    if (page.next === null) return;
    page = await listRecords(deps, viewer, project, { ...query, cursor: page.next, limit: CSV_PAGE });
  }
}
