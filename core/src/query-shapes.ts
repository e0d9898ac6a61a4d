import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { mongo } from 'mongoose';

/**
 * How a query compares one field: `eq` (a value, `$eq`, `$in`, `$all`: point bounds on an index),
 * `range` (`$gt`, `$gte`, `$lt`, `$lte`), or `filter` (a regular expression, `$ne`, `$nin`,
 * `$exists`, …: tested on the documents found, no tight bounds).
 */
type FieldTest = 'eq' | 'range' | 'filter';

/** The fields of a filter and the alternatives of each `$or` it holds (all of them must hold). */
export interface FilterShape {
  fields: Record<string, FieldTest>;
  /** Each `$or` of the filter (also inside `$and`), as its list of alternatives. */
  or?: FilterShape[][];
}

/** What a query asks of the database, without its values: enough to tell which index serves it. */
export interface QueryShape {
  collection: string;
  /** The database command: find, findAndModify, update, delete, count, distinct or aggregate. */
  command: string;
  filter: FilterShape;
  sort: Array<[string, 1 | -1]>;
  /** Where the query came from (the first frame outside the driver), when the stack tells. */
  origin?: string;
  /** True when test code sent it itself, not a service. */
  test?: boolean;
}

const EQ_OPERATORS = new Set(['$eq', '$in', '$all']);
const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The shape of a MongoDB filter document. */
export function filterShapeOf(filter: unknown): FilterShape {
  const shape: FilterShape = { fields: {} };
  if (!isPlainObject(filter)) return shape;
  const add = (field: string, test: FieldTest) => {
    const known = shape.fields[field];
    // Two conditions on one field: the tighter bound counts.
    const rank = { eq: 0, range: 1, filter: 2 } as const;
    if (!known || rank[test] < rank[known]) shape.fields[field] = test;
  };
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        const inner = filterShapeOf(part);
        for (const [field, test] of Object.entries(inner.fields)) add(field, test);
        if (inner.or) shape.or = [...(shape.or ?? []), ...inner.or];
      }
    } else if (key === '$or' && Array.isArray(value)) {
      shape.or = [...(shape.or ?? []), value.map(filterShapeOf)];
    } else if (key.startsWith('$')) {
      // $nor, $expr, $where, $text, $comment: no index bounds here.
      if (key !== '$comment') add(key, 'filter');
    } else {
      for (const [field, test] of fieldTests(key, value)) add(field, test);
    }
  }
  return shape;
}

function fieldTests(field: string, value: unknown): Array<[string, FieldTest]> {
  if (value instanceof RegExp || (value as { _bsontype?: string } | null)?._bsontype === 'BSONRegExp') return [[field, 'filter']];
  if (!isPlainObject(value) || !Object.keys(value).some((key) => key.startsWith('$'))) return [[field, 'eq']];
  const tests: Array<[string, FieldTest]> = [];
  for (const [operator, operand] of Object.entries(value)) {
    if (EQ_OPERATORS.has(operator)) tests.push([field, 'eq']);
    else if (RANGE_OPERATORS.has(operator)) tests.push([field, 'range']);
    else if (operator === '$elemMatch' && isPlainObject(operand) && !Object.keys(operand).some((key) => key.startsWith('$'))) {
      for (const [inner, test] of Object.entries(filterShapeOf(operand).fields)) tests.push([`${field}.${inner}`, test]);
    } else if (operator === '$elemMatch') tests.push([field, 'range']);
    else tests.push([field, 'filter']);
  }
  return tests;
}

function sortOf(sort: unknown): Array<[string, 1 | -1]> {
  // The driver sends a sort as a Map (its keys keep their order).
  const entries = sort instanceof Map ? [...(sort as Map<string, unknown>).entries()] : isPlainObject(sort) ? Object.entries(sort) : [];
  return entries.map(([field, direction]) => [field, direction === -1 || direction === 'desc' || direction === 'descending' ? -1 : 1]);
}

/**
 * The query shapes of one database command (an update or delete command may hold several), or
 * none for commands that do not search (insert, getMore, index and collection management, …).
 */
function queryShapesOf(commandName: string, command: Record<string, unknown>): QueryShape[] {
  const collection = command[commandName];
  if (typeof collection !== 'string') return [];
  const shape = (filter: unknown, sort?: unknown): QueryShape => ({ collection, command: commandName, filter: filterShapeOf(filter), sort: sortOf(sort) });
  switch (commandName) {
    case 'find':
      return [shape(command.filter, command.sort)];
    case 'findAndModify':
      return [shape(command.query, command.sort)];
    case 'count':
    case 'distinct':
      return [shape(command.query)];
    case 'update':
      return (Array.isArray(command.updates) ? command.updates : []).map((update: { q?: unknown }) => shape(update.q));
    case 'delete':
      return (Array.isArray(command.deletes) ? command.deletes : []).map((deletion: { q?: unknown }) => shape(deletion.q));
    case 'aggregate': {
      const [first, second] = Array.isArray(command.pipeline) ? (command.pipeline as Array<Record<string, unknown>>) : [];
      const match = first && '$match' in first ? first.$match : {};
      const sort = first && '$match' in first ? second?.$sort : first?.$sort;
      return [shape(match, sort)];
    }
    default:
      return [];
  }
}

/** The shape as one line of JSON, the same for the same query whatever its values. */
export function queryShapeKey(shape: QueryShape): string {
  return JSON.stringify([shape.collection, shape.command, shape.filter, shape.sort]);
}

/**
 * The first two stack frames of ours (not the driver's, not mongoose's, not this file's, not the
 * scoped accessors' that every service query passes through), innermost first.
 */
function originOf(stack: string | undefined): string | undefined {
  const frames: string[] = [];
  for (const line of (stack ?? '').split('\n').slice(1)) {
    if (/node_modules|node:|query-shapes\.|core\/(src|dist)\/(db|access)\./.test(line)) continue;
    const match = /\(?((?:file:\/\/)?\/[^\s()]+:\d+:\d+)\)?\s*$/.exec(line);
    if (match?.[1]) frames.push(match[1].replace(/^file:\/\//, ''));
    if (frames.length === 2) break;
  }
  return frames.length > 0 ? frames.join(' ← ') : undefined;
}

/**
 * True for an origin in test code (a test file or a test harness): the test's own queries (an
 * assertion that counts documents, emptying collections) are not the services' and need no index.
 */
function isTestOrigin(origin: string | undefined): boolean {
  const innermost = origin?.split(' ← ')[0];
  return innermost !== undefined && /\.test\.tsx?:|\/src\/test\/|\/src\/e2e\/|tools\/src\/testing\//.test(innermost);
}

/** Shapes written with a service's origin, by file and shape: one process may hold several connections. */
const settled = new Set<string>();
/** Shapes written with a test's origin: written once, but still watched for a service sending them. */
const fromTests = new Set<string>();

/**
 * Records the shape of every query a client sends, once per shape and process, as JSON lines in
 * `<dir>/<pid>.jsonl`, with where it came from: the index-coverage check of the test suite reads
 * them. A shape seen from the services costs a key lookup per command from then on; only shapes
 * that tests send themselves keep costing a stack trace.
 */
export function recordQueryShapes(client: mongo.MongoClient, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${process.pid}.jsonl`);
  client.on('commandStarted', (event) => {
    for (const shape of queryShapesOf(event.commandName, event.command as Record<string, unknown>)) {
      const key = `${file} ${queryShapeKey(shape)}`;
      if (settled.has(key)) continue;
      // Deep enough to get past the driver's and mongoose's frames to ours.
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 100;
      const stack = new Error().stack;
      Error.stackTraceLimit = limit;
      const origin = originOf(stack);
      const test = isTestOrigin(origin);
      if (test && fromTests.has(key)) continue;
      (test ? fromTests : settled).add(key);
      appendFileSync(file, `${JSON.stringify({ ...shape, origin, test })}\n`);
    }
  });
}
