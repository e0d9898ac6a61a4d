import type { Response } from 'express';
import type { Logger } from 'pino';
import {
  AppError,
  DEFAULT_PASSWORD_PARAMS,
  type Actor,
  type BlobStore,
  type Config,
  type OpenModels,
  type PasswordParams,
  type SpecValidator,
  type WindowLimit,
} from '@reprise/core';

/** The limits on sign-in and registration attempts, and on record comparisons (which cost CPU). */
export interface AuthLimits {
  /** Login attempts from one address (successful or not). */
  loginPerAddress: WindowLimit;
  /** Login attempts on one account since its last successful one (a success clears the count). */
  failedLoginsPerAccount: WindowLimit;
  /** Registrations from one address. */
  registrationsPerAddress: WindowLimit;
  /** Comparisons by anonymous visitors, per address. */
  comparesPerAddress: WindowLimit;
  /** Comparisons by one signed-in user (whatever the address). */
  comparesPerUser: WindowLimit;
}

/** The defaults: generous for people, tight for password guessing (about 1000 guesses a day per account) and for anonymous comparisons. */
const DEFAULT_AUTH_LIMITS: Readonly<AuthLimits> = Object.freeze({
  loginPerAddress: { max: 30, windowMs: 15 * 60_000 },
  failedLoginsPerAccount: { max: 10, windowMs: 15 * 60_000 },
  registrationsPerAddress: { max: 10, windowMs: 60 * 60_000 },
  // A comparison costs up to about a second of CPU (cached ones nothing): a person browsing never
  // comes near these, a script hammering the service is slowed to a few CPU seconds a minute.
  comparesPerAddress: { max: 60, windowMs: 10 * 60_000 },
  comparesPerUser: { max: 600, windowMs: 10 * 60_000 },
});

/** Everything the cloud app is built from. */
export interface CloudDeps {
  models: OpenModels;
  blobs: BlobStore;
  spec: SpecValidator;
  config: Config;
  logger: Logger;
  /** The session signing secret (resolveJwtSecret(config) in production). */
  jwtSecret: string;
  /** scrypt cost for new password hashes (tests use a cheap one). */
  passwordParams?: PasswordParams;
  limits?: Partial<AuthLimits>;
}

/** The settings with their defaults filled in. */
export function settingsOf(deps: CloudDeps): { passwordParams: PasswordParams; limits: AuthLimits } {
  return { passwordParams: deps.passwordParams ?? DEFAULT_PASSWORD_PARAMS, limits: { ...DEFAULT_AUTH_LIMITS, ...deps.limits } };
}

/** The signed-in user of a request, or null for an anonymous one. */
export function viewerOf(res: Response): Actor | null {
  return (res.locals.actor as Actor | undefined) ?? null;
}

/** The signed-in user of a request; a 401 when there is none. */
export function actorOf(res: Response): Actor {
  const actor = viewerOf(res);
  if (!actor) throw signInRequired();
  return actor;
}

/** The 401 of the cloud service: no session (there is no API token to ask for here). */
export function signInRequired(message = 'Sign in to do this.'): AppError {
  return new AppError(401, 'unauthorized', message);
}
