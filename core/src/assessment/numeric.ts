/**
 * Numeric comparison of two text outputs: tables of numbers (CSV, TSV or whitespace-separated
 * columns, with or without a header row) value by value, and JSON documents leaf by leaf, with
 * numpy's `isclose` rule `|a − b| ≤ atol + rtol·|b|`. Pure and synchronous: the caller feeds bytes
 * (numeric-run.ts streams them, in a worker thread for large files), so one code path serves both.
 */
import type { NumericComparison, NumericExtreme, NumericLocation, NumericShape } from '@reprise/rules';

/** The tolerances of a numeric comparison (numpy's isclose; both default to 0: equal values). */
export interface NumericTolerance {
  rtol: number;
  atol: number;
}

/** A numeric comparison, or why the pair is not numeric (then it is compared as text). */
export type NumericOutcome = { numeric: true; comparison: NumericComparison } | { numeric: false; reason: string };

/** At most this many differing values are listed (the first ones, in reading order). */
const MAX_LISTED = 20;
/** Longer lines are not a table's. */
const MAX_LINE = 1 << 20;
/** Header names and JSON strings shown in evidence are cut to this length. */
const MAX_NAME = 200;

/** Exact powers of ten: a mantissa below 2⁵³ times or over one of them is correctly rounded (Clinger's fast path). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

const enum Byte {
  Tab = 9,
  LineFeed = 10,
  Return = 13,
  Space = 32,
  Quote = 34,
  Hash = 35,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
}

/** Set by parseNumber when the field is not a number. */
let invalid = false;

/**
 * Parses bytes [start, end) as a number: decimal with optional fraction and exponent, or nan / inf /
 * infinity (any case, optional sign). Sets `invalid` otherwise. Up to 15 significant digits and
 * exponents within ±22 are computed directly (exactly, one rounding); anything else by Number().
 */
function parseNumber(bytes: Uint8Array, start: number, end: number): number {
  invalid = false;
  let i = start;
  let negative = false;
  if (i < end && (bytes[i] === Byte.Plus || bytes[i] === Byte.Minus)) {
    negative = bytes[i] === Byte.Minus;
    i += 1;
  }
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let exponent = 0;
  let slow = false;
  while (i < end) {
    const c = bytes[i] ?? 0;
    if (c < Byte.Zero || c > Byte.Nine) break;
    digits += 1;
    if (mantissa !== 0 || c !== Byte.Zero) {
      if (significant < 15) {
        mantissa = mantissa * 10 + (c - Byte.Zero);
        significant += 1;
      } else if (c !== Byte.Zero) slow = true;
      else exponent += 1;
    }
    i += 1;
  }
  if (i < end && bytes[i] === Byte.Dot) {
    i += 1;
    while (i < end) {
      const c = bytes[i] ?? 0;
      if (c < Byte.Zero || c > Byte.Nine) break;
      digits += 1;
      if (mantissa !== 0 || c !== Byte.Zero) {
        if (significant < 15) {
          mantissa = mantissa * 10 + (c - Byte.Zero);
          significant += 1;
          exponent -= 1;
        } else if (c !== Byte.Zero) slow = true;
      } else exponent -= 1;
      i += 1;
    }
  }
  if (digits === 0) return parseWord(bytes, start, end);
  if (i < end && (bytes[i] === 101 || bytes[i] === 69)) {
    i += 1;
    let sign = 1;
    if (i < end && (bytes[i] === Byte.Plus || bytes[i] === Byte.Minus)) {
      sign = bytes[i] === Byte.Minus ? -1 : 1;
      i += 1;
    }
    let power = 0;
    let powerDigits = 0;
    while (i < end) {
      const c = bytes[i] ?? 0;
      if (c < Byte.Zero || c > Byte.Nine) break;
      if (power < 100_000) power = power * 10 + (c - Byte.Zero);
      powerDigits += 1;
      i += 1;
    }
    if (powerDigits === 0) {
      invalid = true;
      return Number.NaN;
    }
    exponent += sign * power;
  }
  if (i !== end) {
    invalid = true;
    return Number.NaN;
  }
  if (mantissa === 0) return negative ? -0 : 0;
  if (slow || exponent > 22 || exponent < -22) return Number(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'));
  const value = exponent < 0 ? mantissa / (POW10[-exponent] ?? 1) : mantissa * (POW10[exponent] ?? 1);
  return negative ? -value : value;
}

/** nan, inf, infinity (any case, optional sign), as numpy writes and reads them. */
function parseWord(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let sign = 1;
  if (i < end && (bytes[i] === Byte.Plus || bytes[i] === Byte.Minus)) {
    sign = bytes[i] === Byte.Minus ? -1 : 1;
    i += 1;
  }
  const word = end - i <= 8 ? Buffer.from(bytes.buffer, bytes.byteOffset + i, end - i).toString('latin1').toLowerCase() : '';
  if (word === 'nan') return Number.NaN;
  if (word === 'inf' || word === 'infinity') return sign * Number.POSITIVE_INFINITY;
  invalid = true;
  return Number.NaN;
}

function isBlank(c: number | undefined): boolean {
  return c === Byte.Space || c === Byte.Tab || c === Byte.Return;
}

/** A field's text as shown in messages and header names. */
function fieldText(bytes: Uint8Array, start: number, end: number): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME)}…` : text;
}

type TableFormat = 'csv' | 'tsv' | 'whitespace';

/** One side of a table comparison: parses lines into a queue of values, row-major. */
class TableSide {
  format: TableFormat | null = null;
  /** Values per row, once the first row of numbers is read. */
  columns = -1;
  names: string[] | null = null;
  rows = 0;
  error: string | null = null;
  ended = false;
  private line = 0;
  private leftover: Uint8Array | null = null;
  private values = new Float64Array(1 << 16);
  private head = 0;
  private tail = 0;
  /** Field bounds of the line being parsed. */
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  constructor(readonly label: 'A' | 'B') {}

  /** Values parsed and not yet taken. */
  get pending(): number {
    return this.tail - this.head;
  }

  /** The value at `offset` from the first pending one. */
  at(offset: number): number {
    return this.values[this.head + offset] ?? Number.NaN;
  }

  /** Drops `count` pending values. */
  take(count: number): void {
    this.head += count;
    if (this.head === this.tail) this.head = this.tail = 0;
  }

  push(chunk: Uint8Array): void {
    if (this.error) return;
    // A plain Uint8Array view, so that element reads stay monomorphic (a Buffer is a subclass).
    let bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.leftover) {
      bytes = new Uint8Array(this.leftover.length + chunk.length);
      bytes.set(this.leftover);
      bytes.set(chunk, this.leftover.length);
      this.leftover = null;
    }
    let start = 0;
    const length = bytes.length;
    for (let i = 0; i < length; i += 1) {
      if (bytes[i] !== Byte.LineFeed) continue;
      this.parseLine(bytes, start, i);
      if (this.error) return;
      start = i + 1;
    }
    // A copy: the caller's chunk may be reused or transferred.
    if (start < bytes.length) this.leftover = new Uint8Array(bytes.subarray(start));
    // No table has such lines; without a bound, a file without line breaks would be held whole.
    if (this.leftover && this.leftover.length > MAX_LINE) this.error = `line ${this.line + 1} of ${this.label} is longer than ${MAX_LINE} bytes`;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.leftover && !this.error) this.parseLine(this.leftover, 0, this.leftover.length);
    this.leftover = null;
  }

  private parseLine(bytes: Uint8Array, from: number, to: number): void {
    this.line += 1;
    let start = from;
    let end = to;
    if (this.line === 1 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    while (start < end && isBlank(bytes[start])) start += 1;
    while (end > start && isBlank(bytes[end - 1])) end -= 1;
    if (start === end || bytes[start] === Byte.Hash) return;
    this.format ??= this.detect(bytes, start, end);
    const count = this.split(bytes, start, end);
    const starts = this.starts;
    const ends = this.ends;
    if (this.columns < 0 && this.names === null) {
      // The first row is a header when any of its fields is not a number.
      for (let f = 0; f < count; f += 1) {
        parseNumber(bytes, starts[f] ?? 0, ends[f] ?? 0);
        if (invalid) {
          this.names = [];
          for (let g = 0; g < count; g += 1) this.names.push(fieldText(bytes, starts[g] ?? 0, ends[g] ?? 0));
          return;
        }
      }
    }
    if (this.columns < 0) {
      if (this.names && this.names.length !== count) {
        this.error = `line ${this.line} of ${this.label} has ${count} value(s) but its header names ${this.names.length} column(s)`;
        return;
      }
      this.columns = count;
    } else if (count !== this.columns) {
      this.error = `line ${this.line} of ${this.label} has ${count} value(s), earlier rows ${this.columns}`;
      return;
    }
    if (this.tail + count > this.values.length) this.grow(count);
    for (let f = 0; f < count; f += 1) {
      const value = parseNumber(bytes, starts[f] ?? 0, ends[f] ?? 0);
      if (invalid) {
        const shown = fieldText(bytes, starts[f] ?? 0, ends[f] ?? 0);
        this.error = `line ${this.line}, column ${f + 1} of ${this.label}: "${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}" is not a number`;
        return;
      }
      this.values[this.tail++] = value;
    }
    this.rows += 1;
  }

  private detect(bytes: Uint8Array, start: number, end: number): TableFormat {
    const line = bytes.subarray(start, end);
    if (line.includes(Byte.Tab)) return 'tsv';
    if (line.includes(Byte.Comma)) return 'csv';
    return 'whitespace';
  }

  /** Splits a trimmed line into fields (trimmed, quotes removed); returns how many. */
  private split(bytes: Uint8Array, start: number, end: number): number {
    let count = 0;
    if (this.format === 'whitespace') {
      let i = start;
      while (i < end) {
        const s = i;
        while (i < end && !isBlank(bytes[i])) i += 1;
        count = this.field(bytes, s, i, count);
        while (i < end && isBlank(bytes[i])) i += 1;
      }
      return count;
    }
    const delimiter = this.format === 'tsv' ? Byte.Tab : Byte.Comma;
    let s = start;
    for (let i = start; i < end; i += 1) {
      if (bytes[i] !== delimiter) continue;
      count = this.field(bytes, s, i, count);
      s = i + 1;
    }
    return this.field(bytes, s, end, count);
  }

  /** Notes field number `count` at [s, e), trimmed and unquoted; returns the new count. */
  private field(bytes: Uint8Array, s: number, e: number, count: number): number {
    let fs = s;
    let fe = e;
    while (fs < fe && isBlank(bytes[fs])) fs += 1;
    while (fe > fs && isBlank(bytes[fe - 1])) fe -= 1;
    if (fe - fs >= 2 && bytes[fs] === Byte.Quote && bytes[fe - 1] === Byte.Quote) {
      fs += 1;
      fe -= 1;
    }
    if (count >= this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      const ends = new Int32Array(this.ends.length * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[count] = fs;
    this.ends[count] = fe;
    return count + 1;
  }

  private grow(count: number): void {
    const live = this.tail - this.head;
    const size = Math.max(this.values.length, (live + count) * 2);
    if (size === this.values.length) this.values.copyWithin(0, this.head, this.tail);
    else {
      const next = new Float64Array(size);
      next.set(this.values.subarray(this.head, this.tail));
      this.values = next;
    }
    this.head = 0;
    this.tail = live;
  }

  shape(): NumericShape {
    return { format: this.format ?? 'csv', rows: this.rows, columns: Math.max(this.columns, 0), values: this.rows * Math.max(this.columns, 0), names: this.names };
  }
}

/** isclose(a, b): infinities equal only to themselves, NaN to nothing (numpy's default). */
function close(a: number, b: number, tolerance: NumericTolerance): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance.atol + tolerance.rtol * Math.abs(b);
}

/** A value as evidence stores it: JSON has no NaN or infinities, so those are words. */
function shownValue(value: unknown): NumericExtreme['a'] {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return value;
  }
  if (typeof value === 'string') return value.length > MAX_NAME ? `${value.slice(0, MAX_NAME)}…` : value;
  if (typeof value === 'boolean' || value === null) return value;
  return Array.isArray(value) ? '[…]' : '{…}';
}

/** Running statistics of a comparison: counts, the largest differences and the first differing values. */
class Tally {
  compared = 0;
  differing = 0;
  maxAbs: NumericExtreme | null = null;
  maxRel: NumericExtreme | null = null;
  differences: NumericExtreme[] = [];

  constructor(readonly tolerance: NumericTolerance) {}

  /** Compares two numbers at `where` (called lazily: locations cost only for notable values). */
  numbers(a: number, b: number, where: () => NumericLocation): void {
    this.compared += 1;
    const same = close(a, b, this.tolerance);
    if (Number.isFinite(a) && Number.isFinite(b) && a !== b) {
      const abs = Math.abs(a - b);
      if (!this.maxAbs || abs > (this.maxAbs.value ?? 0)) this.maxAbs = { value: abs, a, b, at: where() };
      if (b !== 0) {
        const rel = abs / Math.abs(b);
        if (!this.maxRel || rel > (this.maxRel.value ?? 0)) this.maxRel = { value: rel, a, b, at: where() };
      }
    }
    if (!same) this.differ(a, b, where);
  }

  differ(a: unknown, b: unknown, where: () => NumericLocation): void {
    this.differing += 1;
    if (this.differences.length < MAX_LISTED) this.differences.push({ a: shownValue(a), b: shownValue(b), at: where() });
  }

  result(a: NumericShape, b: NumericShape, mismatch: string | null): NumericComparison {
    return {
      rtol: this.tolerance.rtol,
      atol: this.tolerance.atol,
      compared: this.compared,
      differing: this.differing,
      same: mismatch === null && this.differing === 0,
      shapes: { same: mismatch === null, a, b, ...(mismatch ? { mismatch } : {}) },
      maxAbs: this.maxAbs,
      maxRel: this.maxRel,
      differences: this.differences,
    };
  }
}

/** Which side a table comparison needs bytes of next, or null when it needs none (done or stopped). */
export type Need = 'a' | 'b' | null;

/**
 * Two tables compared as they stream in. Feed each side's bytes with push() and end(); need() says
 * which side to read next so that neither runs far ahead of the other (memory stays at a chunk or
 * two per side, whatever the files' sizes).
 */
export class TablePair {
  private readonly a = new TableSide('A');
  private readonly b = new TableSide('B');
  private readonly tally: Tally;
  /** Values compared so far (row-major position of the next pending pair). */
  private position = 0;
  /** Values dropped because the other side had ended. */
  private extraA = 0;
  private extraB = 0;

  constructor(tolerance: NumericTolerance) {
    this.tally = new Tally(tolerance);
  }

  push(side: 'a' | 'b', chunk: Uint8Array): void {
    this[side].push(chunk);
    this.drain();
  }

  end(side: 'a' | 'b'): void {
    this[side].end();
    this.drain();
  }

  need(): Need {
    const { a, b } = this;
    if (a.error || b.error || this.columnsDiffer()) return null;
    if (!a.ended && (b.ended || a.pending <= b.pending)) return 'a';
    if (!b.ended) return 'b';
    return null;
  }

  private columnsDiffer(): boolean {
    return this.a.columns >= 0 && this.b.columns >= 0 && this.a.columns !== this.b.columns;
  }

  private drain(): void {
    const { a, b } = this;
    if (a.error || b.error || this.columnsDiffer()) return;
    const count = Math.min(a.pending, b.pending);
    if (count > 0) {
      const columns = a.columns;
      const names = a.names;
      const tally = this.tally;
      const base = this.position;
      for (let k = 0; k < count; k += 1) {
        const x = a.at(k);
        const y = b.at(k);
        // The common case, equal values, skips the bookkeeping of differences.
        if (x === y) tally.compared += 1;
        else {
          const index = base + k;
          tally.numbers(x, y, () => {
            const column = index % columns;
            return { row: Math.floor(index / columns) + 1, column: column + 1, ...(names?.[column] !== undefined ? { name: names[column] } : {}) };
          });
        }
      }
      a.take(count);
      b.take(count);
      this.position += count;
    }
    // Once a side has ended, the other's remaining rows are only counted.
    if (b.ended && b.pending === 0 && a.pending > 0) {
      this.extraA += a.pending;
      a.take(a.pending);
    }
    if (a.ended && a.pending === 0 && b.pending > 0) {
      this.extraB += b.pending;
      b.take(b.pending);
    }
  }

  /** The comparison, once both sides ended or need() returned null. */
  result(): NumericOutcome {
    const { a, b } = this;
    const error = a.error ?? b.error;
    if (error) return { numeric: false, reason: `not a table of numbers: ${error}` };
    for (const side of [a, b]) {
      if (side.columns < 0 && side.ended) return { numeric: false, reason: `${side.label} holds no row of numbers` };
    }
    const shapeA = a.shape();
    const shapeB = b.shape();
    let mismatch: string | null = null;
    const size = (shape: NumericShape) => `${shape.rows} × ${shape.columns}`;
    if (this.columnsDiffer()) mismatch = `A has ${a.columns} column(s), B ${b.columns}`;
    else if (a.rows !== b.rows) mismatch = `A has ${size(shapeA)} values, B ${size(shapeB)}`;
    else if ((a.names === null) !== (b.names === null)) mismatch = `${a.names ? 'A' : 'B'} has a header row and ${a.names ? 'B' : 'A'} has none`;
    else if (a.names && b.names && a.names.join('\u0000') !== b.names.join('\u0000')) {
      const index = a.names.findIndex((name, i) => name !== b.names?.[i]);
      mismatch = `the column names differ: column ${index + 1} is "${a.names[index] ?? ''}" in A and "${b.names[index] ?? ''}" in B`;
    }
    return { numeric: true, comparison: this.tally.result(shapeA, shapeB, mismatch) };
  }
}

/** Whether bytes begin (after blanks and a byte-order mark) like a JSON object or array. */
export function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (isBlank(bytes[i]) || bytes[i] === Byte.LineFeed)) i += 1;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Compares two JSON texts value by value: the same structure (keys, array lengths, kinds of
 * value), numbers within the tolerance, other scalars equal.
 */
export function compareJson(textA: string, textB: string, tolerance: NumericTolerance): NumericOutcome {
  const parse = (text: string, label: string): { ok: true; value: unknown } | { ok: false; reason: string } => {
    try {
      return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
    } catch (error) {
      return { ok: false, reason: `${label} is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
  };
  const a = parse(textA, 'A');
  if (!a.ok) return { numeric: false, reason: a.reason };
  const b = parse(textB, 'B');
  if (!b.ok) return { numeric: false, reason: b.reason };
  const tally = new Tally(tolerance);
  let mismatch: string | null = null;
  let valuesA = 0;
  let valuesB = 0;
  const kind = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
  const count = (value: unknown): number => {
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + count(item), 0);
    if (value !== null && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + count(item), 0);
    return 1;
  };
  const noteMismatch = (message: string) => {
    mismatch ??= message;
  };
  const walk = (x: unknown, y: unknown, pointer: string): void => {
    const where = () => ({ pointer });
    const kx = kind(x);
    const ky = kind(y);
    if (kx === 'array' && ky === 'array' && Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) noteMismatch(`at "${pointer || '/'}" A has an array of ${x.length} and B of ${y.length}`);
      const common = Math.min(x.length, y.length);
      for (let i = 0; i < common; i += 1) walk(x[i], y[i], `${pointer}/${i}`);
      return;
    }
    if (kx === 'object' && ky === 'object') {
      const ox = x as Record<string, unknown>;
      const oy = y as Record<string, unknown>;
      for (const key of Object.keys(ox)) {
        if (Object.hasOwn(oy, key)) walk(ox[key], oy[key], `${pointer}/${pointerToken(key)}`);
        else noteMismatch(`"${pointer}/${pointerToken(key)}" is only in A`);
      }
      for (const key of Object.keys(oy)) if (!Object.hasOwn(ox, key)) noteMismatch(`"${pointer}/${pointerToken(key)}" is only in B`);
      return;
    }
    if (kx === 'number' && ky === 'number') {
      tally.numbers(x as number, y as number, where);
      return;
    }
    if (kx !== ky && (kx === 'array' || kx === 'object' || ky === 'array' || ky === 'object')) {
      noteMismatch(`at "${pointer || '/'}" A has ${kx === 'object' || kx === 'array' ? `an ${kx}` : `a ${kx}`} and B ${ky === 'object' || ky === 'array' ? `an ${ky}` : `a ${ky}`}`);
      return;
    }
    tally.compared += 1;
    if (x !== y) tally.differ(x, y, where);
  };
  walk(a.value, b.value, '');
  valuesA = count(a.value);
  valuesB = count(b.value);
  const shape = (values: number): NumericShape => ({ format: 'json', rows: null, columns: null, values, names: null });
  return { numeric: true, comparison: tally.result(shape(valuesA), shape(valuesB), mismatch) };
}
