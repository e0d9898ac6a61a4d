import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const byteSize = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?\s*([kmgt]i?b?|b)?$/i, 'expected a size such as 1048576, 512MiB or 2GiB')
  .transform(parseByteSize);

/** The names Express (proxy-addr) knows for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a subnet in CIDR notation, or a range name. */
function isTrustEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const trustList = z
  .string()
  .trim()
  .transform((text) => (text.toLowerCase() === 'none' ? [] : text.split(',').map((entry) => entry.trim().toLowerCase())))
  .refine((entries) => entries.every(isTrustEntry), 'expected "none" or a comma-separated list of addresses, CIDR subnets, loopback, linklocal or uniquelocal');

const schema = z.object({
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  API_PORT: port.default(5100),
  CLOUD_PORT: port.default(5200),
  WEB_PORT: port.default(5000),
  API_HOST: z.string().min(1).default('0.0.0.0'),
  CLOUD_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  CLOUD_URL: z.url({ protocol: /^https?$/ }).optional(),
  API_URL: z.url({ protocol: /^https?$/ }).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MAX_JSON_BYTES: byteSize.default(12 * 1024 * 1024),
  MAX_UPLOAD_BYTES: byteSize.default(16 * 1024 ** 3),
  MAX_FILES_PER_UPLOAD: z.coerce.number().int().min(1).max(1000).default(100),
  SWEEP_INTERVAL_MINUTES: z.coerce.number().min(0).max(7 * 24 * 60).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUSH_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(20_000),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  TRUST_PROXY: trustList.default(['loopback']),
  WEB_TRUST_PROXY: trustList.default([]),
  QUERY_SHAPE_DIR: z.string().min(1).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().trim().min(3).max(320).optional(),
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
});

/** Reprise's configuration, parsed once at start-up. */
export interface Config {
  readonly mongodbUri: string | undefined;
  readonly dataDir: string;
  readonly apiPort: number;
  readonly cloudPort: number;
  readonly webPort: number;
  readonly apiHost: string;
  readonly cloudHost: string;
  readonly webHost: string;
  readonly publicUrl: string;
  /** Where the web frontend reaches the cloud service (its proxy target for /cloud). */
  readonly cloudUrl: string;
  /** Where the web frontend reaches the API service (its proxy target for /api and /sumatra). */
  readonly apiUrl: string;
  readonly jwtSecret: string | undefined;
  readonly maxJsonBytes: number;
  readonly maxUploadBytes: number;
  readonly maxFilesPerUpload: number;
  /** How often the API service removes unreferenced blobs and files (0: never). */
  readonly sweepIntervalMinutes: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Pushes (POST requests) per API token per minute, across every API instance; 0 turns the limit off.
   * The default lets a sweep of 64 parallel one-second runs through (5 pushes each: 19,200 a minute).
   */
  readonly pushRateLimit: number;
  /** Bearer token that /metrics requires; without it, /metrics answers loopback clients only. */
  readonly metricsToken: string | undefined;
  /** A connection that sends nothing for this long (slow headers, a stalled upload) is closed. */
  readonly idleTimeoutSeconds: number;
  /**
   * The proxies whose X-Forwarded-For the cloud service believes (addresses, subnets, range names;
   * empty: none). The client address of the per-address limits comes from the nearest untrusted hop.
   */
  readonly trustProxy: readonly string[];
  /**
   * The same for the dashboard's server: the reverse proxies in front of it (a TLS terminator)
   * whose X-Forwarded-For names the client it forwards. Empty by default: the dashboard is the edge.
   */
  readonly webTrustProxy: readonly string[];
  /** Where the test suite's index-coverage check collects the shape of every query (unset in production). */
  readonly queryShapeDir: string | undefined;
  /** Where notification emails go out (smtp:// or smtps://, credentials in the URL); unset: no email. */
  readonly smtpUrl: string | undefined;
  /** The From of notification emails (default `Reprise <reprise@<PUBLIC_URL's host>>`). */
  readonly mailFrom: string;
  /** Whether webhooks may point at private, loopback and link-local addresses (a lab's own network). */
  readonly webhookAllowPrivate: boolean;
}

/** Thrown when the environment holds a bad value; start-up prints it and stops. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a frozen Config; the only place that reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(schema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got "${String(picked[String(issue.path[0])])}")`));
  }
  const c = parsed.data;
  return Object.freeze({
    mongodbUri: c.MONGODB_URI,
    dataDir: path.resolve(c.DATA_DIR),
    apiPort: c.API_PORT,
    cloudPort: c.CLOUD_PORT,
    webPort: c.WEB_PORT,
    apiHost: c.API_HOST,
    cloudHost: c.CLOUD_HOST,
    webHost: c.WEB_HOST,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.WEB_PORT}`).replace(/\/+$/, ''),
    cloudUrl: (c.CLOUD_URL ?? `http://${loopbackFor(c.CLOUD_HOST)}:${c.CLOUD_PORT}`).replace(/\/+$/, ''),
    apiUrl: (c.API_URL ?? `http://${loopbackFor(c.API_HOST)}:${c.API_PORT}`).replace(/\/+$/, ''),
    jwtSecret: c.JWT_SECRET,
    maxJsonBytes: c.MAX_JSON_BYTES,
    maxUploadBytes: c.MAX_UPLOAD_BYTES,
    maxFilesPerUpload: c.MAX_FILES_PER_UPLOAD,
    sweepIntervalMinutes: c.SWEEP_INTERVAL_MINUTES,
    logLevel: c.LOG_LEVEL,
    pushRateLimit: c.PUSH_RATE_LIMIT,
    metricsToken: c.METRICS_TOKEN,
    idleTimeoutSeconds: c.IDLE_TIMEOUT_SECONDS,
    trustProxy: Object.freeze([...c.TRUST_PROXY]),
    webTrustProxy: Object.freeze([...c.WEB_TRUST_PROXY]),
    queryShapeDir: c.QUERY_SHAPE_DIR,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM ?? `Reprise <reprise@${new URL(c.PUBLIC_URL ?? 'http://localhost').hostname}>`,
    webhookAllowPrivate: c.WEBHOOK_ALLOW_PRIVATE === 'true',
  });
}

/** The address to reach a service listening on `host` from this machine: loopback for the wildcard addresses. */
function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Parses "512MiB", "2GB", "1048576" into bytes (binary multiples either way). */
export function parseByteSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)/i.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text}`);
  const units: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  return Math.floor(Number(match[1]) * (units[(match[2] ?? '').toLowerCase()] ?? 1));
}

/**
 * The JWT signing secret: JWT_SECRET when set, else one generated once into DATA_DIR so that
 * sessions survive restarts without anyone having to invent a secret.
 */
export function resolveJwtSecret(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.join(config.dataDir, 'jwt-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another service process created it first: use theirs so both verify the same sessions.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
