import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from './webhooks.js';

const secret = 'whsec_test';
const body = '{"id":"6560a1b2c3d4e5f6a7b8c9d0","event":"request.received","created":"2026-11-29T14:00:00.000Z","data":{}}';
const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('verifyWebhook', () => {
  it('accepts the HMAC of the body as text, as bytes, in upper case and as the first of repeated headers', () => {
    expect(verifyWebhook(body, signature, secret)).toBe(true);
    expect(verifyWebhook(Buffer.from(body), signature, secret)).toBe(true);
    expect(verifyWebhook(body, signature.toUpperCase().replace('SHA256=', 'sha256='), secret)).toBe(true);
    expect(verifyWebhook(body, [signature, 'sha256=00'], secret)).toBe(true);
  });

  it('refuses another body, another secret, a missing or malformed header', () => {
    expect(verifyWebhook(`${body} `, signature, secret)).toBe(false);
    expect(verifyWebhook(body, signature, 'whsec_other')).toBe(false);
    for (const header of [undefined, null, '', 'sha256=', signature.slice(0, -2), signature.replace('sha256=', 'sha1='), `${signature}00`]) {
      expect(verifyWebhook(body, header, secret), String(header)).toBe(false);
    }
  });
});
