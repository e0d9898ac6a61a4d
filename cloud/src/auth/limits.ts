import type { Request } from 'express';
import { countEvent, errors, normalizeEmail, peekCounter, resetCounter, secondsUntil, type Models, type WindowLimit } from '@reprise/core';
import type { AuthLimits } from '../http/context.js';

/** The client's address, as the proxy in front of the service reports it (see 'trust proxy' in app.ts). */
function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

async function countOrRefuse(models: Models, key: string, limit: WindowLimit, what: string): Promise<void> {
  const state = await countEvent(models, key, limit.windowMs);
  if (state.count > limit.max) throw errors.tooManyRequests(what, secondsUntil(state.resetsAt));
}

/**
 * Rate limits on the database, so that they hold across every instance of the service: counters
 * with a fixed window (see core/src/services/counters.ts).
 */
export function authLimiter(models: Models, limits: AuthLimits) {
  const accountKey = (email: string) => `login:account:${normalizeEmail(email)}`;
  return {
    /** Counts a login attempt from the request's address and refuses it past the limits (before the password is checked). */
    async beforeLogin(req: Request, email: string): Promise<void> {
      await countOrRefuse(models, `login:address:${addressOf(req)}`, limits.loginPerAddress, 'Too many sign-in attempts from your address');
      const failures = await peekCounter(models, accountKey(email));
      if (failures && failures.count >= limits.failedLoginsPerAccount.max) {
        throw errors.tooManyRequests('Too many failed sign-in attempts for this account', secondsUntil(failures.resetsAt));
      }
    },
    /** Counts a failed login of an account. */
    async failedLogin(email: string): Promise<void> {
      await countEvent(models, accountKey(email), limits.failedLoginsPerAccount.windowMs);
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
