import { parseSort, parseWhere, type WhereComparison, type QuerySort } from '@reprise/rules';
import { decodeFreeform, type JsonValue } from '../codec.js';
import { AppError } from '../errors.js';
import { escapeRegex } from './ids.js';
import type { Model, Types } from 'mongoose';
import type { RecordDoc } from '../models/index.js';

/**
 * How many values a record keeps for queries: a parameters document with a huge list would
 * otherwise make every record list heavy. Paths beyond it (in document order) are not queryable;
 * the record itself keeps everything.
 */
const MAX_PATH_VALUES = 1000;

/** Strings longer than this are not kept as values (an index key must stay small); they cannot be compared. */
const MAX_STRING_VALUE = 1024;

/*
 * Each scalar at a path is stored as one string: the path as a JSON string (prefix-free: no
 * path's form starts with another's), a kind tag, and the value written so that strings sort as
 * the values do: `b` + 0/1 for a boolean, `n` + 16 hex digits for a number (its IEEE 754 bits,
 * turned so that they sort as the numbers), `s` + the string. A path that holds an object or a
 * list is `x` alone. A comparison is then a point or a range of strings of one path, which one
 * multikey index bounds; and sorting those strings sorts the path's values (booleans, numbers,
 * strings, each kind among itself).
 */
type Kind = 'b' | 'n' | 's' | 'x';

function sortableNumber(value: number): string {
  const bytes = Buffer.alloc(8);
  bytes.writeDoubleBE(value === 0 ? 0 : value);
  const first = bytes[0] ?? 0;
  // Negative numbers: every bit flipped (larger magnitudes sort lower); others: the sign bit set.
  if (first & 0x80) for (let i = 0; i < 8; i += 1) bytes[i] = ~(bytes[i] ?? 0) & 0xff;
  else bytes[0] = first | 0x80;
  return bytes.toString('hex');
}

function numberOfSortable(hex: string): number {
  const bytes = Buffer.from(hex, 'hex');
  const first = bytes[0] ?? 0;
  if (first & 0x80) bytes[0] = first & 0x7f;
  else for (let i = 0; i < 8; i += 1) bytes[i] = ~(bytes[i] ?? 0) & 0xff;
  return bytes.readDoubleBE(0);
}

/** The stored form of a value at a path (see above). */
function encoded(path: string, kind: Kind, value?: number | string | boolean): string {
  const payload = kind === 'n' ? sortableNumber(value as number) : kind === 'b' ? (value ? '1' : '0') : kind === 's' ? String(value) : '';
  return `${JSON.stringify(path)}${kind}${payload}`;
}

/** The path, kind and value of a stored value. */
function decoded(stored: string): { path: string; kind: Kind; value: number | string | boolean | null } {
  let end = 1;
  while (end < stored.length && stored[end] !== '"') end += stored[end] === '\\' ? 2 : 1;
  const path = JSON.parse(stored.slice(0, end + 1)) as string;
  const kind = stored[end + 1] as Kind;
  const payload = stored.slice(end + 2);
  const value = kind === 'n' ? numberOfSortable(payload) : kind === 'b' ? payload === '1' : kind === 's' ? payload : null;
  return { path, kind, value };
}

/**
 * The scalars of a record's parameters and metrics (codec text, as stored) by path: object keys
 * and list indexes joined by ".", under `parameters` and `metrics`, in their stored form. Objects
 * and lists inside are kept as markers, so that a query that names one can be refused.
 */
export function pathValuesOf(parameters: string | null | undefined, metrics: string | null | undefined): string[] {
  const values: string[] = [];
  const visit = (path: string, value: JsonValue | undefined, root: boolean): void => {
    if (values.length >= MAX_PATH_VALUES || value === undefined || value === null) return;
    if (typeof value === 'number') values.push(encoded(path, 'n', value));
    else if (typeof value === 'boolean') values.push(encoded(path, 'b', value));
    else if (typeof value === 'string') {
      if (value.length <= MAX_STRING_VALUE) values.push(encoded(path, 's', value));
    } else {
      if (!root) values.push(encoded(path, 'x'));
      const entries: Array<[string, JsonValue]> = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
      for (const [key, item] of entries) visit(`${path}.${key}`, item, false);
    }
  };
  visit('parameters', decodeFreeform(parameters), true);
  visit('metrics', decodeFreeform(metrics), true);
  return values;
}

/**
 * Gives every record stored before path values existed its values (at start-up, before the index
 * is built), so that `where` and `sort` find old records as they find new ones.
 */
export async function backfillPathValues(model: Model<RecordDoc>): Promise<void> {
  const missing = model.collection.find({ values: { $exists: false } }, { projection: { _id: 1, parameters: 1, metrics: 1 } });
  for await (const document of missing) {
    const { _id, parameters, metrics } = document as unknown as { _id: Types.ObjectId; parameters?: string | null; metrics?: string | null };
    await model.collection.updateOne({ _id, values: { $exists: false } }, { $set: { values: pathValuesOf(parameters, metrics) } });
  }
}

/** Every scalar of a record by path (objects and lists left out). */
export function scalarsOf(record: Pick<RecordDoc, 'values'>): Array<{ path: string; value: number | string | boolean }> {
  return (record.values ?? []).flatMap((stored) => {
    const { path, value } = decoded(stored);
    return value === null ? [] : [{ path, value }];
  });
}

/** A scalar at a path of a record, or null when it has none there. */
export function valueAt(record: Pick<RecordDoc, 'values'>, path: string): number | string | boolean | null {
  const prefix = JSON.stringify(path);
  const stored = record.values?.find((value) => value.startsWith(prefix) && value[prefix.length] !== 'x');
  return stored === undefined ? null : decoded(stored).value;
}

/*
 * Conditions on one value of a record are single regular expressions anchored at the path's
 * prefix, never a pair of bounds: `{$gte: a, $lt: b}` on a list holds when one value is above a
 * and another below b, and the embedded engine (FerretDB 1.24) does not test `$elemMatch` bounds
 * on one value either. MongoDB bounds an anchored expression by its literal prefix in the index
 * over values, so each comparison still reads only the path's values.
 */

/** The filter of records that have a scalar at `path` (any kind). */
export function hasValueAt(path: string): Record<string, unknown> {
  return { values: { $regex: `^${escapeRegex(JSON.stringify(path))}[bns]` } };
}

const HEX = '0123456789abcdef';

/**
 * A regular expression over the 16 hex digits of a sortable number that matches the numbers
 * below (or above) it, and it too when `orEqual`: at some digit it is smaller (larger), after
 * the same digits before; null when no number is.
 */
function hexOrder(hex: string, below: boolean, orEqual: boolean): string | null {
  const alternatives: string[] = [];
  for (let at = 0; at < hex.length; at += 1) {
    const digit = HEX.indexOf(hex[at] ?? '0');
    const digits = below ? HEX.slice(0, digit) : HEX.slice(digit + 1);
    if (digits.length > 0) alternatives.push(`${hex.slice(0, at)}[${digits}]`);
  }
  if (orEqual) alternatives.push(`${hex}$`);
  return alternatives.length > 0 ? `(?:${alternatives.join('|')})` : null;
}

/** The filter of records where `path` holds an object or a list. */
export function holdsObjectAt(path: string): Record<string, unknown> {
  return { values: encoded(path, 'x') };
}

/** The stage that keeps, of a record's unwound values, those of `path`. */
export function valuesOfPath(path: string): Record<string, unknown> {
  const prefix = JSON.stringify(path);
  return { values: { $gte: `${prefix}b`, $lt: `${prefix}t` } };
}

/** The free-text condition on values: a path or a string value containing the text, or a number equal to it. */
export function valueTextFilters(q: string, pattern: { $regex: string; $options: string }): Array<Record<string, unknown>> {
  const filters: Array<Record<string, unknown>> = [{ values: pattern }];
  const number = Number(q);
  if (q.trim() !== '' && Number.isFinite(number)) filters.push({ values: { $regex: `"n${sortableNumber(number)}$` } });
  return filters;
}

function invalidQuery(parameter: 'where' | 'sort' | 'columns', expression: string, position: number, message: string): AppError {
  return new AppError(400, 'invalid_query', `${parameter}: ${message} (at position ${position} of "${expression}").`, { parameter, position, expression });
}

/** The comparisons of a `where` text, or a 400 invalid_query naming the position of what is wrong. */
export function checkedWhere(text: string | undefined): WhereComparison[] {
  if (text === undefined) return [];
  const parsed = parseWhere(text);
  if (!parsed.ok) throw invalidQuery('where', text, parsed.problem.position, parsed.problem.message);
  return parsed.value;
}

/** The order of a `sort` text (undefined when none is given), or a 400 invalid_query naming the position. */
export function checkedSort(text: string | undefined): QuerySort | undefined {
  if (text === undefined) return undefined;
  const parsed = parseSort(text);
  if (!parsed.ok) throw invalidQuery('sort', text, parsed.problem.position, parsed.problem.message);
  return parsed.value;
}

/** A path that holds an object or a list where a value was asked for: a 400 at the position where it is named. */
export function nonScalarPath(parameter: 'where' | 'sort', expression: string, path: string, position: number): AppError {
  return invalidQuery(parameter, expression, position, `"${path}" holds an object or a list, not a value: name a value inside it (${path}.<key>)`);
}

/**
 * The database filter of one comparison: a value of the record at that path, of the kind of the
 * value given, that compares as asked (a point, or a range within the path's values of that
 * kind, which the multikey index over values bounds). `!=` asks for a value at the path (of any
 * kind) other than the one given.
 */
export function comparisonFilter(comparison: WhereComparison): Record<string, unknown> {
  const { path, operator, value } = comparison;
  const kind: Kind = typeof value === 'number' ? 'n' : typeof value === 'string' ? 's' : 'b';
  const point = encoded(path, kind, value);
  if (operator === '=') return { values: point };
  if (operator === '!=') return { $and: [hasValueAt(path), { values: { $ne: point } }] };
  // `value` is a number from here on.
  // Only numbers reach here: the parser refuses a string or a boolean with <, <=, > or >=.
  const order = hexOrder(sortableNumber(value as number), operator.startsWith('<'), operator.endsWith('='));
  if (order === null) return { values: { $in: [] } };
  return { values: { $regex: `^${escapeRegex(JSON.stringify(path))}n${order}` } };
}

/** Paths of a comma-separated `columns` text, at most 50, each checked as a path. */
export function checkedColumns(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  const paths = text.split(',').map((path) => path.trim()).filter((path) => path.length > 0);
  if (paths.length > 50) throw new AppError(400, 'invalid_query', `columns: at most 50 paths, got ${paths.length}.`, { parameter: 'columns' });
  let offset = 0;
  for (const path of paths) {
    const parsed = parseSort(path);
    if (!parsed.ok || parsed.value.time || parsed.value.key !== path) {
      const position = text.indexOf(path, offset);
      throw invalidQuery('columns', text, position, parsed.ok ? `"${path}" is not a path of the parameters or metrics` : parsed.problem.message);
    }
    offset = text.indexOf(path, offset) + path.length;
  }
  return paths;
}
