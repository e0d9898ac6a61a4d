import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';

/** How to run a service's app until SIGTERM or SIGINT. */
export interface ServeOptions {
  /** Shown in the log lines ("API service", "cloud service"). */
  name: string;
  port: number;
  host: string;
  logger: Logger;
  /** How long in-flight requests get to finish after a signal before their connections are cut. */
  graceMs: number;
  /** Runs once every connection is closed (close the database here). */
  onClosed: () => Promise<void>;
  /**
   * A connection that sends nothing for this long is closed: slow senders of headers and stalled
   * uploads (slow loris) cannot hold connections forever. Large uploads that keep flowing are fine.
   */
  idleTimeoutMs: number;
  /** Adjusts the server before it accepts connections (timeouts). */
  configure?: (server: Server) => void;
}

/**
 * Listens, then on SIGTERM/SIGINT stops accepting connections, lets in-flight requests finish
 * (cutting them after the grace period), runs onClosed and exits.
 */
export function serveUntilSignalled(app: Express, options: ServeOptions): Server {
  const { logger, port, host, name } = options;
  // Node checks header and request timeouts on this interval (30 s by default): a tenth of the idle timeout keeps the cut prompt.
  // The query strings the spec allows (a where expression, a column list, a search and a sort,
  // percent-encoded up to 12 bytes per character) reach about 30 KiB: above Node's default header
  // limit (16 KiB), whose bare 431 would refuse a request the contract accepts.
  const server: Server = createServer(
    { connectionsCheckingInterval: Math.max(100, Math.min(30_000, Math.floor(options.idleTimeoutMs / 10))), maxHeaderSize: 64 * 1024 },
    app,
  );
  server.headersTimeout = options.idleTimeoutMs;
  server.setTimeout(options.idleTimeoutMs); // no 'timeout' listener: an idle socket is destroyed
  options.configure?.(server);
  // Node wants the header timeout within the request timeout, when there is one.
  if (server.requestTimeout > 0) server.headersTimeout = Math.min(server.headersTimeout, server.requestTimeout);
  server.listen(port, host, () => {
    logger.info({ port, host }, `${name} listening on http://${host}:${port}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // /readyz answers 503 from now on, so that a load balancer stops sending new requests here.
    app.locals.stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing them');
      server.closeAllConnections();
    }, options.graceMs);
    force.unref();
    server.close(() => {
      server.closeIdleConnections();
      void options.onClosed().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return server;
}
