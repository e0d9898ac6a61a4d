import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How many times a conditional read-modify-write is tried before giving up with a 409. Every
 * round lets at least one of the competing writers through, so n writers of one document need
 * up to n rounds: this covers bursts of a few dozen.
 */
export const MAX_WRITE_ATTEMPTS = 40;

/**
 * Waits a little after losing a conditional write, more after each loss and at random, so that
 * writers that collided do not collide again in lockstep.
 */
export async function backOff(attempt: number): Promise<void> {
  await sleep(Math.random() * Math.min(50, 2 * (attempt + 1)));
}
