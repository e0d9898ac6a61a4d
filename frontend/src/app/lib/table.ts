/**
 * Reading the first rows of a table of values (CSV, TSV or whitespace columns, with or without a
 * header) for previews and plots, as the comparison reads them: a first row with a field that is
 * not a number is the header; blank lines and lines starting with "#" are skipped.
 */

/** A table read from text: its header (null when it has none), rows of fields, and each column's kind. */
export interface Table {
  format: 'csv' | 'tsv' | 'whitespace';
  names: string[] | null;
  rows: string[][];
  /** Per column: every value read is a number, or not. */
  types: Array<'number' | 'text'>;
  /** Whether the text was cut at `maxRows` rows. */
  truncated: boolean;
  /** The first line with another number of fields than the first row, when there is one. */
  ragged: string | null;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(nan|inf|infinity)$/i;

/** Whether a field is a number as the comparison reads them (decimal, exponent, nan, inf). */
function isNumber(field: string): boolean {
  return NUMBER.test(field);
}

/** A field's value as a number (NaN for nan, ±Infinity for inf). */
export function numberOf(field: string): number {
  const lower = field.toLowerCase().replace(/^\+/, '');
  if (lower.endsWith('nan')) return Number.NaN;
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number(field);
}

function unquote(field: string): string {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

/** Reads up to `maxRows` rows of a table; `complete` false means the text is only the start of the file (its last line may be cut). */
export function readTable(text: string, maxRows: number, complete = true): Table {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!complete) lines.pop();
  const content = lines.filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const first = content[0] ?? '';
  const format = first.includes('\t') ? 'tsv' : first.includes(',') ? 'csv' : 'whitespace';
  const split = (line: string) => (format === 'whitespace' ? line.trim().split(/[ \t]+/) : line.split(format === 'tsv' ? '\t' : ',').map(unquote));
  let names: string[] | null = null;
  const rows: string[][] = [];
  let ragged: string | null = null;
  for (const [index, line] of content.entries()) {
    const fields = split(line);
    if (index === 0 && !fields.every(isNumber)) {
      names = fields;
      continue;
    }
    if (rows.length >= maxRows) break;
    const width = names?.length ?? rows[0]?.length ?? fields.length;
    if (fields.length !== width && ragged === null) ragged = `a row has ${fields.length} fields where the first has ${width}`;
    rows.push(fields);
  }
  const columns = names?.length ?? rows[0]?.length ?? 0;
  const types = Array.from({ length: columns }, (_, column) => (rows.length > 0 && rows.every((row) => isNumber(row[column] ?? '')) ? 'number' : 'text') as 'number' | 'text');
  const dataLines = content.length - (names ? 1 : 0);
  return { format, names, rows, types, truncated: dataLines > rows.length || !complete, ragged };
}
