import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonFilter, pathValuesOf, valueAt } from './record-values.js';

/** Whether a record with `values` matches a filter comparisonFilter gives for a number, read as the database reads it. */
function matches(values: string[], filter: Record<string, unknown>): boolean {
  const test = filter.values as string | { $regex?: string; $in?: string[] };
  if (typeof test === 'string') return values.includes(test);
  if (test.$in) return values.some((value) => test.$in?.includes(value));
  return values.some((value) => new RegExp(test.$regex ?? '(?!)').test(value));
}

describe('path values', () => {
  it('keeps every scalar of parameters and metrics by path, and objects and lists as markers', () => {
    const values = pathValuesOf(JSON.stringify({ cfl: 0.4, solver: { name: 'crank', implicit: true }, sizes: [8] }), JSON.stringify({ 'train.loss': -1.5 }));
    const record = { values };
    expect(valueAt(record, 'parameters.cfl')).toBe(0.4);
    expect(valueAt(record, 'parameters.solver.name')).toBe('crank');
    expect(valueAt(record, 'parameters.solver.implicit')).toBe(true);
    expect(valueAt(record, 'parameters.sizes.0')).toBe(8);
    expect(valueAt(record, 'metrics.train.loss')).toBe(-1.5);
    expect(valueAt(record, 'parameters.solver')).toBeNull();
    expect(values).toContain('"parameters.solver"x');
  });

  it('compares numbers as numbers with every operator, negative, zero and tiny ones included', () => {
    const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e-300, -1e-300, 0.45, 1));
    fc.assert(
      fc.property(number, number, fc.constantFrom('<', '<=', '>', '>=', '=', '!=' as const), (stored, given, operator) => {
        const values = pathValuesOf(JSON.stringify({ x: stored }), null);
        const filter = comparisonFilter({ path: 'parameters.x', operator, value: given, position: 0 });
        const parts = '$and' in filter ? (filter.$and as Array<Record<string, unknown>>) : [filter];
        const found = parts.every((part) => {
          const test = part.values as { $ne?: string };
          return typeof test === 'object' && '$ne' in test ? !values.includes(test.$ne ?? '') : matches(values, part);
        });
        const a = stored === 0 ? 0 : stored;
        const b = given === 0 ? 0 : given;
        const expected = { '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b, '=': a === b, '!=': a !== b }[operator];
        expect(found).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
