import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS } from '../../node/executors.js';
import { DurableQueue } from '../../node/queue.js';
import { runWorker } from '../../node/worker.js';
import type { Executor } from '../../types.js';
import type { CommandSpec, Context, Invocation } from '../command.js';
import { clientOf, print } from '../context.js';
import { usageError } from '../exit.js';

/** `reprise worker`. */
export const spec = {
  name: 'worker',
  summary: 'Run your reproduction jobs: lease them, run each record again, report the new record for the verdict',
  usage: 'reprise worker [--executor native|docker|podman|apptainer|singularity|slurm] [--once] [--yes | --allow-project ID …] [options]',
  details:
    'Leases the reproduction jobs you asked for in the dashboard (only yours: the API token is yours),\n' +
    'shows what each will run, runs it in a fresh directory and pushes the new record into the job\'s\n' +
    'project through the local queue (as `reprise run` does), then reports it: the platform assesses\n' +
    'it against the original and files the diff request the table allows.\n' +
    'native: the repository cloned at the recorded commit (a dirty recorded tree only when its diff was\n' +
    'recorded as an input), inputs downloaded by digest and verified, a scrubbed environment, a time\n' +
    'limit and resource limits (prlimit), inside bubblewrap (no network, only the job directory\n' +
    'writable) when bwrap is installed. docker/podman: the recorded image (by digest, or the uploaded\n' +
    'tarball), inputs mounted read-only. apptainer/singularity: the same with SIF images. slurm: the\n' +
    'native command submitted with sbatch and polled with sacct (--work-dir on a shared file system).\n' +
    'Without --yes the worker runs only records of the projects given with --allow-project (ids of the\n' +
    "original records' projects, as the jobs page shows them).",
  positionals: { min: 0, max: 0 },
  options: {
    executor: { type: 'string', short: 'e', description: 'How to run records (default native).', value: 'NAME' },
    once: { type: 'boolean', description: 'Run at most one job, then exit.' },
    yes: { type: 'boolean', short: 'y', description: 'Run records of any project (your own jobs only, still).' },
    'allow-project': { type: 'string', multiple: true, description: 'A project id whose records may run (repeatable).', value: 'ID' },
    'lease-seconds': { type: 'string', description: 'How long a lease lasts without a heartbeat (default 60).', value: 'SECONDS' },
    poll: { type: 'string', description: 'Seconds between looks for a job when none waits (default 10).', value: 'SECONDS' },
    'time-limit': { type: 'string', description: 'Seconds a run may last (default 3600).', value: 'SECONDS' },
    memory: { type: 'string', description: 'Memory a run may use, in MiB (default 8192).', value: 'MIB' },
    'work-dir': { type: 'string', description: 'Where job directories are made (default the system temporary directory).', value: 'DIR' },
    network: { type: 'boolean', description: 'Let runs reach the network (sandboxed runs have none by default).' },
    keep: { type: 'boolean', description: 'Keep each job directory after the run.' },
    'no-deps': { type: 'boolean', description: 'Do not probe pip/npm/conda/renv for the new records.' },
  },
} as const satisfies CommandSpec;

const EXECUTORS = ['native', 'docker', 'podman', 'apptainer', 'singularity', 'slurm'] as const satisfies readonly Executor[];

function isExecutor(value: string): value is Executor {
  return (EXECUTORS as readonly string[]).includes(value);
}

function seconds(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw usageError(`${name} takes a positive number (got "${value}").`);
  return number;
}

/** Runs jobs until interrupted (or one with --once); exit 0, or 1 when a job of this run failed. */
export async function run(context: Context, { values }: Invocation<typeof spec.options>): Promise<number> {
  const executor = values.executor ?? 'native';
  if (!isExecutor(executor)) throw usageError(`--executor takes one of ${EXECUTORS.join(', ')} (got "${executor}").`);
  const allowed = values['allow-project'] ?? [];
  for (const id of allowed) if (!/^[0-9a-fA-F]{24}$/.test(id)) throw usageError(`--allow-project takes a project id (24 hex digits, got "${id}").`);
  if (!values.yes && allowed.length === 0) {
    throw usageError('Which records may this worker run? Give --allow-project ID for each project whose records you trust, or --yes for any.');
  }
  const leaseSeconds = Math.round(seconds(values['lease-seconds'], '--lease-seconds', 60));
  const timeLimit = seconds(values['time-limit'], '--time-limit', 3600);
  const memory = seconds(values.memory, '--memory', 8192);
  const workRoot = path.resolve(values['work-dir'] ?? os.tmpdir());
  await mkdir(workRoot, { recursive: true });
  const client = clientOf(context);
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const say = (line: string) => context.terminal.stderr.write(`reprise worker: ${line}\n`);
  if (!values.once) say(`waiting for jobs (${executor}${values.yes ? ', any project' : `, projects ${allowed.join(', ')}`}); Ctrl-C stops after the job in hand.`);
  try {
    const summary = await runWorker({
      client,
      queue: new DurableQueue(context.settings.queueDir),
      executor,
      once: values.once === true,
      allowProjects: values.yes ? null : allowed,
      leaseSeconds,
      pollSeconds: seconds(values.poll, '--poll', 10),
      timeLimitSeconds: timeLimit,
      limits: { ...DEFAULT_LIMITS, cpuSeconds: Math.ceil(timeLimit), memoryBytes: Math.round(memory * 1024 ** 2) },
      workRoot,
      keep: values.keep === true,
      network: values.network === true,
      detectDependencies: !values['no-deps'],
      name: `${os.hostname()}:${process.pid}`,
      say,
      signal: stop.signal,
      exclude: [context.settings.queueDir, path.dirname(context.settings.configFile)],
    });
    print(context, summary, () => summary.jobs.map((job) => `${job.id} ${job.state}${job.resultLabel ? ` ${job.resultLabel}` : ''}`).join('\n'));
    return summary.jobs.some((job) => job.state === 'failed') ? 1 : 0;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
