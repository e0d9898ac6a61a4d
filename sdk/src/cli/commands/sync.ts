import { DurableQueue, type QueueEntry } from '../../node/queue.js';
import type { CommandSpec, Context, Invocation } from '../command.js';
import { clientOf, print } from '../context.js';
import { CliError, EXIT } from '../exit.js';
import { ProgressBar } from '../output.js';

/** `reprise sync`. */
export const spec = {
  name: 'sync',
  summary: 'Deliver the writes waiting in the local queue; report the ones that failed',
  usage: 'reprise sync [--retry-failed | --clear-failed]',
  details: 'Exits 0 when the queue is empty, 75 when writes still wait (server unreachable), 1 when some failed for good.',
  positionals: { min: 0, max: 0 },
  options: {
    'retry-failed': { type: 'boolean', description: 'Put failed writes back in the queue first.' },
    'clear-failed': { type: 'boolean', description: 'Delete the failed writes.' },
  },
} as const satisfies CommandSpec;

/** Delivers the queue and reports what waits and what failed: exit 1 when something failed, 75 when something waits. */
export async function run(context: Context, { values }: Invocation<typeof spec.options>): Promise<number> {
  const queue = new DurableQueue(context.settings.queueDir);
  if (values['retry-failed']) await queue.retryFailed();
  if (values['clear-failed']) await queue.clearFailed();
  const waiting = await queue.pending();
  let delivered = 0;
  const bar = new ProgressBar(context.terminal, 'uploading', !context.json);
  if (waiting.length > 0) {
    const { busy, deliveries } = await queue.flush(clientOf(context), {
      ignoreBackoff: true,
      waitForLockMs: 60_000,
      onProgress: (_entry, sent, total) => bar.update(sent, total),
    });
    bar.done();
    if (busy) throw new CliError('Another reprise process is delivering the queue right now; try again in a minute.', EXIT.queued);
    delivered = deliveries.filter((delivery) => delivery.state === 'delivered').length;
  }
  const pending = await queue.pending();
  const failed = await queue.failed();
  const describe = (entry: QueueEntry) => ({
    id: entry.id,
    operation: entry.operation.kind,
    project: entry.operation.project,
    ...('record' in entry.operation ? { record: entry.operation.record } : {}),
    created: entry.created,
    attempts: entry.attempts,
    error: entry.lastError,
  });
  print(context, { delivered, pending: pending.map(describe), failed: failed.map(describe), queue: queue.dir }, () =>
    [
      `Delivered ${delivered} write(s); ${pending.length} waiting; ${failed.length} failed.`,
      ...pending.map((entry) => `  waiting: ${summary(entry)}: ${entry.lastError?.message ?? ''}`),
      ...failed.map((entry) => `  failed: ${summary(entry)}: ${entry.lastError?.message ?? ''}`),
      failed.length > 0 ? 'Fix the cause and run `reprise sync --retry-failed`, or drop them with `reprise sync --clear-failed`.' : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  if (failed.length > 0) return EXIT.failed;
  return pending.length > 0 ? EXIT.queued : EXIT.ok;
}

/** "createRecord sim/baseline". */
function summary(entry: QueueEntry): string {
  const operation = entry.operation;
  return `${operation.kind} ${operation.project}${'record' in operation ? `/${operation.record}` : ''}`;
}
