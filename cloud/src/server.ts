import { ConfigError, connectDatabase, createModels, ensureIndexes, GridFsBlobStore, loadConfig, resolveJwtSecret, SpecValidator } from '@reprise/core';
import { createLogger, serveUntilSignalled } from '@reprise/http';
import { createTransport } from 'nodemailer';
import { createCloudApp } from './app.js';
import { MailSender, startOutbound, WebhookSender } from './notifications/senders.js';

/** How often the notification senders look for emails and webhook deliveries that are due. */
const OUTBOUND_INTERVAL_MS = 5_000;

/**
 * Limits of one SMTP exchange, well inside the minute a sender's claim on a message lasts, so that
 * another instance never takes over a message that is still being sent.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

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
  const deps = { models, blobs: new GridFsBlobStore(connection), spec: SpecValidator.load(), config, logger, jwtSecret };
  const app = createCloudApp(deps);
  // Emails (when SMTP_URL is set) and webhook deliveries leave from the outbox, never from a request.
  const senders = [new WebhookSender(deps), ...(config.smtpUrl ? [new MailSender(deps, createTransport(config.smtpUrl, SMTP_TIMEOUTS))] : [])];
  const outbound = startOutbound(senders, logger, OUTBOUND_INTERVAL_MS);
  serveUntilSignalled(app, {
    name: 'cloud service',
    port: config.cloudPort,
    host: config.cloudHost,
    logger,
    graceMs: SHUTDOWN_GRACE_MS,
    idleTimeoutMs: config.idleTimeoutSeconds * 1000,
    onClosed: async () => {
      await outbound.stop();
      await connection.close();
    },
    configure: (server) => {
      server.requestTimeout = 120_000;
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
