import cookieParser from 'cookie-parser';
import express, { Router, type Express } from 'express';
import { errorHandler, healthRoutes, requestLogger, routeNotFound, securityHeaders, serviceMetrics } from '@reprise/http';
import { accountRouter } from './account/account.routes.js';
import { authRouter } from './auth/auth.routes.js';
import { csrfProtection } from './auth/csrf.js';
import { configurePassport, readSession } from './auth/session.js';
import { dashboardRouter } from './dashboard/dashboard.routes.js';
import { diffsRouter } from './diffs/diffs.routes.js';
import { exportRouter } from './export/export.routes.js';
import { linksRouter } from './links/links.routes.js';
import { settingsOf, type CloudDeps } from './http/context.js';
import { notificationsRouter } from './notifications/notifications.routes.js';
import { webhooksRouter } from './notifications/webhooks.routes.js';
import { projectsRouter } from './projects/projects.routes.js';
import { publicRouter } from './public/public.routes.js';
import { recordsRouter } from './records/records.routes.js';
import { sharedRouter } from './shared/shared.routes.js';
import { reproductionsRouter } from './reproductions/reproductions.routes.js';

/** Builds the cloud service's Express app without listening (tests use it directly). */
export function createCloudApp(deps: CloudDeps): Express {
  const { models, logger, config, jwtSecret } = deps;
  const authenticator = configurePassport(models, jwtSecret, settingsOf(deps).passwordParams);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // The service sits behind the dashboard's proxy: req.ip (the per-address limits' client) comes from
  // X-Forwarded-For only when the connection is from a proxy TRUST_PROXY names; anyone else's is ignored.
  app.set('trust proxy', config.trustProxy.length > 0 ? [...config.trustProxy] : false);
  const metrics = serviceMetrics('cloud', { token: config.metricsToken });
  app.use(metrics.observe);
  app.use(requestLogger(logger));
  app.use(securityHeaders('json'));
  app.use(healthRoutes(models));
  app.get('/metrics', metrics.expose);

  const v1 = Router();
  v1.use((_req, res, next) => {
    // Responses depend on the session: no shared cache may keep them (the badge says otherwise for itself).
    res.set('Cache-Control', 'no-store');
    next();
  });
  v1.use(cookieParser());
  v1.use(csrfProtection(config));
  v1.use(readSession(authenticator, config, jwtSecret));
  v1.use(authRouter(deps, authenticator));
  v1.use(accountRouter(deps));
  v1.use(dashboardRouter(deps));
  v1.use(projectsRouter(deps));
  v1.use(recordsRouter(deps));
  v1.use(publicRouter(deps));
  v1.use(diffsRouter(deps));
  v1.use(exportRouter(deps));
  v1.use(linksRouter(deps));
  v1.use(sharedRouter(deps));
  v1.use(notificationsRouter(deps));
  v1.use(webhooksRouter(deps));
  v1.use(reproductionsRouter(deps));
  app.use('/cloud/v1', v1);

  app.use(routeNotFound);
  app.use(errorHandler(logger, { maxUploadBytes: config.maxUploadBytes }));
  return app;
}
