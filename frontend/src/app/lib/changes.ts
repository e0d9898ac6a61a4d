/**
 * What changed between two records, in words: "params.json changed: `/cfl` 0.45 → 0.4" rather than
 * two digests. Values are written as the record page writes them (memory in binary units).
 */
import type { Evidence, JsonDifferences, OutputPair } from '@reprise/sdk';
import { formatBytes, formatHostValue } from './format';

/** One change: what it is about, and the words (with `code` spans marked by backquotes). */
export interface Change {
  subject: string;
  words: string;
}

/** Changes listed per subject at most. */
const MAX_PER_SUBJECT = 5;

type NumericValue = number | string | boolean | null;
type Location = { row?: number; column?: number; name?: string; pointer?: string };

/** A number as people read it: up to 12 significant digits, no float noise. */
export function formatNumber(value: NumericValue | undefined): string {
  if (typeof value !== 'number') return value === undefined ? '(missing)' : JSON.stringify(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-4 && abs < 1e15) return String(Number(value.toPrecision(12)));
  return Number(value.toPrecision(12)).toExponential();
}

/** Where a value is: "`/cfl`" in JSON, "row 5, T" in a table. */
export function locationWords(at: Location): string {
  if (at.pointer !== undefined) return `\`${at.pointer || '/'}\``;
  return `row ${at.row ?? '?'}, ${at.name !== undefined ? `\`${at.name}\`` : `column ${at.column ?? '?'}`}`;
}

function jsonChanges(subject: string, diff: JsonDifferences, format: (key: string, value: unknown) => string): Change[] {
  const shown = diff.differences.slice(0, MAX_PER_SUBJECT).map((row) => {
    if (!('a' in row)) return `\`${row.key || '/'}\` added: ${format(row.key, row.b)}`;
    if (!('b' in row)) return `\`${row.key || '/'}\` removed (was ${format(row.key, row.a)})`;
    return `\`${row.key || '/'}\` ${format(row.key, row.a)} → ${format(row.key, row.b)}`;
  });
  const more = diff.differences.length - shown.length + (diff.truncated ? 1 : 0);
  return shown.length === 0 ? [] : [{ subject, words: `${shown.join('; ')}${more > 0 ? `; and more` : ''}` }];
}

/** The changes of one output pair, or null when it did not change (or nothing can be said). */
export function outputChange(pair: OutputPair): Change | null {
  const subject = `${pair.name} changed`;
  if (pair.result === 'missing-a') return { subject: `${pair.name} added`, words: `only B has it (${formatBytes(pair.b?.size)})` };
  if (pair.result === 'missing-b') return { subject: `${pair.name} removed`, words: `only A has it (${formatBytes(pair.a?.size)})` };
  if (pair.result === 'numeric' && pair.numeric) {
    const numeric = pair.numeric;
    if (!numeric.shapes.same) return { subject, words: `another shape: ${numeric.shapes.mismatch ?? 'the shapes differ'}` };
    if (numeric.differing === 0) {
      return numeric.maxAbs
        ? { subject: `${pair.name} within tolerance`, words: `largest difference ${formatNumber(numeric.maxAbs.value)} at ${locationWords(numeric.maxAbs.at)}` }
        : null;
    }
    const values = numeric.differences.slice(0, MAX_PER_SUBJECT).map((d) => `${locationWords(d.at)} ${formatNumber(d.a)} → ${formatNumber(d.b)}`);
    const counted = numeric.differing > 1 || numeric.shapes.a.format !== 'json' ? `${numeric.differing.toLocaleString('en')} of ${numeric.compared.toLocaleString('en')} values differ: ` : '';
    return { subject, words: `${counted}${values.join('; ')}${numeric.differing > values.length ? '; …' : ''}` };
  }
  if (pair.result === 'text-distance' && !pair.same) {
    return { subject, words: `${(pair.distance ?? 0).toLocaleString('en')} character edit(s)${pair.exact === false ? ' at most' : ''}, ${formatBytes(pair.a?.size)} → ${formatBytes(pair.b?.size)}` };
  }
  if (pair.result === 'different-binary' || pair.result === 'different-unmeasured') {
    return { subject, words: `other bytes, ${formatBytes(pair.a?.size)} → ${formatBytes(pair.b?.size)}` };
  }
  return null;
}

/** Everything that changed from A to B, in words: parameters, outputs, dependencies, program and system. */
export function changesOf(evidence: Evidence): Change[] {
  const changes: Change[] = [...jsonChanges('parameters changed', evidence.inputs.parameters, formatHostValue)];
  for (const pair of evidence.outputs.pairs) {
    const change = outputChange(pair);
    if (change) changes.push(change);
  }
  const { dependencies } = evidence;
  const deps = [
    ...dependencies.changed.map((d) => `\`${d.name}\` ${d.a} → ${d.b}`),
    ...dependencies.added.map((d) => `\`${d.name}\` added (${d.version || 'any version'})`),
    ...dependencies.removed.map((d) => `\`${d.name}\` removed`),
  ];
  if (deps.length > 0) changes.push({ subject: 'dependencies changed', words: `${deps.slice(0, MAX_PER_SUBJECT).join('; ')}${deps.length > MAX_PER_SUBJECT ? '; …' : ''}` });
  changes.push(...jsonChanges('program changed', evidence.program, formatHostValue), ...jsonChanges('system changed', evidence.system, formatHostValue));
  return changes;
}
