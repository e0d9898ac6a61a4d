import { Writable } from 'node:stream';
import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl, requestLogger } from './logging.js';

/** An app with the request logger in front of a few routes, and the lines it writes. */
function loggedApp(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const app = express();
  app.use(requestLogger(createLogger(level, sink)));
  app.get('/api/v1/:token/project/search', (_req, res) => {
    res.json({ data: [] });
  });
  app.get('/broken', (_req, res) => {
    res.status(503).json({});
  });
  return { app: supertest(app), lines };
}

describe('requestLogger', () => {
  it('writes one line per finished request: its id, method, redacted URL, status and duration, nothing of its headers', async () => {
    const { app, lines } = loggedApp('info');
    const token = `rpr_${'A'.repeat(43)}`;
    const ok = await app.get(`/api/v1/${token}/project/search?password=hunter2`).set('Authorization', `Bearer ${token}`).set('X-Request-Id', 'trace-7').expect(200);
    expect(ok.headers['x-request-id']).toBe('trace-7');
    await app.get('/broken').expect(503);
    await expect.poll(() => lines.length).toBe(2);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', req: { id: 'trace-7', method: 'GET', url: '/api/v1/[token]/project/search?password=[redacted]' }, res: { statusCode: 200 } });
    expect(typeof lines[0]?.responseTime).toBe('number');
    expect(lines[1]).toMatchObject({ level: 50, msg: 'request errored', req: { method: 'GET', url: '/broken' }, res: { statusCode: 503 }, err: { message: 'failed with status code 503' } });
    expect(JSON.stringify(lines)).not.toContain('A'.repeat(20));
  });

  it('gives a request without a usable X-Request-Id a new one, and logs only what the level keeps', async () => {
    const { app, lines } = loggedApp('warn');
    const res = await app.get('/api/v1/x/project/search').set('X-Request-Id', 'not an id!').expect(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await app.get('/broken').expect(503);
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]).toMatchObject({ level: 50, req: { url: '/broken' } });
  });
});

describe('redactUrl', () => {
  it('replaces the path token and any rpr_ string, and leaves resource paths alone', () => {
    expect(redactUrl('/api/v1/abc/project/pull/x')).toBe('/api/v1/[token]/project/pull/x');
    expect(redactUrl('/api/v1/project/pull/x?note=rpr_secretsecret')).toBe('/api/v1/project/pull/x?note=rpr_[redacted]');
    expect(redactUrl('/api/v1/record/display/p')).toBe('/api/v1/record/display/p');
  });

  it('finds the path token whatever the case of /api/v1, and token-shaped text once decoded, in any case, anywhere', () => {
    const secret = 'A'.repeat(43);
    expect(redactUrl(`/API/V1/%72pr_${secret}/project/search`)).toBe('/API/V1/[token]/project/search');
    expect(redactUrl(`/api/v1/project/search/rpr%5F${secret}`)).toBe('/api/v1/project/search/rpr_[redacted]');
    expect(redactUrl(`/x/%2572pr_${secret}?a=RPR_${secret}#Rpr_${secret}`)).toBe('/x/rpr_[redacted]?a=rpr_[redacted]#rpr_[redacted]');
    expect(redactUrl(`http://host/API/v1/rpr_${secret}/project/search?q=%72pr_${secret}`)).toBe('http://host/API/v1/[token]/project/search?q=rpr_[redacted]');
    expect(redactUrl(`http://u:rpr_${secret}@host/x`)).toBe('http://u:rpr_[redacted]@host/x');
    expect(redactUrl('/api/v1/project/search?q=caf%C3%A9%20bar')).toBe('/api/v1/project/search?q=caf%C3%A9%20bar');
  });

  it('redacts the values of query parameters named like credentials, and keeps the others', () => {
    expect(redactUrl('/cloud/v1/x?password=hunter2&limit=5')).toBe('/cloud/v1/x?password=[redacted]&limit=5');
    expect(redactUrl('/x?api_key=abc&access_token=def&session=ghi&q=token')).toBe('/x?api_key=[redacted]&access_token=[redacted]&session=[redacted]&q=token');
    expect(redactUrl('/x?JWT=a.b.c#frag')).toBe('/x?JWT=[redacted]#frag');
    expect(redactUrl('/x?monkey=1')).toBe('/x?monkey=1');
    expect(redactUrl('/x?pass%77ord=hunter2')).toBe('/x?pass%77ord=[redacted]');
  });

  it('replaces a reviewer link\'s secret after /shared/ in every service\'s paths, and rpl_ text anywhere, in any case', () => {
    const secret = `rpl_${'B'.repeat(43)}`;
    expect(redactUrl(`/api/v1/shared/${secret}/record/display/run-1`)).toBe('/api/v1/shared/[secret]/record/display/run-1');
    expect(redactUrl(`/cloud/v1/shared/${secret}/records/abc/files/out.txt`)).toBe('/cloud/v1/shared/[secret]/records/abc/files/out.txt');
    expect(redactUrl(`/shared/${secret}`)).toBe('/shared/[secret]');
    expect(redactUrl('/cloud/v1/SHARED/not-even-a-secret/records')).toBe('/cloud/v1/SHARED/[secret]/records');
    expect(redactUrl(`/x?note=${secret.toUpperCase()}#%72pl_${'C'.repeat(43)}`)).toBe('/x?note=rpl_[redacted]#rpl_[redacted]');
  });
});
