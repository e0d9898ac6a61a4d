/** Formatting of sizes, times, digests and durations for people (units and clock shared with the CLI through the SDK). */
import { binaryUnits, clockDuration } from '@reprise/sdk';

/** 1536 → "1.5 KiB"; null → "—". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  const { value, unit } = binaryUnits(bytes);
  const digits = unit === 'B' || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits).replace(/\.0+$|(\.\d*[1-9])0+$/, '$1')} ${unit}`;
}

/** A value of a host description as people read it: memory in binary units ("32 GiB", as on the record page), the rest as text. */
export function formatHostValue(key: string, value: unknown): string {
  if (/(^|[./])memory$/i.test(key) && typeof value === 'number') return formatBytes(value);
  if (value === undefined) return '(missing)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The formatter of formatDate, made once: a date's toLocaleString with options builds a new
 * Intl.DateTimeFormat on every call, and a table calls it for every cell.
 */
let dateFormat: Intl.DateTimeFormat | undefined;

/** A date as people read it: "22 Nov 2026, 08:00" in their time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  dateFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return dateFormat.format(date);
}

const STEPS: Array<[number, Intl.RelativeTimeFormatUnit]> = [
  [60, 'second'],
  [60, 'minute'],
  [24, 'hour'],
  [7, 'day'],
  [4.345, 'week'],
  [12, 'month'],
  [Number.POSITIVE_INFINITY, 'year'],
];

/** What English says for -1, 0 and 1 of a unit, where it has a word for them (Intl's `numeric: 'auto'`). */
const NAMED: Partial<Record<Intl.RelativeTimeFormatUnit, [string, string, string]>> = {
  second: ['1 second ago', 'now', 'in 1 second'],
  minute: ['1 minute ago', 'this minute', 'in 1 minute'],
  hour: ['1 hour ago', 'this hour', 'in 1 hour'],
  day: ['yesterday', 'today', 'tomorrow'],
  week: ['last week', 'this week', 'next week'],
  month: ['last month', 'this month', 'next month'],
  year: ['last year', 'this year', 'next year'],
};

/**
 * `value` `unit`s from now in English, as Intl.RelativeTimeFormat('en', {numeric: 'auto'}) writes
 * it. Written out instead of asked of Intl: the first Intl call of a page loads its locale data,
 * tens of milliseconds before a table of times can show.
 */
function relative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  const named = NAMED[unit];
  if (named && value >= -1 && value <= 1) return named[value + 1] ?? '';
  const count = Math.abs(value);
  const words = `${formatCount(count)} ${unit}${count === 1 ? '' : 's'}`;
  return value < 0 ? `${words} ago` : `in ${words}`;
}

/** "3 minutes ago", "in 2 days", "just now". */
export function timeAgo(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  let delta = (then - now) / 1000;
  if (Math.abs(delta) < 45) return 'just now';
  for (const [size, unit] of STEPS) {
    if (Math.abs(delta) < size) return relative(Math.round(delta), unit);
    delta /= size;
  }
  return relative(Math.round(delta), 'year');
}

/** 75.5 → "1 min 16 s"; 3725 → "1 h 2 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1).replace(/\.0$/, '') : Math.round(seconds)} s`;
  return clockDuration(seconds);
}

/** The first 12 characters of a digest, keeping a "sha256:" prefix out of the count. */
export function shortDigest(digest: string | null | undefined, length = 12): string {
  if (!digest) return '—';
  const bare = digest.replace(/^sha256:/i, '');
  return bare.length > length ? `${bare.slice(0, length)}…` : bare;
}

/** "0.9731" → "97.3 %". */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const percent = ratio * 100;
  return `${percent >= 99.95 && ratio < 1 ? '99.9' : percent.toFixed(percent === 100 || percent === 0 ? 0 : 1)} %`;
}

/** The formatter of formatCount for numbers that are not whole, made once. */
let countFormat: Intl.NumberFormat | undefined;

/**
 * 10000 → "10,000", as toLocaleString('en') writes it. Whole numbers are grouped by hand: the
 * first Intl call of a page loads its locale data, tens of milliseconds before the counts of a
 * project page can show.
 */
export function formatCount(count: number): string {
  if (Number.isSafeInteger(count)) return `${count < 0 ? '-' : ''}${String(Math.abs(count)).replace(/\B(?=(\d{3})+$)/g, ',')}`;
  countFormat ??= new Intl.NumberFormat('en');
  return countFormat.format(count);
}

/** "1 record", "2 records". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** A command line as a shell would need it typed: words with spaces or quotes are single-quoted. */
export function shellLine(words: string[]): string {
  return words.map((word) => (word === '' ? "''" : /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}
