/**
 * The exact commands a worker runs for each executor, built without running anything, so that
 * each is tested word for word where its program is not installed.
 */
import path from 'node:path';

/** Limits a run gets, whatever runs it. */
export interface RunLimits {
  /** Seconds of CPU time. */
  cpuSeconds: number;
  /** Bytes of address space (memory). */
  memoryBytes: number;
  /** Bytes any one file written may reach. */
  fileBytes: number;
  /** Processes the run may have at once. */
  processes: number;
}

/** Limits when the worker is given none: generous for a simulation, finite for a runaway. */
export const DEFAULT_LIMITS: RunLimits = { cpuSeconds: 3600, memoryBytes: 8 * 1024 ** 3, fileBytes: 8 * 1024 ** 3, processes: 4096 };

/** A file mounted read-only into a run: where it is on the worker, where the run sees it. */
export interface Mount {
  source: string;
  target: string;
}

/**
 * The native command: the recorded one under resource limits (`prlimit`), inside bubblewrap when
 * `bwrap` is given: the system directories read-only, the job's directory the only writable one,
 * no network unless asked, the rest of the worker's files (its home, its token) absent.
 */
export function nativeCommand(
  command: string[],
  options: { workdir: string; cwd?: string; limits: RunLimits; bwrap?: string | null; prlimit?: string | null; network?: boolean },
): string[] {
  const { limits } = options;
  const limited = options.prlimit
    ? [
        options.prlimit,
        `--cpu=${limits.cpuSeconds}`,
        `--as=${limits.memoryBytes}`,
        `--fsize=${limits.fileBytes}`,
        `--nproc=${limits.processes}`,
        '--',
        ...command,
      ]
    : command;
  if (!options.bwrap) return limited;
  const readOnly = ['/usr', '/bin', '/lib', '/lib64', '/lib32', '/sbin', '/etc', '/opt'].flatMap((dir) => ['--ro-bind-try', dir, dir]);
  return [
    options.bwrap,
    '--die-with-parent',
    '--new-session',
    '--unshare-all',
    ...(options.network ? ['--share-net'] : []),
    ...readOnly,
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--tmpfs',
    '/tmp',
    '--bind',
    options.workdir,
    options.workdir,
    '--chdir',
    options.cwd ?? options.workdir,
    '--',
    ...limited,
  ];
}

/** A registry image pinned by its digest when the record knows it ("name@sha256:…"), else as named. */
export function pinnedImage(reference: string, digest: string | null | undefined): string {
  if (!digest) return reference;
  const bare = reference.replace(/@sha256:[0-9a-f]{64}$/, '');
  return `${bare}@${digest.startsWith('sha256:') ? digest : `sha256:${digest}`}`;
}

/** Loads an uploaded image tarball into docker or podman. */
export function imageLoadCommand(engine: 'docker' | 'podman', tarball: string): string[] {
  return [engine, 'load', '--input', tarball];
}

/**
 * Runs the command in the recorded image with docker or podman: the job's directory as the
 * working directory (/work, writable: outputs land there), inputs read-only, no network unless
 * asked, the limits as the engine's own flags, nothing of the host's environment.
 */
export function containerCommand(
  engine: 'docker' | 'podman',
  options: { image: string; workdir: string; command: string[]; inputs: Mount[]; limits: RunLimits; network?: boolean; name?: string },
): string[] {
  return [
    engine,
    'run',
    '--rm',
    ...(options.name ? ['--name', options.name] : []),
    `--network=${options.network ? 'bridge' : 'none'}`,
    '--security-opt=no-new-privileges',
    '--cap-drop=ALL',
    `--memory=${options.limits.memoryBytes}`,
    `--pids-limit=${options.limits.processes}`,
    `--ulimit=cpu=${options.limits.cpuSeconds}`,
    `--ulimit=fsize=${options.limits.fileBytes}`,
    '--volume',
    `${options.workdir}:/work:rw`,
    ...options.inputs.flatMap((mount) => ['--volume', `${mount.source}:${containerPath(mount.target)}:ro`]),
    '--workdir',
    '/work',
    options.image,
    ...options.command,
  ];
}

/** Where a file of the job's directory appears inside a container (under /work). */
function containerPath(relative: string): string {
  return path.posix.join('/work', relative.split(path.sep).join('/'));
}

/**
 * Runs the command in a SIF image with apptainer (or singularity): a clean environment, no home,
 * only the job's directory bound (as /work), inputs read-only, no network unless asked.
 */
export function apptainerCommand(
  binary: 'apptainer' | 'singularity',
  options: { sif: string; workdir: string; command: string[]; inputs: Mount[]; network?: boolean },
): string[] {
  return [
    binary,
    'exec',
    '--containall',
    '--cleanenv',
    '--no-home',
    ...(options.network ? [] : ['--net', '--network', 'none']),
    '--bind',
    `${options.workdir}:/work`,
    ...options.inputs.flatMap((mount) => ['--bind', `${mount.source}:${containerPath(mount.target)}:ro`]),
    '--pwd',
    '/work',
    options.sif,
    ...options.command,
  ];
}

/** How a job runs under Slurm: its name, time limit (seconds), memory, and where its log goes. */
export interface SlurmOptions {
  jobName: string;
  timeLimitSeconds: number;
  memoryBytes: number;
  cpus: number;
  workdir: string;
  partition?: string;
}

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function slurmTime(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:00`;
}

/** The batch script sbatch runs: the command (any executor's) with its output in the job's directory. */
export function slurmScript(command: string[], options: SlurmOptions): string {
  return [
    '#!/bin/sh',
    `#SBATCH --job-name=${shellQuote(options.jobName)}`,
    `#SBATCH --time=${slurmTime(options.timeLimitSeconds)}`,
    `#SBATCH --mem=${Math.max(1, Math.ceil(options.memoryBytes / 1024 ** 2))}M`,
    `#SBATCH --cpus-per-task=${options.cpus}`,
    `#SBATCH --chdir=${shellQuote(options.workdir)}`,
    `#SBATCH --output=${shellQuote(path.join(options.workdir, 'slurm-%j.out'))}`,
    ...(options.partition ? [`#SBATCH --partition=${shellQuote(options.partition)}`] : []),
    `exec ${command.map(shellQuote).join(' ')}`,
    '',
  ].join('\n');
}

/** Submits the batch script; `--parsable` answers the Slurm job id alone. */
export function sbatchCommand(script: string): string[] {
  return ['sbatch', '--parsable', script];
}

/** Asks Slurm how a submitted job stands: its state and exit code, one line, no header. */
export function sacctCommand(jobId: string): string[] {
  return ['sacct', '--jobs', jobId, '--allocations', '--noheader', '--parsable2', '--format=State,ExitCode'];
}

/** Cancels a submitted job (the requester cancelled the reproduction, or the worker stops). */
function scancelCommand(jobId: string): string[] {
  return ['scancel', jobId];
}

/**
 * The command a worker spawns to run a Slurm job to its end: a small shell loop that submits
 * the script, polls sacct every `pollSeconds`, prints the job's log and exits with its exit code
 * (cancelling the job when it is itself stopped).
 */
export function slurmRunCommand(script: string, pollSeconds = 10): string[] {
  const submit = sbatchCommand(script).map(shellQuote).join(' ');
  const poll = sacctCommand('"$id"').join(' ');
  const program = [
    `id=$(${submit}) || exit 125`,
    'id=${id%%;*}',
    `trap '${scancelCommand('"$id"').join(' ')}; exit 143' TERM INT`,
    'while :; do',
    `  line=$(${poll} | head -n 1)`,
    '  state=${line%%|*}; state=${state%% *}',
    '  case "$state" in PENDING|RUNNING|CONFIGURING|COMPLETING|REQUEUED|RESIZING|SUSPENDED|"") ;; *) break ;; esac',
    `  sleep ${pollSeconds}`,
    'done',
    'cat slurm-"$id".out 2>/dev/null',
    'code=${line#*|}; code=${code%%:*}',
    '[ "$state" = COMPLETED ] && exit 0',
    'exit $(( code > 0 ? code : 1 ))',
  ].join('\n');
  return ['sh', '-c', program];
}
