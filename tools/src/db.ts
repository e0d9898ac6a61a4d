import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';

/** The repository root (tools/src or tools/dist → ..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ferretSource = path.join(repoRoot, 'tools', 'ferretdb');

/** A running MongoDB-wire server, however it was provided. */
export interface Database {
  uri: string;
  kind: 'external' | 'mongod' | 'ferretdb';
  /** The server's process id, when this process started it (benchmarks read its CPU time). */
  pid?: number | undefined;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
}

/** Options for startDatabase. */
export interface StartOptions {
  /** MONGODB_URI, when the caller has one: then nothing is started. */
  uri?: string | undefined;
  /** Where mongod or FerretDB keep their files. */
  dataDir: string;
  /** TCP port; a free one is chosen when omitted. */
  port?: number;
  /** Force a backend (tests of the launcher itself). */
  prefer?: 'mongod' | 'ferretdb';
  /** Progress messages (build, start); silent when omitted. */
  log?: (message: string) => void;
  /** Environment for PATH lookups and the Go build (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Where built binaries are cached (default: .cache/ at the repository root). */
  cacheDir?: string;
}

/** Raised when no database can be provided; its message says what to install or set. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Provides a MongoDB-wire server: MONGODB_URI if given, else `mongod` if on PATH, else embedded
 * FerretDB (SQLite backend) built once with Go into .cache/. Resolves once the server answers a ping.
 */
export async function startDatabase(options: StartOptions): Promise<Database> {
  const log = options.log ?? (() => undefined);
  if (options.uri) {
    await waitForPing(options.uri, 15_000);
    return { uri: options.uri, kind: 'external', stop: async () => undefined };
  }
  const shared = await runningServer(options.dataDir);
  if (shared) {
    log(`using the database already serving ${options.dataDir} (${shared})`);
    return { uri: shared, kind: 'external', stop: async () => undefined };
  }
  const port = options.port ?? (await freePort());
  const env = options.env ?? process.env;
  const useMongod = options.prefer ? options.prefer === 'mongod' : onPath('mongod', env);
  if (useMongod) {
    const dir = path.join(options.dataDir, 'mongod');
    mkdirSync(dir, { recursive: true });
    log(`starting mongod on 127.0.0.1:${port} with data in ${dir}`);
    const child = spawn('mongod', ['--dbpath', dir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return announce(options.dataDir, await supervise(child, `mongodb://127.0.0.1:${port}/reprise`, 'mongod'));
  }
  const binary = await ensureFerretDb({ log, env, cacheDir: options.cacheDir });
  const dir = path.join(options.dataDir, 'ferretdb');
  mkdirSync(dir, { recursive: true });
  log(`starting embedded FerretDB on 127.0.0.1:${port} with data in ${dir}`);
  const child = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-dir', dir, '-exit-on-stdin-eof'], {
    env, // FERRETDB_PUSHDOWN=off turns the query pushdown off (the reference in differential tests)
    // stdin is a pipe that only closes when this process dies, so the server never outlives us.
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  return announce(options.dataDir, await supervise(child, `mongodb://127.0.0.1:${port}/reprise`, 'ferretdb'));
}

/**
 * Records which server serves a data directory (in DATA_DIR/database.json), so that a second
 * command (e.g. `npm run admin` while `npm start` runs) uses it instead of starting another
 * server on the same files.
 */
function announce(dataDir: string, database: Database): Database {
  const file = path.join(dataDir, 'database.json');
  writeFileSync(file, `${JSON.stringify({ pid: process.pid, uri: database.uri })}\n`);
  return {
    ...database,
    stop: async () => {
      rmSync(file, { force: true });
      await database.stop();
    },
  };
}

async function runningServer(dataDir: string): Promise<string | undefined> {
  const file = path.join(dataDir, 'database.json');
  let recorded: { pid?: number; uri?: string };
  try {
    recorded = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number; uri?: string };
  } catch {
    return undefined;
  }
  const alive = (() => {
    try {
      return typeof recorded.pid === 'number' && process.kill(recorded.pid, 0);
    } catch {
      return false;
    }
  })();
  if (alive && recorded.uri) {
    try {
      await waitForPing(recorded.uri, 3000);
      return recorded.uri;
    } catch {
      // recorded but not answering: treat as stale
    }
  }
  rmSync(file, { force: true });
  return undefined;
}

async function supervise(child: ChildProcess, uri: string, kind: 'mongod' | 'ferretdb'): Promise<Database> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = waitForPing(uri, 60_000);
  const outcome = await Promise.race([ready.then(() => 'ready' as const), exited.then(() => 'exited' as const)]);
  if (outcome === 'exited') {
    throw new DatabaseUnavailableError(`${kind} exited before it answered a ping:\n${stderr.trim()}`);
  }
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { uri, kind, pid: child.pid, stop };
}

/** Waits until a server answers `ping`, or fails after `timeoutMs`. */
async function waitForPing(uri: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  throw new DatabaseUnavailableError(`No answer to ping from ${uri} within ${timeoutMs} ms: ${String(lastError)}`);
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return spawnSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'ignore', env }).status === 0;
}

/** The cached FerretDB binary for the current sources, built with Go when missing. */
async function ensureFerretDb(
  options: { log?: (message: string) => void; env?: NodeJS.ProcessEnv; cacheDir?: string | undefined } = {},
): Promise<string> {
  const log = options.log ?? (() => undefined);
  const env = options.env ?? process.env;
  const key = createHash('sha256');
  for (const file of ['main.go', 'go.mod', 'go.sum']) key.update(readFileSync(path.join(ferretSource, file)));
  // A changed patch must make a new binary, so the patches are part of the key.
  for (const { dir } of PATCHED_MODULES) {
    for (const patch of modulePatches(dir)) key.update(`${dir}/${patch}`).update(readFileSync(path.join(ferretSource, dir, patch)));
  }
  const dir = path.join(options.cacheDir ?? path.join(repoRoot, '.cache'), 'ferretdb', key.digest('hex').slice(0, 16));
  const binary = path.join(dir, 'reprise-ferretdb');
  if (existsSync(binary)) return binary;
  if (!onPath('go', env)) {
    throw new DatabaseUnavailableError(
      'Reprise needs a MongoDB-wire database and found none. Do one of:\n' +
        '  - set MONGODB_URI=mongodb://host:27017/reprise to use an existing MongoDB (>= 6);\n' +
        '  - install MongoDB so that `mongod` is on PATH;\n' +
        '  - install Go (>= 1.22, https://go.dev/dl/) so that the embedded FerretDB can be built into .cache/.',
    );
  }
  mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, 'build.lock');
  // mkdir is atomic: one process builds, the others wait for its binary.
  while (true) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(binary)) return binary;
      if (Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (existsSync(binary)) return binary;
    log('building embedded FerretDB with Go (first run only; about two minutes)…');
    const started = Date.now();
    const temp = `${binary}.tmp-${process.pid}`;
    const goEnv = { ...env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' };
    const buildDir = preparePatchedBuild(dir, goEnv);
    const build = (extra: string[]) =>
      spawnSync('go', ['build', '-trimpath', ...extra, '-o', temp, '.'], { cwd: buildDir, encoding: 'utf8', env: goEnv });
    let result = build([]);
    if (result.status !== 0 && /linkname/.test(result.stderr)) {
      // Newer Go linkers reject old dependencies' //go:linkname; this is the documented escape hatch.
      result = build(['-ldflags=-checklinkname=0']);
    }
    if (result.status !== 0) {
      throw new DatabaseUnavailableError(`Building embedded FerretDB failed:\n${result.stderr.trim()}`);
    }
    renameSync(temp, binary);
    rmSync(path.join(dir, 'build'), { recursive: true, force: true });
    log(`built embedded FerretDB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return binary;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The Go modules the embedded engine is built with patches to, each with the directory of its
 * patches under tools/ferretdb/ and the name of its patched copy under `<cacheDir>/build/`.
 * FerretDB's own (query pushdown, decoding, projections), and its wire protocol library's (replies
 * are not decoded again before they are sent).
 */
const PATCHED_MODULES = [
  { module: 'github.com/FerretDB/FerretDB', dir: 'patches', source: 'ferretdb-source' },
  { module: 'github.com/FerretDB/wire', dir: path.join('patches', 'wire'), source: 'wire-source' },
] as const;

/** The patches in tools/ferretdb/<dir> (*.patch), in the order they apply. */
function modulePatches(dir: string): string[] {
  const full = path.join(ferretSource, dir);
  return existsSync(full) ? readdirSync(full).filter((name) => name.endsWith('.patch')).sort() : [];
}

/**
 * Makes the directory to build in: for each patched module, a copy of its source from Go's
 * module cache with its patches applied (`<cacheDir>/build/<source>`, where the patches' Go tests
 * run), and a copy of tools/ferretdb whose go.mod replaces each module with its copy (returned).
 * No module's source is ever copied into the repository; only the patches are ours.
 */
export function preparePatchedBuild(cacheDir: string, env: NodeJS.ProcessEnv): string {
  const patched = PATCHED_MODULES.map((entry) => ({ ...entry, patches: modulePatches(entry.dir) })).filter((entry) => entry.patches.length > 0);
  if (patched.length === 0) return ferretSource;
  const run = (command: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...env, ...extraEnv } });
    if (result.status !== 0) {
      throw new DatabaseUnavailableError(`Preparing the FerretDB build failed: ${command} ${args.join(' ')}:\n${(result.stderr || String(result.error)).trim()}`);
    }
    return result.stdout;
  };
  const goMod = readFileSync(path.join(ferretSource, 'go.mod'), 'utf8');
  const root = path.join(cacheDir, 'build');
  const main = path.join(root, 'main');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(main, { recursive: true });
  const replaces: string[] = [];
  for (const { module, dir, source, patches } of patched) {
    // The version tools/ferretdb/go.mod builds with: its `require` line, direct or `// indirect`.
    const version = goMod
      .split('\n')
      .map((line) => line.trim().replace(/^require\s+/, '').split(/\s+/))
      .find(([name]) => name === module)?.[1];
    if (!version) throw new DatabaseUnavailableError(`tools/ferretdb/go.mod does not require ${module}`);
    const download = JSON.parse(run('go', ['mod', 'download', '-json', `${module}@${version}`], ferretSource)) as { Dir?: string };
    if (!download.Dir) throw new DatabaseUnavailableError(`go mod download did not say where ${module}@${version} is`);
    const copy = path.join(root, source);
    // The module cache is read-only; the copy must be writable to be patched.
    run('cp', ['-R', download.Dir, copy], root);
    run('chmod', ['-R', 'u+w', copy], root);
    for (const patch of patches) {
      // The ceiling keeps git from treating the copy as part of the repository around .cache/
      // (where `git apply` would silently skip the paths outside its directory).
      run('git', ['apply', '--whitespace=nowarn', path.join(ferretSource, dir, patch)], copy, { GIT_CEILING_DIRECTORIES: root });
    }
    replaces.push(`-replace=${module}=${copy}`);
  }
  for (const file of ['main.go', 'go.mod', 'go.sum']) writeFileSync(path.join(main, file), readFileSync(path.join(ferretSource, file)));
  run('go', ['mod', 'edit', ...replaces], main);
  return main;
}
