/**
 * The assessment table as the dashboard explains it. The service decides (and refuses what the
 * table does not allow); these functions only put its evidence into words for the page.
 */
import type { AssessmentCell, DiffMethod, Evidence, OutputPair, Proposition } from '@reprise/sdk';

/** Every method, with what it means for the outputs. */
export const METHODS: Array<{ value: DiffMethod; label: string; help: string }> = [
  { value: 'default', label: 'Default', help: 'Outputs are compared byte for byte (text within the tolerance): the comparison decides the claim.' },
  { value: 'visual', label: 'Visual', help: 'You looked at the outputs (plots, images) and vouch for whether they match; code and inputs still decide between repeated and reproduced.' },
  { value: 'custom', label: 'Custom', help: 'You compared the outputs your own way and describe how; code and inputs still decide between repeated and reproduced.' },
];

/**
 * The table's cells in reading order, with their row (outputs) and the proposition method default
 * accepts; `not-comparable` (outputs that could not be compared) has neither: it is in no row.
 */
export const CELLS: Record<AssessmentCell, { label: string; proposition: Proposition | null; outputs: 'same' | 'different' | null }> = {
  repeatable: { label: 'Repeatable', proposition: 'repeated', outputs: 'same' },
  reproducible: { label: 'Reproducible', proposition: 'reproduced', outputs: 'same' },
  'non-repeatable': { label: 'Non-repeatable', proposition: 'non-repeated', outputs: 'different' },
  unknown: { label: 'Unknown', proposition: 'non-reproduced', outputs: 'different' },
  'not-comparable': { label: 'Not comparable', proposition: null, outputs: null },
};

/** The four columns of the table (code & inputs). */
export const COLUMNS = ['same & same', 'same & different', 'different & same', 'different & different'] as const;

/** The column of the table for code and inputs sameness ("same & different"). */
export function columnOf(codeSame: boolean, inputsSame: boolean): (typeof COLUMNS)[number] {
  return `${codeSame ? 'same' : 'different'} & ${inputsSame ? 'same' : 'different'}`;
}

/** The cell at a row and column of the table. */
export function cellAt(outputs: 'same' | 'different', column: (typeof COLUMNS)[number]): AssessmentCell {
  if (outputs === 'same') return column === 'same & same' ? 'repeatable' : 'reproducible';
  return column === 'same & same' ? 'non-repeatable' : 'unknown';
}

type Sameness = Pick<Evidence, 'code' | 'inputs' | 'outputs'>;

function codeAndInputsWords(evidence: Sameness): string {
  const code = evidence.code.basis === 'unknown' ? 'the code is not shown to be the same' : 'the code differs';
  if (evidence.code.same && evidence.inputs.same) return 'code and inputs are the same';
  if (evidence.code.same) return 'the inputs differ';
  if (evidence.inputs.same) return code;
  return `${code} and the inputs differ`;
}

/** The outputs in words: the same, different, or not comparable (no digest both sides have). */
export function outputsWords(outputs: Evidence['outputs']): 'same' | 'different' | 'not comparable' {
  if (outputs.comparable === false) return 'not comparable';
  return outputs.same ? 'same' : 'different';
}

/** One sentence saying where the evidence puts the two records in the table. */
export function explainCell(evidence: Sameness & { cell: AssessmentCell }): string {
  const words = codeAndInputsWords(evidence);
  if (evidence.cell === 'not-comparable') {
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}, but the outputs cannot be compared (no digest both sides have): no table cell.`;
  }
  const outputs = evidence.outputs.same ? 'the outputs are the same' : 'the outputs differ';
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}, and ${outputs}: table cell “${CELLS[evidence.cell].label.toLowerCase()}”.`;
}

/** Why a method allows the propositions it does, in one sentence. */
export function whyPropositions(method: DiffMethod, evidence: Sameness & { cell: AssessmentCell }, allowed: Proposition[]): string {
  const list = allowed.map((p) => `“${p}”`).join(' or ');
  if (method === 'default' && evidence.cell === 'not-comparable') {
    return 'With the default method the comparison decides, and it cannot: the outputs cannot be compared (no digest both sides have), so no claim is possible. Choose the visual or custom method to judge the outputs yourself.';
  }
  if (allowed.length === 0) return 'No proposition is possible with this method for these records.';
  if (method === 'default') {
    return `With the default method the comparison decides: ${explainCell(evidence).replace(/\.$/, '')}, so the only claim the table accepts is ${list}.`;
  }
  const words = codeAndInputsWords(evidence);
  const column = evidence.code.same && evidence.inputs.same ? 'repeated or non-repeated' : 'reproduced or non-reproduced';
  return `With the ${method} method you vouch for the outputs; ${words}, so the claim is ${column}: propose ${list}.`;
}

/** How an output pair compares, in words and a tone for its badge. */
export function describePair(pair: OutputPair): { label: string; tone: 'good' | 'bad' | 'warn' | 'neutral' } {
  switch (pair.result) {
    case 'identical':
      return { label: 'Identical', tone: 'good' };
    case 'text-distance':
      return pair.same ? { label: 'Within tolerance', tone: 'good' } : { label: 'Text differs', tone: 'bad' };
    case 'different-binary':
      return { label: 'Binary differs', tone: 'bad' };
    case 'different-unmeasured':
      return { label: 'Differs (not measured)', tone: 'bad' };
    case 'not-comparable':
    case 'unknown':
      return { label: 'Not comparable', tone: 'warn' };
    case 'missing-a':
      return { label: 'Only in B', tone: 'warn' };
    case 'missing-b':
      return { label: 'Only in A', tone: 'warn' };
  }
}

/** The tone of a table cell. */
export function cellTone(cell: AssessmentCell): 'good' | 'bad' | 'warn' {
  return cell === 'repeatable' || cell === 'reproducible' ? 'good' : cell === 'non-repeatable' ? 'bad' : 'warn';
}
