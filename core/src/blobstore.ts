import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
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
}

/** Raised when a stream is longer than the allowed size. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The upload is larger than the limit of ${maxBytes} bytes.`);
    this.name = 'BlobTooLargeError';
  }
}

/** A pass-through stream that hashes and counts what flows through it. */
export class DigestStream extends Transform {
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

/** MongoDB GridFS as blob store, in the bucket `blobs` of the service's database. */
export class GridFsBlobStore implements BlobStore {
  private readonly bucket: mongoose.mongo.GridFSBucket;

  constructor(connection: Connection, chunkSizeBytes = 255 * 1024) {
    const db = connection.db;
    if (!db) throw new Error('GridFsBlobStore needs an open connection');
    this.bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: 'blobs', chunkSizeBytes });
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
    return range ? this.bucket.openDownloadStream(id, { start: range.start, end: range.end + 1 }) : this.bucket.openDownloadStream(id);
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
}
