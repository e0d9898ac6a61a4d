/**
 * The assessment table (docs/assessment.md; paper table 1) and the propositions it allows. Enforced, never
 * advisory: a diff request whose proposition is not allowed is refused (422, by core) with the
 * explanation built here, which names the table cell; the dashboard offers only what is allowed.
 *
 * | outputs \ code & inputs | same & same    | same & different | different & same | different & different |
 * | same                    | repeatable     | reproducible     | reproducible     | reproducible          |
 * | different               | non-repeatable | unknown          | unknown          | unknown               |
 *
 * Outputs that cannot be compared (no digest both sides have) are in neither row: the pair is in
 * no cell (`not-comparable`), method default accepts no proposition, and methods visual and custom,
 * where the requester judges the outputs, still accept what the column allows.
 */
import type { Schemas } from '@reprise/contract';
import type { Cell } from './evidence.js';

/** Every cell of the table, and `not-comparable` for outputs that could not be compared. */
export const CELLS = ['repeatable', 'reproducible', 'non-repeatable', 'unknown', 'not-comparable'] as const satisfies readonly Cell[];

/** How the outputs are judged: `default` by the comparison; `visual` and `custom` by the requester. */
export const METHODS = ['default', 'visual', 'custom'] as const satisfies readonly Schemas['DiffMethod'][];
/** One of METHODS. */
export type Method = (typeof METHODS)[number];

/** What a diff request claims about two records. */
export const PROPOSITIONS = ['repeated', 'reproduced', 'non-repeated', 'non-reproduced'] as const satisfies readonly Schemas['Proposition'][];
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
  return cellAt(outputsSame ? 'same' : 'different', columnOf(codeSame, inputsSame));
}

/** The four columns of the table (code & inputs), in reading order. */
export const COLUMNS = ['same & same', 'same & different', 'different & same', 'different & different'] as const;
/** One of COLUMNS. */
export type Column = (typeof COLUMNS)[number];

/** The table column for code and inputs sameness, as docs/assessment.md names it ("same & different"). */
export function columnOf(codeSame: boolean, inputsSame: boolean): Column {
  return `${codeSame ? 'same' : 'different'} & ${inputsSame ? 'same' : 'different'}`;
}

/** The cell at a row (outputs same or different) and column of the table. */
export function cellAt(outputs: 'same' | 'different', column: Column): Exclude<Cell, 'not-comparable'> {
  if (outputs === 'same') return column === 'same & same' ? 'repeatable' : 'reproducible';
  return column === 'same & same' ? 'non-repeatable' : 'unknown';
}

/**
 * The table's cells in reading order, with their row (outputs) and the proposition method default
 * accepts; `not-comparable` (outputs that could not be compared) has neither: it is in no row.
 */
export const CELL_INFO: Record<Cell, { label: string; proposition: Proposition | null; outputs: 'same' | 'different' | null }> = {
  repeatable: { label: 'Repeatable', proposition: 'repeated', outputs: 'same' },
  reproducible: { label: 'Reproducible', proposition: 'reproduced', outputs: 'same' },
  'non-repeatable': { label: 'Non-repeatable', proposition: 'non-repeated', outputs: 'different' },
  unknown: { label: 'Unknown', proposition: 'non-reproduced', outputs: 'different' },
  'not-comparable': { label: 'Not comparable', proposition: null, outputs: null },
};

/** The propositions a diff request with this method may claim on this evidence (none for method default when the outputs could not be compared). */
export function allowedPropositions(method: Method, evidence: Sameness): Proposition[] {
  if (method === 'default') {
    const proposition = CELL_INFO[cellFrom(evidence)].proposition;
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
    `and the outputs are ${outputs}: table cell "${cell}", for which method default accepts "${CELL_INFO[cell].proposition ?? ''}".`
  );
}

function cellFrom(evidence: Sameness): Cell {
  return cellOf(evidence.code.same, evidence.inputs.same, evidence.outputs.comparable === false ? 'not-comparable' : evidence.outputs.same);
}

/**
 * "code and inputs are the same", "inputs differ", "code is not shown to be the same and inputs
 * differ"…; with articles ("the inputs differ") as the dashboard words it.
 */
export function codeAndInputsWords(evidence: Sameness, articles = false): string {
  const the = articles ? 'the ' : '';
  const codeWords = evidence.code.basis === 'unknown' ? `${the}code is not shown to be the same` : `${the}code differs`;
  if (evidence.code.same && evidence.inputs.same) return 'code and inputs are the same';
  if (evidence.code.same) return `${the}inputs differ`;
  if (evidence.inputs.same) return codeWords;
  return `${codeWords} and ${the}inputs differ`;
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
