import { ConfigError, connectDatabase, createModels, ensureIndexes, GridFsBlobStore, loadConfig, SpecValidator } from '@reprise/core';
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
  const connection = await connectDatabase(config.mongodbUri);
  const models = createModels(connection);
  await ensureIndexes(models);
  const app = createApp({ models, blobs: new GridFsBlobStore(connection), spec: SpecValidator.load(), config, logger });
  serveUntilSignalled(app, {
    name: 'API service',
    port: config.apiPort,
    host: config.apiHost,
    logger,
    graceMs: SHUTDOWN_GRACE_MS,
    onClosed: () => connection.close(),
    configure: (server) => {
      // Large uploads may take long; slow senders of headers are still cut off by headersTimeout.
      server.requestTimeout = 0;
      server.headersTimeout = 60_000;
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
