import type { RequestHandler } from 'express';

/**
 * The Content-Security-Policy of the dashboard: scripts, styles, fonts and connections only from
 * its own origin, no inline code or styles, no plugins, no framing. Images may also be data: URLs
 * (small icons the bundler inlines) and blob: URLs (previews of files the user picks for upload).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
  "worker-src 'self'",
].join('; ');

/** Security headers of every page and asset the frontend serves itself (proxied answers keep their service's own). */
export function securityHeaders(options: { https: boolean }): RequestHandler {
  const headers: Record<string, string> = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
  if (options.https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return (_req, res, next) => {
    res.set(headers);
    next();
  };
}
