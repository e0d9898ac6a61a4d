import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { connectDatabase, createModels, ensureIndexes, GridFsBlobStore, type BlobStore, type Models } from '@reprise/core';

/** A test file's own database on the shared test server, emptied before each test. */
export interface TestDatabase {
  readonly uri: string;
  readonly name: string;
  readonly connection: Connection;
  readonly models: Models;
  readonly blobs: BlobStore;
}

/**
 * Gives the calling test file a database of its own on the real server started by the global
 * setup, with every index in place, and empties it before each test — unless `keep` is set, for
 * an end-to-end story whose tests build on each other in order.
 */
export function useTestDatabase(options: { keep?: boolean } = {}): TestDatabase {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const uri = inject('mongodbUri');
  let state: { connection: Connection; models: Models; blobs: BlobStore } | undefined;
  const get = () => {
    if (!state) throw new Error('useTestDatabase(): the database is only ready inside tests and hooks');
    return state;
  };

  beforeAll(async () => {
    const connection = await connectDatabase(uri, { dbName: name, queryShapeDir: inject('queryShapeDir') });
    const models = createModels(connection);
    await ensureIndexes(models);
    state = { connection, models, blobs: new GridFsBlobStore(connection) };
  });

  beforeEach(async () => {
    if (options.keep) return;
    const { db } = get().connection;
    if (!db) return;
    const collections = await db.listCollections({}, { nameOnly: true }).toArray();
    await Promise.all(collections.map((collection) => db.collection(collection.name).deleteMany({})));
  });

  afterAll(async () => {
    if (!state) return;
    await state.connection.db?.dropDatabase().catch(() => undefined);
    await state.connection.close();
  });

  return {
    uri,
    name,
    get connection() {
      return get().connection;
    },
    get models() {
      return get().models;
    },
    get blobs() {
      return get().blobs;
    },
  };
}
