import type { RequestHandler } from 'express';
import { errors, secondsUntil, type CounterState } from '@reprise/core';

/** The push limit's window: a fixed minute. */
export const PUSH_WINDOW_MS = 60_000;

/** Where authenticate() leaves the count of a push (only when the limit is on and the request is a push). */
export const PUSHES = 'pushes';

/**
 * Limits the pushes (POST requests) of each user to `perMinute` in a fixed one-minute window.
 * authenticate() counts the push in the database with the token's lookup, so the limit holds
 * across every instance of the service; this refuses the push over the limit. Reads are not
 * limited. `perMinute` 0 turns the limit off.
 */
export function pushRateLimit(perMinute: number): RequestHandler {
  return (_req, res, next) => {
    const state = res.locals[PUSHES] as CounterState | undefined;
    if (perMinute === 0 || state === undefined) {
      next();
      return;
    }
    res.set('RateLimit-Limit', String(perMinute));
    res.set('RateLimit-Remaining', String(Math.max(0, perMinute - state.count)));
    if (state.count > perMinute) {
      throw errors.tooManyRequests(`This API token pushed more than ${perMinute} times in a minute (the server's PUSH_RATE_LIMIT)`, secondsUntil(state.resetsAt));
    }
    next();
  };
}
