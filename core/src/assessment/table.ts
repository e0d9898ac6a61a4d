/**
 * The assessment table (docs/assessment.md; paper table 1) and the propositions it allows. Enforced, never
 * advisory: a diff request whose proposition is not allowed is refused (422) with the explanation
 * built here, which names the table cell.
 *
 * | outputs \ code & inputs | same & same    | same & different | different & same | different & different |
 * | same                    | repeatable     | reproducible     | reproducible     | reproducible          |
 * | different               | non-repeatable | unknown          | unknown          | unknown               |
 *
 * Outputs that cannot be compared (no digest both sides have) are in neither row: the pair is in
 * no cell (`not-comparable`), method default accepts no proposition, and methods visual and custom,
 * where the requester judges the outputs, still accept what the column allows.
 */
import { AppError } from '../errors.js';
import type { Cell } from './evidence.js';

/** Every cell of the table, and `not-comparable` for outputs that could not be compared. */
export const CELLS = ['repeatable', 'reproducible', 'non-repeatable', 'unknown', 'not-comparable'] as const satisfies readonly Cell[];

/** How the outputs are judged: `default` by the comparison; `visual` and `custom` by the requester. */
export const METHODS = ['default', 'visual', 'custom'] as const;
/** One of METHODS. */
export type Method = (typeof METHODS)[number];

/** What a diff request claims about two records. */
export const PROPOSITIONS = ['repeated', 'reproduced', 'non-repeated', 'non-reproduced'] as const;
/** One of PROPOSITIONS. */
export type Proposition = (typeof PROPOSITIONS)[number];

/**
 * The part of the evidence the table reads; an Evidence is one. `basis: 'unknown'` words "code
 * differs" as "not shown to be the same"; `outputs.comparable: false` puts the pair in no cell
 * (absent in evidence of version 1, where it was always true).
 */
export interface Sameness {
  code: { same: boolean; basis?: string };
  inputs: { same: boolean };
  outputs: { same: boolean; comparable?: boolean };
}

/** The cell for code, inputs and outputs sameness (`not-comparable` when the outputs could not be compared). */
export function cellOf(codeSame: boolean, inputsSame: boolean, outputsSame: boolean | 'not-comparable'): Cell {
  if (outputsSame === 'not-comparable') return 'not-comparable';
  const codeAndInputs = codeSame && inputsSame;
  if (outputsSame) return codeAndInputs ? 'repeatable' : 'reproducible';
  return codeAndInputs ? 'non-repeatable' : 'unknown';
}

/** The table column for code and inputs sameness, as docs/assessment.md names it ("same & different"). */
function columnOf(codeSame: boolean, inputsSame: boolean): string {
  return `${codeSame ? 'same' : 'different'} & ${inputsSame ? 'same' : 'different'}`;
}

const PROPOSITION_OF_CELL: Record<Cell, Proposition | null> = {
  repeatable: 'repeated',
  reproducible: 'reproduced',
  'non-repeatable': 'non-repeated',
  unknown: 'non-reproduced',
  'not-comparable': null,
};

/** The propositions a diff request with this method may claim on this evidence (none for method default when the outputs could not be compared). */
export function allowedPropositions(method: Method, evidence: Sameness): Proposition[] {
  if (method === 'default') {
    const proposition = PROPOSITION_OF_CELL[cellFrom(evidence)];
    return proposition ? [proposition] : [];
  }
  // visual / custom: output sameness is the requester's claim; code and inputs still decide the column.
  return evidence.code.same && evidence.inputs.same ? ['repeated', 'non-repeated'] : ['reproduced', 'non-reproduced'];
}

/** Whether a proposition is allowed, with the cell, the allowed propositions and, when refused, why. */
export type PropositionCheck =
  | { ok: true; cell: Cell; column: string; allowed: Proposition[] }
  | { ok: false; cell: Cell; column: string; allowed: Proposition[]; message: string };

/** Checks a proposition against the table; a refusal explains itself in words, naming the table cell. */
export function checkProposition(method: Method, proposition: Proposition, evidence: Sameness): PropositionCheck {
  const cell = cellFrom(evidence);
  const column = columnOf(evidence.code.same, evidence.inputs.same);
  const allowed = allowedPropositions(method, evidence);
  if (allowed.includes(proposition)) return { ok: true, cell, column, allowed };
  return { ok: false, cell, column, allowed, message: explainRefusal(method, proposition, evidence) };
}

/** Throws a 422 `proposition_not_allowed` AppError (details: method, proposition, cell, column, allowed) when the table refuses. */
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

/** One sentence saying where the comparison puts two records in the table, and why. */
export function explainCell(evidence: Sameness): string {
  const cell = cellFrom(evidence);
  if (cell === 'not-comparable') {
    return (
      `Code & inputs are ${columnOf(evidence.code.same, evidence.inputs.same)} (${codeAndInputsWords(evidence)}), ` +
      `but the outputs cannot be compared (no digest both sides have): no table cell, so method default accepts no proposition; ` +
      `with method visual or custom you judge the outputs and may propose ${quoteList(allowedPropositions('visual', evidence))}.`
    );
  }
  const outputs = evidence.outputs.same ? 'the same' : 'different';
  return (
    `Code & inputs are ${columnOf(evidence.code.same, evidence.inputs.same)} (${codeAndInputsWords(evidence)}) ` +
    `and the outputs are ${outputs}: table cell "${cell}", for which method default accepts "${PROPOSITION_OF_CELL[cell] ?? ''}".`
  );
}

function cellFrom(evidence: Sameness): Cell {
  return cellOf(evidence.code.same, evidence.inputs.same, evidence.outputs.comparable === false ? 'not-comparable' : evidence.outputs.same);
}

/** "code and inputs are the same", "inputs differ", "code is not shown to be the same and inputs differ"… */
function codeAndInputsWords(evidence: Sameness): string {
  const codeWords = evidence.code.basis === 'unknown' ? 'code is not shown to be the same' : 'code differs';
  if (evidence.code.same && evidence.inputs.same) return 'code and inputs are the same';
  if (evidence.code.same) return 'inputs differ';
  if (evidence.inputs.same) return codeWords;
  return `${codeWords} and inputs differ`;
}

function quoteList(propositions: Proposition[]): string {
  return propositions.map((p) => `"${p}"`).join(' or ');
}

function explainRefusal(method: Method, proposition: Proposition, evidence: Sameness): string {
  const cell = cellFrom(evidence);
  const column = columnOf(evidence.code.same, evidence.inputs.same);
  const allowed = allowedPropositions(method, evidence);
  const codeAndInputsSame = evidence.code.same && evidence.inputs.same;
  const positive = proposition === 'repeated' || proposition === 'reproduced';
  const why = codeAndInputsWords(evidence);

  // Wrong kind of claim for the column: repetition needs code and inputs the same, reproduction does not.
  const kindReason = codeAndInputsSame
    ? positive
      ? 'code and inputs are the same, so the claim is "repeated"'
      : 'code and inputs are the same, so the negative claim is "non-repeated"'
    : positive
      ? `${why}, so the claim can be at most "reproduced"`
      : `${why}, so the negative claim is "non-reproduced"`;

  if (method !== 'default') {
    // Only the column is fixed by the comparison; the requester vouches for the outputs.
    const cells = codeAndInputsSame ? '"repeatable" or "non-repeatable"' : '"reproducible" or "unknown"';
    return (
      `Proposition "${proposition}" is not allowed with method ${method}: code & inputs are ${column}, ` +
      `which puts A and B in table cell ${cells} depending on the outputs you judge; ${kindReason}. Propose ${quoteList(allowed)}.`
    );
  }

  if (cell === 'not-comparable') {
    return (
      `Proposition "${proposition}" is not allowed with method default: the outputs cannot be compared (no digest both sides have), ` +
      `so the comparison puts A and B in no table cell (code & inputs ${column}) and method default accepts no proposition. ` +
      `Judge the outputs yourself with method visual or custom, which accept ${quoteList(allowedPropositions('visual', evidence))} here.`
    );
  }
  const outputs = evidence.outputs.same ? 'outputs same' : 'outputs different';
  const where = `the comparison puts A and B in table cell "${cell}" (${outputs}; code & inputs ${column})`;
  let reason = kindReason;
  if (evidence.outputs.same && !positive) reason = 'the outputs are the same, so a negative claim contradicts the evidence';
  else if (!evidence.outputs.same && positive) reason = 'the outputs differ, so only a negative claim is possible';
  return `Proposition "${proposition}" is not allowed with method default: ${where}; ${reason}. Propose ${quoteList(allowed)}.`;
}
