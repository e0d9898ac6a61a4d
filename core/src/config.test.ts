import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseByteSize } from './config.js';
import { afterCursor, decodeCursor, encodeCursor } from './paging.js';
import { Types } from 'mongoose';

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
