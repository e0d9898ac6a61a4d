import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@reprise/tools/testing';
import { GridFsBlobStore } from './blobstore.js';

const db = useTestDatabase();
// Chunks of 7 bytes, so that a few hundred bytes span many reads of several chunks each.
const store = () => new GridFsBlobStore(db.connection, 7);
const chunks = () => {
  const collection = db.connection.db?.collection('blobs.chunks');
  if (!collection) throw new Error('no database');
  return collection;
};

describe('the GridFS blob store', () => {
  it('streams back exactly what was written, whole and in any byte range', async () => {
    const blobs = store();
    for (const size of [0, 1, 6, 7, 8, 7 * 16, 7 * 16 + 1, 7 * 40 + 3]) {
      const bytes = randomBytes(size);
      const { id } = await blobs.write(Readable.from([bytes]));
      expect(await buffer(blobs.read(id))).toEqual(bytes);
      for (const [start, end] of <Array<[number, number]>>[[0, 0], [0, size - 1], [3, 9], [6, 7], [7, 13], [size - 2, size - 1], [5, 7 * 17 + 2], [7 * 16 - 1, 7 * 16]]) {
        if (start < 0 || start > end || end >= size) continue;
        expect(await buffer(blobs.read(id, { start, end }))).toEqual(bytes.subarray(start, end + 1));
      }
    }
  });

  it('reads only the chunks a range covers, and says a blob is damaged when a chunk it needs is missing', async () => {
    const blobs = store();
    const bytes = randomBytes(7 * 40);
    const { id } = await blobs.write(Readable.from([bytes]));
    await chunks().deleteMany({ files_id: id, n: { $lt: 20 } });
    // The second half is intact and read without the first.
    expect(await buffer(blobs.read(id, { start: 7 * 20, end: 7 * 40 - 1 }))).toEqual(bytes.subarray(7 * 20));
    await expect(buffer(blobs.read(id))).rejects.toThrow(`Blob ${id.toHexString()} is damaged: chunk 0 is missing or has the wrong size`);
  });

  it('sends the first chunks of a blob before it reads the rest', async () => {
    const blobs = store();
    const bytes = randomBytes(7 * 40);
    const { id } = await blobs.write(Readable.from([bytes]));
    await chunks().deleteOne({ files_id: id, n: 39 });
    const received: Buffer[] = [];
    const reading = (async () => {
      for await (const chunk of blobs.read(id)) received.push(chunk as Buffer);
    })();
    await expect(reading).rejects.toThrow('chunk 39 is missing');
    expect(Buffer.concat(received)).toEqual(bytes.subarray(0, 7 * 39));
  });

  it('refuses to stream a blob that does not exist', async () => {
    const { id } = await store().write(Readable.from([Buffer.from('gone')]));
    await store().delete(id);
    await expect(buffer(store().read(id))).rejects.toThrow(/File not found/);
  });
});
