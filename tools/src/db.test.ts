import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, startDatabase, type Database } from './db.js';

const dirs: string[] = [];
const running: Database[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'reprise-launcher-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const db of running) await db.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('database launcher', () => {
  it('starts a server that answers and keeps concurrent single-document updates atomic', async () => {
    const db = await startDatabase({ dataDir: tempDir() });
    running.push(db);
    const client = new mongoose.mongo.MongoClient(db.uri, { maxPoolSize: 32 });
    await client.connect();
    try {
      const collection = client.db('launcher').collection<{ _id: number; n: number; seen: number[]; state?: string }>('counters');
      await collection.insertOne({ _id: 1, n: 0, seen: [] });
      await Promise.all(Array.from({ length: 40 }, (_, i) => collection.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 }, $push: { seen: i } })));
      const doc = await collection.findOne({ _id: 1 });
      expect(doc?.n).toBe(40);
      expect(doc?.seen).toHaveLength(40);

      await collection.updateOne({ _id: 1 }, { $set: { state: 'proposed' } });
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => collection.findOneAndUpdate({ _id: 1, state: 'proposed' }, { $set: { state: `answer-${i}` } })),
      );
      expect(answers.filter((answer) => answer !== null)).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('keeps updates atomic per document while writes to other collections and index builds run at the same time', async () => {
    const db = await startDatabase({ dataDir: tempDir() });
    running.push(db);
    const client = new mongoose.mongo.MongoClient(db.uri, { maxPoolSize: 64 });
    await client.connect();
    try {
      const database = client.db('launcher');
      const counters = database.collection<{ _id: string; n: number }>('counters');
      const records = database.collection<{ _id?: unknown; label: string; n: number }>('records');
      const history = database.collection<{ _id: number; items: number[] }>('projects');
      await counters.insertOne({ _id: 'push', n: 0 });
      await history.insertOne({ _id: 1, items: [] });
      await records.createIndex({ label: 1 }, { unique: true });
      // What a burst of pushes does: count in one collection, insert into another, append to a third.
      await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          await counters.findOneAndUpdate({ _id: 'push' }, { $inc: { n: 1 } });
          await records.insertOne({ label: `r${i}`, n: i });
          await history.updateOne({ _id: 1 }, { $push: { items: i } });
          if (i % 20 === 0) await database.collection(`other${i}`).createIndex({ at: 1 });
        }),
      );
      expect((await counters.findOne({ _id: 'push' }))?.n).toBe(60);
      expect(await records.countDocuments()).toBe(60);
      expect((await history.findOne({ _id: 1 }))?.items).toHaveLength(60);
      // The unique index still refuses a second writer of one label.
      const taken = await Promise.allSettled(Array.from({ length: 10 }, () => records.insertOne({ label: 'same', n: 0 })));
      expect(taken.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('lets a second command share the server already running on a data directory', async () => {
    const dataDir = tempDir();
    const first = await startDatabase({ dataDir });
    running.push(first);
    const second = await startDatabase({ dataDir });
    expect(second.uri).toBe(first.uri);
    await second.stop();
    // Stopping the sharer leaves the owner's server running.
    const client = new mongoose.mongo.MongoClient(first.uri, { serverSelectionTimeoutMS: 2000 });
    await client.connect();
    await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
    await client.close();
  });

  it('explains what to install or set when neither mongod nor Go is available', async () => {
    const attempt = startDatabase({ dataDir: tempDir(), cacheDir: tempDir(), env: { PATH: '/nonexistent' } });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow(/MONGODB_URI[\s\S]*mongod[\s\S]*Go/);
  });

  it('uses MONGODB_URI as given when it is set, starting nothing', async () => {
    const owner = await startDatabase({ dataDir: tempDir() });
    running.push(owner);
    const external = await startDatabase({ uri: owner.uri, dataDir: tempDir() });
    expect(external).toMatchObject({ uri: owner.uri, kind: 'external' });
  });
});
