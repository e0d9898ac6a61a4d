/**
 * Levenshtein comparisons off the event loop. A large comparison can take a second of CPU; run in
 * the request's thread it would stall every other request of the service for that long. Small ones
 * (n·m ≤ INLINE_CELLS, a few milliseconds at worst) run in place, because posting them to a worker
 * costs more than computing them.
 *
 * Two lanes, so that a small comparison never waits behind large ones: pairs up to LIGHT_CELLS (tens
 * of milliseconds at worst) have a worker of their own; larger pairs share the other workers, in
 * the order they arrive.
 *
 * Workers are started lazily, reused, and do not keep the process alive while idle.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { runJob, type DistanceJob, type JobReply, type TimedResult } from './jobs.js';
import type { LevenshteinOptions, LevenshteinResult } from './levenshtein.js';
import { startWorker } from './threads.js';

/** Options of the asynchronous comparisons: the engine's limits, where to run, and cancellation. */
export interface AsyncDistanceOptions extends LevenshteinOptions {
  /** `auto` (default): in this thread when n·m ≤ INLINE_CELLS, else in a worker. */
  thread?: 'auto' | 'worker' | 'inline';
  /** Aborting rejects the promise; a comparison already running in a worker is stopped with it. */
  signal?: AbortSignal;
}

/** Pairs up to this many cells (n·m) are compared in the calling thread: at worst a few milliseconds. */
export const INLINE_CELLS = 1 << 22;

/**
 * Pairs up to this many cells go to the light lane's worker. Its worst case (fast-levenshtein on
 * every cell) is some 50 ms, so a small comparison waits at most that long for another small one.
 */
const LIGHT_CELLS = 1 << 26;

/** Levenshtein distance of two strings (see levenshtein()), computed in a worker thread when large. */
export async function levenshteinAsync(a: string, b: string, options: AsyncDistanceOptions = {}): Promise<LevenshteinResult> {
  return (await schedule({ kind: 'strings', a, b, options: engineOptions(options) }, a.length * b.length, options)).result;
}

/** Levenshtein distance of two UTF-8 texts given as bytes, decoded and compared in a worker thread when large. */
export async function utf8DistanceAsync(a: Uint8Array, b: Uint8Array, options: AsyncDistanceOptions = {}): Promise<LevenshteinResult> {
  return (await utf8DistanceTimed(a, b, options)).result;
}

/** utf8DistanceAsync() with the milliseconds spent computing (time waiting for a worker not included), for budgets. */
export function utf8DistanceTimed(a: Uint8Array, b: Uint8Array, options: AsyncDistanceOptions = {}): Promise<TimedResult> {
  return schedule({ kind: 'utf8', a, b, options: engineOptions(options) }, a.length * b.length, options);
}

/** One lane's comparisons: running in a worker, waiting for one, and handed to one since the process started. */
interface LaneLoad {
  running: number;
  queued: number;
  dispatched: number;
}

/** The load of both lanes. */
export interface WorkerLoad {
  light: LaneLoad;
  heavy: LaneLoad;
}

/** How busy the worker threads are (to check that abandoned comparisons stopped, and for monitoring). */
export function levenshteinWorkerLoad(): WorkerLoad {
  const idle = { running: 0, queued: 0, dispatched: 0 };
  return { light: shared?.light.load() ?? idle, heavy: shared?.heavy.load() ?? idle };
}

/** Stops every worker thread (queued and running comparisons are rejected); the next comparison starts new ones. */
export async function closeLevenshteinWorkers(): Promise<void> {
  await Promise.all([shared?.light.close(), shared?.heavy.close()]);
}

function engineOptions(options: AsyncDistanceOptions): LevenshteinOptions {
  const { maxDiagonalWork, maxMyersCells, maxApproxWork, approximate } = options;
  return { maxDiagonalWork, maxMyersCells, maxApproxWork, approximate };
}

function schedule(job: DistanceJob, cells: number, options: AsyncDistanceOptions): Promise<TimedResult> {
  if (options.signal?.aborted) return Promise.reject(abortReason(options.signal));
  const inline = options.thread === 'inline' || (options.thread !== 'worker' && cells <= INLINE_CELLS);
  if (inline) {
    try {
      return Promise.resolve(runJob(job));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  const { light, heavy } = lanes();
  return (cells <= LIGHT_CELLS ? light : heavy).run(job, options.signal);
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The comparison was aborted.', 'AbortError');
}

interface Task {
  id: number;
  job: DistanceJob;
  resolve(result: TimedResult): void;
  reject(error: Error): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private dispatched = 0;

  constructor(public size: number) {}

  run(job: DistanceJob, signal: AbortSignal | undefined): Promise<TimedResult> {
    return new Promise<TimedResult>((resolve, reject) => {
      const task: Task = { id: this.nextId++, job, resolve, reject, signal, onAbort: undefined };
      if (signal) {
        task.onAbort = () => this.abort(task);
        signal.addEventListener('abort', task.onAbort, { once: true });
      }
      this.queue.push(task);
      this.dispatch();
    });
  }

  load(): LaneLoad {
    return { running: this.busy.size, queued: this.queue.length, dispatched: this.dispatched };
  }

  async close(): Promise<void> {
    const workers = [...this.idle, ...this.busy.keys()];
    for (const task of [...this.queue, ...this.busy.values()]) this.settle(task, new Error('The comparison workers were closed.'));
    this.queue.length = 0;
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.busy.size < this.size)) {
      const task = this.queue.shift();
      if (!task) break;
      const worker = this.idle.pop() ?? this.start();
      this.busy.set(worker, task);
      this.dispatched += 1;
      // A running comparison keeps the process alive (someone awaits it); an idle worker does not.
      worker.ref();
      worker.postMessage({ ...task.job, id: task.id });
    }
  }

  private start(): Worker {
    const worker = startWorker('levenshtein');
    worker.on('message', (reply: JobReply) => {
      const task = this.busy.get(worker);
      if (!task || task.id !== reply.id) return;
      this.busy.delete(worker);
      worker.unref();
      if (this.idle.length < this.size) this.idle.push(worker);
      else void worker.terminate();
      if (reply.ok) this.settle(task, undefined, { result: reply.result, ms: reply.ms });
      else this.settle(task, new Error(reply.message));
      this.dispatch();
    });
    const lost = (error: Error) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
      if (task) this.settle(task, error);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`A comparison worker stopped unexpectedly (exit code ${code}).`)));
    return worker;
  }

  private abort(task: Task): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) this.queue.splice(queued, 1);
    for (const [worker, running] of this.busy) {
      if (running !== task) continue;
      // The only way to stop a computation in progress: end its thread (a new one starts on demand).
      this.busy.delete(worker);
      void worker.terminate();
    }
    this.settle(task, task.signal ? abortReason(task.signal) : new Error('aborted'));
    this.dispatch();
  }

  private settle(task: Task, error: Error | undefined, result?: TimedResult): void {
    if (task.signal && task.onAbort) task.signal.removeEventListener('abort', task.onAbort);
    if (error) task.reject(error);
    else if (result) task.resolve(result);
  }
}

let shared: { light: WorkerPool; heavy: WorkerPool } | undefined;

function lanes(): { light: WorkerPool; heavy: WorkerPool } {
  shared ??= { light: new WorkerPool(1), heavy: new WorkerPool(Math.max(1, Math.min(4, os.availableParallelism() - 1))) };
  return shared;
}
