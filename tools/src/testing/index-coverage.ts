import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { BACKFILLS_COLLECTION, createModels, queryShapeKey, type FilterShape, type QueryShape } from '@reprise/core';

/** One index of a collection: its key in order, and whether it is unique. */
export interface IndexSpec {
  collection: string;
  key: Array<[string, 1 | -1]>;
  unique: boolean;
}

/** A query shape that no index serves but that is accepted, and why. */
export interface AllowedScan {
  /** The shape as `describeShape` writes it. */
  shape: string;
  reason: string;
}

/** A query shape no index serves, with an index that would. */
export interface Unserved {
  shape: QueryShape;
  description: string;
  /** An index that would serve it, by the equality → sort → range rule. */
  wanted: IndexSpec;
  origins: string[];
}

/**
 * The indexes the services rely on: those the models declare, every collection's `_id` index, the
 * two that the driver's GridFS creates for the blob bucket, and the `_id` of the notes of completed
 * start-up backfills (core/src/models/index.ts).
 */
export function declaredIndexes(): IndexSpec[] {
  // Models bound to a connection that never opens: only their schemas are read.
  const connection = mongoose.createConnection();
  const indexes: IndexSpec[] = [];
  for (const model of Object.values(createModels(connection))) {
    const collection = model.collection.collectionName;
    indexes.push({ collection, key: [['_id', 1]], unique: true });
    for (const [key, options] of model.schema.indexes()) {
      indexes.push({ collection, key: Object.entries(key).map(([field, direction]) => [field, direction === -1 ? -1 : 1]), unique: options.unique === true });
    }
  }
  indexes.push(
    { collection: 'blobs.files', key: [['_id', 1]], unique: true },
    { collection: 'blobs.files', key: [['filename', 1], ['uploadDate', 1]], unique: false },
    { collection: 'blobs.chunks', key: [['_id', 1]], unique: true },
    { collection: 'blobs.chunks', key: [['files_id', 1], ['n', 1]], unique: true },
    { collection: BACKFILLS_COLLECTION, key: [['_id', 1]], unique: true },
  );
  return indexes;
}

function fieldsOf(fields: FilterShape['fields'], test: 'eq' | 'range'): Set<string> {
  return new Set(Object.entries(fields).flatMap(([field, t]) => (t === test ? [field] : [])));
}

/** The sort keys an index must provide: those not already fixed by an equality. */
function sortAfterEquality(sort: QueryShape['sort'], equality: Set<string>): QueryShape['sort'] {
  return sort.filter(([field]) => !equality.has(field));
}

/**
 * Whether an index serves a filter without `$or` and a sort, by MongoDB's rule: its key starts with
 * equality fields of the query (in any order), then the sort fields in order (all in the index's
 * direction or all reversed), then a range field if any. An index that starts with only some of the
 * equalities still serves: the scan is bounded to that prefix and needs no in-memory sort, and the
 * other equalities filter what it fetches — which is how MongoDB answers the combinations of
 * optional list filters (status, tag, label prefix) that no set of indexes could cover one by one.
 * An equality on `_id`, or on every field of a unique index, finds at most one document and is
 * always served. The index must bound the scan: an index that only matches an empty prefix serves
 * nothing.
 */
function indexServes(index: IndexSpec, fields: FilterShape['fields'], sort: QueryShape['sort']): boolean {
  const equality = fieldsOf(fields, 'eq');
  const range = fieldsOf(fields, 'range');
  if (equality.has('_id')) return true;
  if (index.unique && index.key.every(([field]) => equality.has(field))) return true;
  const key = index.key;
  let at = 0;
  while (at < key.length && equality.has(key[at]?.[0] ?? '')) at += 1;
  if (equality.size > 0 && at === 0) return false;
  const sortKeys = sortAfterEquality(sort, equality);
  const first = sortKeys[0];
  if (first) {
    const flip = first[1] * (key[at]?.[1] ?? 1);
    for (const [field, direction] of sortKeys) {
      const indexed = key[at];
      if (!indexed || indexed[0] !== field || indexed[1] * flip !== direction) return false;
      at += 1;
    }
  }
  const nextIsRange = range.has(key[at]?.[0] ?? '');
  return equality.size > 0 || sortKeys.length > 0 || nextIsRange;
}

function merge(base: FilterShape, extra: FilterShape, skipGroup: number): FilterShape {
  const fields = { ...base.fields };
  for (const [field, test] of Object.entries(extra.fields)) if (fields[field] !== 'eq') fields[field] = test;
  const or = [...(base.or ?? []).filter((_, i) => i !== skipGroup), ...(extra.or ?? [])];
  return or.length > 0 ? { fields, or } : { fields };
}

/**
 * Fields that copy another document's and so are fixed by an equality on the field they come by:
 * the owner and visibility of a record or container are its project's, so an index on `project`
 * narrows a query to them as well as one on `project, owner` would.
 */
const DENORMALIZED: Array<{ collection: string; by: string; fields: string[] }> = [
  { collection: 'records', by: 'project', fields: ['owner', 'private'] },
  { collection: 'containers', by: 'project', fields: ['owner', 'private'] },
];

/** The filter without the equalities that another equality of it already fixes. */
function withoutFixed(collection: string, filter: FilterShape): FilterShape {
  const fields = { ...filter.fields };
  for (const rule of DENORMALIZED) {
    if (rule.collection !== collection || fields[rule.by] !== 'eq') continue;
    for (const field of rule.fields) if (fields[field] === 'eq') delete fields[field];
  }
  return { ...filter, fields };
}

/**
 * The index that serves a query shape, if one does. A filter with `$or` is served when its other
 * fields are, or when every alternative of one `$or` is (MongoDB answers each from its index and
 * merges them).
 */
export function servingIndex(shape: Pick<QueryShape, 'collection' | 'filter' | 'sort'>, indexes: IndexSpec[]): IndexSpec | undefined {
  const own = indexes.filter((index) => index.collection === shape.collection);
  const serve = (filter: FilterShape): IndexSpec | undefined => {
    const fields = withoutFixed(shape.collection, filter).fields;
    const direct = own.find((index) => indexServes(index, fields, shape.sort));
    if (direct) return direct;
    for (const [g, group] of (filter.or ?? []).entries()) {
      const each = group.map((alternative) => serve(merge(filter, alternative, g)));
      if (each.length > 0 && each.every(Boolean)) return each[0];
    }
    return undefined;
  };
  return serve(shape.filter);
}

/** An index that would serve the filter (the first unserved alternative of an `$or` without other bounds). */
function wantedIndex(shape: QueryShape, indexes: IndexSpec[]): IndexSpec {
  const own = indexes.filter((index) => index.collection === shape.collection);
  const unservedPart = (filter: FilterShape): FilterShape => {
    if (Object.values(filter.fields).some((test) => test === 'eq') || !filter.or?.[0]) return filter;
    const group = filter.or[0];
    const missing = group
      .map((alternative) => merge(filter, alternative, 0))
      .find((part) => !own.some((index) => indexServes(index, withoutFixed(shape.collection, part).fields, shape.sort)));
    return missing ? unservedPart(missing) : filter;
  };
  const part = withoutFixed(shape.collection, unservedPart(shape.filter));
  const equality = [...fieldsOf(part.fields, 'eq')];
  const [range] = fieldsOf(part.fields, 'range');
  const key: IndexSpec['key'] = [...equality.map((field): [string, 1] => [field, 1]), ...sortAfterEquality(shape.sort, new Set(equality))];
  if (range && !key.some(([field]) => field === range)) key.push([range, 1]);
  return { collection: shape.collection, key, unique: false };
}

function describeFilter(filter: FilterShape): string {
  const parts = Object.entries(filter.fields).map(([field, test]) => `${field}: ${test}`);
  for (const group of filter.or ?? []) parts.push(`$or: [${group.map(describeFilter).join(' | ')}]`);
  return `{${parts.join(', ')}}`;
}

/** A query shape as one line, e.g. `records.find({project: eq, status: eq}).sort({created: -1})`. */
function describeShape(shape: Pick<QueryShape, 'collection' | 'command' | 'filter' | 'sort'>): string {
  const sort = shape.sort.length > 0 ? `.sort({${shape.sort.map(([field, direction]) => `${field}: ${direction}`).join(', ')}})` : '';
  return `${shape.collection}.${shape.command}(${describeFilter(shape.filter)})${sort}`;
}

/** An index key as `{a: 1, b: -1}`. */
export function describeKey(index: IndexSpec): string {
  return `{${index.key.map(([field, direction]) => `${field}: ${direction}`).join(', ')}}`;
}

/** Reads the shapes the services sent in every process of a test run (not the tests' own), each once with where it came from. */
export function readQueryShapes(dir: string): Array<QueryShape & { origins: string[] }> {
  const shapes = new Map<string, QueryShape & { origins: string[] }>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.jsonl'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const file of files) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      // A process killed mid-write leaves a cut last line.
      if (!line.trim().endsWith('}')) continue;
      const shape = JSON.parse(line) as QueryShape;
      if (shape.test) continue;
      const key = queryShapeKey(shape);
      const known = shapes.get(key) ?? { ...shape, origins: [] };
      if (shape.origin && known.origins.length < 3 && !known.origins.includes(shape.origin)) known.origins.push(shape.origin);
      shapes.set(key, known);
    }
  }
  return [...shapes.values()];
}

/** The shapes no index serves and no allow-list entry accepts. */
export function unservedQueries(shapes: Array<QueryShape & { origins?: string[] }>, indexes: IndexSpec[], allowed: AllowedScan[] = []): Unserved[] {
  const accepted = new Set(allowed.map((entry) => entry.shape));
  return shapes.flatMap((shape) => {
    const description = describeShape(shape);
    if (servingIndex(shape, indexes) || accepted.has(description)) return [];
    return [{ shape, description, wanted: wantedIndex(shape, indexes), origins: shape.origins ?? [] }];
  });
}

/** The report of a failed check: each query, the index it lacks, and where it came from. */
export function coverageReport(unserved: Unserved[], root: string): string {
  const lines = unserved.map((item) => {
    const origins = item.origins.map((origin) => origin.split(' ← ').map((frame) => path.relative(root, frame)).join(' ← ')).join(', ');
    return `  - ${item.description}\n    no declared index serves it; one that would: ${item.wanted.collection} ${describeKey(item.wanted)}${origins ? `\n    from ${origins}` : ''}`;
  });
  return `${unserved.length} quer${unserved.length === 1 ? 'y' : 'ies'} of the test run would scan a collection: declare the index in core/src/models (or, for a deliberate scan, add the shape to the allow-list in tools/src/testing/index-coverage.ts with the reason).\n${lines.join('\n')}`;
}

/** Queries that scan on purpose, each with the reason. */
export const ALLOWED_SCANS: AllowedScan[] = [
  {
    shape: 'blobs.files.find({})',
    reason: "the driver's GridFS looks for any one file (a find with limit 1) to decide whether to create its indexes before an upload",
  },
  // The sweep (core/src/services/sweep.ts) runs every SWEEP_INTERVAL_MINUTES and reads what is older
  // than an hour, nearly the whole collection: an index would be read end to end all the same.
  { shape: 'containers.find({created: range})', reason: 'the sweep looks for containers left out of their project history' },
  { shape: 'files.find({created: range})', reason: 'the sweep looks for files nothing refers to' },
  { shape: 'blobs.files.find({uploadDate: range})', reason: 'the sweep looks for blobs without a File' },
  { shape: 'blobs.chunks.find({n: eq})', reason: 'the sweep looks for uploads cut off by a crash (first chunks without a files document)' },
  {
    shape: 'records.find({values: filter})',
    reason: 'once per database (then noted in `backfills`), before the values index is built: records stored before path values existed get them (backfillPathValues)',
  },
  {
    shape: 'users.find({name: filter})',
    reason:
      "a free-text record search also finds records by their owner's name: it looks up at most 100 users whose name contains the text (case-insensitive), which no index can bound",
  },
  {
    shape: 'diffrequests.find({liveKey: filter})',
    reason: 'once per database (then noted in `backfills`), before the unique live-key index is built: requests stored before the key existed get one (backfillLiveKeys)',
  },
];
