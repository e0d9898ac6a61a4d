import type { RequestHandler } from 'express';
import { countEvent, errors, secondsUntil, type OpenModels } from '@reprise/core';
import { actorOf } from './context.js';

const WINDOW_MS = 60_000;

/**
 * Limits the pushes (POST requests) of each user to `perMinute` in a fixed one-minute window.
 * The counter lives in the database, so the limit holds across every instance of the service.
 * Reads are not limited. `perMinute` 0 turns the limit off.
 */
export function pushRateLimit(models: OpenModels, perMinute: number): RequestHandler {
  return async (req, res, next) => {
    if (perMinute === 0 || req.method !== 'POST') {
      next();
      return;
    }
    const state = await countEvent(models, `push:${actorOf(res).id.toHexString()}`, WINDOW_MS);
    res.set('RateLimit-Limit', String(perMinute));
    res.set('RateLimit-Remaining', String(Math.max(0, perMinute - state.count)));
    if (state.count > perMinute) {
      throw errors.tooManyRequests(`This API token pushed more than ${perMinute} times in a minute (the server's PUSH_RATE_LIMIT)`, secondsUntil(state.resetsAt));
    }
    next();
  };
}
