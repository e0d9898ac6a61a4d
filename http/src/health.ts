import { Router } from 'express';
import type { OpenModels } from '@reprise/core';

/** /healthz (the process answers) and /readyz (the database answers too), for orchestrators. */
export function healthRoutes(models: OpenModels): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    if (req.app.locals.stopping === true) {
      res.status(503).json({ error: { code: 'shutting_down', message: 'This instance is shutting down; send requests to another one.' } });
      return;
    }
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
