import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, createLogger, loadConfig, serveUntilSignalled } from '@reprise/http';
import { createWebApp } from './app.js';

/** How long in-flight requests (proxied uploads and downloads included) get to finish after SIGTERM. */
const SHUTDOWN_GRACE_MS = 30_000;

/** dist/server/server.js → dist/public */
const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

function main(): void {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { app, proxies } = createWebApp({ config, logger, publicDir: PUBLIC_DIR });
  serveUntilSignalled(app, {
    name: 'web dashboard',
    port: config.webPort,
    host: config.webHost,
    logger,
    graceMs: SHUTDOWN_GRACE_MS,
    idleTimeoutMs: config.idleTimeoutSeconds * 1000,
    onClosed: async () => {
      for (const proxy of proxies) proxy.close();
    },
    configure: (server) => {
      // Proxied uploads of many GiB may take long as long as bytes keep coming (idleTimeoutMs cuts stalled ones).
      server.requestTimeout = 0;
    },
  });
}

try {
  main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
