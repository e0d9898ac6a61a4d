/**
 * A line diff of two texts for the compare page: changed lines with a few lines of context,
 * long unchanged runs folded, and words highlighted inside a changed line that has a counterpart.
 */
import { diffLines, diffWordsWithSpace } from 'diff';

/** A piece of a changed line: `changed` pieces are what differs from the counterpart line. */
export interface Segment {
  text: string;
  changed: boolean;
}

/** One row of a unified diff. */
export type DiffRow =
  | { kind: 'same'; oldNo: number; newNo: number; text: string }
  | { kind: 'removed'; oldNo: number; text: string; segments: Segment[] | null }
  | { kind: 'added'; newNo: number; text: string; segments: Segment[] | null }
  | { kind: 'fold'; count: number };

/** The diff of two texts, or why there is none. */
export interface TextDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
  /** True when the texts differ so much that the diff was given up (see `limit`). */
  gaveUp: boolean;
}

/** Lines longer than this are not split into words (it would cost more than it shows). */
const WORD_DIFF_MAX_LINE = 2_000;

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function wordSegments(before: string, after: string): { before: Segment[]; after: Segment[] } | null {
  if (before.length > WORD_DIFF_MAX_LINE || after.length > WORD_DIFF_MAX_LINE) return null;
  const changes = diffWordsWithSpace(before, after);
  return {
    before: changes.filter((change) => !change.added).map((change) => ({ text: change.value, changed: change.removed })),
    after: changes.filter((change) => !change.removed).map((change) => ({ text: change.value, changed: change.added })),
  };
}

/**
 * Diffs two texts line by line. `context` unchanged lines are kept around each change and longer
 * unchanged runs become one `fold` row; the diff is given up after `timeoutMs` (very different
 * large texts), in which case the distance the service measured is all there is to show.
 */
export function textDiff(a: string, b: string, options: { context?: number; timeoutMs?: number } = {}): TextDiff {
  const context = options.context ?? 3;
  const changes = diffLines(a, b, { timeout: options.timeoutMs ?? 2_000 });
  if (!changes) return { rows: [], added: 0, removed: 0, gaveUp: true };

  // First every line, then fold the unchanged runs far from a change.
  const all: DiffRow[] = [];
  let oldNo = 1;
  let newNo = 1;
  let added = 0;
  let removed = 0;
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index];
    if (!change) continue;
    const lines = splitLines(change.value);
    if (change.removed) {
      const next = changes[index + 1];
      const counterpart = next?.added ? splitLines(next.value) : [];
      const addedRows: DiffRow[] = [];
      lines.forEach((text, i) => {
        const partner = counterpart[i];
        const words = partner === undefined ? null : wordSegments(text, partner);
        all.push({ kind: 'removed', oldNo: oldNo++, text, segments: words?.before ?? null });
        removed += 1;
        if (partner !== undefined) addedRows.push({ kind: 'added', newNo: 0, text: partner, segments: words?.after ?? null });
      });
      if (next?.added) {
        counterpart.forEach((text, i) => {
          const paired = addedRows[i];
          all.push(paired && paired.kind === 'added' ? { ...paired, newNo: newNo++ } : { kind: 'added', newNo: newNo++, text, segments: null });
          added += 1;
        });
        index += 1;
      }
    } else if (change.added) {
      for (const text of lines) {
        all.push({ kind: 'added', newNo: newNo++, text, segments: null });
        added += 1;
      }
    } else {
      for (const text of lines) all.push({ kind: 'same', oldNo: oldNo++, newNo: newNo++, text });
    }
  }

  const near = new Array<boolean>(all.length).fill(false);
  all.forEach((row, i) => {
    if (row.kind === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(all.length - 1, i + context); j += 1) near[j] = true;
  });
  const rows: DiffRow[] = [];
  let folded = 0;
  all.forEach((row, i) => {
    if (row.kind !== 'same' || near[i]) {
      if (folded > 0) rows.push({ kind: 'fold', count: folded });
      folded = 0;
      rows.push(row);
    } else {
      folded += 1;
    }
  });
  if (folded > 0) rows.push({ kind: 'fold', count: folded });
  return { rows, added, removed, gaveUp: false };
}
