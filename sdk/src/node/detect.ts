import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Dependency } from '../types.js';

/** Where a working tree's source stands (the `version` of a container, `versionControl` of a program). */
export interface GitState {
  vcs: 'git';
  repository: string | null;
  commit: string | null;
  branch: string | null;
  tag: string | null;
  dirty: boolean;
  /** sha256 of `git diff HEAD` when the tree is dirty, null when clean. */
  diff: string | null;
}

interface Output {
  ok: boolean;
  stdout: string;
}

/** Runs a program without a shell, with a time limit; never throws. */
function run(command: string, args: string[], options: { cwd?: string; timeoutMs?: number; maxBuffer?: number } = {}): Promise<Output> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, timeout: options.timeoutMs ?? 10_000, maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024, encoding: 'utf8', windowsHide: true },
      (error, stdout) => resolve({ ok: !error, stdout: typeof stdout === 'string' ? stdout : '' }),
    );
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** The git state of the tree that holds `dir`, or null when it is not in a git work tree (or git is missing). */
export async function gitState(dir: string): Promise<GitState | null> {
  const git = (...args: string[]) => run('git', args, { cwd: dir, timeoutMs: 15_000 });
  const inside = await git('rev-parse', '--is-inside-work-tree');
  if (!inside.ok || inside.stdout.trim() !== 'true') return null;
  const [head, branch, status, remote, tag] = await Promise.all([
    git('rev-parse', 'HEAD'),
    git('rev-parse', '--abbrev-ref', 'HEAD'),
    git('status', '--porcelain'),
    git('remote', 'get-url', 'origin'),
    git('describe', '--tags', '--exact-match'),
  ]);
  const dirty = status.ok && status.stdout.trim().length > 0;
  let diff: string | null = null;
  if (dirty && head.ok) {
    const changes = await git('diff', 'HEAD', '--no-color', '--no-ext-diff', '--binary');
    if (changes.ok) diff = createHash('sha256').update(changes.stdout).digest('hex');
  }
  const branchName = branch.ok ? branch.stdout.trim() : '';
  return {
    vcs: 'git',
    repository: remote.ok ? remote.stdout.trim() || null : null,
    commit: head.ok ? head.stdout.trim() || null : null,
    branch: branchName && branchName !== 'HEAD' ? branchName : null,
    tag: tag.ok ? tag.stdout.trim() || null : null,
    dirty,
    diff,
  };
}

/** The host a run executes on: OS, CPU, memory and language runtimes. */
export async function hostSystem(): Promise<Record<string, unknown>> {
  const cpus = os.cpus();
  const runtimes: Record<string, string> = { node: process.versions.node };
  const python = await run('python3', ['--version'], { timeoutMs: 3000 });
  if (python.ok) runtimes.python = python.stdout.trim().replace(/^Python\s+/, '');
  return {
    os: os.type(),
    platform: os.platform(),
    release: os.release(),
    version: os.version(),
    arch: os.arch(),
    hostname: os.hostname(),
    cpu: { model: cpus[0]?.model ?? null, count: cpus.length },
    memory: os.totalmem(),
    runtimes,
  };
}

/**
 * Dependencies found by asking the package managers a project uses: pip (Python projects or a
 * Python command), npm (a package.json), conda (an active environment), renv (an renv.lock).
 * Each probe has a time limit; one that fails or times out is skipped, never failing the run.
 */
export async function detectDependencies(dir: string, command: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ dependencies: Dependency[]; managers: string[] }> {
  const probes: Array<Promise<Dependency[]>> = [];
  const program = path.basename(command[0] ?? '');
  const pythonProject = (await Promise.all(['requirements.txt', 'pyproject.toml', 'setup.py', 'Pipfile'].map((name) => exists(path.join(dir, name))))).some(Boolean);
  if (pythonProject || /^python[\d.]*$/.test(program)) {
    probes.push(pipFreeze(/^python[\d.]*$/.test(program) ? (command[0] ?? 'python3') : 'python3', dir));
  }
  if (await exists(path.join(dir, 'package.json'))) probes.push(npmList(dir));
  if (env.CONDA_PREFIX) probes.push(condaExport(dir));
  if (await exists(path.join(dir, 'renv.lock'))) probes.push(renvLock(path.join(dir, 'renv.lock')));
  const found = (await Promise.all(probes.map((probe) => probe.catch(() => [])))).flat();
  return { dependencies: found, managers: [...new Set(found.map((dependency) => dependency.manager ?? ''))].filter(Boolean) };
}

async function pipFreeze(python: string, dir: string): Promise<Dependency[]> {
  const output = await run(python, ['-m', 'pip', 'freeze', '--disable-pip-version-check'], { cwd: dir, timeoutMs: 20_000 });
  if (!output.ok) return [];
  return output.stdout.split('\n').flatMap((line): Dependency[] => {
    const text = line.trim();
    if (!text || text.startsWith('#')) return [];
    const pinned = /^([A-Za-z0-9._-]+)==(.+)$/.exec(text);
    if (pinned?.[1] && pinned[2]) return [{ name: pinned[1], version: pinned[2], manager: 'pip' }];
    const direct = /^([A-Za-z0-9._-]+)\s*@\s*(.+)$/.exec(text);
    if (direct?.[1] && direct[2]) return [{ name: direct[1], version: '', manager: 'pip', source: direct[2].slice(0, 2000) }];
    return [];
  });
}

async function npmList(dir: string): Promise<Dependency[]> {
  const output = await run('npm', ['ls', '--json', '--depth=0'], { cwd: dir, timeoutMs: 20_000 });
  // npm ls exits non-zero for missing or extraneous packages but still prints the tree.
  if (!output.stdout.trim()) return [];
  const tree = JSON.parse(output.stdout) as { dependencies?: Record<string, { version?: string; resolved?: string }> };
  return Object.entries(tree.dependencies ?? {}).map(([name, info]) => ({
    name,
    version: info.version ?? '',
    manager: 'npm',
    ...(info.resolved ? { source: info.resolved.slice(0, 2000) } : {}),
  }));
}

async function condaExport(dir: string): Promise<Dependency[]> {
  const output = await run('conda', ['env', 'export', '--json'], { cwd: dir, timeoutMs: 30_000 });
  if (!output.ok) return [];
  const environment = JSON.parse(output.stdout) as { dependencies?: Array<string | { pip?: string[] }> };
  return (environment.dependencies ?? []).flatMap((item): Dependency[] => {
    if (typeof item !== 'string') return [];
    const [name, version] = item.split('=');
    return name ? [{ name, version: version ?? '', manager: 'conda' }] : [];
  });
}

async function renvLock(file: string): Promise<Dependency[]> {
  const lock = JSON.parse(await readFile(file, 'utf8')) as { Packages?: Record<string, { Package?: string; Version?: string; Source?: string }> };
  return Object.values(lock.Packages ?? {}).flatMap((item): Dependency[] =>
    item.Package ? [{ name: item.Package, version: item.Version ?? '', manager: 'renv', ...(item.Source ? { source: item.Source } : {}) }] : [],
  );
}
