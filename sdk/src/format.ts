/**
 * How sizes and durations are spelled for people, shared by the dashboard and the `reprise` CLI
 * (no Node modules: the dashboard imports it from `@reprise/sdk`). Each side picks its precision:
 * the dashboard as few digits as read well, the terminal fixed decimals so that columns line up.
 */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** A byte count in the largest binary unit it reaches (up to TiB): 1536 → { value: 1.5, unit: 'KiB' }. */
export function binaryUnits(bytes: number): { value: number; unit: (typeof UNITS)[number] } {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return { value, unit: UNITS[unit] ?? 'B' };
}

/** A duration of a minute or more, rounded to the second first: 75.5 → "1 min 16 s"; 3725 → "1 h 2 min". */
export function clockDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min ${s} s`;
}
