import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { errorHandler, requestLogger, type Config } from '@reprise/http';
import { createProxy, type Proxy } from './proxy.js';
import { securityHeaders } from './security.js';
import { loadManifest } from './preload.js';
import { loadBuiltApp, serveApp } from './spa.js';

/** Everything the frontend server is built from. */
export interface WebDeps {
  config: Config;
  logger: Logger;
  /** The folder of the built single-page app (index.html and assets/). */
  publicDir: string;
}

/** The frontend's Express app and the proxies it holds (close them when the server stops). */
export interface WebApp {
  app: Express;
  proxies: Proxy[];
}

/** How long /readyz waits for a service's own /readyz. */
const READY_TIMEOUT_MS = 3_000;

/**
 * Builds the frontend server without listening: `/cloud` is forwarded to the cloud service,
 * `/api` and `/sumatra` to the API service (streamed both ways), and everything else is the
 * single-page app with strict security headers.
 */
export function createWebApp(deps: WebDeps): WebApp {
  const { config, logger } = deps;
  const cloud = createProxy({ name: 'cloud service', url: config.cloudUrl }, logger);
  const api = createProxy({ name: 'API service', url: config.apiUrl }, logger);
  const assets = loadBuiltApp(deps.publicDir);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // req.ip, the client the services are told about: the connecting address, unless it is a proxy WEB_TRUST_PROXY names.
  app.set('trust proxy', config.webTrustProxy.length > 0 ? [...config.webTrustProxy] : false);
  app.use(requestLogger(logger));

  // Before anything that could read a body: proxied bodies stream straight through.
  app.use('/cloud', (req, res) => cloud.handle(req, res, req.ip));
  app.use('/api', (req, res) => api.handle(req, res, req.ip));
  app.use('/sumatra', (req, res) => api.handle(req, res, req.ip));

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const check = async (name: string, url: string) => {
      try {
        const answer = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
        return answer.ok ? undefined : `${name} is not ready (${answer.status})`;
      } catch {
        return `${name} does not answer`;
      }
    };
    const problems = (await Promise.all([check('cloud service', config.cloudUrl), check('API service', config.apiUrl)])).filter((problem) => problem !== undefined);
    res.set('Cache-Control', 'no-store');
    if (problems.length === 0) {
      res.json({ status: 'ready' });
      return;
    }
    res.status(503).set('Retry-After', '5').json({ error: { code: 'service_unavailable', message: `${problems.join('; ')}.`, details: { problems } } });
  });

  app.use(securityHeaders({ https: config.publicUrl.startsWith('https:') }));
  app.use(serveApp(assets, loadManifest(deps.publicDir)));
  app.use((req, res) => {
    res.status(405).set('Allow', 'GET, HEAD').json({ error: { code: 'method_not_allowed', message: `${req.method} is not supported here; the dashboard's pages answer GET.` } });
  });
  app.use(errorHandler(logger));
  return { app, proxies: [cloud, api] };
}
