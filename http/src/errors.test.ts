import { describe, expect, it } from 'vitest';
import { AppError, BlobTooLargeError, errors } from '@reprise/core';
import { toErrorResponse } from './errors.js';

const withProps = (name: string, message: string, props: Record<string, unknown>) => Object.assign(Object.assign(new Error(message), { name }), props);

describe('toErrorResponse', () => {
  it('passes AppErrors through with their status, code, details and headers', () => {
    const response = toErrorResponse(errors.unauthorized());
    expect(response).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } }, headers: { 'WWW-Authenticate': 'Bearer realm="reprise"' } });
    expect(toErrorResponse(new AppError(422, 'digest_mismatch', 'm', { a: 1 })).body.error.details).toEqual({ a: 1 });
  });

  it('maps body-parser errors by type, keeping 4xx statuses distinct', () => {
    expect(toErrorResponse(Object.assign(new Error('too big'), { type: 'entity.too.large', status: 413 })).status).toBe(413);
    expect(toErrorResponse(Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400 })).body.error.code).toBe('malformed_json');
    expect(toErrorResponse(Object.assign(new Error('unsupported charset "LATIN1"'), { type: 'charset.unsupported', status: 415 })).status).toBe(415);
  });

  it('maps multer limits to 413 and unexpected fields to 400', () => {
    expect(toErrorResponse(withProps('MulterError', 'File too large', { code: 'LIMIT_FILE_SIZE', field: 'outputs' }), { maxUploadBytes: 10 })).toMatchObject({
      status: 413,
      body: { error: { details: { field: 'outputs', limit: 10 } } },
    });
    expect(toErrorResponse(withProps('MulterError', 'Too many files', { code: 'LIMIT_FILE_COUNT' })).status).toBe(413);
    expect(toErrorResponse(withProps('MulterError', 'Unexpected field', { code: 'LIMIT_UNEXPECTED_FILE', field: 'x' })).status).toBe(400);
    expect(toErrorResponse(new Error('Unexpected end of form')).body.error.code).toBe('malformed_multipart');
    expect(toErrorResponse(new BlobTooLargeError(5)).status).toBe(413);
  });

  it('maps mongoose validation, cast and duplicate-key errors to 400, 400 and 409', () => {
    expect(toErrorResponse(withProps('ValidationError', 'bad', { errors: {} })).status).toBe(400);
    expect(toErrorResponse(withProps('CastError', 'Cast to ObjectId failed', { path: '_id' })).status).toBe(400);
    expect(toErrorResponse(withProps('MongoServerError', 'E11000 duplicate key', { code: 11000 })).status).toBe(409);
  });

  it('maps an unreachable database to 503 with Retry-After', () => {
    const response = toErrorResponse(withProps('MongoServerSelectionError', 'connect ECONNREFUSED', {}));
    expect(response).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
  });

  it('keeps the status of Express http-errors instead of turning every status into 400', () => {
    expect(toErrorResponse(Object.assign(new Error('Failed to decode param'), { status: 400 })).status).toBe(400);
    expect(toErrorResponse(Object.assign(new Error('gone'), { status: 410 })).status).toBe(410);
    expect(toErrorResponse(Object.assign(new Error('boom'), { status: 502 })).status).toBe(500);
  });

  it('turns anything else into a 500 with an error id and no internal detail', () => {
    const response = toErrorResponse(new TypeError('secret internal detail'));
    expect(response.status).toBe(500);
    expect(response.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.error.message).toContain(response.errorId);
    expect(JSON.stringify(response.body)).not.toContain('secret internal detail');
    expect(toErrorResponse('a string').status).toBe(500);
  });
});
