import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { NumericComparison } from '@reprise/rules';
import { compareNumericStreams, type NumericRunOptions } from './numeric-run.js';
import type { NumericOutcome } from './numeric.js';

/** Streams text in chunks of `size` bytes, so that lines and numbers are cut at every possible place. */
function chunked(text: string, size = 7): Readable {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

async function compareTexts(a: string, b: string, options: Partial<NumericRunOptions> = {}, size = 7): Promise<NumericOutcome> {
  return compareNumericStreams(chunked(a, size), chunked(b, size), { rtol: 0, atol: 0, jsonLimitBytes: 1 << 20, ...options });
}

async function numeric(a: string, b: string, options: Partial<NumericRunOptions> = {}, size = 7): Promise<NumericComparison> {
  const outcome = await compareTexts(a, b, options, size);
  if (!outcome.numeric) throw new Error(`expected a numeric comparison, got: ${outcome.reason}`);
  return outcome.comparison;
}

const HEAT = 'x,T,flux\n0.0,1.5,0.25\n0.1,1.4999999999,0.2500000002\n0.2,1.49,0.26\n';
const HEAT_B = 'x,T,flux\n0.0,1.5,0.25\n0.1,1.5,0.25\n0.2,1.49,0.26\n';

describe('numeric comparison of tables', () => {
  it('compares a CSV with a header value by value, naming the row and column of the largest differences', async () => {
    const strict = await numeric(HEAT, HEAT_B);
    expect(strict).toMatchObject({ compared: 9, differing: 2, same: false, shapes: { same: true, a: { format: 'csv', rows: 3, columns: 3, names: ['x', 'T', 'flux'] } } });
    expect(strict.maxAbs?.at).toEqual({ row: 2, column: 3, name: 'flux' });
    expect(strict.maxAbs?.value).toBeCloseTo(2e-10, 15);
    expect(strict.maxRel?.at).toEqual({ row: 2, column: 3, name: 'flux' });
    expect(strict.differences.map((d) => d.at)).toEqual([
      { row: 2, column: 2, name: 'T' },
      { row: 2, column: 3, name: 'flux' },
    ]);
    const tolerant = await numeric(HEAT, HEAT_B, { rtol: 1e-9 });
    expect(tolerant).toMatchObject({ compared: 9, differing: 0, same: true, rtol: 1e-9, atol: 0 });
  });

  it('reads CSV without a header, TSV and whitespace columns, and numbers written differently as the same values', async () => {
    expect(await numeric('1,2\n3,4\n', '1.0,2e0\n3.00,+4\n')).toMatchObject({ compared: 4, differing: 0, same: true, shapes: { a: { names: null, format: 'csv' } } });
    expect(await numeric('a\tb\n1\t2\n', 'a\tb\n1\t2.5\n')).toMatchObject({ differing: 1, shapes: { a: { format: 'tsv', names: ['a', 'b'] } } });
    const whitespace = await numeric('# step energy\n  1   -3.25e-1\n  2   -0.5\n\n', '1 -0.325\n2 -0.5000001\n');
    expect(whitespace).toMatchObject({ compared: 4, differing: 1, shapes: { same: true, a: { format: 'whitespace', rows: 2, columns: 2 } } });
    expect(whitespace.differences[0]).toMatchObject({ a: -0.5, b: -0.5000001, at: { row: 2, column: 2 } });
  });

  it('applies |a − b| ≤ atol + rtol·|b| at its boundary, with NaN close to nothing and infinities only to themselves', async () => {
    // |1.5 − 1| = 0.5 = atol 0.25 + rtol 0.25 · |1|: close; a hair more is not.
    expect(await numeric('1.5\n', '1\n', { rtol: 0.25, atol: 0.25 })).toMatchObject({ differing: 0, same: true });
    expect(await numeric('1.5000001\n', '1\n', { rtol: 0.25, atol: 0.25 })).toMatchObject({ differing: 1, same: false });
    // The rule is numpy's, not symmetric: relative to B.
    expect(await numeric('2\n', '1\n', { rtol: 0.6 })).toMatchObject({ same: false });
    expect(await numeric('1\n', '2\n', { rtol: 0.6 })).toMatchObject({ same: true });
    expect(await numeric('1e-300\n', '0\n', { atol: 1e-200 })).toMatchObject({ same: true });
    const special = await numeric('nan,inf,-inf\n', 'NaN,Infinity,inf\n', { rtol: 1, atol: 1 });
    expect(special).toMatchObject({ compared: 3, differing: 2, maxAbs: null });
    expect(special.differences).toEqual([
      { a: 'NaN', b: 'NaN', at: { row: 1, column: 1 } },
      { a: '-inf', b: 'inf', at: { row: 1, column: 3 } },
    ]);
  });

  it('parses long mantissas and large exponents exactly as JavaScript does', async () => {
    const values = ['0.1', '3.141592653589793238', '1e-320', '-2.5E+300', '123456789012345678', '0.000000000000000000000012345', '1.7976931348623157e308'];
    const comparison = await numeric(values.join('\n'), values.map((value) => String(Number(value))).join('\n'));
    expect(comparison).toMatchObject({ compared: values.length, differing: 0, same: true });
  });

  it('reports a shape mismatch: other row counts, other column counts, a header on one side only, renamed columns', async () => {
    const rows = await numeric('1,2\n3,4\n5,6\n', '1,2\n3,4\n');
    expect(rows).toMatchObject({ same: false, compared: 4, differing: 0, shapes: { same: false, mismatch: 'A has 3 × 2 values, B 2 × 2', a: { rows: 3 }, b: { rows: 2 } } });
    expect(await numeric('1,2\n', '1,2,3\n')).toMatchObject({ same: false, shapes: { same: false, mismatch: 'A has 2 column(s), B 3' } });
    expect(await numeric('x,y\n1,2\n', '1,2\n')).toMatchObject({ same: false, shapes: { mismatch: 'A has a header row and B has none' } });
    expect((await numeric('x,y\n1,2\n', 'x,z\n1,2\n')).shapes.mismatch).toContain('column 2 is "y" in A and "z" in B');
  });

  it('says why text that is not a table of numbers is not compared as numbers', async () => {
    expect(await compareTexts('step 1 energy 2\nstep 2 energy 3\n', 'step 1 energy 2\nstep 2 energy 4\n')).toEqual({
      numeric: false,
      reason: 'not a table of numbers: line 2, column 1 of A: "step" is not a number',
    });
    expect(await compareTexts('1,2\n3\n', '1,2\n3,4\n')).toEqual({ numeric: false, reason: 'not a table of numbers: line 2 of A has 1 value(s), earlier rows 2' });
    expect(await compareTexts('1,2,3\n4,,6\n', '1,2,3\n4,5,6\n')).toMatchObject({ numeric: false, reason: 'not a table of numbers: line 2, column 2 of A: "" is not a number' });
    expect(await compareTexts('just words\n', 'just words\n')).toEqual({ numeric: false, reason: 'A holds no row of numbers' });
    expect(await compareTexts('{"a": 1}', '1\n')).toEqual({ numeric: false, reason: 'A is JSON and B is not' });
    expect(await compareTexts('x'.repeat(3 << 20), 'y', {}, 1 << 16)).toMatchObject({ numeric: false, reason: expect.stringContaining('longer than 1048576 bytes') });
  });

  it('compares a table of a million values in a worker thread, chunk by chunk', async () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => `${i},${(i * 0.001).toFixed(6)},${Math.sin(i).toFixed(12)},${i % 7}`);
    const changed = [...rows];
    changed[123_456] = '123456,123.456000,0.5,4';
    const comparison = await numeric(`i,t,s,m\n${rows.join('\n')}\n`, `i,t,s,m\n${changed.join('\n')}\n`, { thread: 'worker', atol: 1e-12 }, 1 << 16);
    expect(comparison).toMatchObject({ compared: 1_000_000, differing: 1, shapes: { same: true, a: { rows: 250_000, columns: 4 } } });
    expect(comparison.differences[0]?.at).toEqual({ row: 123_457, column: 3, name: 's' });
  });
});

describe('numeric comparison of JSON', () => {
  it('compares JSON leaf by leaf with the tolerance, naming differences by JSON Pointer', async () => {
    const a = JSON.stringify({ solver: { cfl: 0.45, scheme: 'crank' }, energy: [1.0, 2.0000001], converged: true });
    const b = JSON.stringify({ solver: { cfl: 0.4, scheme: 'crank' }, energy: [1.0, 2.0], converged: true });
    const strict = await numeric(a, b);
    expect(strict).toMatchObject({ compared: 5, differing: 2, same: false, shapes: { same: true, a: { format: 'json', values: 5 } } });
    expect(strict.differences).toEqual([
      { a: 0.45, b: 0.4, at: { pointer: '/solver/cfl' } },
      { a: 2.0000001, b: 2, at: { pointer: '/energy/1' } },
    ]);
    expect(strict.maxAbs).toMatchObject({ a: 0.45, b: 0.4, at: { pointer: '/solver/cfl' } });
    expect(await numeric(a, b, { atol: 0.1 })).toMatchObject({ same: true, differing: 0 });
  });

  it('reports other structures as a shape mismatch and other strings as differing values', async () => {
    expect((await numeric('{"a": [1, 2], "b": 1}', '{"a": [1, 2, 3], "c": 1}')).shapes.mismatch).toBe('at "/a" A has an array of 2 and B of 3');
    expect((await numeric('{"a": 1, "b": 1}', '{"a": 1, "c": 1}')).shapes.mismatch).toBe('"/b" is only in A');
    expect((await numeric('{"a": {"x": 1}}', '{"a": 1}')).shapes.mismatch).toBe('at "/a" A has an object and B a number');
    expect(await numeric('{"name": "run~/1"}', '{"name": "run 2"}')).toMatchObject({ differing: 1, differences: [{ a: 'run~/1', b: 'run 2', at: { pointer: '/name' } }] });
    expect(await compareTexts('{"a": 1', '{"a": 1}')).toMatchObject({ numeric: false, reason: expect.stringContaining('A is not valid JSON') });
  });
});
