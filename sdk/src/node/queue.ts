import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { newIdempotencyKey, type ApiClient } from '../api-client.js';
import { ApiError, isRetryable, RepriseError } from '../errors.js';
import type { ContainerPush, ProjectPush, RecordPush, RecordUpdate } from '../types.js';
import { fileUpload, isFile } from './files.js';

/** A file an operation uploads, read from disk when the operation is delivered. */
export interface QueuedFile {
  /** Absolute path on this machine. */
  file: string;
  name: string;
  path?: string;
  /** Computed when queued: the server refuses the bytes if the file changed since. */
  sha256: string;
  size: number;
  mediaType: string;
}

/** A write waiting to reach the API. */
export type QueuedOperation =
  | { kind: 'pushProject'; project: string; body: ProjectPush }
  | { kind: 'pushContainer'; project: string; metadata: ContainerPush; image?: QueuedFile }
  | { kind: 'createRecord'; project: string; record: string; body: RecordPush }
  | { kind: 'updateRecord'; project: string; record: string; body: RecordUpdate }
  | { kind: 'pushFiles'; project: string; record: string; inputs: QueuedFile[]; outputs: QueuedFile[] };

/** One operation as stored on disk (one JSON file). */
export interface QueueEntry {
  version: 1;
  id: string;
  /** The Idempotency-Key sent with every attempt, fixed when the operation was queued. */
  key: string;
  created: string;
  attempts: number;
  /** ISO time before which the background retry leaves it alone. */
  nextAttemptAt: string;
  lastError: { status: number | null; code: string; message: string } | null;
  operation: QueuedOperation;
  /**
   * The id of the createRecord entry this write belongs to: when that creation is refused for
   * good, this write is never sent (it would change another record of the same label).
   */
  after?: string;
}

/** What happened to one operation in a flush. */
export type Delivery =
  | { id: string; state: 'delivered'; result: unknown }
  | { id: string; state: 'pending'; error: Error }
  | { id: string; state: 'failed'; error: Error };

/** Options of a flush. */
export interface FlushOptions {
  /** Also try operations whose backoff has not elapsed (an explicit `reprise sync`). */
  ignoreBackoff?: boolean;
  /** Progress of uploads, per operation. */
  onProgress?: (entry: QueueEntry, sent: number, total: number) => void;
  /** Called after each delivery attempt. */
  onDelivery?: (entry: QueueEntry, delivery: Delivery) => void;
  /** How long to wait for another process's flush to finish (ms, default 0: skip when busy). */
  waitForLockMs?: number;
  /** Deliver only these operations (the others stay queued, and still hold back what comes after them). */
  only?: (entry: QueueEntry) => boolean;
}

/** Tuning of the retry schedule. */
export interface QueueOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const LOCK_STALE_MS = 10 * 60 * 1000;
const LOCK_REFRESH_MS = 30 * 1000;
let sequence = 0;

/**
 * A durable queue of writes in a directory: one JSON file per operation, written atomically
 * (temporary file, fsync, rename), named so that the directory order is the order of queuing.
 * Operations carry an Idempotency-Key fixed at queuing, and operations of one project go out in
 * order (one waiting for a retry holds back the later ones of its record, or of its project when
 * it is a project or container push), so that each reaches the server exactly once and in order.
 * Network errors, 5xx, 429 and 409 idempotency_in_progress are retried with exponential backoff
 * and jitter; other 4xx are final and move the operation to `failed/` with the error, and the
 * writes queued `after` a record creation that was refused follow it there without being sent.
 */
export class DurableQueue {
  readonly dir: string;
  readonly failedDir: string;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(dir: string, options: QueueOptions = {}) {
    this.dir = dir;
    this.failedDir = path.join(dir, 'failed');
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60 * 1000;
  }

  /** Stores an operation (`after`: the createRecord entry it depends on); it is on disk when this resolves. */
  async enqueue(operation: QueuedOperation, key: string = newIdempotencyKey(), options: { after?: string } = {}): Promise<QueueEntry> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const now = new Date();
    sequence += 1;
    const id = `${String(now.getTime()).padStart(15, '0')}-${String(process.pid).padStart(7, '0')}-${String(sequence).padStart(6, '0')}-${randomBytes(3).toString('hex')}`;
    const entry: QueueEntry = { version: 1, id, key, created: now.toISOString(), attempts: 0, nextAttemptAt: now.toISOString(), lastError: null, operation };
    if (options.after !== undefined) entry.after = options.after;
    await writeAtomically(path.join(this.dir, `${id}.json`), entry);
    return entry;
  }

  /** Operations waiting for delivery, oldest first. */
  async pending(): Promise<QueueEntry[]> {
    return await readEntries(this.dir);
  }

  /** Operations the server refused for good, with their errors. */
  async failed(): Promise<QueueEntry[]> {
    return await readEntries(this.failedDir);
  }

  /** Puts failed operations back in the queue (same keys), for another try. */
  async retryFailed(): Promise<number> {
    const failed = await this.failed();
    for (const entry of failed) {
      await writeAtomically(path.join(this.dir, `${entry.id}.json`), { ...entry, attempts: 0, nextAttemptAt: new Date().toISOString(), lastError: null });
      await rm(path.join(this.failedDir, `${entry.id}.json`), { force: true });
    }
    return failed.length;
  }

  /** Forgets one failed operation (its error was reported to the user directly). */
  async forgetFailed(id: string): Promise<void> {
    await rm(path.join(this.failedDir, `${id}.json`), { force: true });
  }

  /** Deletes the failed operations. */
  async clearFailed(): Promise<number> {
    const failed = await this.failed();
    for (const entry of failed) await rm(path.join(this.failedDir, `${entry.id}.json`), { force: true });
    return failed.length;
  }

  /** Forgets one pending operation (used when a caller reports a final failure itself). */
  async remove(id: string): Promise<void> {
    await rm(path.join(this.dir, `${id}.json`), { force: true });
  }

  /** When the next operation waiting for backoff becomes due, or null when none waits. */
  async nextDue(): Promise<Date | null> {
    const entries = await this.pending();
    if (entries.length === 0) return null;
    return new Date(Math.min(...entries.map((entry) => Date.parse(entry.nextAttemptAt))));
  }

  /**
   * Delivers what can be delivered now, in order. Only one process flushes a queue at a time
   * (a lock file); another one returns at once (or after waitForLockMs) with `busy: true`,
   * and the holder delivers its operations too, since it reads the directory until nothing is due.
   */
  async flush(client: ApiClient, options: FlushOptions = {}): Promise<{ busy: boolean; deliveries: Delivery[] }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const lock = await this.lock(options.waitForLockMs ?? 0);
    if (!lock) return { busy: true, deliveries: [] };
    const deliveries: Delivery[] = [];
    try {
      const tried = new Set<string>();
      for (;;) {
        const blocked = new Set<string>();
        let progressed = false;
        for (const entry of await this.pending()) {
          const groups = groupsOf(entry.operation);
          if (tried.has(entry.id) || groups.some((group) => blocked.has(group)) || (options.only && !options.only(entry))) {
            blocked.add(groups[groups.length - 1] ?? '');
            continue;
          }
          if (!options.ignoreBackoff && Date.parse(entry.nextAttemptAt) > Date.now()) {
            blocked.add(groups[groups.length - 1] ?? '');
            continue;
          }
          tried.add(entry.id);
          const delivery = await this.attempt(client, entry, options);
          deliveries.push(delivery);
          options.onDelivery?.(entry, delivery);
          if (delivery.state === 'pending') blocked.add(groups[groups.length - 1] ?? '');
          else progressed = true;
          await lock.refresh();
        }
        // Operations queued while we were busy (by us or by other processes) are picked up too.
        if (!progressed) break;
      }
    } finally {
      await lock.release();
    }
    return { busy: false, deliveries };
  }

  private async attempt(client: ApiClient, entry: QueueEntry, options: FlushOptions): Promise<Delivery> {
    const file = path.join(this.dir, `${entry.id}.json`);
    if (entry.after !== undefined && (await isFile(path.join(this.failedDir, `${entry.after}.json`)))) {
      const record = 'record' in entry.operation ? entry.operation.record : '';
      const error = new RepriseError(`Not sent: the creation of record "${record}" was refused, so this write would change another record (or none).`);
      return await this.fail(file, entry, { status: null, code: 'record_not_created', message: error.message }, error);
    }
    try {
      const result = await deliver(client, entry, (sent, total) => options.onProgress?.(entry, sent, total));
      await rm(file, { force: true });
      return { id: entry.id, state: 'delivered', result };
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      if (alreadyApplied(err)) {
        await rm(file, { force: true });
        return { id: entry.id, state: 'delivered', result: null };
      }
      const lastError = { status: err instanceof ApiError ? err.status : null, code: err instanceof ApiError ? err.code : err.name, message: err.message };
      if (isRetryable(err)) {
        const attempts = entry.attempts + 1;
        const retryAfterMs = err instanceof ApiError && err.retryAfterSeconds !== null ? err.retryAfterSeconds * 1000 : 0;
        const delay = Math.max(retryAfterMs, backoff(attempts, this.baseDelayMs, this.maxDelayMs));
        await writeAtomically(file, { ...entry, attempts, lastError, nextAttemptAt: new Date(Date.now() + delay).toISOString() });
        return { id: entry.id, state: 'pending', error: err };
      }
      return await this.fail(file, entry, lastError, err);
    }
  }

  private async fail(file: string, entry: QueueEntry, lastError: NonNullable<QueueEntry['lastError']>, error: Error): Promise<Delivery> {
    await mkdir(this.failedDir, { recursive: true, mode: 0o700 });
    await writeAtomically(path.join(this.failedDir, `${entry.id}.json`), { ...entry, attempts: entry.attempts + 1, lastError });
    await rm(file, { force: true });
    return { id: entry.id, state: 'failed', error };
  }

  private async lock(waitMs: number): Promise<{ refresh: () => Promise<void>; release: () => Promise<void> } | null> {
    const file = path.join(this.dir, '.lock');
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        const handle = await open(file, 'wx', 0o600);
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }));
        await handle.close();
        let refreshed = Date.now();
        return {
          refresh: async () => {
            if (Date.now() - refreshed < LOCK_REFRESH_MS) return;
            refreshed = Date.now();
            await utimes(file, new Date(), new Date()).catch(() => undefined);
          },
          release: async () => {
            await rm(file, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (await lockIsStale(file)) {
        await rm(file, { force: true });
        continue;
      }
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, Math.min(200, Math.max(10, deadline - Date.now()))));
    }
  }
}

/** The groups an operation belongs to, outermost first: a blocked group holds back everything inside it. */
function groupsOf(operation: QueuedOperation): string[] {
  const project = `project:${operation.project}`;
  switch (operation.kind) {
    case 'pushProject':
    case 'pushContainer':
      return [project];
    default:
      return [project, `${project}/record:${operation.record}`];
  }
}

/**
 * Answers that mean "this already took effect": a success whose response was not kept. A create
 * answered `label_taken` is not one of them, even on a retry: within the key's lifetime the
 * server replays our own success, so the label belongs to another record, and taking it for ours
 * would send this run's updates to that record.
 */
function alreadyApplied(error: Error): boolean {
  return error instanceof ApiError && error.code === 'idempotency_response_unavailable';
}

async function deliver(client: ApiClient, entry: QueueEntry, onProgress: (sent: number, total: number) => void): Promise<unknown> {
  const { operation, key } = entry;
  const options = { idempotencyKey: key, onProgress };
  switch (operation.kind) {
    case 'pushProject':
      return await client.projects.push(operation.project, operation.body, options);
    case 'pushContainer': {
      const image = operation.image ? await uploadOf(operation.image) : undefined;
      return await client.containers.push(operation.project, operation.metadata, image ? { ...options, image } : options);
    }
    case 'createRecord':
      return await client.records.push(operation.project, { ...operation.body, label: operation.record }, options);
    case 'updateRecord':
      return await client.records.update(operation.project, operation.record, operation.body, options);
    case 'pushFiles':
      return await client.files.push(
        operation.project,
        operation.record,
        { inputs: await Promise.all(operation.inputs.map(uploadOf)), outputs: await Promise.all(operation.outputs.map(uploadOf)) },
        options,
      );
  }
}

async function uploadOf(queued: QueuedFile) {
  try {
    return await fileUpload(queued.file, { name: queued.name, sha256: queued.sha256, mediaType: queued.mediaType, ...(queued.path ? { path: queued.path } : {}) });
  } catch (error) {
    throw new RepriseError(`Cannot read ${queued.file} to upload it: ${(error as Error).message}`);
  }
}

/** Exponential backoff with "equal jitter": between half and all of base·2^(attempts-1), capped. */
export function backoff(attempts: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

async function lockIsStale(file: string): Promise<boolean> {
  try {
    const [info, text] = await Promise.all([stat(file), readFile(file, 'utf8')]);
    if (Date.now() - info.mtimeMs > LOCK_STALE_MS) return true;
    const holder = JSON.parse(text) as { pid?: number; host?: string };
    if (holder.host !== os.hostname() || typeof holder.pid !== 'number') return false;
    try {
      process.kill(holder.pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    // Half-written by a process that is writing it right now, or gone already.
    return false;
  }
}

async function readEntries(dir: string): Promise<QueueEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: QueueEntry[] = [];
  for (const name of names.filter((item) => item.endsWith('.json') && !item.startsWith('.')).sort()) {
    try {
      entries.push(JSON.parse(await readFile(path.join(dir, name), 'utf8')) as QueueEntry);
    } catch (error) {
      // Delivered and removed by another process since readdir.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return entries;
}

/** Writes JSON so that a reader sees the old file or the whole new one, and it survives a crash. */
async function writeAtomically(file: string, value: unknown): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(value));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}
