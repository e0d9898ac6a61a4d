import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ApiClient } from '../api-client.js';
import type { Dependency, FileRefInput, RecordPush, RecordStatus, RecordUpdate } from '../types.js';
import { hashFile, mediaTypeOf } from './files.js';
import { DurableQueue, type Delivery, type FlushOptions, type QueuedFile, type QueueEntry } from './queue.js';

/** A local file to declare (and upload) as an input or output of a run. */
export interface LocalFile {
  /** Where it is on disk. */
  file: string;
  /** The name the record shows (default: the file's base name). */
  name?: string;
  /** Relative path in the run's working directory. */
  path?: string;
  mediaType?: string;
}

/** What a run is, as known when it starts. */
export interface RunStart {
  project: string;
  /** Unique in the project; a timestamp label with a random suffix when omitted. */
  label?: string;
  program?: RecordPush['program'];
  parameters?: unknown;
  inputs?: LocalFile[];
  dependencies?: Dependency[];
  system?: unknown;
  tags?: string[];
  reason?: string;
  custom?: unknown;
  /** A container id of the project; null: none; omitted: the project's latest. */
  container?: string | null;
  /** Upload the input files (default true); otherwise only their digests are recorded. */
  uploadInputs?: boolean;
}

/** Options of a record store. */
export interface RecordStoreOptions {
  client: ApiClient;
  queue: DurableQueue;
  /** Called after each delivery attempt (for logs and warnings). */
  onDelivery?: (entry: QueueEntry, delivery: Delivery) => void;
  /** Called with upload progress. */
  onProgress?: FlushOptions['onProgress'];
}

/**
 * The dynamic many-points recorder: a run's record is created with status `started` the moment
 * it begins and updated as it goes (`running` heartbeats, outputs as they appear) until it is
 * `finished` or `crashed`, so that a run that dies still leaves a record. Every write goes
 * through the durable queue first and is then delivered in the background, so nothing is lost
 * while the server is away; `drain()` waits for the queue at the end.
 */
export class RecordStore {
  readonly client: ApiClient;
  readonly queue: DurableQueue;
  private readonly options: RecordStoreOptions;
  private flushing: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: RecordStoreOptions) {
    this.options = options;
    this.client = options.client;
    this.queue = options.queue;
  }

  /**
   * Creates the record (status `started`) and returns the handle to report the rest of the run.
   * With `confirm`, the creation is sent now and a refusal (label taken, unknown project, bad
   * token, …) is thrown, so the caller can stop before the run starts; when the server cannot be
   * reached the creation stays queued and `handle.confirmed` is false.
   */
  async start(run: RunStart, options: { confirm?: boolean } = {}): Promise<RunHandle> {
    const label = run.label ?? newRunLabel();
    const inputs = await Promise.all((run.inputs ?? []).map(describe));
    const body: RecordPush = { label, status: 'started', inputs: inputs.map(declared) };
    if (run.program !== undefined) body.program = run.program;
    if (run.parameters !== undefined) body.parameters = run.parameters;
    if (run.dependencies !== undefined) body.dependencies = run.dependencies;
    if (run.system !== undefined) body.system = run.system;
    if (run.tags !== undefined) body.tags = run.tags;
    if (run.reason !== undefined) body.reason = run.reason;
    if (run.custom !== undefined) body.custom = run.custom;
    if (run.container !== undefined) body.container = run.container;
    const create = await this.queue.enqueue({ kind: 'createRecord', project: run.project, record: label, body });
    const confirmed = options.confirm ? await this.confirm(create) : false;
    if (inputs.length > 0 && run.uploadInputs !== false) {
      await this.queue.enqueue({ kind: 'pushFiles', project: run.project, record: label, inputs, outputs: [] }, undefined, { after: create.id });
    }
    this.kick();
    return new RunHandle(this, run.project, label, create.id, confirmed);
  }

  /** Queues an update of a record (`after`: the creation it depends on) and starts delivering it. */
  async update(project: string, record: string, body: RecordUpdate, options: { after?: string } = {}): Promise<QueueEntry> {
    const entry = await this.queue.enqueue({ kind: 'updateRecord', project, record, body }, undefined, options);
    this.kick();
    return entry;
  }

  /** Queues the upload of files of a record and starts delivering it. */
  async attach(project: string, record: string, files: { inputs?: LocalFile[]; outputs?: LocalFile[] }, options: { after?: string } = {}): Promise<QueuedFile[]> {
    const inputs = await Promise.all((files.inputs ?? []).map(describe));
    const outputs = await Promise.all((files.outputs ?? []).map(describe));
    if (inputs.length + outputs.length > 0) {
      await this.queue.enqueue({ kind: 'pushFiles', project, record, inputs, outputs }, undefined, options);
      this.kick();
    }
    return [...inputs, ...outputs];
  }

  /** Sends a queued creation now: true when delivered, false when it waits; throws the server's refusal. */
  private async confirm(create: QueueEntry): Promise<boolean> {
    await this.flushing;
    // Only the creation: a backlog of earlier uploads must not hold up the start of the run.
    const { deliveries } = await this.queue.flush(this.client, { ...this.flushOptions(), ignoreBackoff: true, waitForLockMs: 30_000, only: (entry) => entry.id === create.id });
    const mine = deliveries.find((delivery) => delivery.id === create.id);
    if (mine?.state === 'failed') {
      // The caller reports it now; nothing of this run is left queued.
      await this.queue.forgetFailed(create.id);
      throw mine.error;
    }
    return mine?.state === 'delivered';
  }

  /** Starts a delivery in the background (or after the one running now). */
  kick(): void {
    if (this.closed) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = this.flushOnce().finally(() => {
      this.flushing = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        void this.scheduleRetry();
      }
    });
  }

  /**
   * Waits until the queue is empty or `timeoutMs` has passed, retrying on the backoff schedule;
   * answers how many operations are still pending and how many failed for good.
   */
  async drain(timeoutMs: number, options: Pick<FlushOptions, 'onProgress'> = {}): Promise<{ pending: number; failed: number }> {
    const deadline = Date.now() + timeoutMs;
    this.clearTimer();
    await this.flushing;
    for (;;) {
      await this.queue.flush(this.client, { ...this.flushOptions(), ...options, waitForLockMs: Math.max(0, Math.min(5000, deadline - Date.now())) });
      const pending = await this.queue.pending();
      if (pending.length === 0 || Date.now() >= deadline) {
        return { pending: pending.length, failed: (await this.queue.failed()).length };
      }
      const due = Math.min(...pending.map((entry) => Date.parse(entry.nextAttemptAt)));
      await sleep(Math.max(50, Math.min(due - Date.now(), deadline - Date.now())));
    }
  }

  /** Stops background deliveries (what is queued stays on disk for `reprise sync`). */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    await this.flushing;
  }

  private async flushOnce(): Promise<void> {
    try {
      await this.queue.flush(this.client, this.flushOptions());
    } catch {
      // The queue stays on disk; the next kick or `reprise sync` tries again.
    }
  }

  private flushOptions(): FlushOptions {
    const options: FlushOptions = {};
    if (this.options.onDelivery) options.onDelivery = this.options.onDelivery;
    if (this.options.onProgress) options.onProgress = this.options.onProgress;
    return options;
  }

  private async scheduleRetry(): Promise<void> {
    if (this.closed) return;
    const due = await this.queue.nextDue().catch(() => null);
    if (!due || this.closed) return;
    this.clearTimer();
    this.timer = setTimeout(() => this.kick(), Math.max(50, due.getTime() - Date.now()));
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * The record of one run in progress. Its writes are queued in the order they are made (each waits
 * for the one before), and once the run has ended a heartbeat is dropped: a late `running` would
 * be refused after the end, and its fields would overwrite the final ones.
 */
export class RunHandle {
  private last: Promise<unknown> = Promise.resolve();
  private ended = false;

  constructor(
    private readonly store: RecordStore,
    readonly project: string,
    readonly label: string,
    /** The queue entry of the record's creation. */
    readonly createId: string,
    /** The server has the record (false: its creation waits in the queue). */
    readonly confirmed: boolean,
  ) {}

  /** Reports that the run is going on (`running`), with whatever changed (duration, logs so far, …); null once the run has ended. */
  async heartbeat(fields: RecordUpdate = {}): Promise<QueueEntry | null> {
    if (this.ended) return null;
    return await this.inOrder(() => this.store.update(this.project, this.label, { ...fields, status: 'running' }, { after: this.createId }));
  }

  /** Declares outputs with their digests and uploads them (call it as they appear). */
  async output(files: LocalFile[], fields: RecordUpdate = {}): Promise<void> {
    await this.inOrder(async () => {
      await this.store.attach(this.project, this.label, { outputs: files }, { after: this.createId });
      if (Object.keys(fields).length > 0) await this.store.update(this.project, this.label, fields, { after: this.createId });
    });
  }

  /** Ends the run: `finished`, `crashed` or `aborted`, with its final fields (logs, duration, outcome). */
  async end(status: Extract<RecordStatus, 'finished' | 'crashed' | 'aborted'>, fields: RecordUpdate = {}): Promise<QueueEntry> {
    this.ended = true;
    return await this.inOrder(() => this.store.update(this.project, this.label, { ...fields, status }, { after: this.createId }));
  }

  private inOrder<T>(write: () => Promise<T>): Promise<T> {
    const next = this.last.catch(() => undefined).then(write);
    this.last = next;
    return next;
  }

  /** Ends the run as `finished`. */
  async finish(fields: RecordUpdate = {}): Promise<QueueEntry> {
    return await this.end('finished', fields);
  }

  /** Ends the run as `crashed` (keep its stderr in `fields`). */
  async crash(fields: RecordUpdate = {}): Promise<QueueEntry> {
    return await this.end('crashed', fields);
  }
}

/** A label for a run: its UTC start time to the millisecond and a random suffix (unique without asking the server). */
export function newRunLabel(now = new Date()): string {
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

async function describe(local: LocalFile): Promise<QueuedFile> {
  const file = path.resolve(local.file);
  const name = local.name ?? path.basename(file);
  const { sha256, size } = await hashFile(file);
  const queued: QueuedFile = { file, name, sha256, size, mediaType: local.mediaType ?? mediaTypeOf(name) };
  if (local.path !== undefined) queued.path = local.path;
  return queued;
}

function declared(file: QueuedFile): FileRefInput {
  return { name: file.name, path: file.path ?? null, sha256: file.sha256, size: file.size, mediaType: file.mediaType };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { declared as declaredFile, describe as describeLocalFile };
