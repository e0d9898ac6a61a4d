/**
 * Runs a numeric comparison (numeric.ts) over two streams. Large files are compared in a worker
 * thread, fed one chunk at a time from whichever side it needs next, so a pair of 100 MB tables
 * takes a couple of chunks of memory and no time from the event loop.
 */
import os from 'node:os';
import type { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { compareJson, looksLikeJson, TablePair, type Need, type NumericOutcome, type NumericTolerance } from './numeric.js';
import { startWorker } from './threads.js';

/** Options of compareNumericStreams(). */
export interface NumericRunOptions extends NumericTolerance {
  /** `auto` (default): in a worker when a side is larger than INLINE_BYTES (by `sizes`), else in this thread. */
  thread?: 'auto' | 'inline' | 'worker';
  /** The sides' sizes in bytes, when known (chooses the thread). */
  sizes?: [number, number];
  /** JSON is parsed whole: larger JSON is not compared as numbers. */
  jsonLimitBytes: number;
  /** Aborting stops the comparison (and its worker) and rejects. */
  signal?: AbortSignal | undefined;
}

/** Files up to this size (each side) are compared in the calling thread: a few milliseconds. */
const INLINE_BYTES = 1 << 20;

/** A message to the numeric worker. */
export type NumericMessage =
  | { kind: 'table'; tolerance: NumericTolerance }
  | { kind: 'chunk'; side: 'a' | 'b'; bytes: Uint8Array }
  | { kind: 'end'; side: 'a' | 'b' }
  | { kind: 'json'; a: Uint8Array; b: Uint8Array; tolerance: NumericTolerance };

/** The numeric worker's answer to each message: the side it needs next, and the outcome once it needs none. */
export type NumericReply = { ok: true; need: Need; outcome?: NumericOutcome } | { ok: false; message: string };

/** What a comparison is fed through: a TablePair here, or one in a worker. */
interface Sink {
  send(message: NumericMessage): Promise<{ need: Need; outcome?: NumericOutcome }>;
  close(): void;
}

/** Handles one message where it is called (the worker does the same on its side). */
export class NumericSession {
  private pair: TablePair | null = null;

  handle(message: NumericMessage): { need: Need; outcome?: NumericOutcome } {
    switch (message.kind) {
      case 'table':
        this.pair = new TablePair(message.tolerance);
        break;
      case 'chunk':
        this.pair?.push(message.side, message.bytes);
        break;
      case 'end':
        this.pair?.end(message.side);
        break;
      case 'json': {
        const decode = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
        return { need: null, outcome: compareJson(decode(message.a), decode(message.b), message.tolerance) };
      }
    }
    const need = this.pair?.need() ?? null;
    return need === null && this.pair ? { need, outcome: this.pair.result() } : { need };
  }
}

function inlineSink(): Sink {
  const session = new NumericSession();
  return { send: (message) => Promise.resolve(session.handle(message)), close: () => undefined };
}

/** At most this many numeric comparisons have a worker at once; others wait for one to finish. */
const MAX_WORKERS = Math.max(1, Math.min(2, os.availableParallelism() - 1));
let running = 0;
const waiting: Array<() => void> = [];

async function acquire(): Promise<void> {
  if (running < MAX_WORKERS) {
    running += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

async function workerSink(): Promise<Sink> {
  await acquire();
  let worker: Worker;
  try {
    worker = startWorker('numeric');
  } catch (error) {
    release();
    throw error;
  }
  let pending: { resolve(reply: { need: Need; outcome?: NumericOutcome }): void; reject(error: Error): void } | null = null;
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    pending?.reject(error);
    pending = null;
  };
  worker.on('message', (reply: NumericReply) => {
    const current = pending;
    pending = null;
    if (!current) return;
    if (reply.ok) current.resolve(reply.outcome ? { need: reply.need, outcome: reply.outcome } : { need: reply.need });
    else current.reject(new Error(reply.message));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The numeric comparison worker stopped (exit code ${code}).`)));
  let closed = false;
  return {
    send(message) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        // A copy of its own (a Buffer's slice() would share the stream's memory), handed over without another copy.
        if (message.kind === 'chunk') {
          const bytes = new Uint8Array(message.bytes);
          worker.postMessage({ ...message, bytes }, [bytes.buffer]);
        } else if (message.kind === 'json') {
          const [a, b] = [new Uint8Array(message.a), new Uint8Array(message.b)];
          worker.postMessage({ ...message, a, b }, [a.buffer, b.buffer]);
        }
        else worker.postMessage(message);
      });
    },
    close() {
      if (closed) return;
      closed = true;
      void worker.terminate();
      release();
    },
  };
}

/** Reads a stream one chunk at a time. */
class ChunkReader {
  private readonly iterator: AsyncIterator<unknown>;
  done = false;

  constructor(private readonly stream: Readable) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  async next(): Promise<Uint8Array | null> {
    if (this.done) return null;
    for (;;) {
      const { value, done } = await this.iterator.next();
      if (done) {
        this.done = true;
        return null;
      }
      const chunk = value instanceof Uint8Array ? value : Buffer.from(String(value));
      if (chunk.length > 0) return chunk;
    }
  }

  /** Reads everything left, up to `limit` bytes in all with `first`; null when larger. */
  async rest(first: Uint8Array | null, limit: number): Promise<Uint8Array | null> {
    const chunks: Uint8Array[] = first ? [first] : [];
    let size = first?.length ?? 0;
    for (let chunk = await this.next(); chunk; chunk = await this.next()) {
      size += chunk.length;
      if (size > limit) return null;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, size);
  }

  close(): void {
    this.stream.destroy();
  }
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The comparison was aborted.', 'AbortError');
}

/**
 * Compares two text outputs as numbers: both JSON (compared leaf by leaf), or both tables of
 * numbers (streamed). Anything else is `{numeric: false, reason}`, to be compared as text.
 */
export async function compareNumericStreams(a: Readable, b: Readable, options: NumericRunOptions): Promise<NumericOutcome> {
  const readers = { a: new ChunkReader(a), b: new ChunkReader(b) };
  const tolerance = { rtol: options.rtol, atol: options.atol };
  const large = options.thread === 'worker' || (options.thread !== 'inline' && (options.sizes ?? [0, 0]).some((size) => size > INLINE_BYTES));
  let sink: Sink | null = null;
  const { signal } = options;
  const onAbort = () => {
    sink?.close();
    readers.a.close();
    readers.b.close();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const first = { a: await readers.a.next(), b: await readers.b.next() };
    const json = { a: first.a !== null && looksLikeJson(first.a), b: first.b !== null && looksLikeJson(first.b) };
    if (json.a !== json.b) return { numeric: false, reason: `${json.a ? 'A' : 'B'} is JSON and ${json.a ? 'B' : 'A'} is not` };
    if (json.a) {
      const [bytesA, bytesB] = [await readers.a.rest(first.a, options.jsonLimitBytes), await readers.b.rest(first.b, options.jsonLimitBytes)];
      if (!bytesA || !bytesB) return { numeric: false, reason: `JSON larger than ${options.jsonLimitBytes} bytes is not compared value by value` };
      sink = large ? await workerSink() : inlineSink();
      const { outcome } = await sink.send({ kind: 'json', a: bytesA, b: bytesB, tolerance });
      return outcome ?? { numeric: false, reason: 'the JSON comparison gave no answer' };
    }
    sink = large ? await workerSink() : inlineSink();
    if (signal?.aborted) throw abortError(signal);
    let reply = await sink.send({ kind: 'table', tolerance });
    const queued = { a: first.a, b: first.b };
    while (reply.need) {
      if (signal?.aborted) throw abortError(signal);
      const side = reply.need;
      const chunk = queued[side] ?? (await readers[side].next());
      queued[side] = null;
      reply = await sink.send(chunk ? { kind: 'chunk', side, bytes: chunk } : { kind: 'end', side });
    }
    return reply.outcome ?? { numeric: false, reason: 'the table comparison gave no answer' };
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    sink?.close();
    readers.a.close();
    readers.b.close();
  }
}
