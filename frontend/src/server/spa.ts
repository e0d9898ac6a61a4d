import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Request, RequestHandler, Response } from 'express';
import { preloadHeader, preloadsOf, type BuildManifest } from './preload.js';

/** One file of the built app, held in memory with its precompressed variants. */
interface Asset {
  body: Buffer;
  gzip: Buffer | undefined;
  brotli: Buffer | undefined;
  type: string;
  etag: string;
  /** Hashed file names never change content: cache them for a year. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Reads the built app (index.html and assets, with the .gz/.br files the build wrote) into memory. */
export function loadBuiltApp(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`The dashboard is not built: ${path.join(dir, 'index.html')} is missing. Run \`npm run build\` first.`);
  }
  for (const file of walk(dir)) {
    // The build manifest is the server's to read (which chunks a page needs), not the browser's.
    if (file.endsWith('.gz') || file.endsWith('.br') || file.startsWith('.vite/')) continue;
    const full = path.join(dir, file);
    if (!statSync(full).isFile()) continue;
    const body = readFileSync(full);
    const optional = (suffix: string) => (existsSync(full + suffix) ? readFileSync(full + suffix) : undefined);
    assets.set(`/${file}`, {
      body,
      gzip: optional('.gz'),
      brotli: optional('.br'),
      type: TYPES[path.extname(file)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      immutable: file.startsWith('assets/'),
    });
  }
  return assets;
}

function send(req: Request, res: Response, asset: Asset, cacheControl: string): void {
  res.set({ 'Content-Type': asset.type, 'Cache-Control': cacheControl, ETag: asset.etag, Vary: 'Accept-Encoding' });
  if (req.headers['if-none-match'] === asset.etag) {
    res.status(304).end();
    return;
  }
  const accepted = String(req.headers['accept-encoding'] ?? '');
  let body = asset.body;
  if (asset.brotli && /\bbr\b/.test(accepted)) {
    body = asset.brotli;
    res.set('Content-Encoding', 'br');
  } else if (asset.gzip && /\bgzip\b/.test(accepted)) {
    body = asset.gzip;
    res.set('Content-Encoding', 'gzip');
  }
  res.set('Content-Length', String(body.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Serves the single-page app: its files (hashed assets cached for a year, others for an hour),
 * and index.html — never cached, so a deploy takes effect on the next load — for every other
 * page path, so that deep links and reloads work (history fallback), with a Link header that
 * preloads what the page needs first where the URL tells it (`manifest`: the build's chunks).
 * A missing asset is a 404, never index.html (a script tag must not receive a page).
 */
export function serveApp(assets: Map<string, Asset>, manifest: BuildManifest): RequestHandler {
  const index = assets.get('/index.html');
  if (!index) throw new Error('index.html is missing from the built app');
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const asset = req.path === '/index.html' ? undefined : assets.get(req.path);
    if (asset) {
      send(req, res, asset, asset.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      return;
    }
    if (req.path.startsWith('/assets/') || /\.[A-Za-z0-9]{1,8}$/.test(req.path)) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    const link = preloadHeader(preloadsOf(manifest, req.path, new URL(req.url, 'http://localhost').search));
    if (link) res.set('Link', link);
    send(req, res, index, 'no-cache');
  };
}
