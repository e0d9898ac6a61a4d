/**
 * The assessment table as the dashboard explains it, beside the table itself so that the words
 * cannot drift from the rule. The service decides (and refuses what the table does not allow);
 * these functions only put its evidence into words for a page.
 */
import type { Schemas } from '@reprise/contract';
import type { Cell, Evidence, OutputPair } from './evidence.js';
import { CELL_INFO, codeAndInputsWords, type Method, type Proposition } from './table.js';

/** Every method, with what it means for the outputs. */
export const METHOD_INFO: Array<{ value: Method; label: string; help: string }> = [
  { value: 'default', label: 'Default', help: 'Outputs are compared byte for byte (text within the tolerance): the comparison decides the claim.' },
  { value: 'visual', label: 'Visual', help: 'You looked at the outputs (plots, images) and vouch for whether they match; code and inputs still decide between repeated and reproduced.' },
  { value: 'custom', label: 'Custom', help: 'You compared the outputs your own way and describe how; code and inputs still decide between repeated and reproduced.' },
];

type Stated = Pick<Evidence, 'code' | 'inputs' | 'outputs'> & { cell: Cell };

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The outputs in words: the same, different, or not comparable (no digest both sides have). */
export function outputsWords(outputs: Pick<Evidence['outputs'], 'same' | 'comparable'>): 'same' | 'different' | 'not comparable' {
  if (outputs.comparable === false) return 'not comparable';
  return outputs.same ? 'same' : 'different';
}

/** One sentence saying where the evidence puts the two records in the table, as a page shows it. */
export function summarizeCell(evidence: Stated): string {
  const words = capitalized(codeAndInputsWords(evidence, true));
  if (evidence.cell === 'not-comparable') {
    return `${words}, but the outputs cannot be compared (no digest both sides have): no table cell.`;
  }
  const outputs = evidence.outputs.same ? 'the outputs are the same' : 'the outputs differ';
  return `${words}, and ${outputs}: table cell “${CELL_INFO[evidence.cell].label.toLowerCase()}”.`;
}

/** Why a method allows the propositions it does, in one sentence. */
export function whyPropositions(method: Schemas['DiffMethod'], evidence: Stated, allowed: Proposition[]): string {
  const list = allowed.map((p) => `“${p}”`).join(' or ');
  if (method === 'default' && evidence.cell === 'not-comparable') {
    return 'With the default method the comparison decides, and it cannot: the outputs cannot be compared (no digest both sides have), so no claim is possible. Choose the visual or custom method to judge the outputs yourself.';
  }
  if (allowed.length === 0) return 'No proposition is possible with this method for these records.';
  if (method === 'default') {
    return `With the default method the comparison decides: ${summarizeCell(evidence).replace(/\.$/, '')}, so the only claim the table accepts is ${list}.`;
  }
  const column = evidence.code.same && evidence.inputs.same ? 'repeated or non-repeated' : 'reproduced or non-reproduced';
  return `With the ${method} method you vouch for the outputs; ${codeAndInputsWords(evidence, true)}, so the claim is ${column}: propose ${list}.`;
}

/** How an output pair compares, in words and a tone for its badge. */
export function describePair(pair: Pick<OutputPair, 'result' | 'same'>): { label: string; tone: 'good' | 'bad' | 'warn' | 'neutral' } {
  switch (pair.result) {
    case 'identical':
      return { label: 'Identical', tone: 'good' };
    case 'text-distance':
      return pair.same ? { label: 'Within tolerance', tone: 'good' } : { label: 'Text differs', tone: 'bad' };
    case 'numeric':
      return pair.same ? { label: 'Numbers close', tone: 'good' } : { label: 'Numbers differ', tone: 'bad' };
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
export function cellTone(cell: Cell): 'good' | 'bad' | 'warn' {
  return cell === 'repeatable' || cell === 'reproducible' ? 'good' : cell === 'non-repeatable' ? 'bad' : 'warn';
}
