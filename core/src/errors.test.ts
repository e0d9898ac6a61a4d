import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@reprise/rules';
import { AppError, errors } from './errors.js';

describe('error codes', () => {
  it('are the ones openapi.yaml lists: an unlisted code does not compile', () => {
    // @ts-expect-error: 'no_such_code' is not in openapi.yaml's ErrorCode list (type-checked by `tsc -p tsconfig.test.json`).
    const unlisted = new AppError(400, 'no_such_code', 'A code nobody documented.');
    expect(ERROR_CODES).not.toContain(unlisted.code);
    const sent = [
      errors.badRequest('x'),
      errors.validation('x'),
      errors.malformedJson('x'),
      errors.unauthorized(),
      errors.forbidden('x'),
      errors.notFound('Record', 'x'),
      errors.routeNotFound('GET', '/x'),
      errors.methodNotAllowed('PUT', '/x', ['GET']),
      errors.conflict('x'),
      errors.tooLarge('x'),
      errors.unsupportedMediaType('x'),
      errors.rangeNotSatisfiable(1),
      errors.unprocessable('same_record', 'x'),
      errors.tooManyRequests('x', 1),
      errors.unavailable(),
    ];
    for (const error of sent) expect(ERROR_CODES, error.code).toContain(error.code);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
