import { describe, expect, it } from 'vitest';
import { canCancelJob, canMoveJob, isJobOver, isJobSettling, JOB_STATES, VERDICT_WAIT_MS, jobStatesThatCanMoveTo, reproductionProposition } from './jobs.js';

describe('reproduction job states', () => {
  it('go queued → running → finished | failed, with cancel from queued or running, and never leave an end', () => {
    expect(canMoveJob('queued', 'running')).toBe(true);
    expect(canMoveJob('running', 'finished')).toBe(true);
    expect(canMoveJob('running', 'failed')).toBe(true);
    expect(canMoveJob('queued', 'finished')).toBe(false);
    expect(canMoveJob('queued', 'failed')).toBe(false);
    for (const end of ['finished', 'failed', 'cancelled'] as const) {
      expect(isJobOver(end)).toBe(true);
      for (const to of JOB_STATES) expect(canMoveJob(end, to)).toBe(false);
      expect(canCancelJob({ state: end })).toBe(false);
    }
    expect(canCancelJob({ state: 'queued' })).toBe(true);
    expect(canCancelJob({ state: 'running' })).toBe(true);
  });

  it('let an expired lease be taken again by another worker (running → running), and name the states a move starts from', () => {
    expect(jobStatesThatCanMoveTo('running')).toEqual(['queued', 'running']);
    expect(jobStatesThatCanMoveTo('cancelled')).toEqual(['queued', 'running']);
    expect(jobStatesThatCanMoveTo('finished')).toEqual(['running']);
  });

  it('file the proposition the table gives each cell, and none for outputs that cannot be compared', () => {
    expect(reproductionProposition('repeatable')).toBe('repeated');
    expect(reproductionProposition('reproducible')).toBe('reproduced');
    expect(reproductionProposition('non-repeatable')).toBe('non-repeated');
    expect(reproductionProposition('unknown')).toBe('non-reproduced');
    expect(reproductionProposition('not-comparable')).toBeNull();
  });

  it('keep a finished job settling until its verdict is filed, and stop waiting a minute after it ended', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    const ended = new Date(now - 1_000).toISOString();
    expect(isJobSettling({ state: 'queued' }, now)).toBe(true);
    expect(isJobSettling({ state: 'running' }, now)).toBe(true);
    expect(isJobSettling({ state: 'finished', verdict: null, ended }, now)).toBe(true);
    expect(isJobSettling({ state: 'finished', verdict: 'The evidence is repeatable: filed.', ended }, now)).toBe(false);
    expect(isJobSettling({ state: 'finished', verdict: null, ended: new Date(now - VERDICT_WAIT_MS).toISOString() }, now)).toBe(false);
    expect(isJobSettling({ state: 'failed', verdict: null, ended }, now)).toBe(false);
    expect(isJobSettling({ state: 'cancelled', ended }, now)).toBe(false);
  });
});
