import type { Schemas } from '@reprise/contract';

/** Every status a record may have. */
export const RECORD_STATUSES = ['unknown', 'scheduled', 'started', 'running', 'paused', 'finished', 'crashed', 'aborted'] as const satisfies readonly Schemas['RecordStatus'][];
/** One of RECORD_STATUSES. */
export type RecordStatus = (typeof RECORD_STATUSES)[number];

const TERMINAL: ReadonlySet<RecordStatus> = new Set(['finished', 'crashed', 'aborted']);

/**
 * Which statuses a record may move to from each status. A run goes
 * scheduled → started → running ⇄ paused → finished | crashed | aborted; `unknown` may go
 * anywhere (tools that do not track status), and a finished run stays finished: repeating the
 * same status is allowed so that retried pushes are harmless.
 */
export function canMove(from: RecordStatus, to: RecordStatus): boolean {
  if (from === to || from === 'unknown') return true;
  if (TERMINAL.has(from)) return false;
  const order: Record<RecordStatus, number> = {
    unknown: 0,
    scheduled: 1,
    started: 2,
    running: 3,
    paused: 3,
    finished: 4,
    crashed: 4,
    aborted: 4,
  };
  if (to === 'unknown' || to === 'scheduled') return false;
  if (to === 'aborted' || to === 'crashed') return true;
  return order[to] >= order[from];
}

/** The statuses from which a record may move to `to` (the filter of the atomic update). */
export function statusesThatCanMoveTo(to: RecordStatus): RecordStatus[] {
  return RECORD_STATUSES.filter((from) => canMove(from, to));
}
