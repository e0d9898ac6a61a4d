import express, { Router, type Express } from 'express';
import swaggerUi from 'swagger-ui-express';
import { errorHandler, healthRoutes, requestLogger, routeNotFound, securityHeaders, serviceMetrics } from '@reprise/http';
import { containersRouter } from './containers/containers.routes.js';
import { filesRouter } from './files/files.routes.js';
import { authenticate, extractPathToken } from './http/auth.js';
import { jobsRouter } from './jobs/jobs.routes.js';
import type { ApiDeps } from './http/context.js';
import { pushRateLimit } from './http/rate-limit.js';
import { projectsRouter } from './projects/projects.routes.js';
import { exportRouter, publicExportRouter } from './export/export.routes.js';
import { recordsRouter } from './records/records.routes.js';
import { sharedRouter } from './shared/shared.routes.js';
import { sumatraRouter } from './sumatra/sumatra.routes.js';

/** Builds the API service's Express app without listening (tests use it directly). */
export function createApp(deps: ApiDeps): Express {
  const { models, spec, logger, config } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const metrics = serviceMetrics('api', { token: config.metricsToken });
  app.use(metrics.observe);
  app.use(requestLogger(logger));
  app.use(securityHeaders('json'));

  app.use(healthRoutes(models));
  app.get('/metrics', metrics.expose);

  app.get('/api/v1/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(spec.text);
  });
  app.use('/api/docs', securityHeaders('docs'), swaggerUi.serve, swaggerUi.setup(spec.document, { customSiteTitle: 'Reprise API' }));

  // Reviewer links carry their own secret instead of a token: mounted before the token's extraction.
  const shared = Router();
  shared.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  shared.use(sharedRouter(deps));
  app.use('/api/v1/shared', shared);

  const v1 = Router();
  v1.use((_req, res, next) => {
    // Responses depend on the caller's token: no shared cache may keep them.
    res.set('Cache-Control', 'no-store');
    next();
  });
  v1.use(authenticate(models, { pushRateLimit: config.pushRateLimit }));
  v1.use(pushRateLimit(config.pushRateLimit));
  v1.use(projectsRouter(deps));
  v1.use(containersRouter(deps));
  v1.use(recordsRouter(deps));
  v1.use(filesRouter(deps));
  v1.use(exportRouter(deps));
  // Exports of public records and verdicts need no token: mounted before the authenticated routes.
  app.use('/api/v1/public', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  }, publicExportRouter(deps));
  v1.use(jobsRouter(deps));
  app.use('/api/v1', extractPathToken, v1);

  // Sumatra's HTTP record store (smt --store=http://EMAIL:TOKEN@HOST/sumatra/), with its own Basic auth.
  app.use('/sumatra', sumatraRouter(deps));

  app.use(routeNotFound);
  app.use(errorHandler(logger, { maxUploadBytes: config.maxUploadBytes }));
  return app;
}
