import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatBytes, formatCount, formatDate, formatDuration, formatHostValue, formatPercent, plural, shellLine, shortDigest, timeAgo } from './format';

describe('formatting for people', () => {
  it('writes sizes in binary units with sensible precision', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(256 * 1024)).toBe('256 KiB');
    expect(formatBytes(34359738368)).toBe('32 GiB');
    expect(formatBytes(null)).toBe('—');
  });

  it('writes host memory in binary units, as the record page does, and other host values as text', () => {
    expect(formatHostValue('memory', 137438953472)).toBe('128 GiB');
    expect(formatHostValue('host.memory', 34359738368)).toBe('32 GiB');
    expect(formatHostValue('/memory', 68719476736)).toBe('64 GiB');
    expect(formatHostValue('memory', '16G')).toBe('16G');
    expect(formatHostValue('cpu', 8)).toBe('8');
    expect(formatHostValue('os', 'Linux')).toBe('Linux');
    expect(formatHostValue('os', undefined)).toBe('(missing)');
  });

  it('writes times relative to now', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(timeAgo('2026-11-22T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-11-22T11:57:00Z', now)).toBe('3 minutes ago');
    expect(timeAgo('2026-11-21T12:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('2026-09-22T12:00:00Z', now)).toBe('2 months ago');
    expect(timeAgo(null, now)).toBe('—');
  });

  it('writes relative times word for word as Intl.RelativeTimeFormat does in English, from seconds to centuries', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const steps: Array<[number, Intl.RelativeTimeFormatUnit]> = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day'], [4.345, 'week'], [12, 'month'], [Number.POSITIVE_INFINITY, 'year']];
    const expected = (seconds: number) => {
      let delta = seconds;
      for (const [size, unit] of steps) {
        if (Math.abs(delta) < size) return intl.format(Math.round(delta), unit);
        delta /= size;
      }
      return '';
    };
    const offsets = [45, 59, 60, 61, 89, 90, 150, 3599, 3600, 5400, 86_399, 86_400, 129_600, 172_800, 604_799, 604_800, 1_209_600, 2_600_000, 5_300_000, 31_000_000, 31_536_000, 63_072_000, 3.2e9, 3.2e10];
    for (const seconds of offsets) {
      for (const sign of [-1, 1]) {
        const iso = new Date(now + sign * seconds * 1000).toISOString();
        expect(timeAgo(iso, now), `${sign * seconds} s`).toBe(expected(sign * seconds));
      }
    }
  });

  it('writes counts as toLocaleString("en") does, and dates as toLocaleString does with the day, month, year and time', () => {
    for (const count of [0, 1, 12, 999, 1000, 10_000, 123_456, 1_234_567, -1500, 2 ** 53 - 1, 1234.5678, 0.1, -0.25, 1e21]) {
      expect(formatCount(count)).toBe(count.toLocaleString('en'));
    }
    for (const iso of ['2026-11-22T08:00:00Z', '2020-02-29T23:59:59.999Z', '1999-12-31T00:00:00Z']) {
      expect(formatDate(iso)).toBe(new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }));
    }
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate(null)).toBe('—');
  });

  describe('a page of records', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('writes its times and counts with no Intl formatter but one for all its dates (a first Intl call loads locale data)', () => {
      // Counted through a wrapper that makes the real formatter: a spy called with `new` would make an object without Intl's internals.
      const counted = <K extends 'DateTimeFormat' | 'RelativeTimeFormat' | 'NumberFormat'>(name: K) => {
        const Real = Intl[name];
        return vi.spyOn(Intl, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
          return Reflect.construct(Real, args) as never;
        } as never);
      };
      const made = [counted('DateTimeFormat'), counted('RelativeTimeFormat'), counted('NumberFormat')];
      const perCall = [vi.spyOn(Date.prototype, 'toLocaleString'), vi.spyOn(Number.prototype, 'toLocaleString')];
      const now = Date.parse('2026-11-22T12:00:00Z');
      for (let i = 0; i < 50; i += 1) {
        const iso = new Date(now - i * 3_600_000).toISOString();
        timeAgo(iso, now);
        formatDate(iso);
      }
      plural(10_000, 'record');
      expect(perCall.map((spy) => spy.mock.calls.length)).toEqual([0, 0]);
      const [dates, relative, numbers] = made.map((spy) => spy.mock.calls.length);
      expect(dates).toBeLessThanOrEqual(1);
      expect([relative, numbers]).toEqual([0, 0]);
    });
  });

  it('writes durations, digests, ratios and counts', () => {
    expect(formatDuration(0.25)).toBe('250 ms');
    expect(formatDuration(75.5)).toBe('1 min 16 s');
    expect(formatDuration(3725)).toBe('1 h 2 min');
    expect(shortDigest('sha256:0123456789abcdef0123')).toBe('0123456789ab…');
    expect(formatPercent(0.9783)).toBe('97.8 %');
    expect(formatPercent(0.99999)).toBe('99.9 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(plural(1, 'record')).toBe('1 record');
    expect(plural(10000, 'record')).toBe('10,000 records');
  });

  it('quotes command words the way a shell needs them', () => {
    expect(shellLine(['python', 'sim.py', 'my params.json', "it's", ''])).toBe(`python sim.py 'my params.json' 'it'\\''s' ''`);
  });
});
