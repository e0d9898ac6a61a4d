/**
 * `npm start`: provides the database (MONGODB_URI, mongod or embedded FerretDB), then runs every
 * service that is built (API, cloud, web frontend) as child processes, and stops them all, in
 * order, on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '@reprise/core';
import { DatabaseUnavailableError, repoRoot, startDatabase } from './db.js';

interface Service {
  name: string;
  entry: string;
  url: string;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string) => console.error(`[reprise] ${message}`);
  const database = await startDatabase({ uri: config.mongodbUri, dataDir: config.dataDir, log });
  log(`database: ${database.kind} at ${database.uri.replace(/\/\/[^@/]*@/, '//***@')}`);

  const services: Service[] = [
    { name: 'api', entry: 'api/dist/server.js', url: `http://localhost:${config.apiPort} (docs: /api/docs)` },
    { name: 'cloud', entry: 'cloud/dist/server.js', url: `http://${config.cloudHost}:${config.cloudPort} (through the web frontend)` },
    { name: 'web', entry: 'frontend/dist/server/server.js', url: `http://localhost:${config.webPort}` },
  ].filter((service) => existsSync(path.join(repoRoot, service.entry)));

  const children = new Map<string, ChildProcess>();
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              resolve();
              return;
            }
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await database.stop();
    log('stopped');
    process.exit(code);
  };

  for (const service of services) {
    const child = spawn(process.execPath, [path.join(repoRoot, service.entry)], {
      env: { ...process.env, MONGODB_URI: database.uri },
      stdio: 'inherit',
    });
    children.set(service.name, child);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      log(`${service.name} exited (${signal ?? `code ${code}`}); stopping the others`);
      void stopAll(code ?? 1);
    });
  }
  for (const service of services) log(`${service.name}: ${service.url}`);
  log('press Ctrl-C to stop');

  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
