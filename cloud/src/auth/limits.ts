import type { Request } from 'express';
import { countEvent, errors, normalizeEmail, resetCounter, secondsUntil, type Actor, type OpenModels, type WindowLimit } from '@reprise/core';
import type { AuthLimits } from '../http/context.js';

/** The client's address, as the proxy in front of the service reports it (see 'trust proxy' in app.ts). */
function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

async function countOrRefuse(models: OpenModels, key: string, limit: WindowLimit, what: string): Promise<void> {
  const state = await countEvent(models, key, limit.windowMs);
  if (state.count > limit.max) throw errors.tooManyRequests(what, secondsUntil(state.resetsAt));
}

/**
 * Rate limits on the database, so that they hold across every instance of the service: counters
 * with a fixed window (see core/src/services/counters.ts).
 */
export function authLimiter(models: OpenModels, limits: AuthLimits) {
  const accountKey = (email: string) => `login:account:${normalizeEmail(email)}`;
  return {
    /**
     * Counts a login attempt against the request's address and against the account, before the
     * password is checked, and refuses it past either limit: however many attempts run at once,
     * at most `failedLoginsPerAccount.max` passwords are tried per account and window.
     */
    async beforeLogin(req: Request, email: string): Promise<void> {
      await countOrRefuse(models, `login:address:${addressOf(req)}`, limits.loginPerAddress, 'Too many sign-in attempts from your address');
      await countOrRefuse(models, accountKey(email), limits.failedLoginsPerAccount, 'Too many failed sign-in attempts for this account');
    },
    /**
     * Counts a check of the current password (a password change) as a sign-in attempt, on the same
     * counters: holding a session gives no more guesses at the password than signing in does.
     */
    async beforePasswordCheck(req: Request, email: string): Promise<void> {
      await countOrRefuse(models, `login:address:${addressOf(req)}`, limits.loginPerAddress, 'Too many password attempts from your address');
      await countOrRefuse(models, accountKey(email), limits.failedLoginsPerAccount, 'Too many wrong passwords for this account');
    },
    /** Forgets the failed logins of an account after a successful one. */
    async succeededLogin(email: string): Promise<void> {
      await resetCounter(models, accountKey(email));
    },
    /** Counts a registration from the request's address and refuses it past the limit. */
    async beforeRegistration(req: Request): Promise<void> {
      await countOrRefuse(models, `register:address:${addressOf(req)}`, limits.registrationsPerAddress, 'Too many new accounts from your address');
    },
  };
}

/**
 * Counts a record comparison and refuses it (429) past the limit: anonymous visitors per address,
 * signed-in users per account, with a higher limit since they are accountable.
 */
export async function beforeCompare(models: OpenModels, limits: AuthLimits, req: Request, viewer: Actor | null): Promise<void> {
  if (viewer) await countOrRefuse(models, `compare:user:${viewer.id.toHexString()}`, limits.comparesPerUser, 'Too many comparisons from your account');
  else await countOrRefuse(models, `compare:address:${addressOf(req)}`, limits.comparesPerAddress, 'Too many comparisons from your address; signing in allows more');
}
