import { ConfigError, connectDatabase, createModels, ensureIndexes, GridFsBlobStore, loadConfig, SpecValidator, sweepUnreferenced } from '@reprise/core';
import { createLogger, serveUntilSignalled } from '@reprise/http';
import { createApp } from './app.js';

/** How long in-flight requests (uploads included) get to finish after SIGTERM. */
const SHUTDOWN_GRACE_MS = 30_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (!config.mongodbUri) {
    throw new ConfigError(['MONGODB_URI is not set. Run `npm start` (which starts a database for you) or point MONGODB_URI at MongoDB.']);
  }
  const connection = await connectDatabase(config.mongodbUri, { queryShapeDir: config.queryShapeDir });
  const models = createModels(connection);
  await ensureIndexes(models);
  const blobs = new GridFsBlobStore(connection);
  const app = createApp({ models, blobs, spec: SpecValidator.load(), config, logger });
  serveUntilSignalled(app, {
    name: 'API service',
    port: config.apiPort,
    host: config.apiHost,
    logger,
    graceMs: SHUTDOWN_GRACE_MS,
    idleTimeoutMs: config.idleTimeoutSeconds * 1000,
    onClosed: () => connection.close(),
    configure: (server) => {
      // Large uploads may take long as long as bytes keep coming (idleTimeoutMs cuts stalled ones).
      server.requestTimeout = 0;
    },
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
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
