import { Router } from 'express';
import {
  DEFAULT_PAGE_SIZE,
  listNotifications,
  mailOptOut,
  markAllNotificationsRead,
  markNotificationRead,
  setMailOptOut,
  unreadCount,
  unsubscribe,
} from '@reprise/core';
import { inputOf, jsonBody, validate } from '@reprise/http';
import { requireSession } from '../auth/session.js';
import { actorOf, type CloudDeps } from '../http/context.js';
import { presentNotification } from './present.js';

/** The signed-in user's notifications and email settings, and the unsubscribe link's endpoint. */
export function notificationsRouter(deps: CloudDeps): Router {
  const router = Router();
  const { spec, config } = deps;

  router.get('/notifications', validate(spec, 'listNotifications'), requireSession, async (_req, res) => {
    const { query } = inputOf(res, 'listNotifications');
    const page = await listNotifications(deps, actorOf(res).id, { unread: query.unread, cursor: query.cursor, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    res.json({ data: page.items.map(presentNotification), page: { next: page.next } });
  });

  router.get('/notifications/unread', validate(spec, 'countUnreadNotifications'), requireSession, async (_req, res) => {
    res.json({ count: await unreadCount(deps, actorOf(res).id) });
  });

  router.post('/notifications/read', validate(spec, 'markAllNotificationsRead'), requireSession, async (_req, res) => {
    res.json({ marked: await markAllNotificationsRead(deps, actorOf(res).id) });
  });

  router.post('/notifications/:id/read', validate(spec, 'markNotificationRead'), requireSession, async (_req, res) => {
    const { params } = inputOf(res, 'markNotificationRead');
    res.json(presentNotification(await markNotificationRead(deps, actorOf(res).id, params.id)));
  });

  router.get('/notifications/settings', validate(spec, 'getNotificationSettings'), requireSession, async (_req, res) => {
    res.json({ email: config.smtpUrl !== undefined, emailOptOut: await mailOptOut(deps, actorOf(res).id) });
  });

  router.patch('/notifications/settings', requireSession, ...jsonBody(config), validate(spec, 'setNotificationSettings'), async (_req, res) => {
    const { body } = inputOf(res, 'setNotificationSettings');
    res.json({ email: config.smtpUrl !== undefined, emailOptOut: await setMailOptOut(deps, actorOf(res).id, body.emailOptOut) });
  });

  // No session: the token in the email's link is the proof (CSRF still applies, as to every write).
  router.post('/notifications/unsubscribe', ...jsonBody(config), validate(spec, 'unsubscribe'), async (_req, res) => {
    const { body } = inputOf(res, 'unsubscribe');
    res.json(await unsubscribe(deps, deps.jwtSecret, body.token));
  });

  return router;
}
