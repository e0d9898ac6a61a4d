/**
 * `reprise worker`: leases the user's reproduction jobs and runs each record again, in a fresh
 * directory, through the same record store as `reprise run`, then reports the new record so that
 * the platform files the verdict.
 */
import { execFile } from 'node:child_process';
import { access, constants, lstat, mkdir, mkdtemp, realpath, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { ApiClient } from '../api-client.js';
import { ApiError, isRetryable } from '../errors.js';
import type { Executor, RecordAtom, ReproductionJob } from '../types.js';
import {
  apptainerCommand,
  containerCommand,
  imageLoadCommand,
  nativeCommand,
  pinnedImage,
  slurmRunCommand,
  slurmScript,
  type Mount,
  type RunLimits,
} from './executors.js';
import { hashFile, saveDownload } from './files.js';
import type { DurableQueue } from './queue.js';
import { recordRun, TailBuffer } from './run.js';
import { RecordStore } from './store.js';

/** How a worker runs. */
export interface WorkerOptions {
  client: ApiClient;
  /** The durable queue the new records go through (the CLI's own). */
  queue: DurableQueue;
  executor: Executor;
  /** Run at most one job, then stop (whether or not one was waiting). */
  once: boolean;
  /** Projects (ids) whose records this worker runs; null: any (`--yes`). */
  allowProjects: string[] | null;
  leaseSeconds: number;
  /** Seconds between leases when nothing is waiting. */
  pollSeconds: number;
  timeLimitSeconds: number;
  limits: RunLimits;
  /** Where job directories are made (each a fresh one). */
  workRoot: string;
  keep: boolean;
  network: boolean;
  /** Probe pip/npm/conda/renv for the new record's dependencies, as `reprise run` does. */
  detectDependencies: boolean;
  /** How the worker names itself to the platform. */
  name: string;
  /** Lines for the person running the worker. */
  say: (line: string) => void;
  /** Stops the worker after the job in hand. */
  signal?: AbortSignal;
  /** Paths never taken for outputs (the CLI's config and queue). */
  exclude: string[];
}

/** What a worker did. */
export interface WorkerSummary {
  jobs: Array<Pick<ReproductionJob, 'id' | 'state' | 'reason' | 'verdict' | 'resultLabel' | 'diffRequest'>>;
}

/** A job that cannot run, with the reason the requester reads. */
class CannotRun extends Error {}

const LOG_BYTES = 64 * 1024;
const SAFE_PATH = '/usr/local/bin:/usr/bin:/bin';

/** Leases and runs jobs until stopped (or one, with `once`). */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const summary: WorkerSummary = { jobs: [] };
  for (;;) {
    if (options.signal?.aborted) return summary;
    const leased = await options.client.jobs.lease({
      executor: options.executor,
      worker: options.name,
      leaseSeconds: options.leaseSeconds,
      ...(options.allowProjects ? { projects: options.allowProjects } : {}),
    });
    if (leased.job && leased.lease && leased.original) {
      const job = await runJob(options, { job: leased.job, lease: leased.lease, original: leased.original });
      if (job) summary.jobs.push({ id: job.id, state: job.state, reason: job.reason, verdict: job.verdict, resultLabel: job.resultLabel, diffRequest: job.diffRequest });
      if (options.once) return summary;
      continue;
    }
    if (options.once) {
      options.say('no reproduction job is waiting.');
      return summary;
    }
    await sleep(options.pollSeconds * 1000, options.signal);
  }
}

type Leased = { job: ReproductionJob; lease: string; original: RecordAtom };

/** What the record says ran: command, arguments and version control (a free-form program, read defensively). */
interface RecordedProgram {
  command: string[];
  repository: string | null;
  commit: string | null;
  dirty: boolean;
  diff: string | null;
}

function programOf(record: RecordAtom): RecordedProgram {
  const program = isObject(record.program) ? record.program : {};
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);
  const args = Array.isArray(program.arguments) ? program.arguments.filter((arg): arg is string => typeof arg === 'string') : [];
  const vc = isObject(program.versionControl) ? program.versionControl : {};
  const command = text(program.command);
  return {
    command: command ? [command, ...args] : [],
    repository: text(vc.repository),
    commit: text(vc.commit),
    dirty: vc.dirty === true,
    diff: text(vc.diff),
  };
}

/** The plan shown before a job runs. */
function planOf(leased: Leased, program: RecordedProgram, executor: Executor): string[] {
  const { job, original } = leased;
  return [
    `job ${job.id}: reproduce "${original.label}" (${original.id}) of ${original.owner.name}'s project ${original.projectName} (${original.project})`,
    `  code:    ${program.repository ?? '(no repository)'} at ${program.commit ?? '(no commit)'}${program.dirty ? ' with its recorded working-tree diff' : ''}`,
    `  inputs:  ${original.inputs?.map((input) => `${input.path ?? input.name} (sha256 ${(input.sha256 ?? '?').slice(0, 12)})`).join(', ') || 'none'}`,
    `  command: ${program.command.join(' ') || '(none recorded)'}`,
    `  runs:    ${executor}, into your project ${job.projectName}`,
  ];
}

/** Runs one leased job to its end and reports it; null when the job was lost to another worker or cancelled. */
async function runJob(options: WorkerOptions, leased: Leased): Promise<ReproductionJob | null> {
  const { client } = options;
  const { job, lease, original } = leased;
  const log = new TailBuffer(LOG_BYTES);
  const note = (line: string) => {
    log.push(Buffer.from(`[reprise worker] ${line}\n`));
    options.say(line);
  };
  const program = programOf(original);
  for (const line of planOf(leased, program, options.executor)) options.say(line);

  const stop = new AbortController();
  let lost: string | null = null;
  const beat = setInterval(
    () => {
      client.jobs.heartbeat(job.id, { lease, log: log.text() }).catch((error: unknown) => {
        if (error instanceof ApiError && (error.code === 'lease_lost' || error.code === 'job_closed')) {
          lost = error.message;
          stop.abort();
        }
      });
    },
    Math.max(250, (options.leaseSeconds * 1000) / 3),
  );
  const root = await mkdtemp(path.join(options.workRoot, `reprise-job-${job.id}-`));
  try {
    const prepared = await prepare(options, leased, program, root, note);
    const store = new RecordStore({ client, queue: options.queue });
    const tee = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        log.push(chunk);
        callback();
      },
    });
    note(`running ${program.command.join(' ')}`);
    const result = await recordRun({
      store,
      project: job.project,
      command: program.command,
      container: null,
      inputs: prepared.inputs,
      ...(isObject(original.parameters) ? { parameters: original.parameters } : {}),
      tags: ['reproduction'],
      reason: `Reproduction of "${original.label}" (${original.id}), job ${job.id}.`,
      heartbeatSeconds: Math.max(1, options.leaseSeconds / 3),
      detectDependencies: options.detectDependencies,
      cwd: prepared.cwd,
      env: prepared.env,
      stdout: tee,
      stderr: tee,
      exclude: [...options.exclude, prepared.outside],
      launch: prepared.launch,
      timeLimitSeconds: options.timeLimitSeconds,
      signal: stop.signal,
      onWarning: note,
    });
    note(`the run ended ${result.status} (exit code ${result.exitCode}) as record ${result.label}`);
    // An outage keeps the record queued: the job waits (its lease renewed) until the server has it.
    for (;;) {
      const drained = await store.drain(30_000);
      if (drained.failed > 0) {
        await store.close();
        throw new CannotRun(`The server refused the new record (${drained.failed} write(s) failed); see \`reprise sync\`.`);
      }
      if (drained.pending === 0 || lost) break;
      note('the server has not taken the new record yet; it stays queued and is retried');
    }
    await store.close();
    if (lost) {
      options.say(`job ${job.id} stopped: ${String(lost)}`);
      return null;
    }
    const done = await client.jobs.finish(job.id, { lease, record: result.label, log: log.text() });
    options.say(done.state === 'finished' ? `job ${job.id} finished: ${done.verdict ?? ''}` : `job ${job.id} failed: ${done.reason ?? ''}`);
    return done;
  } catch (error) {
    if (lost) {
      options.say(`job ${job.id} stopped: ${String(lost)}`);
      return null;
    }
    const reason = error instanceof CannotRun ? error.message : `The worker failed: ${(error as Error).message}`;
    note(reason);
    if (isRetryable(error)) throw error;
    const failed = await client.jobs.fail(job.id, { lease, reason, log: log.text() });
    options.say(`job ${job.id} failed: ${reason}`);
    return failed;
  } finally {
    clearInterval(beat);
    if (!options.keep) await rm(root, { recursive: true, force: true });
  }
}

/** What a job runs with once its code and inputs are in place. */
interface Prepared {
  /** Where the command runs (the repository's checkout, or an empty directory for an image's program). */
  cwd: string;
  /** The inputs on disk, digests verified. */
  inputs: string[];
  env: NodeJS.ProcessEnv;
  launch: (command: string[]) => string[];
  /** The job directory's parts that are no output (home, temporary files, read-only inputs). */
  outside: string;
}

/**
 * Lays out a job directory: `src` (the repository cloned at the recorded commit, or empty),
 * `home` and `tmp` for the run, and the inputs, downloaded by digest and verified, in `src` (or,
 * for container executors, beside it, mounted read-only).
 */
async function prepare(options: WorkerOptions, leased: Leased, program: RecordedProgram, root: string, note: (line: string) => void): Promise<Prepared> {
  const { original } = leased;
  if (program.command.length === 0) throw new CannotRun('The record names no command to run.');
  const src = path.join(root, 'src');
  const home = path.join(root, 'home');
  await mkdir(home);
  await mkdir(path.join(home, 'tmp'));
  const containerized = options.executor === 'docker' || options.executor === 'podman' || options.executor === 'apptainer' || options.executor === 'singularity';
  if (program.repository) {
    if (!program.commit) throw new CannotRun(`The record names repository ${program.repository} but no commit to check out.`);
    if (program.dirty && !program.diff) throw new CannotRun('The recorded working tree had uncommitted changes without a diff digest: the code that ran cannot be rebuilt.');
    note(`cloning ${program.repository} at ${program.commit}`);
    await git(['clone', '--quiet', '--no-checkout', '--', program.repository, src], root, `could not clone ${program.repository}`);
    await git(['-c', 'advice.detachedHead=false', 'checkout', '--quiet', program.commit], src, `could not check out commit ${program.commit} of ${program.repository}`);
  } else if (containerized) {
    await mkdir(src);
  } else {
    throw new CannotRun('The record names no repository to clone, so the native executor cannot rebuild its code (a container executor can run its image).');
  }
  const inputsDir = containerized ? path.join(root, 'inputs') : src;
  await mkdir(inputsDir, { recursive: true });
  const inputs: string[] = [];
  const mounts: Mount[] = [];
  let diffFile: string | null = null;
  for (const input of original.inputs ?? []) {
    const relative = safeRelative(input.path ?? input.name);
    if (!relative) throw new CannotRun(`Input "${input.name}" has the path "${input.path ?? ''}", which leads outside the job's directory; it is refused.`);
    if (!input.sha256) throw new CannotRun(`Input "${input.name}" has no sha256, so what is downloaded cannot be verified.`);
    const target = await placeInside(inputsDir, relative);
    if (input.file) {
      const download = await options.client.files.pull(original.project, original.id, input.sha256);
      const saved = await saveDownload(download, target);
      if (saved.sha256 !== input.sha256) throw new CannotRun(`Input "${input.name}" arrived with sha256 ${saved.sha256}, not the recorded ${input.sha256}.`);
    } else {
      const present = await hashFile(target).catch(() => null);
      if (present?.sha256 !== input.sha256) throw new CannotRun(`Input "${input.name}" (sha256 ${input.sha256}) was never uploaded and the repository does not hold it.`);
    }
    if (program.dirty && input.sha256 === program.diff) diffFile = target;
    inputs.push(target);
    mounts.push({ source: target, target: relative });
  }
  if (program.dirty) {
    if (!diffFile) throw new CannotRun(`The recorded working tree had uncommitted changes (diff sha256 ${program.diff ?? ''}) that were not recorded as an input; the code that ran cannot be rebuilt.`);
    await git(['apply', '--whitespace=nowarn', diffFile], src, 'could not apply the recorded working-tree diff');
  }
  const env: NodeJS.ProcessEnv = { PATH: SAFE_PATH, HOME: home, TMPDIR: path.join(home, 'tmp'), LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC' };
  const words = await launchOf(options, leased, program.command, root, src, mounts);
  return { cwd: src, inputs, env, launch: () => words, outside: home };
}

/** The words spawned to run the recorded command under the worker's executor. */
async function launchOf(options: WorkerOptions, leased: Leased, command: string[], root: string, src: string, mounts: Mount[]): Promise<string[]> {
  switch (options.executor) {
    case 'native':
      return nativeCommand(command, { workdir: root, cwd: src, limits: options.limits, bwrap: await which('bwrap'), prlimit: await which('prlimit'), network: options.network });
    case 'docker':
    case 'podman': {
      const image = await imageOf(options, leased, root, options.executor);
      return containerCommand(options.executor, { image, workdir: src, command, inputs: mounts, limits: options.limits, network: options.network, name: `reprise-${leased.job.id}` });
    }
    case 'apptainer':
    case 'singularity': {
      const sif = await imageOf(options, leased, root, options.executor);
      return apptainerCommand(options.executor, { sif, workdir: src, command, inputs: mounts, network: options.network });
    }
    case 'slurm': {
      // The compute node runs the native command; the job directory must be on a file system it shares.
      const inner = nativeCommand(command, { workdir: root, cwd: src, limits: options.limits, prlimit: await which('prlimit') });
      const script = path.join(root, 'job.sh');
      await writeFile(script, slurmScript(inner, { jobName: `reprise-${leased.job.id}`, timeLimitSeconds: options.timeLimitSeconds, memoryBytes: options.limits.memoryBytes, cpus: 1, workdir: src }), { mode: 0o700 });
      return slurmRunCommand(script);
    }
  }
}

/**
 * The image a container executor runs: the registry reference pinned by digest, or the uploaded
 * file (a tarball loaded into docker/podman, a SIF used as it is).
 */
async function imageOf(options: WorkerOptions, leased: Leased, root: string, executor: Executor): Promise<string> {
  const { original } = leased;
  if (!original.container) throw new CannotRun('The record ran in no container, so there is no image to run it in; use the native executor.');
  const detail = await options.client.projects.pull(original.project);
  const container = detail.containers.find((item) => item.id === original.container);
  const image = container?.image;
  if (!image) throw new CannotRun(`Container ${original.container} of the record has no image (missing, or not visible to you).`);
  const reference = typeof image.reference === 'string' ? image.reference : null;
  if (!image.file && reference) return pinnedImage(reference, typeof image.digest === 'string' ? image.digest : null);
  if (!image.file) throw new CannotRun(`Container ${original.container} names no image reference and no uploaded image.`);
  const file = path.join(root, executor === 'apptainer' || executor === 'singularity' ? 'image.sif' : 'image.tar');
  await saveDownload(await options.client.records.pull(original.project, original.id), file);
  if (executor === 'apptainer' || executor === 'singularity') return file;
  const engine = executor === 'podman' ? 'podman' : 'docker';
  const loaded = await capture(imageLoadCommand(engine, file), root).catch((error: Error) => {
    throw new CannotRun(`${engine} could not load the uploaded image: ${error.message}`);
  });
  const name = /Loaded image(?: ID)?: (\S+)/.exec(loaded)?.[1];
  if (!name) throw new CannotRun(`${engine} loaded the uploaded image but did not say its name.`);
  return name;
}

/** A relative path with no way out of its directory (no "..", not absolute), or null. */
function safeRelative(given: string): string | null {
  const normal = path.posix.normalize(given.replaceAll('\\', '/'));
  if (normal.startsWith('/') || normal === '..' || normal.startsWith('../') || normal === '.' || normal.length === 0) return null;
  return normal;
}

/**
 * The place of a file under `dir`, its directories made; whatever the cloned repository put
 * there as a link is removed first, so that a link cannot send a download outside `dir`.
 */
async function placeInside(dir: string, relative: string): Promise<string> {
  const target = path.join(dir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  const [base, parent] = await Promise.all([realpath(dir), realpath(path.dirname(target))]);
  if (parent !== base && !parent.startsWith(`${base}${path.sep}`)) throw new CannotRun(`The input path ${relative} leads outside the job's directory through a link; it is refused.`);
  const existing = await lstat(target).catch(() => null);
  if (existing?.isSymbolicLink()) await unlink(target);
  return target;
}

function git(args: string[], cwd: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, timeout: 10 * 60_000, env: { PATH: process.env.PATH ?? SAFE_PATH, HOME: os.homedir(), GIT_TERMINAL_PROMPT: '0', LANG: 'C' }, maxBuffer: 4 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) resolve();
        else reject(new CannotRun(`${what}: ${String(stderr).trim().split('\n').slice(-3).join(' ') || error.message}`));
      },
    );
  });
}

function capture(command: string[], cwd: string): Promise<string> {
  const [program = '', ...args] = command;
  return new Promise((resolve, reject) => {
    execFile(program, args, { cwd, timeout: 30 * 60_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(String(stderr).trim() || error.message));
      else resolve(String(stdout));
    });
  });
}

/** The full path of a program on PATH, or null. */
async function which(program: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? SAFE_PATH).split(path.delimiter)) {
    const candidate = path.join(dir, program);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
