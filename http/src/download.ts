import type { Request, Response } from 'express';
import { errors, type BlobStore, type ByteRange, type FileDoc } from '@reprise/core';

/** Parses a Range header for one range of a file; undefined means "send it all" (absent, multiple or unparsable). */
function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || (last !== '' && Number(last) < start)) return 'unsatisfiable';
  return { start, end };
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Streams a stored file with Content-Length, an ETag (its sha256) and Range support; answers
 * 304 to a current If-None-Match. Files are always attachments and never sniffed or run as pages.
 */
export async function sendStoredFile(req: Request, res: Response, blobs: BlobStore, file: FileDoc, name: string, mediaType: string | null): Promise<void> {
  const etag = `"${file.sha256}"`;
  res.set({
    ETag: etag,
    'Accept-Ranges': 'bytes',
    'Content-Type': safeMediaType(mediaType ?? file.mediaType),
    'Content-Disposition': contentDisposition(name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-cache',
  });
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    res.status(304).end();
    return;
  }
  const ifRange = req.headers['if-range'];
  const range = ifRange && ifRange !== etag ? undefined : parseRange(req.headers.range, file.size);
  if (range === 'unsatisfiable') throw errors.rangeNotSatisfiable(file.size);
  if (range) {
    res.status(206).set({ 'Content-Range': `bytes ${range.start}-${range.end}/${file.size}`, 'Content-Length': String(range.end - range.start + 1) });
  } else {
    res.status(200).set('Content-Length', String(file.size));
  }
  if (req.method === 'HEAD' || file.size === 0 || (range && range.end < range.start)) {
    res.end();
    return;
  }
  const stream = blobs.read(file.blob, range);
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

function safeMediaType(mediaType: string): string {
  return /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? mediaType : 'application/octet-stream';
}
