import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, table } from './output.js';

describe("the CLI's text for people", () => {
  it('writes sizes with one decimal above bytes, so that a column of sizes lines up', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(3 * 1024 * 1024 + 17)).toBe('3.0 MiB');
    expect(formatBytes(1.53 * 1024 ** 3)).toBe('1.5 GiB');
  });

  it('writes durations with fixed decimals under a minute, "-" when unknown', () => {
    expect(formatDuration(0.532)).toBe('0.53 s');
    expect(formatDuration(12.34)).toBe('12.3 s');
    expect(formatDuration(75.2)).toBe('1 min 15 s');
    expect(formatDuration(3725)).toBe('1 h 2 min');
    expect(formatDuration(null)).toBe('-');
  });

  it('never writes 60 seconds into a minute: 119.6 s is "2 min 0 s"', () => {
    expect(formatDuration(119.6)).toBe('2 min 0 s');
    expect(formatDuration(3599.7)).toBe('1 h 0 min');
  });

  it('lays rows out in columns aligned on the widest cell, the last column unpadded', () => {
    expect(table(['LABEL', 'STATUS'], [['a', 'finished'], ['long-label', 'crashed']])).toBe('LABEL       STATUS\na           finished\nlong-label  crashed');
  });
});
