import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDatabase } from '../db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

/** Starts one database server for the whole test run (MONGODB_URI, mongod or embedded FerretDB). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'reprise-test-'));
  const database = await startDatabase({
    uri: process.env.MONGODB_URI,
    dataDir,
    log: (message) => console.log(`[test database] ${message}`),
  });
  console.log(`[test database] ${database.kind} at ${database.uri}`);
  project.provide('mongodbUri', database.uri);
  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
