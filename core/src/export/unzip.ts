import type { Readable } from 'node:stream';
import type { Types } from 'mongoose';
import yauzl from 'yauzl';
import type { BlobStore } from '../blobstore.js';
import { AppError } from '../errors.js';

/**
 * Reading an uploaded crate (a zip) from the blob store, by ranges, never whole into memory, and
 * refusing what could hurt: names that leave the archive, more entries or bytes than the limits,
 * entries that inflate more than a data file plausibly does (a zip bomb), and entries whose
 * actual size differs from the declared one (yauzl checks that while inflating).
 */

/** How much an archive may hold. */
export interface ArchiveLimits {
  /** The uncompressed size of all entries together. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Above this uncompressed size, an entry may inflate at most `maxRatio` times its compressed size. */
  ratioFloorBytes: number;
  maxRatio: number;
}

/** One file of an archive. */
export interface ArchiveEntry {
  name: string;
  size: number;
  entry: yauzl.Entry;
}

/** An opened archive: its entries by name, and a way to stream one. */
export interface Archive {
  entries: Map<string, ArchiveEntry>;
  open(entry: ArchiveEntry): Promise<Readable>;
  close(): void;
}

/** A crate refused, with the reason clients may switch on (`details.reason`). */
export function invalidCrate(reason: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(400, 'invalid_crate', message, { reason, ...details });
}

class BlobReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly blobs: BlobStore,
    private readonly id: Types.ObjectId,
  ) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.blobs.read(this.id, { start, end: end - 1 });
  }
}

/** Why yauzl refused an archive, in words a client can act on. */
function refusalOf(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/relative path|absolute path|invalid characters/i.test(message)) {
    return invalidCrate('unsafe_path', `The archive names a file outside itself (${message}); paths must stay inside the crate.`);
  }
  if (/end of central directory|not a zip|signature|central directory/i.test(message)) {
    return invalidCrate('not_zip', 'The upload is not a zip archive (an RO-Crate is sent zipped, with ro-crate-metadata.json at its top).');
  }
  return invalidCrate('unreadable', `The zip archive cannot be read: ${message}.`);
}

/** Opens a zip stored as a blob and checks every entry against the limits before anything is read. */
export async function openArchive(blobs: BlobStore, id: Types.ObjectId, size: number, limits: ArchiveLimits): Promise<Archive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromRandomAccessReaderPromise(new BlobReader(blobs, id), size, { autoClose: false, lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw refusalOf(error);
  }
  const entries = new Map<string, ArchiveEntry>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.size >= limits.maxEntries) throw invalidCrate('too_many_entries', `The archive holds more than ${limits.maxEntries} entries.`, { maxEntries: limits.maxEntries });
      if (entry.fileName.endsWith('/')) continue;
      const name = entry.fileName.replace(/^\.\//, '');
      if (name.split('/').some((part) => part === '..') || name.startsWith('/') || name.includes('\\')) {
        throw invalidCrate('unsafe_path', `The archive names "${entry.fileName}", a path outside the crate; paths must stay inside it.`, { path: entry.fileName });
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        throw invalidCrate('zip_bomb', `The archive would unpack to more than ${limits.maxTotalBytes} bytes.`, { maxTotalBytes: limits.maxTotalBytes });
      }
      if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
        throw invalidCrate('zip_bomb', `"${name}" would inflate ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times its packed size (at most ${limits.maxRatio} is accepted).`, {
          path: name,
          maxRatio: limits.maxRatio,
        });
      }
      if (entry.isEncrypted()) throw invalidCrate('encrypted', `"${name}" is encrypted; send the crate unencrypted.`, { path: name });
      entries.set(name, { name, size: entry.uncompressedSize, entry });
    }
  } catch (error) {
    zip.close();
    throw error instanceof AppError ? error : refusalOf(error);
  }
  return {
    entries,
    open: async (entry) => {
      try {
        return await zip.openReadStreamPromise(entry.entry);
      } catch (error) {
        throw refusalOf(error);
      }
    },
    close: () => zip.close(),
  };
}

/** Reads an entry into memory, when it is small enough (the metadata file). */
export async function readSmallEntry(archive: Archive, entry: ArchiveEntry, maxBytes: number): Promise<Buffer> {
  if (entry.size > maxBytes) throw invalidCrate('metadata_too_large', `${entry.name} is larger than ${maxBytes} bytes.`, { path: entry.name });
  const stream = await archive.open(entry);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw refusalOf(error);
  }
  return Buffer.concat(chunks);
}
