/*
 * Queries over a record's parameters and metrics: the `where` and `sort` texts of record lists.
 *
 * `where` is a conjunction of comparisons joined by `and`, each a path, an operator and a value:
 *   parameters.cfl < 0.45 and metrics.error <= 1e-3 and parameters.scheme = "crank"
 * A path starts with `parameters` or `metrics` and names a scalar inside (object keys and list
 * indexes joined by "."). Values are numbers, quoted strings ("…" or '…') and true/false; a
 * string or a boolean compares only with `=` and `!=`. `sort` is a path, or `created`/`updated`,
 * with a leading `-` for descending order.
 *
 * Both parsers are pure: the services refuse what they refuse (a 400 that names the position) and
 * the dashboard checks the same text before it asks.
 */

/** The comparison operators of `where`, longest first (so that `<=` is read before `<`). */
const WHERE_OPERATORS = ['<=', '>=', '!=', '=', '<', '>'] as const;

/** One comparison operator. */
type WhereOperator = (typeof WHERE_OPERATORS)[number];

/** The value a path is compared with. */
type WhereValue = number | string | boolean;

/** The roots a path may start with. */
const QUERY_ROOTS = ['parameters', 'metrics'] as const;

/** One comparison of a `where`. */
export interface WhereComparison {
  /** The full path, e.g. `parameters.solver.cfl`. */
  path: string;
  operator: WhereOperator;
  value: WhereValue;
  /** Where the comparison starts in the text (0-based). */
  position: number;
}

/** The order a list is asked for: a time field of the record, or a path. */
export interface QuerySort {
  /** `created`, `updated`, or a path such as `metrics.error`. */
  key: string;
  /** True for `created` and `updated`, which are the record's own times rather than paths. */
  time: boolean;
  /** 1 ascending, -1 descending (a leading `-`); undefined when the text gives none (the list's default). */
  direction: 1 | -1 | undefined;
}

/** Why a text is refused, and where (0-based offset into the text). */
interface QueryProblem {
  position: number;
  message: string;
}

/** A parse result: the value, or the problem. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: QueryProblem };

const fail = <T>(position: number, message: string): Parsed<T> => ({ ok: false, problem: { position, message } });

const PATH_SEGMENT = /[A-Za-z0-9_-]/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const OPERATOR_CHARS = /[=!<>~^%*]/;

/** True when the character may be part of a path (letters, digits, "_", "-", and the "." between segments). */
function isPathChar(char: string | undefined): boolean {
  return char !== undefined && (PATH_SEGMENT.test(char) || char === '.');
}

/** Reads a path at `start`; the problem says what is wrong with it when it is not a path of a scalar. */
function readPath(text: string, start: number): Parsed<{ path: string; end: number }> {
  let end = start;
  while (isPathChar(text[end])) end += 1;
  const path = text.slice(start, end);
  if (path.length === 0) return fail(start, text[start] === undefined ? 'expected a path such as parameters.cfl or metrics.error, found the end' : `expected a path such as parameters.cfl or metrics.error, found "${text[start]}"`);
  const problem = pathProblem(path);
  if (problem) return fail(start, problem);
  return { ok: true, value: { path, end } };
}

/**
 * What is wrong with a path of `where` or `sort`, or undefined when it is one: it starts with a
 * root and names something inside it, with no empty segment.
 */
function pathProblem(path: string): string | undefined {
  const [root, ...rest] = path.split('.');
  if (!QUERY_ROOTS.includes(root as (typeof QUERY_ROOTS)[number])) return `"${path}" is not a path: a path starts with "parameters." or "metrics."`;
  if (rest.length === 0) return `"${path}" is an object, not a value: name a value inside it, such as ${root}.${root === 'metrics' ? 'error' : 'cfl'}`;
  if (rest.some((segment) => segment.length === 0)) return `"${path}" has an empty segment`;
  return undefined;
}

function skipSpace(text: string, at: number): number {
  let next = at;
  while (next < text.length && /\s/.test(text[next] ?? '')) next += 1;
  return next;
}

function readOperator(text: string, start: number): Parsed<{ operator: WhereOperator; end: number }> {
  let end = start;
  if (/[A-Za-z]/.test(text[start] ?? '')) {
    // A word where an operator belongs: `like`, `in`, `is`…
    while (/[A-Za-z]/.test(text[end] ?? '')) end += 1;
  } else {
    while (OPERATOR_CHARS.test(text[end] ?? '')) end += 1;
  }
  const word = text.slice(start, end);
  if (word.length === 0) return fail(start, text[start] === undefined ? 'expected an operator (= != < <= > >=), found the end' : `expected an operator (= != < <= > >=), found "${text[start]}"`);
  const operator = WHERE_OPERATORS.find((known) => known === word);
  if (!operator) return fail(start, `unknown operator "${word}": use one of = != < <= > >=`);
  return { ok: true, value: { operator, end } };
}

function readValue(text: string, start: number): Parsed<{ value: WhereValue; end: number }> {
  const char = text[start];
  if (char === '"' || char === "'") {
    let value = '';
    let at = start + 1;
    while (at < text.length && text[at] !== char) {
      if (text[at] === '\\' && at + 1 < text.length) at += 1;
      value += text[at];
      at += 1;
    }
    if (at >= text.length) return fail(start, `the string that starts here has no closing ${char}`);
    return { ok: true, value: { value, end: at + 1 } };
  }
  const number = NUMBER.exec(text.slice(start));
  if (number && !isPathChar(text[start + number[0].length]) ) {
    const value = Number(number[0]);
    if (Number.isFinite(value)) return { ok: true, value: { value, end: start + number[0].length } };
  }
  let end = start;
  while (isPathChar(text[end])) end += 1;
  const word = text.slice(start, end);
  if (word === 'true' || word === 'false') return { ok: true, value: { value: word === 'true', end } };
  if (word.length === 0) return fail(start, char === undefined ? 'expected a value (a number, a quoted string, true or false), found the end' : `expected a value (a number, a quoted string, true or false), found "${char}"`);
  return fail(start, `"${word}" is not a value: quote a string ("${word}"), or write a number, true or false`);
}

/** Parses a `where` text into its comparisons (an empty or blank text is no condition). */
export function parseWhere(text: string): Parsed<WhereComparison[]> {
  const comparisons: WhereComparison[] = [];
  let at = skipSpace(text, 0);
  if (at >= text.length) return { ok: true, value: [] };
  for (;;) {
    const position = at;
    const path = readPath(text, at);
    if (!path.ok) return path;
    at = skipSpace(text, path.value.end);
    const operator = readOperator(text, at);
    if (!operator.ok) return operator;
    const valueAt = skipSpace(text, operator.value.end);
    const value = readValue(text, valueAt);
    if (!value.ok) return value;
    const { operator: op } = operator.value;
    if (typeof value.value.value !== 'number' && op !== '=' && op !== '!=') {
      const kind = typeof value.value.value === 'string' ? 'a string' : 'a boolean';
      return fail(at, `${kind} compares only with = and !=, not ${op}`);
    }
    comparisons.push({ path: path.value.path, operator: op, value: value.value.value, position });
    at = skipSpace(text, value.value.end);
    if (at >= text.length) return { ok: true, value: comparisons };
    let word = at;
    while (/[A-Za-z]/.test(text[word] ?? '')) word += 1;
    const joiner = text.slice(at, word);
    if (joiner.toLowerCase() !== 'and' || (word < text.length && !/\s/.test(text[word] ?? ''))) {
      if (joiner.toLowerCase() === 'or') return fail(at, 'only "and" joins comparisons; "or" is not supported');
      return fail(at, `expected "and" or the end, found "${joiner || text[at]}"`);
    }
    at = skipSpace(text, word);
    if (at >= text.length) return fail(at, 'expected a comparison after "and", found the end');
  }
}

/** Parses a `sort` text: `created`, `updated` or a path, with a leading `-` for descending. */
export function parseSort(text: string): Parsed<QuerySort> {
  const trimmedStart = skipSpace(text, 0);
  if (trimmedStart >= text.length) return fail(0, 'sort names nothing: give a path such as metrics.error (with "-" first for descending), created or updated');
  let at = trimmedStart;
  let direction: 1 | -1 | undefined;
  if (text[at] === '-' || text[at] === '+') {
    direction = text[at] === '-' ? -1 : 1;
    at += 1;
  }
  let end = at;
  while (isPathChar(text[end])) end += 1;
  const key = text.slice(at, end);
  if (skipSpace(text, end) < text.length) return fail(skipSpace(text, end), `sort takes one path; unexpected "${text.slice(skipSpace(text, end))}"`);
  if (key === 'created' || key === 'updated') return { ok: true, value: { key, time: true, direction } };
  if (key.length === 0) return fail(at, 'sort names nothing: give a path such as metrics.error (with "-" first for descending), created or updated');
  const problem = pathProblem(key);
  if (problem) return fail(at, problem);
  return { ok: true, value: { key, time: false, direction: direction ?? 1 } };
}
