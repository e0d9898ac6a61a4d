import { describe, expect, it } from 'vitest';
import { redactUrl } from './logging.js';

describe('redactUrl', () => {
  it('replaces the path token and any rpr_ string, and leaves resource paths alone', () => {
    expect(redactUrl('/api/v1/abc/project/pull/x')).toBe('/api/v1/[token]/project/pull/x');
    expect(redactUrl('/api/v1/project/pull/x?note=rpr_secretsecret')).toBe('/api/v1/project/pull/x?note=rpr_[redacted]');
    expect(redactUrl('/api/v1/record/display/p')).toBe('/api/v1/record/display/p');
  });

  it('redacts the values of query parameters named like credentials, and keeps the others', () => {
    expect(redactUrl('/cloud/v1/x?password=hunter2&limit=5')).toBe('/cloud/v1/x?password=[redacted]&limit=5');
    expect(redactUrl('/x?api_key=abc&access_token=def&session=ghi&q=token')).toBe('/x?api_key=[redacted]&access_token=[redacted]&session=[redacted]&q=token');
    expect(redactUrl('/x?JWT=a.b.c#frag')).toBe('/x?JWT=[redacted]#frag');
    expect(redactUrl('/x?monkey=1')).toBe('/x?monkey=1');
  });
});
