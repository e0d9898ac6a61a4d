import { Writable } from 'node:stream';
import type { Express } from 'express';
import supertest from 'supertest';
import { beforeAll, beforeEach } from 'vitest';
import { loadConfig, SpecValidator, type Config } from '@reprise/core';
import { makeUser, useTestDatabase, type TestDatabase, type TestUser } from '@reprise/tools/testing';
import { createApp } from '../app.js';
import { createLogger } from '@reprise/http';

/** An API app on the test file's own database, with its log lines captured. */
export interface TestApi {
  db: TestDatabase;
  app: () => Express;
  request: () => supertest.Agent;
  /** Every log line written since the current test began. */
  logs: () => string;
  user: (name?: string) => Promise<TestUser>;
}

const spec = SpecValidator.load();

/** Sets up the API service for a test file (real database, real HTTP through supertest). */
export function useApi(env: Record<string, string> = {}): TestApi {
  const db = useTestDatabase();
  let app: Express | undefined;
  let lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const config: Config = loadConfig({ DATA_DIR: '/tmp/reprise-test-unused', LOG_LEVEL: 'info', ...env });

  beforeAll(() => {
    app = createApp({ models: db.models, blobs: db.blobs, spec, config, logger: createLogger('info', sink) });
  });
  beforeEach(() => {
    lines = [];
  });

  const getApp = () => {
    if (!app) throw new Error('useApi(): the app exists only inside tests and hooks');
    return app;
  };
  return {
    db,
    app: getApp,
    request: () => supertest.agent(getApp()),
    logs: () => lines.join(''),
    user: (name?: string) => makeUser(db.models, name ? { name } : {}),
  };
}

/** The Authorization header for a token. */
export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** A supertest parser that collects a binary body into a Buffer. */
export function binary(res: supertest.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
