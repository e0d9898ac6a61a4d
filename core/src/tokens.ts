import { createHash, randomBytes } from 'node:crypto';

/** API tokens look like `rpr_` + 43 base64url characters (256 random bits). */
export const TOKEN_PATTERN = /^rpr_[A-Za-z0-9_-]{43}$/;

/** A freshly made token: the secret goes to the user once, the hash and prefix are stored. */
export interface IssuedToken {
  token: string;
  hash: string;
  prefix: string;
}

/** Makes a new random API token. */
export function issueToken(): IssuedToken {
  const token = `rpr_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: tokenPrefix(token) };
}

/** The sha256 hex digest under which a token is stored and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The part of a token that may be shown again (in the dashboard and in logs). */
export function tokenPrefix(token: string): string {
  return token.slice(0, 12);
}

/** Reviewer-link secrets look like `rpl_` + 43 base64url characters (256 random bits). */
export const LINK_SECRET_PATTERN = /^rpl_[A-Za-z0-9_-]{43}$/;

/** Makes a new random reviewer-link secret: shown once, stored as its hash with a prefix, as tokens are. */
export function issueLinkSecret(): IssuedToken {
  const token = `rpl_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: tokenPrefix(token) };
}
