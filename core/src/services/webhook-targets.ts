import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../errors.js';

/** The longest webhook URL accepted. */
const MAX_WEBHOOK_URL = 2048;

// Addresses a webhook must not reach unless WEBHOOK_ALLOW_PRIVATE=true: this host, the local
// networks and the cloud metadata services behind link-local addresses (SSRF).
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** True for an address on a private, loopback, link-local (or otherwise non-public) network; IPv4 in IPv6 is judged as IPv4. */
function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  const family = isIP(bare);
  if (family === 0) return true;
  return blocked.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a webhook target is refused. */
function refused(message: string, url: string): AppError {
  return new AppError(400, 'webhook_url_refused', message, { field: 'url', url: url.slice(0, 200) });
}

/**
 * Checks a webhook URL's form: http or https, at most MAX_WEBHOOK_URL characters, no credentials
 * in it. Returns the parsed URL.
 */
export function webhookUrlOf(text: string): URL {
  if (text.length > MAX_WEBHOOK_URL) throw refused(`A webhook URL is at most ${MAX_WEBHOOK_URL} characters long.`, text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refused('The webhook URL is not a valid absolute URL (for example https://ci.example.org/hooks/reprise).', text);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused(`A webhook URL is http:// or https://, not ${url.protocol}//.`, text);
  if (url.username || url.password) throw refused('A webhook URL may not hold a user name or password: deliveries are signed instead (X-Reprise-Signature).', text);
  return url;
}

/**
 * The addresses `url`'s host resolves to, each of them allowed: unless `allowPrivate`, an address
 * on a private, loopback or link-local network is refused (400 webhook_url_refused), and so is a
 * name that does not resolve. The caller connects to one of the returned addresses, not to the name
 * again, so that a second resolution cannot lead elsewhere.
 */
export async function allowedAddresses(url: URL, allowPrivate: boolean): Promise<Array<{ address: string; family: 4 | 6 }>> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = isIP(host) !== 0 ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  } catch {
    throw refused(`The webhook host "${host}" does not resolve.`, url.href);
  }
  if (addresses.length === 0) throw refused(`The webhook host "${host}" does not resolve.`, url.href);
  if (!allowPrivate) {
    const inside = addresses.find((entry) => isPrivateAddress(entry.address));
    if (inside) {
      throw refused(
        `The webhook host "${host}" is on a private, loopback or link-local network (${inside.address}); webhooks go to public addresses unless the server sets WEBHOOK_ALLOW_PRIVATE=true.`,
        url.href,
      );
    }
  }
  return addresses.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
}
