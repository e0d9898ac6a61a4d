import { Router } from 'express';
import type passport from 'passport';
import { accountOf, AppError, createUser, presentMe, revokeSession, type UserDoc } from '@reprise/core';
import { inputOf, jsonBody, validate } from '@reprise/http';
import { actorOf, settingsOf, type CloudDeps } from '../http/context.js';
import { csrfTokenOf, issueCsrfToken } from './csrf.js';
import { authLimiter } from './limits.js';
import { clearSessionCookie, requireSession, SESSION_MAX_AGE_SECONDS, sessionOf, setSessionCookie, signSession } from './session.js';

/** Register, login, logout, me and the CSRF token. */
export function authRouter(deps: CloudDeps, authenticator: passport.Authenticator): Router {
  const router = Router();
  const { models, spec, config, jwtSecret } = deps;
  const { passwordParams, limits } = settingsOf(deps);
  const limiter = authLimiter(models, limits);

  const startSession = (res: Parameters<typeof setSessionCookie>[0], user: UserDoc) => {
    setSessionCookie(res, config, signSession(jwtSecret, user._id));
    // A new session gets a new CSRF token, so a token planted before sign-in is worthless after it.
    issueCsrfToken(res, config);
  };

  router.post('/auth/register', ...jsonBody(config), validate(spec, 'register'), async (req, res) => {
    const { body } = inputOf(res, 'register');
    await limiter.beforeRegistration(req);
    const user = await createUser(models, body, passwordParams);
    startSession(res, user);
    res.status(201).json(presentMe(user));
  });

  router.post('/auth/login', ...jsonBody(config), validate(spec, 'login'), async (req, res, next) => {
    const { body } = inputOf(res, 'login');
    await limiter.beforeLogin(req, body.email);
    authenticator.authenticate('local', { session: false }, (error: unknown, user: UserDoc | false) => {
      const finish = async () => {
        if (error) throw error;
        if (!user) throw new AppError(401, 'invalid_credentials', 'The email or the password is wrong.');
        await limiter.succeededLogin(body.email);
        startSession(res, user);
        res.json(presentMe(user));
      };
      finish().catch(next);
    })(req, res, next);
  });

  router.post('/auth/logout', validate(spec, 'logout'), async (_req, res) => {
    const session = sessionOf(res);
    if (session) {
      // Remembered until the session could not have been used anyway, so that a copied cookie dies with the sign-out.
      await revokeSession(models, session.sid, new Date((session.auth_time + SESSION_MAX_AGE_SECONDS) * 1000));
    }
    clearSessionCookie(res, config);
    issueCsrfToken(res, config);
    res.status(204).end();
  });

  router.get('/auth/me', validate(spec, 'getMe'), requireSession, async (_req, res) => {
    res.json(presentMe(await accountOf(models, actorOf(res).id)));
  });

  router.get('/auth/csrf', validate(spec, 'getCsrfToken'), (req, res) => {
    res.json({ csrfToken: csrfTokenOf(req, res) ?? issueCsrfToken(res, config) });
  });

  return router;
}
