import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createApp, createLogger } from '@reprise/api';
import { createCloudApp } from '@reprise/cloud';
import { loadConfig, SpecValidator } from '@reprise/core';
import { buildOnce, makeUser, useTestDatabase, type TestDatabase, type TestUser } from '@reprise/tools/testing';

const sdkRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoRoot = path.resolve(sdkRoot, '..');
/** The built CLI that the tests run as a child process. */
const CLI = path.join(sdkRoot, 'dist', 'cli.js');

/** The real API service on a real port, on the test file's own database. */
export interface TestServer {
  db: TestDatabase;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  user: () => Promise<TestUser>;
  /** Stops answering (closes the port and every connection), as a server that went away. */
  stop: () => Promise<void>;
  /** Listens again on the same port. */
  start: () => Promise<void>;
}

/** Starts the API service (createApp on the test database, or on `db`) for a test file. */
export function useApiServer(db: TestDatabase = useTestDatabase()): TestServer {
  const spec = SpecValidator.load();
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    const app = createApp({ models: db.models, blobs: db.blobs, spec, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: createLogger('silent', sink) });
    server = app.listen(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      server?.once('listening', resolve);
      server?.once('error', reject);
    });
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const current = server;
    server = undefined;
    if (!current) return;
    current.closeAllConnections();
    await new Promise((resolve) => current.close(resolve));
  };
  beforeAll(listen);
  afterAll(stop);
  return {
    db,
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    user: () => makeUser(db.models),
    stop,
    start: listen,
  };
}

/** The dashboard origin the cloud service accepts in tests (its PUBLIC_URL). */
export const CLOUD_ORIGIN = 'http://localhost:5000';

/** The real cloud service on a real port. */
export interface TestCloudServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
}

/** Starts the cloud service (createCloudApp) on a real port, on the given test database. */
export function useCloudServer(db: TestDatabase): TestCloudServer {
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  let server: Server | undefined;
  let port = 0;
  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: CLOUD_ORIGIN, DATA_DIR: path.join(tmpdir(), 'reprise-sdk-unused') });
    const app = createCloudApp({
      models: db.models,
      blobs: db.blobs,
      spec: SpecValidator.load(),
      config,
      logger: createLogger('silent', sink),
      jwtSecret: 'sdk-test-secret-sdk-test-secret-0123456789',
      // Cheap scrypt for speed; the hash records its parameters, so verification is the real code.
      passwordParams: { N: 1024, r: 8, p: 1 },
      limits: { loginPerAddress: { max: 10_000, windowMs: 60_000 }, registrationsPerAddress: { max: 10_000, windowMs: 60_000 } },
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      server?.once('listening', resolve);
      server?.once('error', reject);
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    const current = server;
    if (!current) return;
    current.closeAllConnections();
    await new Promise((resolve) => current.close(resolve));
  });
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
  };
}

/** A fresh HOME-like place per test: config and queue directories, and a working directory. */
export interface CliHome {
  readonly root: string;
  readonly work: string;
  readonly queueDir: string;
  readonly configFile: string;
  /** Environment for the CLI: XDG dirs inside root, no REPRISE_* from the outside. */
  env: (extra?: Record<string, string>) => NodeJS.ProcessEnv;
}

/** Gives each test its own config/queue/work directories. */
export function useCliHome(): CliHome {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'reprise-cli-'));
    mkdirSync(path.join(root, 'work'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });
  return {
    get root() {
      return root;
    },
    get work() {
      return path.join(root, 'work');
    },
    get queueDir() {
      return path.join(root, 'data', 'reprise', 'queue');
    },
    get configFile() {
      return path.join(root, 'config', 'reprise', 'config.json');
    },
    env: (extra = {}) => {
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: root, XDG_CONFIG_HOME: path.join(root, 'config'), XDG_DATA_HOME: path.join(root, 'data'), ...extra };
      for (const name of ['REPRISE_TOKEN', 'REPRISE_URL', 'REPRISE_PROJECT', 'REPRISE_QUEUE_DIR']) if (!(name in extra)) delete env[name];
      return env;
    },
  };
}

/** What a CLI run printed and how it exited. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `reprise` CLI as a child process. */
export function cli(args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Builds the SDK when its output is older than its sources (`npm test` builds first anyway),
 * once across test files running in parallel.
 */
export function ensureBuilt(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return Math.max(latest, newest(full));
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? Math.max(latest, statSync(full).mtimeMs) : latest;
    }, 0);
  const built = () => {
    try {
      return statSync(CLI).mtimeMs > newest(path.join(sdkRoot, 'src'));
    } catch {
      return false;
    }
  };
  buildOnce('sdk', built, () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', sdkRoot], { cwd: repoRoot, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`building the SDK failed:\n${result.stdout}${result.stderr}`);
  });
}

/**
 * Runs the built CLI in a pseudo-terminal (util-linux `script`), as a person at a terminal would:
 * once its output shows `prompt`, types `keys`. Resolves with the terminal's output (stdout and
 * stderr together, as the person sees them) and the exit code.
 */
export function cliInTerminal(args: string[], options: { env: NodeJS.ProcessEnv; prompt: string; keys: string; timeoutMs?: number }): Promise<{ code: number | null; output: string }> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  return new Promise((resolve, reject) => {
    // -e: the CLI's exit code; -f: flush as it writes; the typescript goes to /dev/null.
    const child = spawn('script', ['-qefc', [process.execPath, CLI, ...args].map(quote).join(' '), '/dev/null'], { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!typed && output.includes(options.prompt)) {
        typed = true;
        child.stdin.write(options.keys);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
