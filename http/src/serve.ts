import type { Server } from 'node:http';
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
  /** Adjusts the server before it accepts connections (timeouts). */
  configure?: (server: Server) => void;
}

/**
 * Listens, then on SIGTERM/SIGINT stops accepting connections, lets in-flight requests finish
 * (cutting them after the grace period), runs onClosed and exits.
 */
export function serveUntilSignalled(app: Express, options: ServeOptions): Server {
  const { logger, port, host, name } = options;
  const server: Server = app.listen(port, host, () => {
    logger.info({ port, host }, `${name} listening on http://${host}:${port}`);
  });
  options.configure?.(server);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
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
