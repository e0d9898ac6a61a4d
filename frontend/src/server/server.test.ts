import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, loadConfig } from '@reprise/http';
import { ApiClient } from '@reprise/sdk';
import { createNodeCloudClient } from '@reprise/sdk/node';
import { useTestDatabase } from '@reprise/tools/testing';
import { ensureAppBuilt, PUBLIC_DIR, startStack, type Stack } from '../e2e/stack.js';
import { createWebApp } from './app.js';

const db = useTestDatabase();
const silent = createLogger('silent', new Writable({ write: (_chunk, _encoding, callback) => callback() }));

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The frontend server in front of the given upstreams (test fixtures standing for the services). */
async function frontendBefore(upstreams: { cloud: string; api: string }): Promise<string> {
  ensureAppBuilt();
  const config = loadConfig({ LOG_LEVEL: 'silent', CLOUD_URL: upstreams.cloud, API_URL: upstreams.api, DATA_DIR: path.join(tmpdir(), 'reprise-web-unused') });
  const { app, proxies } = createWebApp({ config, logger: silent, publicDir: PUBLIC_DIR });
  const web = await listen((req, res) => app(req, res));
  servers.push(web.server);
  web.server.on('close', () => proxies.forEach((proxy) => proxy.close()));
  return web.url;
}

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const { server, url } = await listen(() => undefined);
  await new Promise((resolve) => server.close(resolve));
  return url;
}

describe('serving the single-page app', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(db);
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('sends index.html uncached with a CSP that allows scripts and styles only from its own origin', async () => {
    const response = await fetch(`${stack.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const html = await response.text();
    // No inline script or style for the CSP to block.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
  });

  it('caches hashed assets for a year and sends them compressed when the browser accepts it', async () => {
    const html = await (await fetch(`${stack.origin}/`)).text();
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const plain = await fetch(`${stack.origin}${script}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const body = await plain.arrayBuffer();
    const gzip = await new Promise<{ encoding: string | undefined; length: number }>((resolve, reject) => {
      http.get(`${stack.origin.replace('localhost', '127.0.0.1')}${script}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        let length = 0;
        res.on('data', (chunk: Buffer) => (length += chunk.length));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], length }));
      }).on('error', reject);
    });
    expect(gzip.encoding).toBe('gzip');
    expect(gzip.length).toBeLessThan(body.byteLength / 2);
    const etag = plain.headers.get('etag') ?? '';
    expect((await fetch(`${stack.origin}${script}`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('answers every page path with index.html (deep links, reloads) but a missing asset with 404', async () => {
    for (const page of ['/projects/0123456789abcdef01234567', '/compare/a/b?tolerance=2', '/requests?box=outbox']) {
      const response = await fetch(`${stack.origin}${page}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
    expect((await fetch(`${stack.origin}/assets/missing-abc123.js`)).status).toBe(404);
    expect((await fetch(`${stack.origin}/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    const post = await fetch(`${stack.origin}/projects`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('names a project page’s first requests (the project, the first page of records) and its script chunks in a Link header, and nothing for pages whose needs the URL does not tell', async () => {
    const id = '0123456789abcdef01234567';
    const links = async (page: string) => ((await fetch(`${stack.origin}${page}`)).headers.get('link') ?? '').split(', ').filter(Boolean);
    const html = await (await fetch(`${stack.origin}/`)).text();
    const project = await links(`/projects/${id}`);
    expect(project.slice(0, 2)).toEqual([
      `</cloud/v1/projects/${id}>; rel=preload; as=fetch; crossorigin=anonymous`,
      `</cloud/v1/projects/${id}/records?sort=created&order=desc&limit=25>; rel=preload; as=fetch; crossorigin=anonymous`,
    ]);
    const modules = project.slice(2).map((link) => /^<(\/assets\/[^>]+\.js)>; rel=modulepreload$/.exec(link)?.[1]);
    expect(modules.some((file) => file?.startsWith('/assets/project-'))).toBe(true);
    for (const file of modules) {
      expect(file).toBeDefined();
      // Each is a chunk the server has, and none is one index.html loads already.
      expect((await fetch(`${stack.origin}${file}`)).status).toBe(200);
      expect(html).not.toContain(`"${file}"`);
    }
    // With filters in the URL the records query is the app's to build: only the chunks.
    expect(await links(`/projects/${id}?status=finished`)).toEqual(project.slice(2));
    for (const page of ['/projects/new', `/projects/${id}/edit`, '/explore', '/']) expect(await links(page), page).toEqual([]);
    // The build manifest the server reads is not served.
    expect((await fetch(`${stack.origin}/.vite/manifest.json`)).status).toBe(404);
  });

  it('has a project page load three script files (the app, the code pages share, the page’s own), so that with its stylesheet and two preloaded answers they fit the six connections a browser opens to the server', async () => {
    const id = '0123456789abcdef01234567';
    const response = await fetch(`${stack.origin}/projects/${id}`);
    const html = await response.text();
    const named = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((match) => match[1]);
    const link = response.headers.get('link') ?? '';
    const linked = [...link.matchAll(/<([^>]+\.js)>; rel=modulepreload/g)].map((match) => match[1]);
    const scripts = new Set([...named, ...linked]);
    expect(linked.some((file) => file?.startsWith('/assets/project-'))).toBe(true);
    // Every request beyond six waits for one of them to end (HTTP/1.1): it used to be 13 scripts.
    expect(scripts.size, [...scripts].join(', ')).toBeLessThanOrEqual(3);
    const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].length;
    const answers = [...link.matchAll(/rel=preload; as=fetch/g)].length;
    expect(answers).toBe(2);
    expect(scripts.size + styles + answers).toBeLessThanOrEqual(6);
  });

  it('proxies /cloud, /api and /sumatra to the real services, with the session cookie and Origin as the browser sent them', async () => {
    const cloud = createNodeCloudClient({ url: stack.origin });
    const me = await cloud.auth.register({ email: `proxy-${Date.now()}@example.org`, password: 'correct horse battery staple', name: 'Proxy' });
    expect(cloud.jar.get('reprise_session')).toBeTruthy();
    expect((await cloud.auth.me()).id).toBe(me.id);
    const { token } = await cloud.account.renewToken();
    const api = new ApiClient({ url: stack.origin, token });
    await api.projects.push('through-the-web-port', { private: false });
    expect((await cloud.projects.mine()).data.map((project) => project.name)).toEqual(['through-the-web-port']);
    const sumatra = await fetch(`${stack.origin}/sumatra/`, { headers: { Authorization: `Basic ${Buffer.from(`${me.email}:${token}`).toString('base64')}`, Accept: 'application/json' } });
    expect(sumatra.status).toBe(200);
    // A page on another site cannot use the cloud service through the proxy: its Origin goes through as it is.
    const foreign = await fetch(`${stack.origin}/cloud/v1/public/projects`, { headers: { Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('answers /healthz, and /readyz when both services are ready', async () => {
    expect(await (await fetch(`${stack.origin}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${stack.origin}/readyz`)).json()).toEqual({ status: 'ready' });
  });
});

describe('the reverse proxy', () => {
  it('forwards the path, query, body and end-to-end headers, sets X-Forwarded-*, and drops hop-by-hop headers', async () => {
    const upstream = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.setHeader('Set-Cookie', ['a=1; Path=/cloud; HttpOnly', 'b=2; Path=/']);
        res.setHeader('Keep-Alive', 'timeout=99');
        res.setHeader('X-Upstream', 'yes');
        res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() }));
      });
    });
    servers.push(upstream.server);
    const web = await frontendBefore({ cloud: upstream.url, api: upstream.url });
    // node:http rather than fetch, which refuses to send a Connection header naming others.
    const response = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const request = http.request(`${web}/cloud/v1/things/%2Fx?q=a%20b`, {
        method: 'PATCH',
        headers: { Cookie: 'reprise_session=s; reprise_csrf=c', Origin: 'http://localhost:5000', 'X-CSRF-Token': 'c', 'X-Forwarded-For': '6.6.6.6', 'Content-Type': 'application/json', Connection: 'keep-alive, X-Secret', 'X-Secret': 'hop' },
      });
      request.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      });
      request.on('error', reject);
      request.end('{"name":"x"}');
    });
    const echoed = JSON.parse(response.body) as { method: string; url: string; headers: Record<string, string>; body: string };
    expect(echoed).toMatchObject({ method: 'PATCH', url: '/cloud/v1/things/%2Fx?q=a%20b', body: '{"name":"x"}' });
    expect(echoed.headers).toMatchObject({
      cookie: 'reprise_session=s; reprise_csrf=c',
      origin: 'http://localhost:5000',
      'x-csrf-token': 'c',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': new URL(web).host,
      host: new URL(web).host,
    });
    expect(echoed.headers['x-secret']).toBeUndefined();
    expect(response.headers['set-cookie']).toEqual(['a=1; Path=/cloud; HttpOnly', 'b=2; Path=/']);
    expect(response.headers['x-upstream']).toBe('yes');
    expect(response.headers['keep-alive']).not.toBe('timeout=99');
  });

  it('streams uploads and downloads instead of buffering them', async () => {
    // The upstream answers after the first MiB of an upload, and sends a download's first MiB then waits:
    // only a streaming proxy lets either side see the other's data before everything was sent.
    let releaseDownload: () => void = () => undefined;
    const upstream = await listen((req, res) => {
      if (req.method === 'POST') {
        let received = 0;
        req.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received >= 1024 * 1024 && !res.headersSent) res.writeHead(200, { 'Content-Type': 'text/plain' }).write('first MiB arrived\n');
        });
        req.on('end', () => res.end(`received ${received}\n`));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(2 * 1024 * 1024) });
      res.write(Buffer.alloc(1024 * 1024, 1));
      releaseDownload = () => res.end(Buffer.alloc(1024 * 1024, 2));
    });
    servers.push(upstream.server);
    const web = await frontendBefore({ cloud: upstream.url, api: upstream.url });

    let sentAfterAnswer = 0;
    let answered = false;
    const chunk = new Uint8Array(256 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // Never more than 64 MiB, so that a buffering proxy fails the test instead of hanging it.
        if (sent >= 64 * 1024 * 1024 || sentAfterAnswer >= 4 * 1024 * 1024) {
          controller.close();
          return;
        }
        if (answered) sentAfterAnswer += chunk.length;
        sent += chunk.length;
        controller.enqueue(chunk);
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    });
    const upload = await fetch(`${web}/api/v1/upload`, { method: 'POST', body, duplex: 'half' } as RequestInit & { duplex: 'half' });
    answered = true;
    const text = await upload.text();
    expect(text.startsWith('first MiB arrived\n')).toBe(true);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect(text).toContain(`received ${sent}`);

    const download = await fetch(`${web}/api/v1/download`);
    const reader = download.body?.getReader();
    let got = 0;
    while (reader && got < 1024 * 1024) {
      const { value, done } = await reader.read();
      if (done) break;
      got += value.length;
    }
    expect(got).toBeGreaterThanOrEqual(1024 * 1024);
    releaseDownload();
    while (reader) {
      const { value, done } = await reader.read();
      if (done) break;
      got += value.length;
    }
    expect(got).toBe(2 * 1024 * 1024);
  });

  it('answers 503 in the services’ error shape when a service does not answer, and /readyz says which', async () => {
    const api = await listen((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(req.url === '/readyz' ? '{"status":"ready"}' : '{}');
    });
    servers.push(api.server);
    const web = await frontendBefore({ cloud: await closedPort(), api: api.url });
    const response = await fetch(`${web}/cloud/v1/auth/me`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ error: { code: 'service_unavailable', message: 'The cloud service does not answer; try again in a moment.' } });
    const ready = await fetch(`${web}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: { message: string } }).error.message).toBe('cloud service does not answer.');
    expect((await fetch(`${web}/healthz`)).status).toBe(200);
  });
});
