import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose, { type Connection, type Types } from 'mongoose';

/** What the blob store knows of stored bytes. */
export interface BlobInfo {
  id: Types.ObjectId;
  size: number;
  sha256: string;
}

/** A byte range, both ends inclusive (as in HTTP Range). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Where file bytes live. Streams in and out; never holds a whole file in memory. */
export interface BlobStore {
  /** Stores a stream, computing its sha256 and size on the way. Nothing is kept if it fails. */
  write(source: Readable, options?: { maxBytes?: number; name?: string }): Promise<BlobInfo>;
  /** Streams a blob, or a range of it. */
  read(id: Types.ObjectId, range?: ByteRange): Readable;
  /** Deletes a blob; deleting one that is already gone is not an error. */
  delete(id: Types.ObjectId): Promise<void>;
  /** Lists blobs written before a date (for the sweep of unreferenced blobs). */
  listOlderThan(date: Date): AsyncIterable<{ id: Types.ObjectId; uploaded: Date }>;
  /**
   * Lists blobs whose writing never finished and was never cleaned up (the process died while
   * writing), started before a date. Deleting them removes what was written.
   */
  listUnfinishedOlderThan(date: Date): AsyncIterable<{ id: Types.ObjectId }>;
}

/** Raised when a stream is longer than the allowed size. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The upload is larger than the limit of ${maxBytes} bytes.`);
    this.name = 'BlobTooLargeError';
  }
}

/** A pass-through stream that hashes and counts what flows through it. */
class DigestStream extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new BlobTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  /** The hex sha256 of everything seen; call once, after the stream ended. */
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Chunks read by one query when a blob is streamed: 16 × 255 KiB, about 4 MiB held at most. */
const CHUNKS_PER_READ = 16;

/** MongoDB GridFS as blob store, in the bucket `blobs` of the service's database. */
export class GridFsBlobStore implements BlobStore {
  private readonly bucket: mongoose.mongo.GridFSBucket;
  private readonly files: mongoose.mongo.Collection;
  private readonly chunks: mongoose.mongo.Collection;

  constructor(connection: Connection, chunkSizeBytes = 255 * 1024) {
    const db = connection.db;
    if (!db) throw new Error('GridFsBlobStore needs an open connection');
    this.bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: 'blobs', chunkSizeBytes });
    this.files = db.collection('blobs.files');
    this.chunks = db.collection('blobs.chunks');
  }

  async write(source: Readable, options: { maxBytes?: number; name?: string } = {}): Promise<BlobInfo> {
    const digest = new DigestStream(options.maxBytes);
    const upload = this.bucket.openUploadStream(options.name ?? 'upload');
    try {
      await pipeline(source, digest, upload);
    } catch (error) {
      // Drop the chunks written so far; the blob never becomes visible.
      await upload.abort().catch(() => undefined);
      await this.bucket.delete(upload.id).catch(() => undefined);
      throw error;
    }
    return { id: upload.id, size: digest.size, sha256: digest.digest() };
  }

  read(id: Types.ObjectId, range?: ByteRange): Readable {
    return Readable.from(this.bytes(id, range), { objectMode: false });
  }

  /**
   * The blob's bytes (or a range of them), read a few chunks at a time by `{files_id, n: {$in}}`:
   * every query is a bounded lookup in the `{files_id, n}` index, so the first bytes leave at once
   * and memory stays at a few chunks whatever the size. (GridFS's own download stream asks for all
   * chunks of a file sorted by n, which the embedded engine sorts in memory before sending any: a
   * 1 GiB file sent nothing for over a minute and its connection was cut as idle.)
   */
  private async *bytes(id: Types.ObjectId, range?: ByteRange): AsyncGenerator<Buffer> {
    const file = await this.files.findOne({ _id: id }, { projection: { length: 1, chunkSize: 1 } });
    if (!file) throw new Error(`File not found for id ${id.toHexString()}`);
    const length = Number(file.length);
    const chunkSize = Number(file.chunkSize);
    const start = range?.start ?? 0;
    const end = Math.min(range ? range.end + 1 : length, length); // exclusive
    if (end <= start) return;
    const last = Math.ceil(end / chunkSize); // exclusive
    for (let from = Math.floor(start / chunkSize); from < last; from += CHUNKS_PER_READ) {
      const wanted = Array.from({ length: Math.min(CHUNKS_PER_READ, last - from) }, (_, i) => from + i);
      const found = await this.chunks.find({ files_id: id, n: { $in: wanted } }, { projection: { _id: 0, n: 1, data: 1 } }).toArray();
      found.sort((a, b) => Number(a.n) - Number(b.n));
      for (const [i, n] of wanted.entries()) {
        const chunk = found[i];
        const offset = n * chunkSize;
        const expected = Math.min(chunkSize, length - offset);
        const data = chunk && Number(chunk.n) === n && chunk.data instanceof mongoose.mongo.Binary ? Buffer.from(chunk.data.buffer) : null;
        if (!data || data.length !== expected) throw new Error(`Blob ${id.toHexString()} is damaged: chunk ${n} is missing or has the wrong size`);
        yield data.subarray(Math.max(0, start - offset), Math.min(data.length, end - offset));
      }
    }
  }

  async delete(id: Types.ObjectId): Promise<void> {
    try {
      await this.bucket.delete(id);
    } catch (error) {
      if (!/File not found/i.test((error as Error).message)) throw error;
    }
  }

  async *listOlderThan(date: Date): AsyncIterable<{ id: Types.ObjectId; uploaded: Date }> {
    const cursor = this.bucket.find({ uploadDate: { $lt: date } }, { projection: { _id: 1, uploadDate: 1 } });
    for await (const file of cursor) yield { id: file._id, uploaded: file.uploadDate };
  }

  async *listUnfinishedOlderThan(date: Date): AsyncIterable<{ id: Types.ObjectId }> {
    // GridFS writes the files document last: chunks without one are an upload cut off by a crash.
    // Their id is an ObjectId made when the upload started, which dates them.
    const cutoff = mongoose.mongo.ObjectId.createFromTime(Math.floor(date.getTime() / 1000));
    const { files, chunks } = this;
    const batch: Types.ObjectId[] = [];
    const unfinished = async function* () {
      const known = new Set((await files.find({ _id: { $in: batch } }, { projection: { _id: 1 } }).toArray()).map((file) => String(file._id)));
      for (const id of batch) if (!known.has(String(id))) yield { id };
      batch.length = 0;
    };
    for await (const chunk of chunks.find({ n: 0 }, { projection: { files_id: 1 } })) {
      const id = chunk.files_id as unknown;
      if (!(id instanceof mongoose.mongo.ObjectId) || id.getTimestamp() >= cutoff.getTimestamp()) continue;
      batch.push(id);
      if (batch.length >= 500) yield* unfinished();
    }
    if (batch.length > 0) yield* unfinished();
  }
}
