import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { repoRoot, startDatabase } from '../db.js';
import { ALLOWED_SCANS, coverageReport, declaredIndexes, readQueryShapes, unservedQueries } from './index-coverage.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
    queryShapeDir: string;
  }
}

/**
 * Starts one database server for the whole test run (MONGODB_URI, mongod or embedded FerretDB).
 * Every connection of the run, in test files and in the service processes they start, records
 * the shape of its queries; at the end, a query that no declared index serves fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'reprise-test-'));
  const shapeDir = mkdtempSync(path.join(tmpdir(), 'reprise-query-shapes-'));
  const database = await startDatabase({
    uri: process.env.MONGODB_URI,
    dataDir,
    log: (message) => console.log(`[test database] ${message}`),
  });
  console.log(`[test database] ${database.kind} at ${database.uri}`);
  project.provide('mongodbUri', database.uri);
  project.provide('queryShapeDir', shapeDir);
  // Service processes started by tests (startServiceProcess) pass it on.
  process.env.QUERY_SHAPE_DIR = shapeDir;
  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const unserved = unservedQueries(readQueryShapes(shapeDir), declaredIndexes(), ALLOWED_SCANS);
    // KEEP_QUERY_SHAPES=1 keeps the recorded shapes to look at (the directory is printed).
    if (process.env.KEEP_QUERY_SHAPES === '1') console.log(`[index coverage] query shapes kept in ${shapeDir}`);
    else rmSync(shapeDir, { recursive: true, force: true });
    if (unserved.length > 0) {
      // Vitest only logs an error of a global teardown: the exit code is what fails the run.
      process.exitCode = 1;
      throw new Error(`Index coverage: ${coverageReport(unserved, repoRoot)}`);
    }
  };
}
