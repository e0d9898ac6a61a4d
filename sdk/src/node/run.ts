import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import type { Dependency, RecordStatus, RecordUpdate } from '../types.js';
import { detectDependencies, gitState, hostSystem, type GitState } from './detect.js';
import { declaredFile, describeLocalFile, type LocalFile, type RecordStore } from './store.js';

/** How much of stdout and of stderr a record keeps (the end of it). */
export const MAX_LOG_BYTES = 1024 * 1024;
/** How much of the logs a heartbeat carries. */
const HEARTBEAT_LOG_BYTES = 64 * 1024;
/** Extensions of input files read as parameters. */
export const PARAMETER_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.toml', '.ini', '.cfg', '.param', '.params']);
/** Directories never searched for outputs. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', '.mypy_cache', '.pytest_cache', '.tox', '.reprise']);
const MAX_SCANNED_FILES = 200_000;
/** How long the end of a run waits for the dependency probe still going: as long as its slowest probe (conda) may take. */
const PROBE_WAIT_MS = 30_000;

/** What `reprise run` records. */
export interface RunOptions {
  store: RecordStore;
  project: string;
  /** The program and its arguments. */
  command: string[];
  label?: string;
  /** The container the run happens in: an id of the project's, null for none, omitted for the project's latest. */
  container?: string | null;
  /** Input files (digests recorded, uploaded unless `upload` is false); parameter files among them are parsed. */
  inputs?: string[];
  /** Parameters given on the command line (merged over the parameter files). */
  parameters?: Record<string, unknown>;
  /** Metrics given on the command line (merged over those of `metricsFile`). */
  metrics?: Record<string, number>;
  /** A JSON file the program writes its final metrics to (`{name: number}`, nested objects named by dotted paths), read after it exits. */
  metricsFile?: string;
  /** Directories searched for files created or changed by the run (default: the working directory). */
  outputDirs?: string[];
  tags?: string[];
  reason?: string;
  /** Seconds between `running` heartbeats (default 30). */
  heartbeatSeconds?: number;
  /** Probe pip/npm/conda/renv (default true). */
  detectDependencies?: boolean;
  /** Upload inputs and outputs (default true). */
  upload?: boolean;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Where the command's stdout and stderr are copied to as they come (the terminal by default). */
  stdout?: Writable;
  stderr?: Writable;
  /** Paths never taken for outputs (the queue directory, say). */
  exclude?: string[];
  onWarning?: (message: string) => void;
  /**
   * How the command is started: the words actually spawned for the recorded command (a sandbox,
   * resource limits, a container engine around it). The record keeps the command itself.
   */
  launch?: (command: string[]) => string[];
  /** Seconds the command may run before it is killed (the run then ends crashed, saying so). */
  timeLimitSeconds?: number;
  /** Aborting stops the command (SIGTERM) and the run ends aborted. */
  signal?: AbortSignal;
}

/** How a recorded run ended. */
export interface RunResult {
  project: string;
  label: string;
  status: Extract<RecordStatus, 'finished' | 'crashed' | 'aborted'>;
  /** The exit code a shell would report: the command's, 128+n for signal n, 127 when it could not start. */
  exitCode: number;
  signal: string | null;
  duration: number;
  inputs: LocalFile[];
  outputs: LocalFile[];
}

/** Keeps the last `limit` bytes written to it. */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Bytes dropped from the front. */
  dropped = 0;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit && this.chunks.length > 0) {
      const first = this.chunks[0];
      if (!first) break;
      const excess = this.size - this.limit;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
        this.dropped += excess;
      }
    }
  }

  /** The kept text (its last `bytes` bytes at most), with a note when the front was cut. */
  text(bytes = this.limit): string {
    const all = Buffer.concat(this.chunks);
    const kept = all.length > bytes ? all.subarray(all.length - bytes) : all;
    const cut = this.dropped + (all.length - kept.length);
    return `${cut > 0 ? `[… ${cut} earlier bytes not kept …]\n` : ''}${kept.toString('utf8')}`;
  }
}

/**
 * Runs a command and records it: the record is created (`started`) before the command starts,
 * moves to `running` with heartbeats, and ends `finished` (exit 0), `crashed` (non-zero exit,
 * signal, or a command that cannot start) or `aborted` (interrupted by the user), with its logs,
 * outputs and duration. Every write goes through the store's durable queue.
 */
export async function recordRun(options: RunOptions): Promise<RunResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const [program] = options.command;
  if (!program) throw new Error('No command to run.');
  const warn = options.onWarning ?? (() => undefined);
  const inputs = await resolveInputs(options.inputs ?? [], cwd);
  const outputDirs = (options.outputDirs?.length ? options.outputDirs : ['.']).map((dir) => path.resolve(cwd, dir));
  const excluded = (options.exclude ?? []).map((item) => path.resolve(item));
  const before = await snapshot(outputDirs, excluded, warn);

  const [git, system, parameters] = await Promise.all([gitState(cwd), hostSystem(), readParameters(inputs, options.parameters, warn)]);
  // The creation is sent before the command starts: a refused one (label taken, unknown project)
  // stops here, with nothing run; an unreachable server leaves it queued and the run goes on.
  const run = await options.store.start(
    {
      project: options.project,
      ...(options.label ? { label: options.label } : {}),
      ...(options.container !== undefined ? { container: options.container } : {}),
      program: programOf(options.command, cwd, git),
      ...(parameters !== undefined ? { parameters } : {}),
      inputs,
      system,
      ...(options.tags?.length ? { tags: options.tags } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
      uploadInputs: options.upload !== false,
    },
    { confirm: true },
  );

  const stdout = new TailBuffer(MAX_LOG_BYTES);
  const stderr = new TailBuffer(MAX_LOG_BYTES);
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  // The record keeps the command; a launcher may wrap what is spawned (limits, a sandbox, a container).
  const [spawned = program, ...args] = options.launch ? options.launch(options.command) : options.command;
  const child = spawn(spawned, args, { cwd, env: options.env ?? process.env, stdio: ['inherit', 'pipe', 'pipe'] });
  const copyOut = options.stdout ?? process.stdout;
  const copyErr = options.stderr ?? process.stderr;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout.push(chunk);
    copyOut.write(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.push(chunk);
    copyErr.write(chunk);
  });

  let interrupted: NodeJS.Signals | null = null;
  const forward = (signal: NodeJS.Signals) => {
    interrupted = signal;
    child.kill(signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);
  const stop = () => forward('SIGTERM');
  options.signal?.addEventListener('abort', stop, { once: true });
  let timedOut = false;
  const limit =
    options.timeLimitSeconds === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeLimitSeconds * 1000);

  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; startError: NodeJS.ErrnoException | null }>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, signal: null, startError: error }));
    child.once('close', (code, signal) => resolve({ code, signal, startError: null }));
  });

  void run.heartbeat({ duration: 0 });
  // The probe often outlasts a short run: what it finds goes out with a heartbeat while the run
  // lasts, and with the final update in any case (heartbeats after the end are dropped).
  const probe =
    options.detectDependencies === false
      ? Promise.resolve<Dependency[]>([])
      : detectDependencies(cwd, options.command, options.env ?? process.env)
          .then(({ dependencies }) => sanitizeDependencies(dependencies))
          .catch(() => []);
  void probe.then((dependencies) => (dependencies.length > 0 ? run.heartbeat({ dependencies, duration: seconds() }) : undefined));
  const beat = setInterval(() => {
    void run.heartbeat({ duration: seconds(), stdout: stdout.text(HEARTBEAT_LOG_BYTES), stderr: stderr.text(HEARTBEAT_LOG_BYTES) });
  }, Math.max(1, options.heartbeatSeconds ?? 30) * 1000);

  const exit = await ended;
  clearInterval(beat);
  clearTimeout(limit);
  options.signal?.removeEventListener('abort', stop);
  for (const signal of signals) process.off(signal, forward);
  const duration = seconds();

  let exitCode: number;
  let outcome: string;
  if (exit.startError) {
    exitCode = exit.startError.code === 'ENOENT' ? 127 : 126;
    outcome = `could not start ${program}: ${exit.startError.code ?? exit.startError.message}`;
    stderr.push(Buffer.from(`reprise: cannot run ${program}: ${exit.startError.message}\n`));
  } else if (exit.signal) {
    exitCode = 128 + (os.constants.signals[exit.signal] ?? 0);
    outcome = timedOut ? `killed after the time limit of ${options.timeLimitSeconds ?? 0} s` : `killed by ${exit.signal}`;
  } else {
    exitCode = exit.code ?? 1;
    outcome = `exited with code ${exitCode}`;
  }
  const status: RunResult['status'] = interrupted && exitCode !== 0 ? 'aborted' : exitCode === 0 ? 'finished' : 'crashed';
  const dependencies = await within(probe, PROBE_WAIT_MS);
  if (dependencies === undefined) warn(`the dependency probe did not finish within ${PROBE_WAIT_MS / 1000} s of the end of the run; the record has the dependencies found before that, if any`);

  const outputs = await changedFiles(before, await snapshot(outputDirs, excluded, warn), cwd);
  if (outputs.length > 0) {
    if (options.upload !== false) await run.output(outputs);
    else await run.output([], { outputs: await declareOnly(outputs) });
  }
  const metrics = { ...(options.metricsFile ? await readMetrics(path.resolve(cwd, options.metricsFile), warn) : {}), ...options.metrics };
  const final: RecordUpdate = {
    ...(dependencies?.length ? { dependencies } : {}),
    ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
    duration,
    stdout: stdout.text(),
    stderr: stderr.text(),
    outcome,
    custom: {
      exitCode: exit.startError ? null : exit.code,
      signal: exit.signal,
      stdoutTruncated: stdout.dropped > 0,
      stderrTruncated: stderr.dropped > 0,
      ...(interrupted ? { interruptedBy: interrupted } : {}),
    },
  };
  await run.end(status, final);
  return { project: options.project, label: run.label, status, exitCode, signal: exit.signal, duration, inputs, outputs };
}

/**
 * The metrics a program wrote: a JSON object of numbers, nested objects named by their dotted
 * path (`{"train": {"loss": 1}}` is `train.loss`). What is not a number is left out with a
 * warning; a missing or unreadable file is a warning, and the run is recorded without it.
 */
async function readMetrics(file: string, warn: (message: string) => void): Promise<Record<string, number>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    warn(`no metrics recorded from ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the program did not write it' : (error as Error).message}`);
    return {};
  }
  const metrics: Record<string, number> = {};
  const skipped: string[] = [];
  const visit = (name: string, value: unknown) => {
    if (typeof value === 'number' && Number.isFinite(value)) metrics[name] = value;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) for (const [key, item] of Object.entries(value)) visit(name ? `${name}.${key}` : key, item);
    else skipped.push(name || '(the whole file)');
  };
  visit('', parsed);
  if (skipped.length > 0) warn(`metrics in ${file} that are not numbers were left out: ${skipped.slice(0, 10).join(', ')}`);
  return metrics;
}

/** What the promise resolves to, or undefined when it takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function programOf(command: string[], cwd: string, git: GitState | null): Record<string, unknown> {
  const [program = '', ...args] = command;
  const entryPoint = args.find((arg) => !arg.startsWith('-') && /\.[A-Za-z0-9]+$/.test(arg));
  return {
    command: program,
    arguments: args,
    ...(entryPoint ? { entryPoint } : {}),
    workingDirectory: cwd,
    ...(git ? { versionControl: git } : {}),
  };
}

async function resolveInputs(files: string[], cwd: string): Promise<LocalFile[]> {
  const inputs: LocalFile[] = [];
  const names = new Set<string>();
  for (const given of files) {
    const file = path.resolve(cwd, given);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new Error(`The input ${given} is not a file.`);
    const relative = path.relative(cwd, file);
    const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
    let name = path.basename(file);
    if (names.has(name)) name = (inside ? relative : file).replace(/^\/+/, '').replaceAll(path.sep, '_');
    names.add(name);
    inputs.push({ file, name, ...(inside ? { path: relative.split(path.sep).join('/') } : {}) });
  }
  return inputs;
}

/** Parameters read from the parameter files among the inputs, with command-line values on top. */
async function readParameters(inputs: LocalFile[], given: Record<string, unknown> | undefined, warn: (message: string) => void): Promise<unknown> {
  const files = inputs.filter((input) => PARAMETER_EXTENSIONS.has(path.extname(input.file).toLowerCase()));
  const parsed: Array<[string, unknown]> = [];
  for (const input of files) {
    try {
      parsed.push([input.name ?? path.basename(input.file), await parseParameterFile(input.file)]);
    } catch (error) {
      warn(`could not read parameters from ${input.file}: ${(error as Error).message}`);
    }
  }
  let parameters: unknown;
  if (parsed.length === 1) parameters = parsed[0]?.[1];
  else if (parsed.length > 1) parameters = Object.fromEntries(parsed);
  if (given && Object.keys(given).length > 0) {
    parameters = isObject(parameters) ? { ...parameters, ...given } : parameters === undefined ? given : { file: parameters, ...given };
  }
  return parameters;
}

/** Parses a parameter file: JSON, YAML, INI-style (ini, cfg, param); others are kept as text. */
export async function parseParameterFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  switch (path.extname(file).toLowerCase()) {
    case '.json':
      return JSON.parse(text) as unknown;
    case '.yaml':
    case '.yml':
      return parseYaml(text) as unknown;
    case '.ini':
    case '.cfg':
    case '.param':
    case '.params':
      return parseIni(text);
    default:
      return text;
  }
}

function parseIni(text: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  let section: Record<string, unknown> = result;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header?.[1]) {
      const named: Record<string, unknown> = {};
      result[header[1].trim()] = named;
      section = named;
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line) ?? /^(\S+)\s+(.*)$/.exec(line);
    if (pair?.[1] !== undefined) section[pair[1].trim()] = scalar(pair[2] ?? '');
  }
  return result;
}

function scalar(value: string): unknown {
  const text = value.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (/^(true|yes|on)$/i.test(text)) return true;
  if (/^(false|no|off)$/i.test(text)) return false;
  return text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

type Snapshot = Map<string, { mtimeMs: number; size: number }>;

async function snapshot(dirs: string[], excluded: string[], warn: (message: string) => void): Promise<Snapshot> {
  const files: Snapshot = new Map();
  const pending = [...dirs];
  while (pending.length > 0) {
    const dir = pending.pop();
    if (dir === undefined) break;
    if (excluded.some((item) => dir === item || dir.startsWith(`${item}${path.sep}`))) continue;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && !excluded.includes(full)) {
        if (files.size >= MAX_SCANNED_FILES) {
          warn(`more than ${MAX_SCANNED_FILES} files under the output directories: later ones are not checked; narrow it with --output-dir`);
          return files;
        }
        const info = await stat(full).catch(() => null);
        if (info) files.set(full, { mtimeMs: info.mtimeMs, size: info.size });
      }
    }
  }
  return files;
}

async function changedFiles(before: Snapshot, after: Snapshot, cwd: string): Promise<LocalFile[]> {
  const changed = [...after.entries()]
    .filter(([file, info]) => {
      const old = before.get(file);
      return !old || old.mtimeMs !== info.mtimeMs || old.size !== info.size;
    })
    .map(([file]) => file)
    .sort();
  const counts = new Map<string, number>();
  for (const file of changed) counts.set(path.basename(file), (counts.get(path.basename(file)) ?? 0) + 1);
  return changed.map((file) => {
    const relative = path.relative(cwd, file);
    const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
    const shown = inside ? relative.split(path.sep).join('/') : file.replace(/^\/+/, '');
    const base = path.basename(file);
    const name = (counts.get(base) ?? 0) > 1 ? shown.replaceAll('/', '_') : base;
    return { file, name, ...(inside ? { path: shown } : {}) };
  });
}

async function declareOnly(files: LocalFile[]) {
  return await Promise.all(files.map(async (file) => declaredFile(await describeLocalFile(file))));
}

function sanitizeDependencies(dependencies: Dependency[]): Dependency[] {
  return dependencies
    .filter((dependency) => dependency.name.length > 0 && dependency.name.length <= 500)
    .map((dependency) => ({
      ...dependency,
      version: (dependency.version ?? '').slice(0, 200),
      ...(dependency.source ? { source: dependency.source.slice(0, 2000) } : {}),
    }));
}
