import { describe, expect, it } from 'vitest';
import { canMove, RECORD_STATUSES, statusesThatCanMoveTo, type RecordStatus } from './status.js';

describe('status transitions', () => {
  it('lets a run move forward and never back from a final state', () => {
    const forward: Array<[RecordStatus, RecordStatus]> = [
      ['unknown', 'finished'],
      ['scheduled', 'started'],
      ['started', 'running'],
      ['running', 'paused'],
      ['paused', 'running'],
      ['running', 'finished'],
      ['started', 'crashed'],
      ['scheduled', 'aborted'],
    ];
    for (const [from, to] of forward) expect(canMove(from, to), `${from}→${to}`).toBe(true);
    const backward: Array<[RecordStatus, RecordStatus]> = [
      ['finished', 'running'],
      ['crashed', 'finished'],
      ['running', 'started'],
      ['running', 'scheduled'],
      ['aborted', 'unknown'],
    ];
    for (const [from, to] of backward) expect(canMove(from, to), `${from}→${to}`).toBe(false);
  });
  it('allows repeating the current status, so retried pushes are harmless', () => {
    for (const status of RECORD_STATUSES) expect(canMove(status, status)).toBe(true);
    expect(statusesThatCanMoveTo('finished')).toContain('finished');
  });
});
