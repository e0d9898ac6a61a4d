import { describe, expect, it } from 'vitest';
import type { Sameness } from '@reprise/rules';
import { AppError } from '../errors.js';
import { assertProposition } from './refusal.js';

function sameness(code: boolean, inputs: boolean, outputs: boolean): Sameness {
  return { code: { same: code, basis: code ? 'vcs' : 'container' }, inputs: { same: inputs }, outputs: { same: outputs } };
}

describe('assessment table refusals', () => {
  it('throws a 422 naming the cell when a proposition is refused, and nothing when it is allowed', () => {
    expect(() => assertProposition('default', 'repeated', sameness(true, true, true))).not.toThrow();
    let thrown: unknown;
    try {
      assertProposition('custom', 'repeated', sameness(false, false, true));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.status).toBe(422);
    expect(error.code).toBe('proposition_not_allowed');
    expect(error.details).toEqual({
      method: 'custom',
      proposition: 'repeated',
      cell: 'reproducible',
      column: 'different & different',
      allowed: ['reproduced', 'non-reproduced'],
    });
  });
});
