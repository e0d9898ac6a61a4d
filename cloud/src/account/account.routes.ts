import { Router } from 'express';
import { accountOf, changePassword, presentAccount, renameUser, renewToken, revokeToken, type UserDoc } from '@reprise/core';
import { inputOf, jsonBody, validate } from '@reprise/http';
import { issueCsrfToken } from '../auth/csrf.js';
import { authLimiter } from '../auth/limits.js';
import { requireSession, setSessionCookie, signSession } from '../auth/session.js';
import { actorOf, settingsOf, type CloudDeps } from '../http/context.js';

/** The signed-in user's account: name, password and the API token (the only place tokens are made, with the admin command). */
export function accountRouter(deps: CloudDeps): Router {
  const router = Router();
  const { models, spec, config } = deps;
  const { passwordParams, limits } = settingsOf(deps);
  const limiter = authLimiter(models, limits);

  const account = async (id: UserDoc['_id']) => presentAccount(await accountOf(models, id));

  router.get('/account', validate(spec, 'getAccount'), requireSession, async (_req, res) => {
    res.json(await account(actorOf(res).id));
  });

  router.patch('/account', requireSession, ...jsonBody(config), validate(spec, 'updateAccount'), async (_req, res) => {
    const { body } = inputOf(res, 'updateAccount');
    const user = await renameUser(models, actorOf(res).id, body.name);
    res.json(presentAccount(user));
  });

  router.post('/account/password', requireSession, ...jsonBody(config), validate(spec, 'changePassword'), async (req, res) => {
    const { body } = inputOf(res, 'changePassword');
    const actor = actorOf(res);
    const { email } = await account(actor.id);
    await limiter.beforePasswordCheck(req, email);
    const since = await changePassword(models, actor.id, body.currentPassword, body.newPassword, passwordParams);
    await limiter.succeededLogin(email);
    // Every other session just ended; this one continues as a new session.
    setSessionCookie(res, config, signSession(deps.jwtSecret, actor.id, { authMs: since.getTime() }));
    issueCsrfToken(res, config);
    res.status(204).end();
  });

  router.post('/account/token', validate(spec, 'renewToken'), requireSession, async (_req, res) => {
    const renewed = await renewToken(models, actorOf(res).id);
    res.status(201).json({ token: renewed.token, prefix: renewed.prefix, created: renewed.created.toISOString() });
  });

  router.delete('/account/token', validate(spec, 'revokeToken'), requireSession, async (_req, res) => {
    await revokeToken(models, actorOf(res).id);
    res.status(204).end();
  });

  return router;
}
