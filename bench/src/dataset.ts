/**
 * The seeded data set, started as a database for a benchmark. With the embedded FerretDB the
 * seeded files are kept under .cache/bench-seed/ (never committed) and copied for each run, so
 * that the slow part, seeding a million records, happens once per data-set shape and index set.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { connectDatabase, createModels, ensureIndexes, type Models } from '@reprise/core';
import { repoRoot, startDatabase, type Database } from '@reprise/tools';
import { describeSeeded, seed, type SeedShape, type SeededUser } from './seed.js';

/**
 * Bump when seed.ts writes different documents, so that cached data sets are made again
 * (3: seeded by the embedded engine that records what kinds of value each field holds, which
 * its sort and limit pushdown relies on; 4: records carry their path values and every document
 * the models' defaults, as the services write them).
 */
const DATASET_VERSION = 4;
const DB_NAME = 'bench_dataset';

/** A running database holding the seeded data set. */
export interface Dataset {
  /** The URI of the data set's database (database name included). */
  uri: string;
  models: Models;
  users: SeededUser[];
  /** How long seeding took when the data set was made (maybe in an earlier run). */
  seedSeconds: number;
  /** True when this run seeded it; false when it came from the cache. */
  seededNow: boolean;
  /**
   * Restarts the database server (embedded FerretDB only; a no-op on MONGODB_URI), so that work
   * abandoned by an earlier case (FerretDB finishes queries whose client has gone) costs nothing.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The collections seed() writes: their indexes are part of what a cached data set is. */
const SEEDED_MODELS = ['User', 'Project', 'Container', 'Record', 'File'] as const;

/** Identifies a data set: its shape, the generator's version and the indexes of the collections it fills. */
function datasetKey(shape: SeedShape): string {
  const models = createModels(mongoose.createConnection());
  const indexes = SEEDED_MODELS.map((name) => [name, models[name].schema.indexes()]);
  return createHash('sha256').update(JSON.stringify({ shape, DATASET_VERSION, indexes })).digest('hex').slice(0, 16);
}

async function open(uri: string): Promise<{ connection: mongoose.Connection; models: Models }> {
  const connection = await connectDatabase(uri, { dbName: DB_NAME, serverSelectionTimeoutMS: 30_000 });
  const models = createModels(connection);
  await ensureIndexes(models);
  return { connection, models };
}

function withDbName(uri: string): string {
  return uri.replace(/\/[^/?]*(\?|$)/, `/${DB_NAME}$1`);
}

/** Fails when the recomputed users do not match the stored ones (seed.ts changed without DATASET_VERSION). */
async function checkDescribed(models: Models, users: SeededUser[]): Promise<void> {
  const first = users[0];
  const last = users.at(-1);
  const project = last?.projects.at(-1);
  if (!first || !last || !project) throw new Error('the data set has no users');
  const found = await Promise.all([models.User.exists({ _id: first.id }), models.User.exists({ _id: last.id }), models.Project.exists({ _id: project.id })]);
  if (found.some((item) => !item)) throw new Error('the seeded data set does not match seed.ts: bump DATASET_VERSION in dataset.ts');
}

/**
 * Starts a database with the data set of `shape`: MONGODB_URI (seeded there unless it already
 * holds it), else the embedded FerretDB from the cache (seeded into the cache first when missing).
 */
export async function openDataset(shape: SeedShape, log: (message: string) => void): Promise<Dataset> {
  const external = process.env.MONGODB_URI;
  if (external) {
    const { connection, models } = await open(external);
    const expected = shape.users * shape.projectsPerUser * shape.recordsPerProject;
    let seedSeconds = 0;
    let seededNow = false;
    if ((await models.Record.estimatedDocumentCount()) !== expected) {
      await connection.db?.dropDatabase();
      await ensureIndexes(models);
      seedSeconds = (await seed(models, shape, { log })).report.seconds;
      seededNow = true;
    }
    const users = describeSeeded(shape);
    await checkDescribed(models, users);
    return { uri: withDbName(external), models, users, seedSeconds, seededNow, restart: async () => undefined, close: () => connection.close() };
  }

  const cache = path.join(repoRoot, '.cache', 'bench-seed', datasetKey(shape));
  const meta = path.join(cache, 'dataset.json');
  let seededNow = false;
  if (!existsSync(meta)) {
    log(`seeding ${shape.users * shape.projectsPerUser * shape.recordsPerProject} records into ${path.relative(repoRoot, cache)} (once per data-set shape)`);
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    const database = await startDatabase({ dataDir: cache });
    const { connection, models } = await open(database.uri);
    const { report } = await seed(models, shape, { log });
    await connection.close();
    await database.stop();
    writeFileSync(meta, `${JSON.stringify({ shape, report }, null, 2)}\n`);
    seededNow = true;
  }
  const { report } = JSON.parse(readFileSync(meta, 'utf8')) as { report: { seconds: number } };

  // Every run works on a copy: benchmarks write (pushes), the cached files stay as seeded.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'reprise-bench-dataset-'));
  cpSync(path.join(cache, 'ferretdb'), path.join(dataDir, 'ferretdb'), { recursive: true });
  let database: Database | undefined;
  try {
    database = await startDatabase({ dataDir });
    const { connection, models } = await open(database.uri);
    let running = database;
    const port = Number(new URL(database.uri).port);
    const users = describeSeeded(shape);
    await checkDescribed(models, users);
    return {
      uri: withDbName(database.uri),
      models,
      users,
      seedSeconds: report.seconds,
      seededNow,
      restart: async () => {
        await running.stop();
        running = await startDatabase({ dataDir, port });
        // The driver reconnects by itself; wait until it has.
        const deadline = Date.now() + 30_000;
        for (;;) {
          try {
            await connection.db?.command({ ping: 1 });
            return;
          } catch (error) {
            if (Date.now() > deadline) throw error;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      },
      close: async () => {
        await connection.close();
        await running.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
