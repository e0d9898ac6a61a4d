import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { AppError, allowedAddresses, webhookUrlOf } from '@reprise/core';

/** How a delivery is POSTed. */
export interface PostOptions {
  /** WEBHOOK_ALLOW_PRIVATE: private, loopback and link-local targets are allowed. */
  allowPrivate: boolean;
  /** The whole attempt (every redirect included) is cut after this long and counts as a failure. */
  timeoutMs: number;
  maxRedirects: number;
}

/** What came of one POST: the final status, or why there was none. */
export interface PostResult {
  status: number | null;
  error: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * POSTs `body` to `target`, following redirects with the same POST. Before every connection
 * (the first and each redirect's) the host is resolved and checked (no private, loopback or
 * link-local address unless allowed), and the connection is made to that checked address: the
 * socket's own lookup answers with it, so a second resolution cannot lead elsewhere (DNS
 * rebinding). TLS still verifies the certificate for the host name.
 */
export async function postPinned(target: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResult> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  let url = target;
  try {
    for (let hop = 0; ; hop += 1) {
      const parsed = webhookUrlOf(url);
      const [pinned] = await allowedAddresses(parsed, options.allowPrivate);
      if (!pinned) return { status: null, error: 'the host does not resolve' };
      const answer = await postOnce(parsed, pinned, body, headers, deadline);
      if (!REDIRECTS.has(answer.status) || !answer.location) return { status: answer.status, error: null };
      if (hop >= options.maxRedirects) return { status: answer.status, error: `more than ${options.maxRedirects} redirects` };
      url = new URL(answer.location, parsed).href;
    }
  } catch (error) {
    if (deadline.aborted) return { status: null, error: `no answer within ${options.timeoutMs / 1000} s` };
    if (error instanceof AppError) return { status: null, error: error.message };
    return { status: null, error: error instanceof Error ? error.message : String(error) };
  }
}

function postOnce(
  url: URL,
  pinned: { address: string; family: 4 | 6 },
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<{ status: number; location: string | undefined }> {
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'Reprise-Webhooks' },
        lookup,
        signal,
        agent: false,
      },
      (response) => {
        // The answer's body is not needed: read it away (bounded by the deadline) and close.
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
