/** Fetching the start of a file for a preview, and telling what kind of file it is. */
import { cloud } from '../../api/client';

/** Previews read at most this much of a file. */
export const PREVIEW_BYTES = 256 * 1024;
/** Images larger than this are not shown. */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** How a file is previewed. */
export type PreviewKind = 'image' | 'table' | 'json' | 'text';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml']);

/** The kind of preview for a file, by media type and then name; `text` is decided by its bytes. */
export function previewKind(name: string, mediaType: string | null | undefined): PreviewKind {
  const type = (mediaType ?? '').toLowerCase();
  if (IMAGE_TYPES.has(type) || /\.(png|jpe?g|gif|webp|svg)$/i.test(name)) return 'image';
  if (type === 'text/csv' || type === 'text/tab-separated-values' || /\.(csv|tsv)$/i.test(name)) return 'table';
  if (type === 'application/json' || /\.json$/i.test(name)) return 'json';
  return 'text';
}

/** The first bytes of a file as text, or why they are not text. */
export type Head = { text: string; complete: boolean; size: number } | { binary: string; size: number };

/** Fetches up to `limit` bytes of a record's file of `size` bytes and decodes them as UTF-8 (binary when not text). */
export async function fetchHead(record: string, file: string, size: number, signal: AbortSignal, limit = PREVIEW_BYTES): Promise<Head> {
  const download = await cloud.records.file(record, file, { range: { start: 0, end: Math.max(0, Math.min(size, limit) - 1) }, signal });
  const bytes = new Uint8Array(await new Response(download.body).arrayBuffer());
  if (bytes.includes(0)) return { binary: 'it holds NUL bytes', size };
  try {
    // `stream` keeps a character cut at the end of the range from counting as invalid.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: bytes.length < size });
    return { text, complete: bytes.length >= size, size };
  } catch {
    return { binary: 'it is not UTF-8 text', size };
  }
}
