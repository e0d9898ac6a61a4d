import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The community's own readers of what Reprise exports, from PyPI, in a venv under .cache/ that the
 * first test run creates and later runs reuse: ro-crate-py (`rocrate`), `runcrate` and `prov`.
 * If pip cannot install them, the test that needs them fails (on purpose).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const VENV = path.join(here, '..', '..', '..', '.cache', 'crate-venv');
const PYTHON = path.join(VENV, 'bin', 'python');
const PACKAGES = ['rocrate==0.16.0', 'runcrate==0.6.2', 'prov==1.5.1'];
const STAMP = path.join(VENV, PACKAGES.join('+'));
/** How long installing may take on a cold cache. */
export const INSTALL_TIMEOUT_MS = 10 * 60_000;

function run(command: string, args: string[], timeout: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Installs the readers unless this set of versions is there already. */
export async function ensureCrateTools(): Promise<void> {
  if (existsSync(STAMP)) return;
  rmSync(VENV, { recursive: true, force: true });
  mkdirSync(path.dirname(VENV), { recursive: true });
  for (const [command, args] of [
    ['python3', ['-m', 'venv', VENV]],
    [path.join(VENV, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--no-input', '--quiet', ...PACKAGES]],
  ] as const) {
    const result = await run(command, [...args], INSTALL_TIMEOUT_MS);
    if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  mkdirSync(STAMP, { recursive: true });
}

/** Runs crate_check.py on a folder of exports: each crate and PROV document and what is wrong with it (nothing, when all is well). */
export async function checkExports(folder: string): Promise<Record<string, string[]>> {
  const result = await run(PYTHON, [path.join(here, 'crate_check.py'), folder], 5 * 60_000);
  if (result.code !== 0) throw new Error(`crate_check.py failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string[]>;
}
