import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db.js';
import { AppError, errors } from '../errors.js';
import type { OpenModels, UserDoc } from '../models/index.js';
import { DEFAULT_PASSWORD_PARAMS, hashPassword, passwordProblem, verifyPassword, type PasswordParams } from '../passwords.js';
import { issueToken } from '../tokens.js';

/** Addresses: something@something.tld, at most 254 characters (RFC 5321). */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cases and trims an email address, the form in which it is stored and looked up. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Explains why an email address is refused, or returns undefined when it is acceptable. */
export function emailProblem(email: string): string | undefined {
  if (email.length > 254) return 'An email address has at most 254 characters.';
  if (!EMAIL_PATTERN.test(email)) return `"${email}" is not an email address (expected name@example.org).`;
  return undefined;
}

/** Explains why a display name is refused, or returns undefined when it is acceptable. */
function displayNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'A name cannot be empty.';
  if (trimmed.length > 100) return `A name has at most 100 characters (got ${trimmed.length}).`;
  if (/[\u0000-\u001f\u007f]/u.test(trimmed)) return 'A name cannot contain control characters.';
  return undefined;
}

/** What creating an account takes. The password is optional for accounts made by an admin, who use the API token only. */
export interface NewUser {
  email: string;
  name: string;
  password?: string | undefined;
}

/**
 * Creates an account. The email is stored lower-cased and must be unique (409); the password must
 * follow the rules of passwordProblem (422). No API token is made: see renewToken.
 */
export async function createUser(models: OpenModels, input: NewUser, params: PasswordParams = DEFAULT_PASSWORD_PARAMS): Promise<UserDoc> {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  const badEmail = emailProblem(email);
  if (badEmail) throw new AppError(400, 'invalid_email', badEmail, { field: 'email' });
  const badName = displayNameProblem(name);
  if (badName) throw new AppError(400, 'invalid_name', badName, { field: 'name' });
  let passwordHash: string | null = null;
  if (input.password !== undefined) {
    const weak = passwordProblem(input.password, { email, name });
    if (weak) throw errors.unprocessable('weak_password', weak, { field: 'password' });
    passwordHash = await hashPassword(input.password, params);
  }
  try {
    return (await models.User.create({ email, name, passwordHash })).toObject();
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      throw new AppError(409, 'email_taken', `An account with the email ${email} already exists; sign in instead.`, { field: 'email' });
    }
    throw error;
  }
}

// Compared against when the account does not exist, so that a wrong email takes as long as a wrong password.
const dummyHashes = new Map<string, Promise<string>>();
function dummyHash(params: PasswordParams): Promise<string> {
  const key = `${params.N}/${params.r}/${params.p}`;
  let hash = dummyHashes.get(key);
  if (!hash) {
    hash = hashPassword('not a password of anyone', params);
    dummyHashes.set(key, hash);
  }
  return hash;
}

/**
 * The account with this email and password, or null. Takes about as long whether the account
 * exists, has no password, or the password is wrong, so that answers do not tell which.
 */
export async function checkCredentials(
  models: OpenModels,
  email: string,
  password: string,
  params: PasswordParams = DEFAULT_PASSWORD_PARAMS,
): Promise<UserDoc | null> {
  const user = await models.User.findOne({ email: normalizeEmail(email) }).lean<UserDoc>();
  const stored = user?.passwordHash ?? (await dummyHash(params));
  const valid = await verifyPassword(password, stored);
  return valid && user?.passwordHash ? user : null;
}

/**
 * Changes a password after checking the current one (403 when it is wrong, 422 when the new one
 * is weak). Every session that signed in before the change stops being accepted; the caller starts
 * a new one for the user who made the change. Returns the time from which sessions count.
 */
export async function changePassword(
  models: OpenModels,
  userId: Types.ObjectId,
  current: string,
  next: string,
  params: PasswordParams = DEFAULT_PASSWORD_PARAMS,
): Promise<Date> {
  const user = await models.User.findById(userId).lean<UserDoc>();
  if (!user) throw errors.unauthorized('Your account no longer exists.');
  if (!user.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
    throw new AppError(403, 'wrong_password', 'The current password is not right; nothing was changed.', { field: 'currentPassword' });
  }
  const weak = passwordProblem(next, { email: user.email, name: user.name });
  if (weak) throw errors.unprocessable('weak_password', weak, { field: 'newPassword' });
  const passwordHash = await hashPassword(next, params);
  // To the millisecond, as sessions record their sign-in: one made earlier in the same second ends too.
  const sessionsNotBefore = new Date();
  // Conditional on the hash that was checked, so that two concurrent changes cannot both pass the check.
  const updated = await models.User.findOneAndUpdate({ _id: userId, passwordHash: user.passwordHash }, { $set: { passwordHash, sessionsNotBefore } });
  if (!updated) throw errors.conflict('The password was changed by another request meanwhile; sign in again.');
  return sessionsNotBefore;
}

/** Changes the display name. */
export async function renameUser(models: OpenModels, userId: Types.ObjectId, name: string): Promise<UserDoc> {
  const problem = displayNameProblem(name);
  if (problem) throw new AppError(400, 'invalid_name', problem, { field: 'name' });
  const user = await models.User.findOneAndUpdate({ _id: userId }, { $set: { name: name.trim() } }, { returnDocument: 'after' }).lean<UserDoc>();
  if (!user) throw errors.unauthorized('Your account no longer exists.');
  return user;
}

/** A token just made: the secret is shown once and never stored. */
export interface RenewedToken {
  token: string;
  prefix: string;
  created: Date;
}

/**
 * Gives the user a new API token and returns it. One single-document update replaces the stored
 * hash, so the old token stops working the moment the new one exists.
 */
export async function renewToken(models: OpenModels, userId: Types.ObjectId): Promise<RenewedToken> {
  const issued = issueToken();
  const created = new Date();
  const user = await models.User.findOneAndUpdate(
    { _id: userId },
    { $set: { tokenHash: issued.hash, tokenPrefix: issued.prefix, tokenCreatedAt: created, tokenLastUsedAt: null } },
  );
  if (!user) throw errors.notFound('User', userId.toHexString());
  return { token: issued.token, prefix: issued.prefix, created };
}

/** Revokes the user's API token: requests with it are refused from now on. Revoking when there is none is not an error. */
export async function revokeToken(models: OpenModels, userId: Types.ObjectId): Promise<void> {
  const user = await models.User.findOneAndUpdate(
    { _id: userId },
    { $set: { tokenHash: null, tokenPrefix: null, tokenCreatedAt: null, tokenLastUsedAt: null } },
  );
  if (!user) throw errors.notFound('User', userId.toHexString());
}

/** Finds a user by email (admin command). */
export async function findUserByEmail(models: OpenModels, email: string): Promise<UserDoc | null> {
  return await models.User.findOne({ email: normalizeEmail(email) }).lean<UserDoc>();
}

/** The signed-in user's account; a session whose account was deleted is a 401. */
export async function accountOf(models: OpenModels, userId: Types.ObjectId): Promise<UserDoc> {
  const user = await models.User.findById(userId).lean<UserDoc>();
  if (!user) throw new AppError(401, 'unauthorized', 'Your account no longer exists.');
  return user;
}

/**
 * Remembers a signed-out session until `expires` (when it could not have been used anyway), so
 * that a copied cookie dies with the sign-out; forgets the sessions already past theirs.
 */
export async function revokeSession(models: OpenModels, sessionId: string, expires: Date): Promise<void> {
  await models.RevokedSession.create({ _id: sessionId, expires }).catch((failure: unknown) => {
    // Signed out twice: already remembered.
    if (!isDuplicateKeyError(failure)) throw failure;
  });
  await models.RevokedSession.deleteMany({ expires: { $lt: new Date() } });
}
