import { describe, expect, it } from 'vitest';
import { binaryUnits, clockDuration } from './format.js';

describe('sizes and durations shared by the dashboard and the CLI', () => {
  it('puts a byte count in the largest binary unit it reaches, up to TiB', () => {
    expect(binaryUnits(0)).toEqual({ value: 0, unit: 'B' });
    expect(binaryUnits(1023)).toEqual({ value: 1023, unit: 'B' });
    expect(binaryUnits(1536)).toEqual({ value: 1.5, unit: 'KiB' });
    expect(binaryUnits(3 * 1024 ** 3)).toEqual({ value: 3, unit: 'GiB' });
    expect(binaryUnits(2048 * 1024 ** 4)).toEqual({ value: 2048, unit: 'TiB' });
  });

  it('spells a duration of a minute or more in minutes and seconds, or hours and minutes, rounded to the second first', () => {
    expect(clockDuration(75.5)).toBe('1 min 16 s');
    expect(clockDuration(3725)).toBe('1 h 2 min');
    expect(clockDuration(119.6)).toBe('2 min 0 s');
    expect(clockDuration(3599.6)).toBe('1 h 0 min');
  });
});
