import type { Schemas } from '@reprise/contract';
import { CELL_INFO } from './table.js';
import type { Cell } from './evidence.js';
import type { Proposition } from './table.js';

/** Every state a reproduction job may be in. */
export const JOB_STATES = ['queued', 'running', 'finished', 'failed', 'cancelled'] as const satisfies readonly Schemas['JobState'][];
/** One of JOB_STATES. */
export type JobState = (typeof JOB_STATES)[number];

/** Every way a worker may run a record. */
export const EXECUTORS = ['native', 'docker', 'podman', 'apptainer', 'singularity', 'slurm'] as const satisfies readonly Schemas['Executor'][];
/** One of EXECUTORS. */
export type Executor = (typeof EXECUTORS)[number];

const MOVES: Record<JobState, readonly JobState[]> = {
  // A worker leases it; its requester cancels it.
  queued: ['running', 'cancelled'],
  // Another worker leases it again once the lease expired (running → running); the run ends or is cancelled.
  running: ['running', 'finished', 'failed', 'cancelled'],
  finished: [],
  failed: [],
  cancelled: [],
};

/**
 * Whether a job may move from one state to another: queued → running → finished | failed, and
 * cancelled from queued or running. An ended job stays as it ended.
 */
export function canMoveJob(from: JobState, to: JobState): boolean {
  return MOVES[from].includes(to);
}

/** The states from which a job may move to `to` (the filter of the conditional update that moves it). */
export function jobStatesThatCanMoveTo(to: JobState): JobState[] {
  return JOB_STATES.filter((from) => canMoveJob(from, to));
}

/** Whether a job has ended (nothing more happens to it). */
export function isJobOver(state: JobState): boolean {
  return MOVES[state].length === 0;
}

/** How long after a job ended its verdict is still awaited (a crash between the two leaves none). */
export const VERDICT_WAIT_MS = 60_000;

/**
 * Whether a job may still change as seen by its requester: until it ended and, when it finished,
 * until its verdict is filed. A job ends before its verdict is filed (so two reports never file two
 * requests), so a finished job without a verdict is about to get one: a page following the job keeps
 * asking, for up to VERDICT_WAIT_MS after it ended.
 */
export function isJobSettling(job: { state: JobState; verdict?: string | null | undefined; ended?: string | null | undefined }, now = Date.now()): boolean {
  if (!isJobOver(job.state)) return true;
  if (job.state !== 'finished' || job.verdict) return false;
  const ended = job.ended ? Date.parse(job.ended) : Number.NaN;
  return Number.isNaN(ended) || now - ended < VERDICT_WAIT_MS;
}

/** Whether a job may be cancelled now: while it is queued or running. */
export function canCancelJob(job: { state: JobState }): boolean {
  return canMoveJob(job.state, 'cancelled');
}

/**
 * The proposition a reproduction files for the cell its evidence fell in (the table, method
 * `default`): repeatable → repeated, reproducible → reproduced, non-repeatable → non-repeated,
 * unknown → non-reproduced; null when the outputs could not be compared.
 */
export function reproductionProposition(cell: Cell): Proposition | null {
  return CELL_INFO[cell].proposition;
}
