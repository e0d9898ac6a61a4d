import { describe, expect, it } from 'vitest';
import { filePathProblem, labelProblem, projectNameProblem, timestampLabel } from './names.js';

describe('project names', () => {
  it('accepts letters, digits, ".", "_" and "-" after a letter or digit, up to 100 characters', () => {
    for (const name of ['a', 'DLA', 'my.project_v2-final', '0day', 'x'.repeat(100)]) expect(projectNameProblem(name), name).toBeUndefined();
  });
  it('explains each refusal', () => {
    expect(projectNameProblem('')).toMatch(/empty/);
    expect(projectNameProblem('-x')).toMatch(/start/);
    expect(projectNameProblem('a b')).toMatch(/only letters/);
    expect(projectNameProblem('x'.repeat(101))).toMatch(/100/);
  });
});

describe('labels and file paths', () => {
  it('accepts labels with spaces, colons and slashes but not control characters', () => {
    expect(labelProblem('2026-11-22 07:13:23/a')).toBeUndefined();
    expect(labelProblem('bad\nlabel')).toMatch(/control/);
    expect(labelProblem('   ')).toMatch(/blank/);
  });
  it('refuses absolute paths, "..", backslashes and NUL in file paths', () => {
    expect(filePathProblem('out/data.csv')).toBeUndefined();
    for (const bad of ['/etc/passwd', '../x', 'a/../b', 'a\\b', 'a\u0000b', 'a//b', './a']) expect(filePathProblem(bad), bad).toBeDefined();
  });
  it('makes sortable timestamp labels', () => {
    expect(timestampLabel(new Date('2026-11-22T07:13:23.045Z'))).toBe('20261122-071323-045');
  });
});
