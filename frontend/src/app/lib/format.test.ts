import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatHostValue, formatPercent, plural, shellLine, shortDigest, timeAgo } from './format';

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
