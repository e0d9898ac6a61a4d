/**
 * The whole stack for end-to-end tests and the frontend benchmark: the API service, the cloud
 * service and the frontend server, each on its own free port, on one database, with the built
 * single-page app served through the real frontend server; and real Chromium to look at it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '@reprise/api';
import { createCloudApp } from '@reprise/cloud';
import { loadConfig, SpecValidator, type BlobStore, type Models, type PasswordParams } from '@reprise/core';
import { createLogger } from '@reprise/http';
import { buildOnce } from '@reprise/tools/testing';
import { createWebApp } from '../server/app.js';

const frontendRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoRoot = path.resolve(frontendRoot, '..');
/** The built single-page app the frontend server serves. */
export const PUBLIC_DIR = path.join(frontendRoot, 'dist', 'public');
/** Where tests and benchmarks save screenshots (gitignored). */
const SCREENSHOTS = path.join(repoRoot, 'test-output', 'screenshots');
/** Debian's Chromium (installed by .ci/system-packages.sh); Playwright never downloads a browser here. */
const CHROMIUM = '/usr/bin/chromium';

/** A running stack. */
export interface Stack {
  /** The dashboard's origin (PUBLIC_URL), e.g. http://localhost:41234. */
  origin: string;
  apiUrl: string;
  cloudUrl: string;
  stop: () => Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; port: number }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

function serve(app: Express): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    app(req, res);
  };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * Builds the single-page app when it is missing (`npm test` builds it first; this is for running
 * one test file by hand), once across test files running in parallel.
 */
export function ensureAppBuilt(): void {
  buildOnce('frontend', () => existsSync(path.join(PUBLIC_DIR, 'index.html')), () => {
    // Vitest sets NODE_ENV=test, which would bundle React's development build.
    const result = spawnSync('npm', ['run', 'build', '--workspace', 'frontend'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (result.status !== 0) throw new Error(`building the dashboard failed:\n${result.stdout}${result.stderr}`);
  });
}

/**
 * Starts the three services on free ports. The frontend listens first so that its origin is known
 * before the cloud service, which checks Origin against PUBLIC_URL, is built. `localhost` (not
 * 127.0.0.1) is the origin, as people type it.
 */
export async function startStack(db: { models: Models; blobs: BlobStore }, options: { passwordParams?: PasswordParams } = {}): Promise<Stack> {
  ensureAppBuilt();
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const logger = createLogger('silent', sink);
  let webHandler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const web = await listen((req, res) => webHandler(req, res));
  const origin = `http://localhost:${web.port}`;
  const base = { LOG_LEVEL: 'silent', PUBLIC_URL: origin, DATA_DIR: path.join(tmpdir(), 'reprise-e2e-unused') };
  const spec = SpecValidator.load();

  const api = await listen(serve(createApp({ models: db.models, blobs: db.blobs, spec, config: loadConfig(base), logger })));
  const cloud = await listen(
    serve(
      createCloudApp({
        models: db.models,
        blobs: db.blobs,
        spec,
        config: loadConfig(base),
        logger,
        jwtSecret: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
        // Cheap scrypt for speed; the hash records its parameters, so verification is the real code.
        passwordParams: options.passwordParams ?? { N: 1024, r: 8, p: 1 },
        limits: { loginPerAddress: { max: 10_000, windowMs: 60_000 }, registrationsPerAddress: { max: 10_000, windowMs: 60_000 } },
      }),
    ),
  );
  const apiUrl = `http://127.0.0.1:${api.port}`;
  const cloudUrl = `http://127.0.0.1:${cloud.port}`;
  const { app, proxies } = createWebApp({ config: loadConfig({ ...base, API_URL: apiUrl, CLOUD_URL: cloudUrl }), logger, publicDir: PUBLIC_DIR });
  webHandler = serve(app);
  return {
    origin,
    apiUrl,
    cloudUrl,
    stop: async () => {
      await Promise.all([close(web.server), close(api.server), close(cloud.server)]);
      for (const proxy of proxies) proxy.close();
    },
  };
}

/** Starts Debian's Chromium headless, with a fresh profile and no background traffic. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (bash .ci/system-packages.sh).`);
  return await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Problems the page reported: CSP violations, uncaught errors and failed scripts (a 401 for "who am I" is expected). */
export interface PageProblems {
  list: string[];
}

/** A new browser context (its own cookies) and page, recording the page's problems. */
export async function openPage(browser: Browser, options: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 860 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'UTC' });
  // A step that cannot happen fails in seconds, naming what it waited for, well before the test's own limit.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: PageProblems = { list: [] };
  page.on('pageerror', (error) => problems.list.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // The app asks "who am I?" before anyone signed in, and shows 4xx answers it expects.
    if (/status of 4\d\d/.test(text)) return;
    problems.list.push(`console: ${text}`);
  });
  return { context, page, problems };
}

/** Saves a full-page screenshot under test-output/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Web fonts and lazy images settle before the picture is taken.
  await page.evaluate('document.fonts.ready.then(() => window.scrollTo(0, 0))');
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
