import { randomBytes } from 'node:crypto';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import jwt from 'jsonwebtoken';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy, type VerifiedCallback } from 'passport-jwt';
import { Strategy as LocalStrategy } from 'passport-local';
import { checkCredentials, isId, type Actor, type Config, type Id, type OpenModels, type PasswordParams, type UserDoc } from '@reprise/core';
import { signInRequired } from '../http/context.js';

/** The session cookie (HttpOnly, SameSite=Strict): a JWT. */
export const SESSION_COOKIE = 'reprise_session';
/** A session token is valid this long after it was issued… */
const SESSION_TTL_SECONDS = 7 * 24 * 3600;
/** …is re-issued when a request arrives after it is this old (sliding expiry)… */
const SESSION_RENEW_AFTER_SECONDS = 24 * 3600;
/** …and never outlives this, counted from the sign-in, so a stolen cookie cannot be kept alive for ever. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

const ISSUER = 'reprise';
const AUDIENCE = 'reprise-cloud';

/** The claims of a session token. */
export interface SessionClaims {
  /** The user id. */
  sub: string;
  /** The session id: constant across renewals, revoked on sign-out. */
  sid: string;
  /** When the user signed in (seconds since the epoch). */
  auth_time: number;
  /**
   * The same in milliseconds, compared with the time of the last password change: a session that
   * signed in earlier in the same second as the change must end with it. Missing from sessions
   * made before it existed.
   */
  auth_time_ms?: number;
  iat: number;
  exp: number;
}

/** What the session strategy hands to the request: the user and the session's claims. */
interface SessionUser {
  actor: Actor;
  claims: SessionClaims;
}

/** Where the session cookie is sent: only to the cloud service's paths. */
const SESSION_PATH = '/cloud';

function cookieBase(config: Config): CookieOptions {
  return { sameSite: 'strict', secure: config.publicUrl.startsWith('https:'), path: SESSION_PATH };
}

/** When a session signed in, in milliseconds; for a session without `auth_time_ms`, the latest it can have been. */
function signedInAtMs(claims: Pick<SessionClaims, 'auth_time' | 'auth_time_ms'>): number {
  return typeof claims.auth_time_ms === 'number' ? claims.auth_time_ms : claims.auth_time * 1000 + 999;
}

/** Makes a session token for a user; the sign-in time `authMs` (milliseconds) is kept when a session is renewed. */
export function signSession(secret: string, userId: Id, session: { sid?: string; authMs?: number } = {}): string {
  const nowMs = Date.now();
  const now = Math.floor(nowMs / 1000);
  const authMs = session.authMs ?? nowMs;
  const authTime = Math.floor(authMs / 1000);
  const expiresIn = Math.max(1, Math.min(SESSION_TTL_SECONDS, authTime + SESSION_MAX_AGE_SECONDS - now));
  return jwt.sign({ sid: session.sid ?? randomBytes(16).toString('base64url'), auth_time: authTime, auth_time_ms: authMs }, secret, {
    algorithm: 'HS256',
    subject: userId.toHexString(),
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn,
  });
}

/** Sets the session cookie for a fresh or renewed session token. */
export function setSessionCookie(res: Response, config: Config, token: string): void {
  const decoded = jwt.decode(token) as SessionClaims | null;
  const maxAge = decoded ? decoded.exp * 1000 - Date.now() : SESSION_TTL_SECONDS * 1000;
  res.cookie(SESSION_COOKIE, token, { ...cookieBase(config), httpOnly: true, maxAge });
}

/** Clears the session cookie. */
export function clearSessionCookie(res: Response, config: Config): void {
  res.clearCookie(SESSION_COOKIE, { ...cookieBase(config), httpOnly: true });
}

/**
 * Registers the passport strategies: `local` checks an email and password; `session` reads the
 * JWT from the cookie, checks its signature, expiry and that it was not signed out, and loads the
 * user (a deleted user's sessions end with the account).
 */
export function configurePassport(models: OpenModels, secret: string, passwordParams: PasswordParams): passport.Authenticator {
  const instance = new passport.Passport();
  instance.use(
    'local',
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', session: false }, (email, password, done) => {
      checkCredentials(models, email, password, passwordParams).then(
        (user) => done(null, user ?? false),
        (error: unknown) => done(error),
      );
    }),
  );
  instance.use(
    'session',
    new JwtStrategy(
      {
        jwtFromRequest: ExtractJwt.fromExtractors([(req: Request) => (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE] ?? null]),
        secretOrKey: secret,
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      },
      (claims: SessionClaims, done: VerifiedCallback) => {
        const badTimes = typeof claims.auth_time !== 'number' || (claims.auth_time_ms !== undefined && typeof claims.auth_time_ms !== 'number');
        if (!isId(claims.sub) || typeof claims.sid !== 'string' || badTimes) {
          done(null, false);
          return;
        }
        Promise.all([
          models.User.findById(claims.sub, { name: 1, sessionsNotBefore: 1 }).lean<Pick<UserDoc, '_id' | 'name' | 'sessionsNotBefore'>>(),
          models.RevokedSession.exists({ _id: claims.sid }),
        ]).then(
          ([user, revoked]) => {
            // A password change ends the sessions that signed in before it.
            const outdated = user?.sessionsNotBefore ? signedInAtMs(claims) < user.sessionsNotBefore.getTime() : false;
            done(null, user && !revoked && !outdated ? ({ actor: { id: user._id, name: user.name }, claims } satisfies SessionUser) : false);
          },
          (error: unknown) => done(error),
        );
      },
    ),
  );
  return instance;
}

/**
 * Reads the session, if any: sets res.locals.actor for a valid one, renews its cookie when it is
 * old enough, and clears the cookie of an invalid or signed-out one. Requests without a valid
 * session continue anonymously; requireSession() guards what needs one.
 */
export function readSession(instance: passport.Authenticator, config: Config, secret: string): RequestHandler {
  return (req, res, next) => {
    const hasCookie = Boolean((req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]);
    if (!hasCookie) {
      next();
      return;
    }
    instance.authenticate('session', { session: false }, (error: unknown, user: SessionUser | false) => {
      if (error) {
        next(error);
        return;
      }
      if (!user) {
        clearSessionCookie(res, config);
        res.locals.sessionEnded = true;
        next();
        return;
      }
      res.locals.actor = user.actor;
      res.locals.session = user.claims;
      const now = Math.floor(Date.now() / 1000);
      if (now - user.claims.iat >= SESSION_RENEW_AFTER_SECONDS && user.claims.auth_time + SESSION_MAX_AGE_SECONDS > now + 60) {
        setSessionCookie(res, config, signSession(secret, user.actor.id, { sid: user.claims.sid, authMs: signedInAtMs(user.claims) }));
      }
      next();
    })(req, res, next);
  };
}

/** Refuses requests without a valid session with 401. */
export const requireSession: RequestHandler = (_req, res, next) => {
  if (!res.locals.actor) {
    throw signInRequired(res.locals.sessionEnded ? 'Your session has ended; sign in again.' : 'Sign in to do this.');
  }
  next();
};

/** The claims of the request's session, when it has one. */
export function sessionOf(res: Response): SessionClaims | undefined {
  return res.locals.session as SessionClaims | undefined;
}
