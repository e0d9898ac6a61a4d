import { checkProposition, type Method, type Proposition, type Sameness } from '@reprise/rules';
import { AppError } from '../errors.js';

/**
 * Throws a 422 `proposition_not_allowed` AppError (details: method, proposition, cell, column,
 * allowed) when the assessment table refuses the proposition; its message names the cell.
 */
export function assertProposition(method: Method, proposition: Proposition, evidence: Sameness): void {
  const check = checkProposition(method, proposition, evidence);
  if (check.ok) return;
  throw new AppError(422, 'proposition_not_allowed', check.message, {
    method,
    proposition,
    cell: check.cell,
    column: check.column,
    allowed: check.allowed,
  });
}
