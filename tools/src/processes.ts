import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, repoRoot } from './db.js';

/** A service running as a child process, as in production (built code, its own port): for tests and benchmarks. */
export interface ServiceProcess {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Everything the process wrote to stdout and stderr so far (JSON log lines). */
  output(): string;
  /** True while the process runs. */
  alive(): boolean;
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  /** Sends a signal without waiting. */
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** Options for startServiceProcess. */
export interface ServiceOptions {
  /** The database, with its name: mongodb://host:port/name (the web dashboard has none). */
  mongodbUri?: string;
  /** Extra environment (configuration variables). */
  env?: Record<string, string>;
  /** Reuse a port (a restarted service); a free one otherwise. */
  port?: number;
  /** How long to wait for /readyz (ms). */
  readyTimeoutMs?: number;
}

const SERVERS = {
  api: { file: path.join(repoRoot, 'api', 'dist', 'server.js'), portVar: 'API_PORT', hostVar: 'API_HOST' },
  cloud: { file: path.join(repoRoot, 'cloud', 'dist', 'server.js'), portVar: 'CLOUD_PORT', hostVar: 'CLOUD_HOST' },
  web: { file: path.join(repoRoot, 'frontend', 'dist', 'server', 'server.js'), portVar: 'WEB_PORT', hostVar: 'WEB_HOST' },
} as const;

/** How much of a service's output is kept (its tail). */
const OUTPUT_LIMIT = 2_000_000;

/**
 * Starts a built service (`npm run build` first) on 127.0.0.1 and waits until /readyz answers 200.
 * The tail of its output is kept for assertions; the process is killed if this process exits.
 */
export async function startServiceProcess(service: keyof typeof SERVERS, options: ServiceOptions): Promise<ServiceProcess> {
  const server = SERVERS[service];
  if (!existsSync(server.file)) throw new Error(`${path.relative(repoRoot, server.file)} is missing: run \`npm run build\` before these tests.`);
  const port = options.port ?? (await freePort());
  let chunks: string[] = [];
  let kept = 0;
  const child: ChildProcess = spawn(process.execPath, [server.file], {
    env: {
      PATH: process.env.PATH,
      ...(options.mongodbUri ? { MONGODB_URI: options.mongodbUri } : {}),
      [server.portVar]: String(port),
      [server.hostVar]: '127.0.0.1',
      LOG_LEVEL: 'info',
      SWEEP_INTERVAL_MINUTES: '0',
      // The test suite's index-coverage check collects the queries of service processes too.
      ...(process.env.QUERY_SHAPE_DIR ? { QUERY_SHAPE_DIR: process.env.QUERY_SHAPE_DIR } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Chunks are joined and trimmed only once they hold twice the limit: logging stays cheap under load.
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    chunks.push(text);
    kept += text.length;
    if (kept > 2 * OUTPUT_LIMIT) {
      chunks = [chunks.join('').slice(-OUTPUT_LIMIT)];
      kept = OUTPUT_LIMIT;
    }
  };
  const output = () => chunks.join('').slice(-OUTPUT_LIMIT);
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${service} exited before it was ready:\n${output()}`);
    try {
      if ((await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${service} was not ready within ${options.readyTimeoutMs ?? 30_000} ms:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    port,
    pid: child.pid ?? -1,
    output,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited,
    kill: (signal) => {
      child.kill(signal);
    },
    stop: async (graceMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
