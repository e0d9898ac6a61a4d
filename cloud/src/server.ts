import { ConfigError, connectDatabase, createModels, ensureIndexes, GridFsBlobStore, loadConfig, resolveJwtSecret, SpecValidator } from '@reprise/core';
import { createLogger, serveUntilSignalled } from '@reprise/http';
import { createCloudApp } from './app.js';

/** How long in-flight requests get to finish after SIGTERM (the cloud has no long uploads). */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (!config.mongodbUri) {
    throw new ConfigError(['MONGODB_URI is not set. Run `npm start` (which starts a database for you) or point MONGODB_URI at MongoDB.']);
  }
  const jwtSecret = resolveJwtSecret(config);
  const connection = await connectDatabase(config.mongodbUri, { queryShapeDir: config.queryShapeDir });
  const models = createModels(connection);
  await ensureIndexes(models);
  const app = createCloudApp({ models, blobs: new GridFsBlobStore(connection), spec: SpecValidator.load(), config, logger, jwtSecret });
  serveUntilSignalled(app, {
    name: 'cloud service',
    port: config.cloudPort,
    host: config.cloudHost,
    logger,
    graceMs: SHUTDOWN_GRACE_MS,
    idleTimeoutMs: config.idleTimeoutSeconds * 1000,
    onClosed: () => connection.close(),
    configure: (server) => {
      server.requestTimeout = 120_000;
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
