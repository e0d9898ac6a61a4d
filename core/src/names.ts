import { AppError } from './errors.js';

/** Project names: a letter or digit, then up to 99 letters, digits, ".", "_" or "-". */
export const PROJECT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Record labels: printable text without control characters, at most 200 characters. */
export const LABEL_PATTERN = /^[^\u0000-\u001f\u007f]{1,200}$/u;

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

/** The 422 `name_shadows_id` refusing a new project name or record label that has the form of an id. */
export function nameShadowsId(kind: 'project name' | 'record label', value: string): AppError {
  return new AppError(
    422,
    'name_shadows_id',
    `A ${kind} cannot have the form of an id (24 hex digits): "${value}" would shadow the id where a ${kind} or an id is accepted. Choose another ${kind}.`,
    { [kind === 'project name' ? 'name' : 'label']: value },
  );
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
