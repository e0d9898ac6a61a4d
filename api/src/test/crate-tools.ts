import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVenv, venvDir } from '@reprise/tools';

/**
 * The community's own readers of what Reprise exports, from PyPI, in a venv under .cache/ that the
 * first test run creates and later runs reuse: ro-crate-py (`rocrate`), `runcrate` and `prov`.
 * If pip cannot install them, the test that needs them fails (on purpose).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const PYTHON = path.join(venvDir('crate-venv'), 'bin', 'python');
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
  await ensureVenv('crate-venv', ['rocrate==0.16.0', 'runcrate==0.6.2', 'prov==1.5.1'], { timeoutMs: INSTALL_TIMEOUT_MS });
}

/** Runs crate_check.py on a folder of exports: each crate and PROV document and what is wrong with it (nothing, when all is well). */
export async function checkExports(folder: string): Promise<Record<string, string[]>> {
  const result = await run(PYTHON, [path.join(here, 'crate_check.py'), folder], 5 * 60_000);
  if (result.code !== 0) throw new Error(`crate_check.py failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string[]>;
}
