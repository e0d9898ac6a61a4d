import { describe, expect, it } from 'vitest';
import type { Cell } from './evidence.js';
import { allowedPropositions, cellOf, checkProposition, explainCell, METHODS, PROPOSITIONS, type Method, type Proposition, type Sameness } from './table.js';

/** The design's table (docs/assessment.md), written out cell by cell: [code same, inputs same, outputs same] → cell. */
const TABLE: Array<[boolean, boolean, boolean, Exclude<Cell, 'not-comparable'>]> = [
  [true, true, true, 'repeatable'],
  [true, false, true, 'reproducible'],
  [false, true, true, 'reproducible'],
  [false, false, true, 'reproducible'],
  [true, true, false, 'non-repeatable'],
  [true, false, false, 'unknown'],
  [false, true, false, 'unknown'],
  [false, false, false, 'unknown'],
];

/** The design's rules (docs/assessment.md): default follows the cell; visual/custom follow only code & inputs. */
function expectedAllowed(method: Method, code: boolean, inputs: boolean, cell: Exclude<Cell, 'not-comparable'>): Proposition[] {
  if (method === 'default') {
    return [({ repeatable: 'repeated', reproducible: 'reproduced', 'non-repeatable': 'non-repeated', unknown: 'non-reproduced' } as const)[cell]];
  }
  return code && inputs ? ['repeated', 'non-repeated'] : ['reproduced', 'non-reproduced'];
}

function sameness(code: boolean, inputs: boolean, outputs: boolean): Sameness {
  return { code: { same: code, basis: code ? 'vcs' : 'container' }, inputs: { same: inputs }, outputs: { same: outputs } };
}

describe('assessment table', () => {
  it('puts outputs that cannot be compared in no cell: method default allows nothing, visual and custom what code & inputs allow', () => {
    for (const [code, inputs] of [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ] as const) {
      const evidence: Sameness = { code: { same: code }, inputs: { same: inputs }, outputs: { same: false, comparable: false } };
      expect(cellOf(code, inputs, 'not-comparable')).toBe('not-comparable');
      expect(allowedPropositions('default', evidence)).toEqual([]);
      const column: Proposition[] = code && inputs ? ['repeated', 'non-repeated'] : ['reproduced', 'non-reproduced'];
      expect(allowedPropositions('visual', evidence)).toEqual(column);
      expect(allowedPropositions('custom', evidence)).toEqual(column);
      for (const proposition of PROPOSITIONS) {
        const check = checkProposition('default', proposition, evidence);
        expect(check).toMatchObject({ ok: false, cell: 'not-comparable', allowed: [] });
        expect(check.ok ? '' : check.message).toContain('the outputs cannot be compared (no digest both sides have)');
      }
    }
    const evidence: Sameness = { code: { same: true }, inputs: { same: true }, outputs: { same: false, comparable: false } };
    expect(explainCell(evidence)).toBe(
      'Code & inputs are same & same (code and inputs are the same), but the outputs cannot be compared (no digest both sides have): ' +
        'no table cell, so method default accepts no proposition; with method visual or custom you judge the outputs and may propose "repeated" or "non-repeated".',
    );
  });

  it('puts every combination of code, inputs and outputs sameness in the cell the assessment table names', () => {
    for (const [code, inputs, outputs, cell] of TABLE) expect(cellOf(code, inputs, outputs)).toBe(cell);
  });

  it('accepts and refuses every proposition, for every cell and method, exactly as the assessment rules say', () => {
    let checked = 0;
    for (const [code, inputs, outputs, cell] of TABLE) {
      for (const method of METHODS) {
        const allowed = expectedAllowed(method, code, inputs, cell);
        expect(allowedPropositions(method, sameness(code, inputs, outputs))).toEqual(allowed);
        for (const proposition of PROPOSITIONS) {
          const check = checkProposition(method, proposition, sameness(code, inputs, outputs));
          expect(check.ok, `${method} ${proposition} in ${cell}`).toBe(allowed.includes(proposition));
          expect(check.cell).toBe(cell);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(8 * 3 * 4);
  });

  it('names the table cell and the allowed propositions in every refusal', () => {
    for (const [code, inputs, outputs, cell] of TABLE) {
      for (const method of METHODS) {
        for (const proposition of PROPOSITIONS) {
          const check = checkProposition(method, proposition, sameness(code, inputs, outputs));
          if (check.ok) continue;
          expect(check.message).toContain(`"${proposition}" is not allowed with method ${method}`);
          const column = `${code ? 'same' : 'different'} & ${inputs ? 'same' : 'different'}`;
          expect(check.message).toContain(column);
          if (method === 'default') expect(check.message).toContain(`table cell "${cell}"`);
          else expect(check.message).toMatch(/table cell "(repeatable" or "non-repeatable|reproducible" or "unknown)"/);
          for (const allowed of check.allowed) expect(check.message).toContain(`"${allowed}"`);
        }
      }
    }
  });

  it('explains why a claim is too strong: inputs differ, so at most "reproduced"', () => {
    const check = checkProposition('default', 'repeated', sameness(true, false, true));
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toBe(
      'Proposition "repeated" is not allowed with method default: the comparison puts A and B in table cell "reproducible" ' +
        '(outputs same; code & inputs same & different); inputs differ, so the claim can be at most "reproduced". Propose "reproduced".',
    );
    const visual = checkProposition('visual', 'non-repeated', sameness(false, true, false));
    expect(visual.ok ? '' : visual.message).toContain('code differs, so the negative claim is "non-reproduced"');
  });

  it('explains why a claim contradicts the outputs', () => {
    const positive = checkProposition('default', 'reproduced', sameness(true, true, false));
    expect(positive.ok ? '' : positive.message).toContain('table cell "non-repeatable"');
    expect(positive.ok ? '' : positive.message).toContain('the outputs differ, so only a negative claim is possible');
    const negative = checkProposition('default', 'non-repeated', sameness(true, true, true));
    expect(negative.ok ? '' : negative.message).toContain('the outputs are the same, so a negative claim contradicts the evidence');
  });

  it('says "not shown to be the same" when there was no basis to compare the code', () => {
    const check = checkProposition('default', 'repeated', { code: { same: false, basis: 'unknown' }, inputs: { same: true }, outputs: { same: true } });
    expect(check.ok ? '' : check.message).toContain('code is not shown to be the same, so the claim can be at most "reproduced"');
  });

  it('describes the cell of a comparison in one sentence', () => {
    expect(explainCell(sameness(true, true, false))).toBe(
      'Code & inputs are same & same (code and inputs are the same) and the outputs are different: table cell "non-repeatable", for which method default accepts "non-repeated".',
    );
  });
});
