import { Types } from 'mongoose';
import { errors } from './errors.js';

/** The page size when the client names none. */
export const DEFAULT_PAGE_SIZE = 20;

interface CursorPosition {
  value: Date;
  id: Types.ObjectId;
}

/** Encodes the position after the last item of a page (keyset pagination on field + _id). */
export function encodeCursor(value: Date, id: Types.ObjectId): string {
  return Buffer.from(JSON.stringify([value.toISOString(), id.toHexString()]), 'utf8').toString('base64url');
}

/** Decodes a client's cursor, or fails with a 400 that says the cursor is not ours. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      const value = new Date(parsed[0]);
      if (!Number.isNaN(value.getTime()) && Types.ObjectId.isValid(parsed[1]) && /^[0-9a-f]{24}$/.test(parsed[1])) {
        return { value, id: new Types.ObjectId(parsed[1]) };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw errors.badRequest('The cursor is not valid; use the page.next value of a previous response.', { cursor });
}

/** Which way a list runs: newest first (the default) or oldest first. */
export type SortOrder = 'desc' | 'asc';

/** The filter selecting items after the cursor, by `field` then by _id, newest first unless `order` is asc. */
export function afterCursor(field: string, cursor: string | undefined, order: SortOrder = 'desc'): Record<string, unknown> {
  if (cursor === undefined) return {};
  const position = decodeCursor(cursor);
  const beyond = order === 'asc' ? '$gt' : '$lt';
  return {
    $or: [{ [field]: { [beyond]: position.value } }, { [field]: position.value, _id: { [beyond]: position.id } }],
  };
}

/** Runs a keyset-paginated query: fetches limit + 1 items to know whether there is a next page. */
export async function paginate<T extends { _id: Types.ObjectId }>(
  fetch: (limit: number) => Promise<T[]>,
  field: keyof T & string,
  limit: number,
): Promise<{ items: T[]; next: string | null }> {
  const rows = await fetch(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const next = rows.length > limit && last ? encodeCursor(last[field] as Date, last._id) : null;
  return { items, next };
}

/** Encodes the position after a page of a list ordered by something keyset pagination cannot follow (a value at a path): an offset. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify(['offset', offset]), 'utf8').toString('base64url');
}

/** Decodes an offset cursor, or fails with a 400 that says the cursor is not one of this order's. */
export function decodeOffsetCursor(cursor: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed[0] === 'offset' && Number.isSafeInteger(parsed[1]) && (parsed[1] as number) >= 0) return parsed[1] as number;
  } catch {
    // fall through to the error below
  }
  throw errors.badRequest('The cursor is not valid for this sort; use the page.next value of a previous response with the same sort.', { cursor });
}
