import { Writable } from 'node:stream';
import type { Express } from 'express';
import supertest from 'supertest';
import { beforeAll, beforeEach, expect } from 'vitest';
import { loadConfig, SpecValidator, type Config, type PasswordParams } from '@reprise/core';
import { createLogger } from '@reprise/http';
import { makeUser, useTestDatabase, type TestDatabase, type TestUser } from '@reprise/tools/testing';
import { createCloudApp } from '../app.js';
import { CSRF_COOKIE } from '../auth/csrf.js';
import type { AuthLimits } from '../http/context.js';

/** The dashboard's origin in tests (PUBLIC_URL). */
export const ORIGIN = 'http://localhost:5000';
/** The session secret of test apps. */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
/** A password that passes the rules. */
export const PASSWORD = 'correct horse battery staple';
// Cheap scrypt for speed; the stored hash records its parameters, so verification is the real code.
const FAST_PASSWORDS: PasswordParams = { N: 1024, r: 8, p: 1 };

const spec = SpecValidator.load();

interface CookieJar {
  getCookie(name: string, access: { domain: string; path: string; secure: boolean; script: boolean }): { value: string } | undefined;
  setCookie(line: string, domain: string, path: string): void;
}

/**
 * A browser on the dashboard: keeps cookies, sends the dashboard's Origin, and echoes the CSRF
 * cookie in X-CSRF-Token on mutating requests (as the single-page app does).
 */
export class Browser {
  readonly agent: supertest.Agent;

  constructor(app: Express) {
    this.agent = supertest.agent(app);
    this.agent.set('Origin', ORIGIN);
  }

  private get jar(): CookieJar {
    return (this.agent as unknown as { jar: CookieJar }).jar;
  }

  /** The value of a cookie the browser would send to `path`. */
  cookie(name: string, path = '/cloud/v1'): string | undefined {
    return this.jar.getCookie(name, { domain: '127.0.0.1', path, secure: false, script: false })?.value;
  }

  /** Stores a cookie as if the server had set it (to replay or forge one). */
  setCookie(name: string, value: string, path = '/cloud'): void {
    this.jar.setCookie(`${name}=${value}; Path=${path}`, '127.0.0.1', path);
  }

  /** The current value of the CSRF cookie, if the browser has one. */
  csrf(): string | undefined {
    return this.cookie(CSRF_COOKIE, '/');
  }

  /** Makes sure the browser holds a CSRF cookie (the app loads a page first). */
  async ready(): Promise<this> {
    if (!this.csrf()) await this.agent.get('/cloud/v1/auth/csrf').expect(200);
    return this;
  }

  get(url: string): supertest.Test {
    return this.agent.get(url);
  }

  post(url: string, body?: object): supertest.Test {
    const test = this.agent.post(url).set('X-CSRF-Token', this.csrf() ?? '');
    return body === undefined ? test : test.send(body);
  }

  patch(url: string, body: object): supertest.Test {
    return this.agent.patch(url).set('X-CSRF-Token', this.csrf() ?? '').send(body);
  }

  delete(url: string): supertest.Test {
    return this.agent.delete(url).set('X-CSRF-Token', this.csrf() ?? '');
  }
}

/** A signed-in browser and who it is. */
export interface SignedIn {
  browser: Browser;
  id: string;
  name: string;
  email: string;
}

/** A cloud app on the test file's own database, with its log lines captured. */
export interface TestCloud {
  db: TestDatabase;
  config: Config;
  app: () => Express;
  /** A browser without a session (with a CSRF cookie). */
  browser: () => Promise<Browser>;
  /** Registers a new account through the API and returns the signed-in browser. */
  signUp: (name?: string) => Promise<SignedIn>;
  /** A user with an API token made directly in the database (for pushing through core services). */
  tokenUser: (name?: string) => Promise<TestUser>;
  logs: () => string;
}

let counter = 0;

/** Sets up the cloud service for a test file (real database, real HTTP through supertest). */
export function useCloud(options: { limits?: Partial<AuthLimits>; env?: Record<string, string> } = {}): TestCloud {
  const db = useTestDatabase();
  let app: Express | undefined;
  let lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const config = loadConfig({ DATA_DIR: '/tmp/reprise-test-unused', LOG_LEVEL: 'info', PUBLIC_URL: ORIGIN, ...options.env });
  // Generous limits unless a test file is about them: many sign-ups come from one test address.
  const limits: Partial<AuthLimits> = {
    loginPerAddress: { max: 10_000, windowMs: 60_000 },
    registrationsPerAddress: { max: 10_000, windowMs: 60_000 },
    comparesPerAddress: { max: 10_000, windowMs: 60_000 },
    ...options.limits,
  };

  beforeAll(() => {
    app = createCloudApp({
      models: db.models,
      blobs: db.blobs,
      spec,
      config,
      logger: createLogger('info', sink),
      jwtSecret: TEST_JWT_SECRET,
      passwordParams: FAST_PASSWORDS,
      limits,
    });
  });
  beforeEach(() => {
    lines = [];
  });

  const getApp = () => {
    if (!app) throw new Error('useCloud(): the app exists only inside tests and hooks');
    return app;
  };
  const browser = async () => new Browser(getApp()).ready();
  return {
    db,
    config,
    app: getApp,
    browser,
    signUp: async (name?: string) => {
      counter += 1;
      const who = name ?? `User ${counter}`;
      const email = `user-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`;
      const b = await browser();
      const res = await b.post('/cloud/v1/auth/register', { email, password: PASSWORD, name: who });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { browser: b, id: res.body.id as string, name: who, email };
    },
    tokenUser: (name?: string) => makeUser(db.models, name ? { name } : {}),
    logs: () => lines.join(''),
  };
}
