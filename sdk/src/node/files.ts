import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import type { Download, Upload } from '../api-client.js';
import { RepriseError } from '../errors.js';

/** sha256 (hex) and size of a file, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

const MEDIA_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.toml': 'application/toml',
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.ini': 'text/plain',
  '.cfg': 'text/plain',
  '.param': 'text/plain',
  '.py': 'text/x-python',
  '.r': 'text/plain',
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.tar': 'application/x-tar',
  '.gz': 'application/gzip',
  '.zip': 'application/zip',
  '.npy': 'application/octet-stream',
  '.h5': 'application/x-hdf5',
  '.nc': 'application/x-netcdf',
};

/** A media type guessed from a file name's extension. */
export function mediaTypeOf(name: string): string {
  return MEDIA_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A file on disk as an Upload: its bytes are a Blob backed by the file (fs.openAsBlob), read
 * only while the request is sent, so memory stays flat whatever the size.
 */
export async function fileUpload(file: string, options: { name?: string; path?: string; sha256?: string; mediaType?: string } = {}): Promise<Upload> {
  const name = options.name ?? path.basename(file);
  const upload: Upload = { name, data: await openAsBlob(file), mediaType: options.mediaType ?? mediaTypeOf(name) };
  if (options.path !== undefined) upload.path = options.path;
  if (options.sha256 !== undefined) upload.sha256 = options.sha256;
  return upload;
}

/**
 * Streams a download into a file: written to a temporary name beside it and renamed when
 * complete, and checked against the server's sha256 (ETag) when the whole file was sent.
 */
export async function saveDownload(download: Download, file: string, onProgress?: (received: number, total: number | null) => void): Promise<{ sha256: string; size: number }> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      onProgress?.(size, download.size);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(download.body as NodeWebReadableStream<Uint8Array>), counter, createWriteStream(temp, { flags: 'wx' }));
    const sha256 = hash.digest('hex');
    if (!download.partial && download.sha256 && download.sha256 !== sha256) {
      throw new RepriseError(`The download arrived damaged: its sha256 is ${sha256}, the server announced ${download.sha256}. Nothing was written; try again.`);
    }
    if (!download.partial && download.size !== null && download.size !== size) {
      throw new RepriseError(`The download stopped early: ${size} of ${download.size} bytes. Nothing was written; try again.`);
    }
    await rename(temp, file);
    return { sha256, size };
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** True when a path exists and is a regular file. */
export async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
