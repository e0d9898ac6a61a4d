import { describe, expect, it } from 'vitest';
import { textDiff } from './textdiff';

describe('textDiff', () => {
  it('shows changed lines with their numbers and highlights the changed words', () => {
    const diff = textDiff('particles 10000\ndimension 1.7093\nradius 212.4\n', 'particles 10000\ndimension 1.7095\nradius 212.4\n');
    expect(diff).toMatchObject({ added: 1, removed: 1, gaveUp: false });
    expect(diff.rows.map((row) => row.kind)).toEqual(['same', 'removed', 'added', 'same']);
    const removed = diff.rows[1];
    expect(removed).toMatchObject({ kind: 'removed', oldNo: 2, text: 'dimension 1.7093' });
    if (removed?.kind !== 'removed') throw new Error('expected a removed row');
    expect(removed.segments?.filter((segment) => segment.changed).map((segment) => segment.text)).toEqual(['7093']);
    expect(diff.rows[2]).toMatchObject({ kind: 'added', newNo: 2, text: 'dimension 1.7095' });
  });

  it('folds unchanged runs far from any change, keeping three lines of context', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`);
    const changed = [...lines];
    changed[50] = 'line fifty';
    const diff = textDiff(`${lines.join('\n')}\n`, `${changed.join('\n')}\n`);
    expect(diff.rows.map((row) => (row.kind === 'fold' ? `fold ${row.count}` : row.kind))).toEqual(['fold 47', 'same', 'same', 'same', 'removed', 'added', 'same', 'same', 'same', 'fold 46']);
  });

  it('counts lines only on one side as added or removed', () => {
    const diff = textDiff('a\nb\n', 'a\nb\nc\nd\n');
    expect(diff).toMatchObject({ added: 2, removed: 0 });
    expect(diff.rows.at(-1)).toMatchObject({ kind: 'added', newNo: 4, text: 'd', segments: null });
  });

  it('finds no difference between equal texts', () => {
    const diff = textDiff('same\n', 'same\n');
    expect(diff).toMatchObject({ added: 0, removed: 0, gaveUp: false });
    expect(diff.rows).toEqual([{ kind: 'fold', count: 1 }]);
  });
});
