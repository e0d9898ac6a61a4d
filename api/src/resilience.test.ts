import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import supertest from 'supertest';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, createModels, ensureIndexes, GridFsBlobStore, loadConfig, SpecValidator } from '@reprise/core';
import { freePort, startDatabase, type Database } from '@reprise/tools';
import { makeUser } from '@reprise/tools/testing';
import { createApp } from './app.js';
import { createLogger } from '@reprise/http';
import { bearer } from './test/harness.js';

// This file runs its own database server (not the shared one), so that it can stop and restart it.
const dataDir = mkdtempSync(path.join(tmpdir(), 'reprise-resilience-'));
let database: Database | undefined;
afterAll(async () => {
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('database outage', () => {
  it('answers 503 quickly while the database is down and serves again by itself when it returns', async () => {
    const port = await freePort();
    database = await startDatabase({ dataDir, port });
    const connection = await connectDatabase(database.uri, { dbName: 'resilience', serverSelectionTimeoutMS: 1500, queryShapeDir: inject('queryShapeDir') });
    const models = createModels(connection);
    await ensureIndexes(models);
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const app = createApp({
      models,
      blobs: new GridFsBlobStore(connection),
      spec: SpecValidator.load(),
      config: loadConfig({}),
      logger: createLogger('info', sink),
    });
    const alice = await makeUser(models);
    await supertest(app).post('/api/v1/project/push/p').set(bearer(alice.token)).send({}).expect(201);

    await database.stop();
    const started = Date.now();
    const down = await supertest(app).post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: 'while-down' });
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.body.error.code).toBe('service_unavailable');
    expect(Date.now() - started).toBeLessThan(10_000);
    const notReady = await supertest(app).get('/readyz');
    expect(notReady.status).toBe(503);

    database = await startDatabase({ dataDir, port });
    await expect
      .poll(async () => (await supertest(app).post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: 'after' })).status, {
        timeout: 20_000,
        interval: 500,
      })
      .toBe(201);
    await supertest(app).get('/readyz').expect(200);
    // Nothing of the refused request was written.
    expect(await models.Record.countDocuments({ label: 'while-down' })).toBe(0);
    await connection.close();
  }, 60_000);
});
