import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureVenv, venvDir } from '@reprise/tools';
import { makeUser, startServiceProcess, useTestDatabase, type ServiceProcess } from '@reprise/tools/testing';

/**
 * Fuzzes every operation of openapi.yaml that the API service serves with Schemathesis (PyPI),
 * against the real service process on a real database, with a real token. Schemathesis is
 * installed once into .cache/schemathesis-venv and reused; if pip cannot install it, this test
 * fails (on purpose). The run is bounded by --max-time.
 */

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ST = path.join(venvDir('schemathesis-venv'), 'bin', 'st');
const SCHEMATHESIS_VERSION = '4.32.5';
const INSTALL_TIMEOUT_MS = 10 * 60_000;
/** Seconds of fuzzing (examples, coverage and fuzzing phases share it). */
const FUZZ_SECONDS = Number(process.env.REPRISE_FUZZ_SECONDS ?? 150);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout: number }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeout, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function ensureSchemathesis(): Promise<void> {
  const ready = async () => existsSync(ST) && (await run(ST, ['--version'], { timeout: 60_000 })).stdout.includes(SCHEMATHESIS_VERSION);
  await ensureVenv('schemathesis-venv', [`schemathesis==${SCHEMATHESIS_VERSION}`], { ready, timeoutMs: INSTALL_TIMEOUT_MS });
}

/** The configuration: the caller's token in every path, and the names of things that exist most of the time. */
function config(): string {
  return `
[parameters]
"path.token" = "\${REPRISE_FUZZ_TOKEN}"
"path.project" = { dictionary = "projects", probability = 0.8 }
"path.record" = { dictionary = "records", probability = 0.8 }
"path.label" = { dictionary = "records", probability = 0.8 }
"path.file" = { dictionary = "files", probability = 0.8 }

[dictionaries.projects]
values = ["fuzz"]
[dictionaries.records]
values = ["r1"]
[dictionaries.files]
values = ["in.txt"]
`;
}

const db = useTestDatabase();
let api: ServiceProcess | undefined;
let cloud: ServiceProcess | undefined;
const work = mkdtempSync(path.join(tmpdir(), 'reprise-fuzz-'));

beforeAll(async () => {
  await ensureSchemathesis();
}, INSTALL_TIMEOUT_MS + 60_000);
afterAll(async () => {
  await api?.stop();
  await cloud?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Schemathesis's report, with long lines (generated payloads) shortened so that it stays readable. */
function readable(output: string): string {
  return output
    .split('\n')
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)}… (${line.length} characters)` : line))
    .slice(-300)
    .join('\n');
}

/** Runs Schemathesis against a service; returns its exit code and a readable summary. */
async function fuzz(options: { url: string; include: string; args: string[]; env: Record<string, string>; name: string; exclude?: string }): Promise<{ code: number; summary: string }> {
  const dir = path.join(work, options.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'schemathesis.toml'), config());
  const result = await run(
    ST,
    [
      'run',
      path.join(REPO_ROOT, 'openapi.yaml'),
      '--url',
      options.url,
      '--include-path-regex',
      options.include,
      ...(options.exclude ? ['--exclude-operation-id-regex', options.exclude] : []),
      ...options.args,
      '--checks',
      'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance',
      '--phases',
      'examples,coverage,fuzzing',
      '--max-time',
      String(FUZZ_SECONDS),
      // One worker: with several threads, CPython 3.11's ast.parse (used by Hypothesis to describe
      // strategies) fails now and then with "AST constructor recursion depth mismatch".
      '--workers',
      '1',
      '--seed',
      '20150706',
      '--request-timeout',
      '20',
      '--generation-database',
      'none',
      '--no-color',
    ],
    { cwd: dir, env: { ...process.env, ...options.env }, timeout: (FUZZ_SECONDS + 240) * 1000 },
  );
  writeFileSync(path.join(REPO_ROOT, '.cache', `schemathesis-last-run-${options.name}.txt`), result.stdout + result.stderr);
  // Schemathesis exits non-zero on any failed check; the summary lists them.
  return { code: result.code, summary: readable(`${result.stdout}\n${result.stderr}`) };
}

describe('fuzzing the API service from openapi.yaml', () => {
  it('finds no server error and no response that breaks the description, on any operation', async () => {
    const alice = await makeUser(db.models, { email: 'fuzz@example.org' });
    const mongodbUri = db.uri.replace(/\/[^/?]*(\?|$)/, `/${db.name}$1`);
    // No push limit: the fuzzer pushes far more than a tool would, and 429s would hide the rest.
    api = await startServiceProcess('api', { mongodbUri, env: { LOG_LEVEL: 'warn', PUSH_RATE_LIMIT: '0' } });
    const headers = { Authorization: `Bearer ${alice.token}` };
    await fetch(`${api.url}/api/v1/project/push/fuzz`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"private":false}' });
    await fetch(`${api.url}/api/v1/record/push/fuzz`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"label":"r1","inputs":[{"name":"in.txt"}]}' });
    const form = new FormData();
    form.set('inputs', new Blob(['input']), 'in.txt');
    await fetch(`${api.url}/api/v1/file/push/fuzz/r1`, { method: 'POST', headers, body: form });

    const { code, summary } = await fuzz({
      url: api.url,
      include: '^/(api/v1|sumatra)',
      args: ['--auth', `fuzz@example.org:${alice.token}`],
      env: { REPRISE_FUZZ_TOKEN: alice.token },
      name: 'api',
    });
    expect(code, summary).toBe(0);
    // It did test something.
    expect(summary).toMatch(/Tested: (\d+)/);
    expect(api.alive()).toBe(true);
  }, (FUZZ_SECONDS + 300) * 1000);
});

describe('fuzzing the cloud service from openapi.yaml', () => {
  it('finds no server error and no response that breaks the description, with a signed-in session', async () => {
    const mongodbUri = db.uri.replace(/\/[^/?]*(\?|$)/, `/${db.name}$1`);
    const origin = 'http://localhost:5000';
    cloud = await startServiceProcess('cloud', { mongodbUri, env: { LOG_LEVEL: 'warn', PUBLIC_URL: origin, JWT_SECRET: 'f'.repeat(48) } });
    // A session as the dashboard gets one: the CSRF cookie from a GET, then registration.
    const first = await fetch(`${cloud.url}/cloud/v1/auth/csrf`);
    const cookies = new Map<string, string>();
    const keep = (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = (pair ?? '').split('=');
        if (name) cookies.set(name.trim(), value.join('='));
      }
    };
    keep(first);
    const csrf = cookies.get('reprise_csrf') ?? '';
    const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const registered = await fetch(`${cloud.url}/cloud/v1/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, 'X-CSRF-Token': csrf, Cookie: cookieHeader() },
      body: JSON.stringify({ email: 'cloud-fuzz@example.org', password: 'a long enough password 1', name: 'Fuzz' }),
    });
    expect(registered.status).toBe(201);
    keep(registered);
    expect(cookies.get('reprise_session')).toBeTruthy();

    const { code, summary } = await fuzz({
      url: cloud.url,
      include: '^/cloud/v1',
      // Operations that end the session would leave the rest of the run signed out.
      exclude: '^(logout|changePassword|deleteAccount)$',
      // Signing in issues a fresh CSRF cookie: the header echoes the current one.
      args: ['-H', `Cookie: ${cookieHeader()}`, '-H', `X-CSRF-Token: ${cookies.get('reprise_csrf') ?? ''}`, '-H', `Origin: ${origin}`],
      // The cloud paths have no {token}; the configuration file names it all the same.
      env: { REPRISE_FUZZ_TOKEN: 'unused' },
      name: 'cloud',
    });
    expect(code, summary).toBe(0);
    expect(summary).toMatch(/Tested: (\d+)/);
    expect(cloud.alive()).toBe(true);
  }, (FUZZ_SECONDS + 300) * 1000);
});
