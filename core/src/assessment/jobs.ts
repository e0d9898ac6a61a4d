/**
 * The work a Levenshtein worker does, shared by the worker thread and the in-thread path so that
 * both give the same answer.
 */
import { levenshtein, type LevenshteinOptions, type LevenshteinResult } from './levenshtein.js';
import { decodeText } from './text.js';

/** A comparison handed to a worker: two strings, or two UTF-8 byte arrays decoded there. */
export type DistanceJob =
  | { kind: 'strings'; a: string; b: string; options: LevenshteinOptions }
  | { kind: 'utf8'; a: Uint8Array; b: Uint8Array; options: LevenshteinOptions };

/** A job with its id, as posted to a worker. */
export type JobMessage = DistanceJob & { id: number };

/** A distance and the milliseconds spent computing it (not waiting for a worker). */
export interface TimedResult {
  result: LevenshteinResult;
  ms: number;
}

/** A worker's answer. */
export type JobReply = ({ id: number; ok: true } & TimedResult) | { id: number; ok: false; message: string };

/** Runs a job where it is called. */
export function runJob(job: DistanceJob): TimedResult {
  const started = performance.now();
  const result = job.kind === 'strings' ? levenshtein(job.a, job.b, job.options) : levenshtein(decodeText(job.a), decodeText(job.b), job.options);
  return { result, ms: performance.now() - started };
}
