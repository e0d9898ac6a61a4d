import { CloudClient, CSRF_COOKIE, type CloudClientOptions } from '../cloud-client.js';

interface StoredCookie {
  value: string;
  path: string;
}

/**
 * The cookies of one site, kept the way a browser keeps them for the dashboard's origin: set by
 * Set-Cookie, removed when expired, sent to the paths they were set for. Enough for a script or a
 * test to hold a cloud session in Node, where fetch keeps no cookies.
 */
export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  /** The value of a cookie, if the jar holds it. */
  get(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  /** Stores (or, when expired, removes) the cookies a response sets. */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) this.setCookie(line);
  }

  /** Applies one Set-Cookie header line. */
  setCookie(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const index = pair.indexOf('=');
    if (index <= 0) return;
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    let path = '/';
    let expired = false;
    for (const attribute of attributes) {
      const [key = '', ...rest] = attribute.split('=');
      const setting = rest.join('=').trim();
      switch (key.trim().toLowerCase()) {
        case 'path':
          path = setting || '/';
          break;
        case 'max-age':
          if (Number(setting) <= 0) expired = true;
          break;
        case 'expires':
          if (Date.parse(setting) <= Date.now()) expired = true;
          break;
      }
    }
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, { value, path });
  }

  /** The Cookie header for a request path, or undefined when no cookie applies. */
  header(path: string): string | undefined {
    const sent = [...this.cookies.entries()].filter(([, cookie]) => path === cookie.path || path.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`));
    return sent.length === 0 ? undefined : sent.map(([name, cookie]) => `${name}=${cookie.value}`).join('; ');
  }

  /** Wraps a fetch so that it sends and keeps this jar's cookies. */
  wrap(base: typeof fetch = globalThis.fetch): typeof fetch {
    return async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = new Headers(init?.headers);
      const cookie = this.header(url.pathname);
      if (cookie) headers.set('Cookie', cookie);
      const response = await base(input, { ...init, headers });
      this.store(response);
      return response;
    };
  }
}

/** Options of a cloud client in Node. */
export interface NodeCloudClientOptions extends Omit<CloudClientOptions, 'url' | 'csrfToken' | 'credentials'> {
  /** The dashboard's origin, e.g. `http://localhost:5000` (or the cloud service's own, in tests). */
  url: string;
  /** The Origin to send (the cloud service accepts only PUBLIC_URL's); default: the origin of `url`. */
  origin?: string;
  /** The jar to keep the session in (a new one by default). */
  jar?: CookieJar;
}

/**
 * A cloud client for Node: keeps the session and CSRF cookies in a CookieJar and sends the
 * dashboard's Origin, as a browser on the dashboard would.
 */
export function createNodeCloudClient(options: NodeCloudClientOptions): CloudClient & { jar: CookieJar } {
  const { url, origin, jar = new CookieJar(), fetch: base, headers, ...rest } = options;
  const sentOrigin = origin ?? new URL(url).origin;
  const client = new CloudClient({
    ...rest,
    url,
    fetch: jar.wrap(base),
    csrfToken: () => jar.get(CSRF_COOKIE),
    headers: () => ({ ...headers?.(), Origin: sentOrigin }),
  });
  return Object.assign(client, { jar });
}
