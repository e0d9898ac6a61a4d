import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters; they are stored in every hash, so they can change without breaking old hashes. */
export interface PasswordParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelization. */
  p: number;
}

/**
 * The default cost: N=2^15, r=8, p=3 — one of OWASP's equivalent scrypt settings, chosen over
 * N=2^17 because it needs 32 MiB of memory per hash instead of 128 MiB, which matters on the
 * small machines labs self-host on.
 */
export const DEFAULT_PASSWORD_PARAMS: Readonly<PasswordParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 3 });

/** Shortest password accepted (in characters). */
const MIN_PASSWORD_LENGTH = 10;
/** Longest password accepted: bounds the work a login request can cause. */
const MAX_PASSWORD_LENGTH = 256;

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function derive(password: string, salt: Buffer, params: PasswordParams, length: number): Promise<Buffer> {
  // 128·N·r bytes are needed; node's default ceiling (32 MiB) is exactly the default cost, so raise it.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes a password with a fresh random salt: `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string, params: PasswordParams = DEFAULT_PASSWORD_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params, KEY_LENGTH);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = FORMAT.exec(stored);
  if (!match) return false;
  const [, n, r, p, salt = '', hash = ''] = match;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const key = await derive(password, Buffer.from(salt, 'base64url'), params, expected.length);
  return timingSafeEqual(key, expected);
}

/** The parameters a stored hash was made with, or undefined for a malformed hash. */
export function passwordParamsOf(stored: string): PasswordParams | undefined {
  const match = FORMAT.exec(stored);
  return match ? { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) } : undefined;
}

/**
 * Explains why a password is refused, or returns undefined when it is acceptable. The rules are
 * NIST's: length matters, composition rules do not; the obvious guesses (the email, the name, one
 * repeated character) are refused.
 */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}); a few words make a good one.`;
  if (length > MAX_PASSWORD_LENGTH) return `A password has at most ${MAX_PASSWORD_LENGTH} characters (this one has ${length}).`;
  if (password.trim().length === 0) return 'A password cannot be only spaces.';
  if (new Set(password).size === 1) return 'A password cannot be one character repeated.';
  const lowered = password.toLowerCase();
  if (context.email && lowered === context.email.toLowerCase()) return 'A password cannot be your email address.';
  if (context.name && lowered === context.name.toLowerCase()) return 'A password cannot be your name.';
  return undefined;
}
