import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks a Reprise webhook delivery: true when `header` (the `X-Reprise-Signature` value,
 * `sha256=<hex>`) is the HMAC-SHA256 of `body` with the webhook's `secret`. Pass the body exactly
 * as it arrived (the raw bytes or text, not re-serialised JSON). The comparison takes the same
 * time wherever the signatures differ.
 */
export function verifyWebhook(body: string | Uint8Array, header: string | string[] | null | undefined, secret: string): boolean {
  const given = Array.isArray(header) ? header[0] : header;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(given?.trim() ?? '');
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}
