/*
 * Name rules: project names, record labels, file names and paths, as stored and as looked up.
 */

/** Project names: a letter or digit, then up to 99 letters, digits, ".", "_" or "-". */
const PROJECT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Record labels: printable text without control characters, at most 200 characters. */
const LABEL_PATTERN = /^[^\u0000-\u001f\u007f]{1,200}$/u;

/**
 * Bidirectional override and isolate characters (U+202A–U+202E, U+2066–U+2069) change the order
 * in which text is shown: "report\u202Etxt.exe" shows as "reportexe.txt". Refused in labels and
 * file names, where they would disguise what a download is.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;

const BIDI_PROBLEM = 'bidirectional override or isolate characters (U+202A–U+202E, U+2066–U+2069), which disguise how the text reads';

/**
 * A record label, file name or path as stored and looked up: in Unicode NFC, so that visually
 * identical NFC and NFD forms (an "é" as one code point or as "e" + U+0301) are one name.
 */
export function normalizeName(value: string): string {
  return value.normalize('NFC');
}

/** The stored forms a client's label or file name may match: as given and, when different, its NFC form (older records keep the form they were given). */
export function nameForms(value: string): string[] {
  const nfc = normalizeName(value);
  return nfc === value ? [value] : [value, nfc];
}

/** Ids are 24 hex digits, in any case. */
const ID_FORM = /^[0-9a-f]{24}$/i;

/**
 * True when a project name or record label has the form of an id. Paths take a name or an id
 * (a label or an id), so such a name would shadow the project (record) whose id it is: reads by
 * id would find the name instead. New ones are refused; existing ones stay readable.
 */
export function hasIdForm(value: string): boolean {
  return ID_FORM.test(value);
}

/** Explains why a project name is refused, or returns undefined when it is valid. */
export function projectNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'A project name cannot be empty.';
  if (name.length > 100) return `A project name has at most 100 characters (got ${name.length}).`;
  if (!/^[A-Za-z0-9]/.test(name)) return 'A project name must start with a letter or a digit.';
  if (!PROJECT_NAME_PATTERN.test(name)) return 'A project name may contain only letters, digits, ".", "_" and "-".';
  return undefined;
}

/** Explains why a record label is refused, or returns undefined when it is valid. */
export function labelProblem(label: string): string | undefined {
  if (label.trim().length === 0) return 'A record label cannot be empty or blank.';
  if (label.length > 200) return `A record label has at most 200 characters (got ${label.length}).`;
  if (!LABEL_PATTERN.test(label)) return 'A record label cannot contain control characters.';
  if (BIDI_CONTROLS.test(label)) return `A record label cannot contain ${BIDI_PROBLEM}.`;
  return undefined;
}

/**
 * Explains why an uploaded file name or relative path is refused (absolute paths, "..",
 * backslashes, NUL and control characters), or returns undefined when it is safe to store and
 * to send back in a Content-Disposition header.
 */
export function filePathProblem(value: string): string | undefined {
  if (value.length === 0) return 'A file name cannot be empty.';
  if (value.length > 1024) return 'A file path has at most 1024 characters.';
  if (/[\u0000-\u001f\u007f]/u.test(value)) return 'A file name cannot contain control characters.';
  if (BIDI_CONTROLS.test(value)) return `A file name cannot contain ${BIDI_PROBLEM}.`;
  if (value.includes('\\')) return 'A file path uses "/" as separator, not "\\".';
  if (value.startsWith('/')) return 'A file path must be relative (no leading "/").';
  if (value.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    return 'A file path cannot contain "..", "." or empty segments.';
  }
  return undefined;
}

/** A default record label: the UTC time to the millisecond, like 20261122-071323-123. */
export function timestampLabel(date = new Date()): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
}
