import { Router } from 'express';
import type { Models } from '@reprise/core';

/** /healthz (the process answers) and /readyz (the database answers too), for orchestrators. */
export function healthRoutes(models: Models): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const db = models.User.db.db;
    try {
      if (!db) throw new Error('not connected');
      await db.command({ ping: 1 });
      res.json({ status: 'ready' });
    } catch {
      res.status(503).set('Retry-After', '5').json({ error: { code: 'service_unavailable', message: 'The database does not answer.' } });
    }
  });
  return router;
}
