import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseByteSize } from './config.js';
import { RECORD_STATUSES, type RecordStatus } from './models/record.js';
import { filePathProblem, labelProblem, projectNameProblem, timestampLabel } from './names.js';
import { canMove, statusesThatCanMoveTo } from './status.js';
import { afterCursor, decodeCursor, encodeCursor } from './paging.js';
import { Types } from 'mongoose';

describe('project names', () => {
  it('accepts letters, digits, ".", "_" and "-" after a letter or digit, up to 100 characters', () => {
    for (const name of ['a', 'DLA', 'my.project_v2-final', '0day', 'x'.repeat(100)]) expect(projectNameProblem(name), name).toBeUndefined();
  });
  it('explains each refusal', () => {
    expect(projectNameProblem('')).toMatch(/empty/);
    expect(projectNameProblem('-x')).toMatch(/start/);
    expect(projectNameProblem('a b')).toMatch(/only letters/);
    expect(projectNameProblem('x'.repeat(101))).toMatch(/100/);
  });
});

describe('labels and file paths', () => {
  it('accepts labels with spaces, colons and slashes but not control characters', () => {
    expect(labelProblem('2026-11-22 07:13:23/a')).toBeUndefined();
    expect(labelProblem('bad\nlabel')).toMatch(/control/);
    expect(labelProblem('   ')).toMatch(/blank/);
  });
  it('refuses absolute paths, "..", backslashes and NUL in file paths', () => {
    expect(filePathProblem('out/data.csv')).toBeUndefined();
    for (const bad of ['/etc/passwd', '../x', 'a/../b', 'a\\b', 'a\u0000b', 'a//b', './a']) expect(filePathProblem(bad), bad).toBeDefined();
  });
  it('makes sortable timestamp labels', () => {
    expect(timestampLabel(new Date('2026-11-22T07:13:23.045Z'))).toBe('20261122-071323-045');
  });
});

describe('status transitions', () => {
  it('lets a run move forward and never back from a final state', () => {
    const forward: Array<[RecordStatus, RecordStatus]> = [
      ['unknown', 'finished'],
      ['scheduled', 'started'],
      ['started', 'running'],
      ['running', 'paused'],
      ['paused', 'running'],
      ['running', 'finished'],
      ['started', 'crashed'],
      ['scheduled', 'aborted'],
    ];
    for (const [from, to] of forward) expect(canMove(from, to), `${from}→${to}`).toBe(true);
    const backward: Array<[RecordStatus, RecordStatus]> = [
      ['finished', 'running'],
      ['crashed', 'finished'],
      ['running', 'started'],
      ['running', 'scheduled'],
      ['aborted', 'unknown'],
    ];
    for (const [from, to] of backward) expect(canMove(from, to), `${from}→${to}`).toBe(false);
  });
  it('allows repeating the current status, so retried pushes are harmless', () => {
    for (const status of RECORD_STATUSES) expect(canMove(status, status)).toBe(true);
    expect(statusesThatCanMoveTo('finished')).toContain('finished');
  });
});

describe('cursors', () => {
  it('round-trip and refuse forgeries with a 400', () => {
    const id = new Types.ObjectId();
    const at = new Date('2026-01-01T00:00:00Z');
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ value: at, id });
    expect(() => decodeCursor('garbage')).toThrow(/cursor is not valid/);
    expect(() => afterCursor('created', Buffer.from('["x","y"]').toString('base64url'))).toThrow(/cursor/);
  });
});

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ apiPort: 5100, cloudPort: 5200, webPort: 5000, cloudHost: '127.0.0.1', publicUrl: 'http://localhost:5000' });
    expect(Object.isFrozen(config)).toBe(true);
  });
  it('stops on a bad value with a message naming the variable and the value', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(/API_PORT.*eighty/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI/);
    expect(() => loadConfig({ MAX_UPLOAD_BYTES: 'lots' })).toThrow(/MAX_UPLOAD_BYTES/);
  });
  it('points the web frontend at the services on this machine unless CLOUD_URL and API_URL say otherwise', () => {
    expect(loadConfig({})).toMatchObject({ cloudUrl: 'http://127.0.0.1:5200', apiUrl: 'http://127.0.0.1:5100' });
    expect(loadConfig({ CLOUD_PORT: '6200', API_HOST: '10.0.0.5' })).toMatchObject({ cloudUrl: 'http://127.0.0.1:6200', apiUrl: 'http://10.0.0.5:5100' });
    expect(loadConfig({ CLOUD_URL: 'http://cloud:5200/', API_URL: 'http://api:5100' })).toMatchObject({ cloudUrl: 'http://cloud:5200', apiUrl: 'http://api:5100' });
    expect(() => loadConfig({ CLOUD_URL: 'ftp://cloud' })).toThrow(/CLOUD_URL/);
    expect(() => loadConfig({ API_URL: 'not a url' })).toThrow(/API_URL/);
  });
  it('trusts X-Forwarded-For from loopback only unless TRUST_PROXY names other proxies, or none', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.7, 172.16.0.0/12 ,uniquelocal,::1,fd00::/8' }).trustProxy).toEqual(['10.0.0.7', '172.16.0.0/12', 'uniquelocal', '::1', 'fd00::/8']);
    expect(loadConfig({ TRUST_PROXY: 'none' }).trustProxy).toEqual([]);
    expect(loadConfig({}).webTrustProxy).toEqual([]);
    expect(loadConfig({ WEB_TRUST_PROXY: '127.0.0.1' }).webTrustProxy).toEqual(['127.0.0.1']);
    expect(() => loadConfig({ WEB_TRUST_PROXY: 'everyone' })).toThrow(/WEB_TRUST_PROXY/);
    for (const bad of ['true', '1', '*', '10.0.0.0/33', 'proxy.example.org', '10.0.0.1,', '::1/129', '10.0.0.0/8/8']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
  it('reads sizes with binary units', () => {
    expect(parseByteSize('512MiB')).toBe(512 * 1024 ** 2);
    expect(parseByteSize('2GB')).toBe(2 * 1024 ** 3);
    expect(parseByteSize('1048576')).toBe(1048576);
    expect(loadConfig({ MAX_JSON_BYTES: '1k' }).maxJsonBytes).toBe(1024);
  });
});
