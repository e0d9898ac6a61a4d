import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isNotificationKind, type NotificationKind } from '@reprise/rules';
import type { Types } from 'mongoose';

/** A key for one purpose, derived from the server's secret (so one secret never serves two uses). */
function keyFor(serverSecret: string, purpose: string): Buffer {
  return createHmac('sha256', serverSecret).update(`reprise/${purpose}`).digest();
}

function signature(serverSecret: string, userId: string, kind: string): string {
  return createHmac('sha256', keyFor(serverSecret, 'unsubscribe')).update(`${userId}\n${kind}`).digest('base64url');
}

/**
 * The token of an email's unsubscribe link: the user, the kind, and an HMAC of both with a key of
 * the server's. Nothing is stored: it works without signing in, as long as the server's secret
 * stays the same, and always means the same thing (a repeated click changes nothing).
 */
export function unsubscribeToken(serverSecret: string, userId: Types.ObjectId, kind: NotificationKind): string {
  const user = userId.toHexString();
  return `${user}.${kind}.${signature(serverSecret, user, kind)}`;
}

/** The user and kind an unsubscribe token names, or null when it is not one of ours. */
export function readUnsubscribeToken(serverSecret: string, token: string): { user: string; kind: NotificationKind } | null {
  const match = /^([0-9a-f]{24})\.([a-z.]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, user = '', kind = '', given = ''] = match;
  if (!isNotificationKind(kind)) return null;
  const expected = Buffer.from(signature(serverSecret, user, kind));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? { user, kind } : null;
}

/** A new webhook signing secret (256 bits), as the receiver is given it. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Encrypts a webhook's signing secret for storage (AES-256-GCM, key derived from the server's
 * secret). A signature needs the secret itself, so it cannot be stored as a hash like a token:
 * encrypted, a copy of the database alone does not let anyone sign deliveries.
 */
export function sealWebhookSecret(serverSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(serverSecret, 'webhook-secrets'), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

/** The webhook secret sealed by sealWebhookSecret; throws when the server's secret changed since. */
export function openWebhookSecret(serverSecret: string, stored: string): string {
  const [version, iv = '', tag = '', sealed = ''] = stored.split('.');
  if (version !== 'v1') throw new Error('Unknown webhook secret format.');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(serverSecret, 'webhook-secrets'), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
}

/** The X-Reprise-Signature header of a delivery: `sha256=` and the hex HMAC-SHA256 of the body with the webhook's secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
