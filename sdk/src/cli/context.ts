import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiClient, Download } from '../api-client.js';
import { saveDownload } from '../node/files.js';
import { DurableQueue, type QueuedOperation } from '../node/queue.js';
import { createNodeClient } from '../node.js';
import type { Context } from './command.js';
import { CliError, EXIT, usageError } from './exit.js';
import { ProgressBar } from './output.js';

/** The CLI's version (from the SDK's package.json). */
export function version(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** An API client with the user's token; without one, exit 3 before anything is sent. */
export function clientOf(context: Context): ApiClient {
  const { token, url } = context.settings;
  if (!token) throw new CliError('No API token: run `reprise login` or set REPRISE_TOKEN.', EXIT.auth);
  return createNodeClient({ url, token, headers: { 'User-Agent': `reprise-cli/${version()}` } });
}

/** --project, else $REPRISE_PROJECT; neither is a usage error. */
export function projectOf(context: Context, values: { project?: string }): string {
  const project = values.project ?? context.settings.project;
  if (!project) throw usageError('Which project? Give --project or set REPRISE_PROJECT.');
  return project;
}

/** Prints a result: as one JSON document with --json, else as the text `human` makes. */
export function print(context: Context, value: unknown, human: () => string): void {
  context.terminal.stdout.write(context.json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
}

/**
 * Writes a download where `output` says: `-` streams it to stdout; a file is never written over
 * without `force`, gets a progress bar and is checked against the server's sha256. Answers the
 * file saved (null for stdout).
 */
export async function writeDownload(
  context: Context,
  download: Download,
  output: string,
  force: boolean | undefined,
): Promise<{ file: string; size: number; sha256: string } | null> {
  if (output === '-') {
    for await (const chunk of download.body) context.terminal.stdout.write(chunk);
    return null;
  }
  const target = path.resolve(output);
  if (!force && (await stat(target).catch(() => null))) {
    await download.body.cancel();
    throw new CliError(`${output} exists; give --force to overwrite it or --output another path.`, EXIT.failed);
  }
  const bar = new ProgressBar(context.terminal, path.basename(target), !context.json);
  const saved = await saveDownload(download, target, (received, total) => bar.update(received, total));
  bar.done();
  return { file: target, size: saved.size, sha256: saved.sha256 };
}

/** What `submit` answers when the write stays in the queue. */
export const QUEUED = Symbol('queued');

/**
 * Sends a write through the durable queue and waits for it: delivered → its result; refused for
 * good → the error (and it is not kept in failed/, since the user sees it now); server away →
 * it stays queued and the command exits 75.
 */
export async function submit(context: Context, client: ApiClient, operation: QueuedOperation, label: string): Promise<unknown> {
  const queue = new DurableQueue(context.settings.queueDir);
  const entry = await queue.enqueue(operation);
  const bar = new ProgressBar(context.terminal, label, !context.json);
  const { deliveries } = await queue.flush(client, {
    waitForLockMs: 30_000,
    onProgress: (item, sent, total) => {
      if (item.id === entry.id) bar.update(sent, total);
    },
  });
  bar.done();
  const mine = deliveries.find((delivery) => delivery.id === entry.id);
  if (mine?.state === 'delivered') return mine.result;
  if (mine?.state === 'failed') {
    await queue.forgetFailed(entry.id);
    throw mine.error;
  }
  const why = mine?.state === 'pending' ? mine.error.message : 'earlier writes of this project are waiting';
  if (context.json) context.terminal.stdout.write(`${JSON.stringify({ queued: true, id: entry.id, reason: why })}\n`);
  context.terminal.stderr.write(`reprise: not delivered (${why}); it is queued in ${queue.dir}: run \`reprise sync\` later.\n`);
  return QUEUED;
}
