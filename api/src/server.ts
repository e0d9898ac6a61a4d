import type { Server } from 'node:http';
import { ConfigError, connectDatabase, createModels, ensureIndexes, GridFsBlobStore, loadConfig, SpecValidator, sweepUnreferenced } from '@reprise/core';
import { createApp } from './app.js';
import { createLogger } from './http/logging.js';

/** How long in-flight requests (uploads included) get to finish after SIGTERM. */
const SHUTDOWN_GRACE_MS = 30_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (!config.mongodbUri) {
    throw new ConfigError(['MONGODB_URI is not set. Run `npm start` (which starts a database for you) or point MONGODB_URI at MongoDB.']);
  }
  const connection = await connectDatabase(config.mongodbUri);
  const models = createModels(connection);
  await ensureIndexes(models);
  const blobs = new GridFsBlobStore(connection);
  const app = createApp({ models, blobs, spec: SpecValidator.load(), config, logger });
  const server: Server = app.listen(config.apiPort, config.apiHost, () => {
    logger.info({ port: config.apiPort, host: config.apiHost }, `API service listening on http://${config.apiHost}:${config.apiPort}`);
  });
  if (config.sweepIntervalMinutes > 0) {
    // Uploads cut off midway and files no record uses any more; every instance may sweep, deletes are idempotent.
    const sweep = () =>
      sweepUnreferenced({ models, blobs }).then(
        (report) => logger.info({ sweep: report }, 'swept unreferenced storage'),
        (error: unknown) => logger.warn({ err: error }, 'sweep failed; will retry'),
      );
    setInterval(sweep, config.sweepIntervalMinutes * 60_000).unref();
    void sweep();
  }
  // Large uploads may take long; slow senders of headers are still cut off by headersTimeout.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing them');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      server.closeIdleConnections();
      void connection.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
