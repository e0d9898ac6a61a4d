import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, startServiceProcess, useTestDatabase, type ServiceProcess } from '@reprise/tools/testing';

/**
 * Fuzzes every operation of openapi.yaml that the API service serves with Schemathesis (PyPI),
 * against the real service process on a real database, with a real token. Schemathesis is
 * installed once into .cache/schemathesis-venv and reused; if pip cannot install it, this test
 * fails (on purpose). The run is bounded by --max-time.
 */

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const VENV = path.join(REPO_ROOT, '.cache', 'schemathesis-venv');
const ST = path.join(VENV, 'bin', 'st');
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
  if (await ready()) return;
  rmSync(VENV, { recursive: true, force: true });
  mkdirSync(path.dirname(VENV), { recursive: true });
  for (const [command, args] of [
    ['python3', ['-m', 'venv', VENV]],
    [path.join(VENV, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--no-input', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`]],
  ] as const) {
    const result = await run(command, [...args], { timeout: INSTALL_TIMEOUT_MS });
    if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  if (!(await ready())) throw new Error(`Schemathesis ${SCHEMATHESIS_VERSION} did not install into ${VENV}.`);
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
const work = mkdtempSync(path.join(tmpdir(), 'reprise-fuzz-'));

beforeAll(async () => {
  await ensureSchemathesis();
}, INSTALL_TIMEOUT_MS + 60_000);
afterAll(async () => {
  await api?.stop();
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

describe('fuzzing the API service from openapi.yaml', () => {
  it('finds no server error and no response that breaks the description, on any operation', async () => {
    const alice = await makeUser(db.models, { email: 'fuzz@example.org' });
    const mongodbUri = db.uri.replace(/\/[^/?]*(\?|$)/, `/${db.name}$1`);
    api = await startServiceProcess('api', { mongodbUri, env: { LOG_LEVEL: 'warn' } });
    const headers = { Authorization: `Bearer ${alice.token}` };
    await fetch(`${api.url}/api/v1/project/push/fuzz`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"private":false}' });
    await fetch(`${api.url}/api/v1/record/push/fuzz`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"label":"r1","inputs":[{"name":"in.txt"}]}' });
    const form = new FormData();
    form.set('inputs', new Blob(['input']), 'in.txt');
    await fetch(`${api.url}/api/v1/file/push/fuzz/r1`, { method: 'POST', headers, body: form });

    writeFileSync(path.join(work, 'schemathesis.toml'), config());
    const result = await run(
      ST,
      [
        'run',
        path.join(REPO_ROOT, 'openapi.yaml'),
        '--url',
        api.url,
        '--include-path-regex',
        '^/(api/v1|sumatra)',
        '--auth',
        `fuzz@example.org:${alice.token}`,
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
      { cwd: work, env: { ...process.env, REPRISE_FUZZ_TOKEN: alice.token }, timeout: (FUZZ_SECONDS + 240) * 1000 },
    );
    writeFileSync(path.join(REPO_ROOT, '.cache', 'schemathesis-last-run.txt'), result.stdout + result.stderr);
    const summary = readable(`${result.stdout}\n${result.stderr}`);
    // Schemathesis exits non-zero on any failed check; the summary lists them.
    expect(result.code, summary).toBe(0);
    // It did test something: every operation of the API service was reached.
    expect(summary).toMatch(/Tested: (\d+)/);
    expect(api.alive()).toBe(true);
  }, (FUZZ_SECONDS + 300) * 1000);
});
