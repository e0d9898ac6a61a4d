import { timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Request, RequestHandler, Response } from 'express';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one service: requests, latency, errors, bytes received, and the process. */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** Counts every request when its response is finished (or its connection closed). */
  readonly observe: RequestHandler;
  /** GET /metrics in the Prometheus text format, for a Bearer METRICS_TOKEN or a loopback client. */
  readonly expose: RequestHandler;
}

/**
 * Remembers the pattern of the route a request matches (never the raw path: ids and tokens would
 * explode the label set). Read when the route is entered, because a router restores baseUrl when
 * it is left (an error on the way out would otherwise lose the mount path).
 */
function trackRoute(req: Request): () => string {
  let pattern = 'unmatched';
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set: (value: unknown) => {
      route = value;
      const path = (value as { path?: unknown } | undefined)?.path;
      if (typeof path === 'string') pattern = `${req.baseUrl}${path}`;
    },
  });
  return () => pattern;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Creates the metrics of a service (`service` becomes a label, so several services can share a Prometheus). */
export function serviceMetrics(service: string, options: { token?: string | undefined } = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'reprise_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'reprise_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status.', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'reprise_http_request_duration_seconds',
    help: 'Time from request to the end of the response (uploads and downloads included).',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
    registers: [registry],
  });
  const errors = new Counter({ name: 'reprise_http_server_errors_total', help: 'Responses with a 5xx status (503 while the database is away included).', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const aborted = new Counter({ name: 'reprise_http_aborted_requests_total', help: 'Requests whose connection closed before the response was complete.', labelNames: ['method', 'route'], registers: [registry] });
  const received = new Counter({
    name: 'reprise_http_received_body_bytes_total',
    help: 'Request body bytes received (uploads, JSON), by method and route pattern.',
    labelNames: ['method', 'route'],
    registers: [registry],
  });

  const observe: RequestHandler = (req: Request, res: Response, next) => {
    const started = performance.now();
    const routeOf = trackRoute(req);
    // Body bytes as the socket hands them to the request, whoever reads them (JSON parser, multer):
    // what is already buffered, then every chunk pushed in. Listening to 'data' would start the flow.
    let bodyBytes = req.readableLength;
    const push = req.push.bind(req);
    req.push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) bodyBytes += Buffer.byteLength(chunk);
      return push(chunk, encoding);
    };
    let done = false;
    const record = (complete: boolean) => {
      if (done) return;
      done = true;
      const route = routeOf();
      const labels = { method: req.method, route, status: String(res.statusCode) };
      received.inc({ method: req.method, route }, bodyBytes);
      if (!complete) {
        aborted.inc({ method: req.method, route });
        return;
      }
      requests.inc(labels);
      duration.observe(labels, (performance.now() - started) / 1000);
      if (res.statusCode >= 500) errors.inc(labels);
    };
    res.once('finish', () => record(true));
    res.once('close', () => record(res.writableFinished));
    next();
  };

  const expose: RequestHandler = async (req, res) => {
    const header = req.headers.authorization ?? '';
    const allowed = options.token ? sameSecret(header, `Bearer ${options.token}`) : LOOPBACK.has(req.socket.remoteAddress ?? '');
    if (!allowed) {
      // As if there were nothing here: metrics are for the operator's scraper only.
      res.status(404).json({ error: { code: 'not_found', message: 'No such path.' } });
      return;
    }
    res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(await registry.metrics());
  };

  return { registry, observe, expose };
}
