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
