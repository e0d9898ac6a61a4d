import { BlobTooLargeError } from './blobstore.js';
import { isDatabaseUnavailable, isDuplicateKeyError } from './db.js';
import { AppError, errors } from './errors.js';

/**
 * The AppError an error of the database or the blob store means: an unreachable database is a
 * 503, a blob over its limit a 413, mongoose validation and cast errors 400s, a duplicate key a
 * 409. Undefined for anything else, which is not ours to explain.
 */
export function storageErrorOf(error: unknown): AppError | undefined {
  if (isDatabaseUnavailable(error)) return errors.unavailable();
  if (!(error instanceof Error)) return undefined;
  if (error instanceof BlobTooLargeError) return errors.tooLarge(error.message, { limit: error.maxBytes });
  const detail = error as Error & { errors?: unknown; path?: string };
  if (error.name === 'ValidationError') return errors.validation(error.message, detail.errors);
  if (error.name === 'CastError') return new AppError(400, 'invalid_value', `Invalid value for ${detail.path ?? 'a field'}.`, { path: detail.path });
  if (error.name === 'StrictModeError') return new AppError(400, 'unknown_field', error.message);
  if (isDuplicateKeyError(error)) return errors.conflict('This item already exists.');
  return undefined;
}
