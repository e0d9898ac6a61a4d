import { spawn } from 'node:child_process';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { freePort, repoRoot } from '@reprise/tools';

/** A service started as a child process for a benchmark, as `npm start` would run it. */
export interface RunningService {
  url: string;
  pid: number;
  /** The resident set size of the service process, in bytes (from /proc). */
  rss(): number;
  /** SIGTERM: the service finishes in-flight requests, then exits. */
  stop(): Promise<void>;
  /** SIGKILL: in-flight work is dropped at once. */
  kill(): Promise<void>;
}

/**
 * Starts the built API service (api/dist/server.js) on a free port against `mongodbUri`. The push
 * limit is off unless `env` sets PUSH_RATE_LIMIT: benchmarks push from one token far faster than
 * the default allows.
 */
export async function startApiService(mongodbUri: string, env: Record<string, string> = {}): Promise<RunningService> {
  const port = await freePort();
  return await startBuiltService('API service', 'api/dist/server.js', port, { MONGODB_URI: mongodbUri, API_PORT: String(port), API_HOST: '127.0.0.1', PUSH_RATE_LIMIT: '0', ...env });
}

/** Starts a built service (`entry` relative to the repository) and waits until its /readyz answers. */
export async function startBuiltService(name: string, entry: string, port: number, env: Record<string, string>): Promise<RunningService> {
  const child = spawn(process.execPath, [path.join(repoRoot, entry)], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the ${name} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid ?? -1;
  return {
    url,
    pid,
    rss: () => residentBytes(pid),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Resident memory of a process in bytes, read from /proc/<pid>/status. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}
