import { describe, expect, it } from 'vitest';
import type { OutputPair } from './evidence.js';
import { CELL_INFO, cellAt, columnOf } from './table.js';
import { describePair, outputsWords, summarizeCell, whyPropositions } from './words.js';

const evidence = (code: boolean, inputs: boolean, outputs: boolean, basis = 'vcs') => {
  const cell = cellAt(outputs ? 'same' : 'different', columnOf(code, inputs));
  return { code: { same: code, basis: basis as 'vcs', reason: '', a: {}, b: {} }, inputs: { same: inputs }, outputs: { same: outputs }, cell } as never;
};

describe('the assessment table in words', () => {
  it('places every combination in the cell of the design’s table', () => {
    expect(cellAt('same', columnOf(true, true))).toBe('repeatable');
    expect(cellAt('same', columnOf(true, false))).toBe('reproducible');
    expect(cellAt('same', columnOf(false, true))).toBe('reproducible');
    expect(cellAt('different', columnOf(true, true))).toBe('non-repeatable');
    expect(cellAt('different', columnOf(false, false))).toBe('unknown');
    expect(CELL_INFO.unknown.proposition).toBe('non-reproduced');
  });

  it('explains the cell and why a method allows its propositions', () => {
    expect(summarizeCell(evidence(true, true, false))).toBe('Code and inputs are the same, and the outputs differ: table cell “non-repeatable”.');
    expect(summarizeCell(evidence(false, true, true, 'unknown'))).toBe('The code is not shown to be the same, and the outputs are the same: table cell “reproducible”.');
    expect(whyPropositions('default', evidence(true, true, true), ['repeated'])).toContain('the only claim the table accepts is “repeated”');
    expect(whyPropositions('visual', evidence(true, false, false), ['reproduced', 'non-reproduced'])).toBe(
      'With the visual method you vouch for the outputs; the inputs differ, so the claim is reproduced or non-reproduced: propose “reproduced” or “non-reproduced”.',
    );
  });

  it('says that outputs which cannot be compared are in no cell, and that only visual or custom can claim anything', () => {
    const blind = { code: { same: true, basis: 'vcs', reason: '', a: {}, b: {} }, inputs: { same: true }, outputs: { same: false, comparable: false }, cell: 'not-comparable' } as never;
    expect(CELL_INFO['not-comparable']).toMatchObject({ label: 'Not comparable', proposition: null, outputs: null });
    expect(summarizeCell(blind)).toBe('Code and inputs are the same, but the outputs cannot be compared (no digest both sides have): no table cell.');
    expect(whyPropositions('default', blind, [])).toBe(
      'With the default method the comparison decides, and it cannot: the outputs cannot be compared (no digest both sides have), so no claim is possible. Choose the visual or custom method to judge the outputs yourself.',
    );
    expect(outputsWords({ same: false, comparable: false } as never)).toBe('not comparable');
    expect(outputsWords({ same: false } as never)).toBe('different');
    const pair = { name: 'x', path: null, a: null, b: null, result: 'not-comparable', same: false } as OutputPair;
    expect(describePair(pair)).toEqual({ label: 'Not comparable', tone: 'warn' });
  });

  it('describes output pairs with a tone', () => {
    const pair = (result: OutputPair['result'], same: boolean) => ({ name: 'x', path: null, a: null, b: null, result, same }) as OutputPair;
    expect(describePair(pair('identical', true))).toEqual({ label: 'Identical', tone: 'good' });
    expect(describePair(pair('text-distance', true))).toEqual({ label: 'Within tolerance', tone: 'good' });
    expect(describePair(pair('text-distance', false))).toEqual({ label: 'Text differs', tone: 'bad' });
    expect(describePair(pair('missing-a', false)).label).toBe('Only in B');
  });
});
