import { describe, expect, it } from 'vitest';
import {
  apptainerCommand,
  containerCommand,
  DEFAULT_LIMITS,
  imageLoadCommand,
  nativeCommand,
  pinnedImage,
  sacctCommand,
  sbatchCommand,
  slurmRunCommand,
  slurmScript,
} from './executors.js';

const LIMITS = { cpuSeconds: 600, memoryBytes: 2 * 1024 ** 3, fileBytes: 1024 ** 3, processes: 64 };
const DIGEST = 'a'.repeat(64);

describe('the native command', () => {
  it('runs the recorded command under prlimit, and without bubblewrap as it is', () => {
    expect(nativeCommand(['python3', 'sim.py', 'params.json'], { workdir: '/w', limits: LIMITS, prlimit: '/usr/bin/prlimit' })).toEqual([
      '/usr/bin/prlimit',
      '--cpu=600',
      '--as=2147483648',
      '--fsize=1073741824',
      '--nproc=64',
      '--',
      'python3',
      'sim.py',
      'params.json',
    ]);
    expect(nativeCommand(['python3', 'sim.py'], { workdir: '/w', limits: LIMITS })).toEqual(['python3', 'sim.py']);
  });

  it('puts it in bubblewrap with the system read-only, only the job directory writable and no network unless asked', () => {
    const words = nativeCommand(['python3', 'sim.py'], { workdir: '/jobs/j1', cwd: '/jobs/j1/src', limits: LIMITS, bwrap: '/usr/bin/bwrap' });
    expect(words.slice(0, 4)).toEqual(['/usr/bin/bwrap', '--die-with-parent', '--new-session', '--unshare-all']);
    expect(words).not.toContain('--share-net');
    expect(words.join(' ')).toContain('--ro-bind-try /usr /usr');
    expect(words.join(' ')).toContain('--bind /jobs/j1 /jobs/j1 --chdir /jobs/j1/src -- python3 sim.py');
    expect(words.filter((word) => word === '--bind')).toHaveLength(1);
    expect(nativeCommand(['true'], { workdir: '/w', limits: LIMITS, bwrap: 'bwrap', network: true })).toContain('--share-net');
  });
});

describe('the container commands', () => {
  it('pin a registry image by its digest', () => {
    expect(pinnedImage('ghcr.io/lab/dla:1.2', DIGEST)).toBe(`ghcr.io/lab/dla:1.2@sha256:${DIGEST}`);
    expect(pinnedImage(`ghcr.io/lab/dla@sha256:${'b'.repeat(64)}`, `sha256:${DIGEST}`)).toBe(`ghcr.io/lab/dla@sha256:${DIGEST}`);
    expect(pinnedImage('ghcr.io/lab/dla:1.2', null)).toBe('ghcr.io/lab/dla:1.2');
  });

  it('load an uploaded tarball and run docker or podman with the job directory as /work, inputs read-only, no network, limits', () => {
    expect(imageLoadCommand('podman', '/jobs/j1/image.tar')).toEqual(['podman', 'load', '--input', '/jobs/j1/image.tar']);
    expect(
      containerCommand('docker', {
        image: `lab/dla@sha256:${DIGEST}`,
        workdir: '/jobs/j1/src',
        command: ['python3', 'dla.py', 'params.json'],
        inputs: [{ source: '/jobs/j1/inputs/params.json', target: 'params.json' }, { source: '/jobs/j1/inputs/data/grid.txt', target: 'data/grid.txt' }],
        limits: LIMITS,
        name: 'reprise-j1',
      }),
    ).toEqual([
      'docker',
      'run',
      '--rm',
      '--name',
      'reprise-j1',
      '--network=none',
      '--security-opt=no-new-privileges',
      '--cap-drop=ALL',
      '--memory=2147483648',
      '--pids-limit=64',
      '--ulimit=cpu=600',
      '--ulimit=fsize=1073741824',
      '--volume',
      '/jobs/j1/src:/work:rw',
      '--volume',
      '/jobs/j1/inputs/params.json:/work/params.json:ro',
      '--volume',
      '/jobs/j1/inputs/data/grid.txt:/work/data/grid.txt:ro',
      '--workdir',
      '/work',
      `lab/dla@sha256:${DIGEST}`,
      'python3',
      'dla.py',
      'params.json',
    ]);
  });

  it('run a SIF image with apptainer or singularity: clean environment, no home, only the job directory bound', () => {
    expect(
      apptainerCommand('singularity', { sif: '/jobs/j1/image.sif', workdir: '/jobs/j1/src', command: ['./run.sh'], inputs: [{ source: '/jobs/j1/inputs/p.json', target: 'p.json' }] }),
    ).toEqual([
      'singularity',
      'exec',
      '--containall',
      '--cleanenv',
      '--no-home',
      '--net',
      '--network',
      'none',
      '--bind',
      '/jobs/j1/src:/work',
      '--bind',
      '/jobs/j1/inputs/p.json:/work/p.json:ro',
      '--pwd',
      '/work',
      '/jobs/j1/image.sif',
      './run.sh',
    ]);
  });
});

describe('the Slurm commands', () => {
  it('write a batch script with the limits, the job directory and the command quoted for the shell', () => {
    const script = slurmScript(['python3', 'sim.py', "it's params.json"], { jobName: 'reprise-j1', timeLimitSeconds: 5400, memoryBytes: DEFAULT_LIMITS.memoryBytes, cpus: 2, workdir: '/shared/j1/src', partition: 'short' });
    expect(script).toBe(
      [
        '#!/bin/sh',
        '#SBATCH --job-name=reprise-j1',
        '#SBATCH --time=1:30:00',
        '#SBATCH --mem=8192M',
        '#SBATCH --cpus-per-task=2',
        '#SBATCH --chdir=/shared/j1/src',
        '#SBATCH --output=/shared/j1/src/slurm-%j.out',
        '#SBATCH --partition=short',
        `exec python3 sim.py 'it'\\''s params.json'`,
        '',
      ].join('\n'),
    );
  });

  it('submit with sbatch --parsable, poll with sacct until the job ends, cancel it when stopped, and exit with its exit code', () => {
    expect(sbatchCommand('/shared/j1/job.sh')).toEqual(['sbatch', '--parsable', '/shared/j1/job.sh']);
    expect(sacctCommand('4242')).toEqual(['sacct', '--jobs', '4242', '--allocations', '--noheader', '--parsable2', '--format=State,ExitCode']);
    const [shell, flag, program] = slurmRunCommand('/shared/j1/job.sh', 5);
    expect([shell, flag]).toEqual(['sh', '-c']);
    expect(program).toContain('id=$(sbatch --parsable /shared/j1/job.sh) || exit 125');
    expect(program).toContain('sacct --jobs "$id" --allocations --noheader --parsable2 --format=State,ExitCode');
    expect(program).toContain("trap 'scancel \"$id\"; exit 143' TERM INT");
    expect(program).toContain('sleep 5');
    expect(program).toContain('[ "$state" = COMPLETED ] && exit 0');
  });
});
