import { readFileSync } from 'node:fs';
import { startServiceProcess, type ServiceProcess } from '@reprise/tools';

/** Quiet logs for benchmarks: a log line per request would cost the service (and the bench) time. */
const QUIET = { LOG_LEVEL: 'warn' };

/**
 * Starts the built API service (api/dist/server.js) on a free port against `mongodbUri`. The push
 * limit is off unless `env` sets PUSH_RATE_LIMIT: benchmarks push from one token far faster than
 * the default allows.
 */
export async function startApiService(mongodbUri: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  return await startService('api', { mongodbUri, env: { PUSH_RATE_LIMIT: '0', ...env } });
}

/**
 * Starts a built service with quiet logs (`env` adds its configuration). It may take two minutes
 * to be ready: on a machine shared with other work, loading a service has taken over 30 s.
 */
export async function startService(service: 'api' | 'cloud' | 'web', options: { mongodbUri?: string; port?: number; env?: Record<string, string> }): Promise<ServiceProcess> {
  return await startServiceProcess(service, { readyTimeoutMs: 120_000, ...options, env: { ...QUIET, ...options.env } });
}

/** SIGKILL: in-flight work is dropped at once; resolves once the process is gone. */
export async function killService(service: ServiceProcess): Promise<void> {
  service.kill('SIGKILL');
  await service.exited;
}

/** Resident memory of a process in bytes, read from /proc/<pid>/status. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}
