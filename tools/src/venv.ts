import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './db.js';

/** Where the Python virtual environment `name` lives: .cache/<name> at the repository's root. */
export function venvDir(name: string): string {
  return path.join(repoRoot, '.cache', name);
}

/** What ensureVenv may be told besides the venv's name and packages. */
interface VenvOptions {
  /**
   * Whether what is there works (asked before installing, and again after). Without it, a stamp
   * named after the package list, written once pip has finished, marks a complete install.
   */
  ready?: () => boolean | Promise<boolean>;
  /** Told once before an install starts. */
  log?: (message: string) => void;
  /** How long creating the venv, and then pip, may each take (default 10 minutes). */
  timeoutMs?: number;
}

function run(command: string, args: string[], timeout: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/**
 * Makes the venv .cache/<name> hold `packages` (pip requirements, pinned by the caller) from PyPI,
 * unless a working install is there already; answers its directory. Tests and benchmarks use
 * Python tools this way: installed once, reused by later runs. A half-made venv (an interrupted
 * install) is rebuilt from scratch; an install that fails, or leaves the venv not ready, throws.
 */
export async function ensureVenv(name: string, packages: readonly string[], options: VenvOptions = {}): Promise<string> {
  const dir = venvDir(name);
  const stamp = path.join(dir, packages.join('+'));
  const ready = options.ready ?? (() => existsSync(stamp));
  if (await ready()) return dir;
  options.log?.(`installing ${packages.join(' ')} from PyPI into ${path.relative(repoRoot, dir)} (once)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  const timeout = options.timeoutMs ?? 10 * 60_000;
  for (const [command, args] of [
    ['python3', ['-m', 'venv', dir]],
    [path.join(dir, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--no-input', '--quiet', ...packages]],
  ] as const) {
    const result = await run(command, [...args], timeout);
    if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  if (!options.ready) mkdirSync(stamp, { recursive: true });
  if (!(await ready())) throw new Error(`${packages.join(' ')} did not install into ${dir}.`);
  return dir;
}
