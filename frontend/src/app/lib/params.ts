/** Reading and writing list filters in the URL, so that every list view is a deep link. */

/** The search params with `changes` applied: empty values are removed, and the cursor is reset unless given. */
export function withParams(current: URLSearchParams, changes: Record<string, string | number | null | undefined>): URLSearchParams {
  const next = new URLSearchParams(current);
  if (!('cursor' in changes)) next.delete('cursor');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') next.delete(name);
    else next.set(name, String(value));
  }
  return next;
}

/** A value of `allowed`, else the fallback. */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** A whole number within bounds, else the fallback. */
export function intParam(value: string | null, min: number, max: number, fallback: number): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const number = Number(value);
  return number >= min && number <= max ? number : fallback;
}

/** A date input's value (YYYY-MM-DD) as the ISO timestamp of that day's start (UTC), or undefined. */
export function dayStart(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The ISO timestamp of the day after a date input's value: "created on or before that day". */
export function dayEnd(value: string | null): string | undefined {
  const start = dayStart(value);
  return start === undefined ? undefined : new Date(new Date(start).getTime() + 86_400_000).toISOString();
}
