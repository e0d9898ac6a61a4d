import { describe, expect, it } from 'vitest';
import type { OutputPair } from '@reprise/sdk';
import { formatNumber, outputChange } from './changes';
import { readTable } from './table';

const side = (size: number) => ({ name: 'x', path: null, sha256: 'a'.repeat(64), sha1: null, size, mediaType: 'text/plain', uploaded: true });
const shape = (format: 'csv' | 'json', values: number) => ({ format, rows: format === 'json' ? null : values / 2, columns: format === 'json' ? null : 2, values, names: null });

describe('what changed, in words', () => {
  it('names a JSON value that changed by its pointer, with both values', () => {
    const pair: OutputPair = {
      name: 'params.json',
      path: null,
      a: side(20),
      b: side(19),
      result: 'numeric',
      same: false,
      numeric: {
        rtol: 0,
        atol: 0,
        compared: 2,
        differing: 1,
        same: false,
        shapes: { same: true, a: shape('json', 2), b: shape('json', 2) },
        maxAbs: { value: 0.05, a: 0.45, b: 0.4, at: { pointer: '/cfl' } },
        maxRel: null,
        differences: [{ a: 0.45, b: 0.4, at: { pointer: '/cfl' } }],
      },
    };
    expect(outputChange(pair)).toEqual({ subject: 'params.json changed', words: '`/cfl` 0.45 → 0.4' });
  });

  it('counts the values of a table that differ and says where, or how the shapes differ', () => {
    const numeric = {
      rtol: 0,
      atol: 0,
      compared: 4000,
      differing: 3,
      same: false,
      shapes: { same: true, a: shape('csv', 4000), b: shape('csv', 4000) },
      maxAbs: null,
      maxRel: null,
      differences: [{ a: 1.5, b: 1.25, at: { row: 5, column: 2, name: 'T' } }],
    };
    const pair: OutputPair = { name: 'heat.csv', path: null, a: side(1), b: side(1), result: 'numeric', same: false, numeric };
    expect(outputChange(pair)?.words).toBe('3 of 4,000 values differ: row 5, `T` 1.5 → 1.25; …');
    const reshaped = { ...pair, numeric: { ...numeric, shapes: { ...numeric.shapes, same: false, mismatch: 'A has 3 column(s), B 2' } } };
    expect(outputChange(reshaped)?.words).toBe('another shape: A has 3 column(s), B 2');
    expect(outputChange({ ...pair, result: 'missing-b', b: null })).toEqual({ subject: 'heat.csv removed', words: 'only A has it (1 B)' });
  });

  it('writes numbers without float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(5.00008923154e-10)).toBe('5.00008923154e-10');
    expect(formatNumber('NaN')).toBe('"NaN"');
  });
});

describe('reading the first rows of a table', () => {
  it('finds the header, the format and each column’s kind, and notes a ragged row', () => {
    const table = readTable('x,label,T\n0.1,a,1e-3\n0.2,b,nan\n0.3,c\n', 10);
    expect(table).toMatchObject({ format: 'csv', names: ['x', 'label', 'T'], types: ['number', 'text', 'text'], truncated: false });
    expect(table.ragged).toBe('a row has 2 fields where the first has 3');
    expect(readTable('# t e\n 1  2.5\n 2  3.5\n', 1)).toMatchObject({ format: 'whitespace', names: null, rows: [['1', '2.5']], types: ['number', 'number'], truncated: true });
  });
});
