import { describe, expect, it } from 'vitest';
import { parseSort, parseWhere } from './query.js';

describe('where', () => {
  it('reads a conjunction of comparisons with every operator, numbers, strings and booleans', () => {
    const parsed = parseWhere(`parameters.solver.cfl < 0.45 and metrics.error <= 1e-3 AND parameters.scheme = "crank" and parameters.n >= -2 and metrics.x > .5 and parameters.ok != false and parameters.name = 'it\\'s'`);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { path: 'parameters.solver.cfl', operator: '<', value: 0.45, position: 0 },
        { path: 'metrics.error', operator: '<=', value: 0.001, position: 33 },
        { path: 'parameters.scheme', operator: '=', value: 'crank', position: 59 },
        { path: 'parameters.n', operator: '>=', value: -2, position: 91 },
        { path: 'metrics.x', operator: '>', value: 0.5, position: 114 },
        { path: 'parameters.ok', operator: '!=', value: false, position: 133 },
        { path: 'parameters.name', operator: '=', value: "it's", position: 160 },
      ],
    });
    expect(parseWhere('   ')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['parameters.cfl ~ 3', 15, 'unknown operator "~"'],
    ['parameters.cfl == 3', 15, 'unknown operator "=="'],
    ['parameters.cfl like 3', 15, 'unknown operator "like"'],
    ['parameters < 3', 0, '"parameters" is an object'],
    ['metrics.error < 1 and parameters.scheme < "crank"', 40, 'a string compares only with = and !='],
    ['parameters.ok > true', 14, 'a boolean compares only'],
    ['params.cfl = 1', 0, 'starts with "parameters." or "metrics."'],
    ['parameters.cfl = crank', 17, 'quote a string'],
    ['parameters.cfl = "crank', 17, 'no closing "'],
    ['parameters.cfl = 1 or metrics.e = 2', 19, 'only "and"'],
    ['parameters.cfl = 1 and', 22, 'after "and"'],
    ['parameters.cfl', 14, 'expected an operator'],
    ['parameters.cfl =', 16, 'expected a value'],
    ['parameters..cfl = 1', 0, 'empty segment'],
  ])('refuses %j at position %i', (text, position, message) => {
    const parsed = parseWhere(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem.position).toBe(position);
      expect(parsed.problem.message).toContain(message);
    }
  });
});

describe('sort', () => {
  it('reads a path with its direction, and the record times', () => {
    expect(parseSort('-metrics.error')).toEqual({ ok: true, value: { key: 'metrics.error', time: false, direction: -1 } });
    expect(parseSort('parameters.cfl')).toEqual({ ok: true, value: { key: 'parameters.cfl', time: false, direction: 1 } });
    expect(parseSort('updated')).toEqual({ ok: true, value: { key: 'updated', time: true, direction: undefined } });
    expect(parseSort('-created')).toEqual({ ok: true, value: { key: 'created', time: true, direction: -1 } });
  });

  it('refuses an empty sort, a bare root and a second path, with the position', () => {
    expect(parseSort('')).toMatchObject({ ok: false, problem: { position: 0, message: expect.stringContaining('sort names nothing') } });
    expect(parseSort('-')).toMatchObject({ ok: false, problem: { position: 1 } });
    expect(parseSort('metrics')).toMatchObject({ ok: false, problem: { position: 0, message: expect.stringContaining('is an object') } });
    expect(parseSort('metrics.a metrics.b')).toMatchObject({ ok: false, problem: { position: 10 } });
  });
});
