import { describe, expect, it } from 'vitest';
import { redactUrl } from './logging.js';

describe('redactUrl', () => {
  it('replaces the path token and any rpr_ string, and leaves resource paths alone', () => {
    expect(redactUrl('/api/v1/abc/project/pull/x')).toBe('/api/v1/[token]/project/pull/x');
    expect(redactUrl('/api/v1/project/pull/x?note=rpr_secretsecret')).toBe('/api/v1/project/pull/x?note=rpr_[redacted]');
    expect(redactUrl('/api/v1/record/display/p')).toBe('/api/v1/record/display/p');
  });
});
