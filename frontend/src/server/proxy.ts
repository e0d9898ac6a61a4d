import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { Logger } from 'pino';

/** Headers that describe one connection, not the message: never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** How long a pooled connection to a service may stay idle. */
const IDLE_SOCKET_MS = 4_000;

/** A service the frontend forwards a path prefix to. */
export interface Upstream {
  /** Shown in logs and errors ("cloud service"). */
  name: string;
  /** Its origin, optionally with a path prefix: `http://127.0.0.1:5200`. */
  url: string;
}

/** A reverse proxy to one upstream: a request handler and a way to close its idle connections. */
export interface Proxy {
  /** Forwards a request; `client` is the address to report (the connecting one when not given). */
  handle: (req: IncomingMessage, res: ServerResponse, client?: string) => void;
  close: () => void;
}

function forwardable(headers: IncomingHttpHeaders | OutgoingHttpHeaders): Record<string, string | string[] | number> {
  const named = new Set<string>();
  const connection = headers.connection;
  if (typeof connection === 'string') for (const token of connection.split(',')) named.add(token.trim().toLowerCase());
  const kept: Record<string, string | string[] | number> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/**
 * Forwards requests to an upstream service with node:http, streaming both bodies (a multi-GiB
 * upload or download passes through in constant memory, with backpressure both ways). The path,
 * the query, cookies, Origin, Host and every end-to-end header go through unchanged; the proxy
 * sets X-Forwarded-For to the client's address alone (what a client claims there is not kept: the
 * services rate-limit by it), X-Forwarded-Proto and X-Forwarded-Host. An upstream that cannot be reached is a
 * 503 in the services' error shape.
 */
export function createProxy(upstream: Upstream, logger: Logger): Proxy {
  const target = new URL(upstream.url);
  const secure = target.protocol === 'https:';
  const transport = secure ? https : http;
  // Idle pooled connections close after 4 s, before Node servers' default keep-alive of 5 s ends them under us.
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 256, timeout: IDLE_SOCKET_MS });
  const prefix = target.pathname.replace(/\/+$/, '');

  const handle = (req: IncomingMessage, res: ServerResponse, client?: string) => {
    const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const headers = forwardable(req.headers);
    headers['x-forwarded-for'] = client ?? req.socket.remoteAddress ?? '';
    headers['x-forwarded-proto'] = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
    const bodiless = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';

    const send = (retry: boolean) => {
      const outgoing = transport.request({
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || (secure ? 443 : 80),
        method: req.method,
        path: `${prefix}${original}`,
        headers,
        agent,
      });

      let answered = false;
      outgoing.on('response', (incoming) => {
        answered = true;
        res.writeHead(incoming.statusCode ?? 502, incoming.statusMessage, forwardable(incoming.headers));
        incoming.pipe(res);
        incoming.on('error', () => res.destroy());
      });
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        // The client went away first (its request body's end does not count: IncomingMessage destroys itself after it).
        if (res.destroyed || res.writableEnded) return;
        if (answered || res.headersSent) {
          // The answer was under way: cut the connection so the client sees a short body, not a complete one.
          res.destroy();
          return;
        }
        // A pooled connection the service closed just as it was reused: a request without a body is safe to send again.
        if (retry && bodiless && outgoing.reusedSocket && error.code === 'ECONNRESET') {
          send(false);
          return;
        }
        logger.warn({ upstream: upstream.name, code: error.code, message: error.message }, 'upstream unavailable');
        const body = JSON.stringify({
          error: { code: 'service_unavailable', message: `The ${upstream.name} does not answer; try again in a moment.` },
        });
        res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Retry-After': '5', 'Cache-Control': 'no-store' });
        res.end(body);
      });
      // A client that goes away mid-request (an aborted upload or download) takes the upstream request with it.
      res.on('close', () => {
        if (!res.writableFinished) outgoing.destroy();
      });
      if (bodiless) outgoing.end();
      else req.pipe(outgoing);
    };
    send(true);
  };

  return { handle, close: () => agent.destroy() };
}
