import { createHash } from 'node:crypto';
import {
  decodeFreeform,
  encodeFreeform,
  filePathProblem,
  type Dependency,
  type JsonValue,
  type RecordDoc,
  type RecordReplacement,
  type ReplacementFileRef,
  type RecordStatus,
  type SumatraState,
} from '@reprise/core';

/** A JSON object as parsed from a body. */
export type JsonObject = { [key: string]: JsonValue };

/** A Sumatra record as its client sends it (`record2dict` in sumatra/formatting): any JSON object with its required keys. */
export type SumatraRecordJson = JsonObject;

/**
 * Sumatra's status tags are `_<status>_`, and `_<status>..._` while a finished run's outputs are
 * gathered (sumatra/records.py, core.py STATUS_FORMAT). The rank orders them when a record
 * carries more than one (a user may add a status tag by hand): the furthest along wins.
 */
const STATUS_NAMES: Record<string, { status: RecordStatus; rank: number }> = {
  initialized: { status: 'scheduled', rank: 1 },
  pre_run: { status: 'started', rank: 2 },
  running: { status: 'running', rank: 3 },
  finished: { status: 'finished', rank: 5 },
  succeeded: { status: 'finished', rank: 5 },
  failed: { status: 'crashed', rank: 5 },
  crashed: { status: 'crashed', rank: 5 },
  killed: { status: 'aborted', rank: 5 },
};

/** Rank of a run that is over but whose outputs are still being gathered: still running for Reprise. */
const GATHERING_RANK = 4;

/** Sumatra's repository classes and the version-control system each stands for. */
const VCS_OF_REPOSITORY: Record<string, string> = {
  GitRepository: 'git',
  MercurialRepository: 'mercurial',
  SubversionRepository: 'subversion',
  BazaarRepository: 'bazaar',
};

/** The status a Sumatra status tag means, with its rank; undefined for ordinary tags. */
function statusOfTag(tag: string): { status: RecordStatus; rank: number } | undefined {
  const match = /^_(.+?)(\.\.\.)?_$/.exec(tag);
  const known = match?.[1] ? STATUS_NAMES[match[1].toLowerCase()] : undefined;
  if (!known) return undefined;
  return match?.[2] ? { status: 'running', rank: GATHERING_RANK } : known;
}

/** The Reprise status of a record with these Sumatra tags (`unknown` when none is a status tag). */
export function statusOfTags(tags: string[]): RecordStatus {
  let best: { status: RecordStatus; rank: number } = { status: 'unknown', rank: 0 };
  for (const tag of tags) {
    const found = statusOfTag(tag);
    if (found && found.rank > best.rank) best = found;
  }
  return best.status;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:(Z)|([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?)?$/;

/**
 * Parses a Sumatra timestamp the way its client does (serialization.py datestring_to_datetime):
 * "%Y-%m-%d %H:%M:%S%z", the "T" form, either without a zone (then UTC), and the " 00:00"
 * form a URL-decoded "+00:00" takes. Returns null when it is none of these.
 */
export function parseSumatraTimestamp(text: string): Date | null {
  const value = text.endsWith(' 00:00') ? `${text.slice(0, -6)}+00:00` : text;
  const match = TIMESTAMP.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetHours, offsetMinutes, offsetSeconds] = match;
  const milliseconds = fraction ? Math.floor(Number(fraction) * 1000) : 0;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), milliseconds);
  const offset = zulu || !sign ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60 + Number(offsetSeconds ?? 0)) * 1000;
  const date = new Date(utc - offset);
  // Date.UTC rolls 2026-02-31 over to March; Sumatra's strptime refuses it.
  const check = new Date(utc);
  if (Number.isNaN(date.getTime()) || check.getUTCDate() !== Number(day) || check.getUTCMonth() !== Number(month) - 1) return null;
  return date;
}

function objectOf(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function stringOf(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** Picks the keys that are present, so that absent ones stay absent rather than becoming null. */
function present(entries: Record<string, JsonValue | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value;
  return out;
}

/** Sumatra's tags, as strings. */
function sumatraTags(document: SumatraRecordJson): string[] {
  const tags = document.tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

/**
 * The Reprise tags of a Sumatra record: its own tags without the status tags (the status has its
 * own field), within Reprise's limits (at most 100 tags of 1 to 100 characters). Sumatra keeps
 * every tag in its document and in `sumatra.tags`.
 */
export function repriseTags(tags: string[]): string[] {
  const kept = tags.filter((tag) => !statusOfTag(tag) && tag.length > 0 && tag.length <= 100);
  return [...new Set(kept)].slice(0, 100);
}

/** A relative path Reprise accepts for a data key's path, or null when it cannot be made one. */
function relativePath(path: string): string | null {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return null;
  const joined = segments.join('/').normalize('NFC');
  return filePathProblem(joined) ? null : joined;
}

/** What Reprise keeps of one Sumatra data key: its entry, and the Sumatra details under the same name. */
interface MappedDataKeys {
  refs: ReplacementFileRef[];
  details: JsonObject[];
}

/**
 * Maps Sumatra data keys ({path, digest, metadata, creation}) to Reprise inputs or outputs. The
 * digest is Sumatra's sha1: it becomes the entry's `sha1`, which the assessment compares when a
 * side has no sha256, and `sha256` stays null (no sha256 is known). The sha1, the creation time
 * and the metadata also go to `details`, which names each entry the same way.
 */
export function mapDataKeys(value: JsonValue | undefined): MappedDataKeys {
  const keys = Array.isArray(value) ? value : [];
  const taken = new Set<string>();
  const refs: ReplacementFileRef[] = [];
  const details: JsonObject[] = [];
  for (const item of keys) {
    const key = objectOf(item);
    const originalPath = stringOf(key?.path);
    if (!key || originalPath === undefined) continue;
    const path = relativePath(originalPath);
    // Control and bidirectional override/isolate characters are replaced, as Reprise refuses them in names.
    const last = (path ?? originalPath).split('/').filter(Boolean).at(-1)?.normalize('NFC');
    const base = clip(last?.replace(/[\u0000-\u001f\u007f\\\u202a-\u202e\u2066-\u2069]/gu, '_') ?? '', 240);
    const stem = base === '' || base === '.' || base === '..' ? 'file' : base;
    let name = stem;
    for (let n = 2; taken.has(name); n += 1) name = `${stem} (${n})`;
    taken.add(name);
    const metadata = objectOf(key.metadata);
    const size = metadata?.size;
    const mimetype = stringOf(metadata?.mimetype);
    const sha1 = stringOf(key.digest)?.toLowerCase();
    refs.push({
      name,
      path,
      sha256: null,
      sha1: sha1 && /^[0-9a-f]{40}$/.test(sha1) ? sha1 : null,
      size: typeof size === 'number' && Number.isInteger(size) && size >= 0 ? size : null,
      mediaType: mimetype && mimetype.length <= 255 ? mimetype : null,
    });
    details.push(present({ name, path: originalPath, sha1: key.digest ?? null, creation: key.creation ?? null, metadata: key.metadata }));
  }
  return { refs, details };
}

function splitArguments(value: JsonValue | undefined): string[] {
  const text = stringOf(value);
  return text ? text.split(/\s+/).filter((part) => part.length > 0) : [];
}

/**
 * What ran: the executable and main file, and the code version as Reprise's assessment compares
 * it, the commit (`version`) and the sha256 of the working-tree diff (null when clean). The diff
 * text itself stays in the Sumatra document.
 */
function mapProgram(document: SumatraRecordJson): JsonObject {
  const executable = objectOf(document.executable);
  const repository = objectOf(document.repository);
  const diff = stringOf(document.diff);
  const repositoryType = stringOf(repository?.type);
  return present({
    command: stringOf(executable?.path),
    arguments: splitArguments(document.script_arguments),
    entryPoint: stringOf(document.main_file),
    executable: executable,
    versionControl: {
      vcs: repositoryType ? (VCS_OF_REPOSITORY[repositoryType] ?? repositoryType.replace(/Repository$/, '').toLowerCase()) : null,
      repository: stringOf(repository?.url) ?? null,
      commit: stringOf(document.version) ?? null,
      branch: null,
      tag: null,
      dirty: diff === undefined ? null : diff.length > 0,
      diff: diff ? createHash('sha256').update(diff, 'utf8').digest('hex') : null,
    },
  });
}

/** The host: Sumatra's first platform in Reprise's terms, with every platform as Sumatra recorded it. Null before Sumatra records any. */
function mapSystem(document: SumatraRecordJson): JsonObject | null {
  const platforms = Array.isArray(document.platforms) ? document.platforms : [];
  const first = objectOf(platforms[0]);
  if (!first) return null;
  return present({
    os: stringOf(first.system_name),
    release: stringOf(first.release),
    version: stringOf(first.version),
    arch: stringOf(first.machine),
    hostname: stringOf(first.network_name),
    cpu: stringOf(first.processor),
    bits: stringOf(first.architecture_bits),
    ip: stringOf(first.ip_addr),
    platforms,
  });
}

/** Sumatra's dependencies ({name, path, version, diff, module, source}) as Reprise's, `module` as the manager. */
export function mapDependencies(document: SumatraRecordJson): Dependency[] {
  const list = Array.isArray(document.dependencies) ? document.dependencies : [];
  return list.flatMap((item) => {
    const dependency = objectOf(item);
    const name = stringOf(dependency?.name);
    if (!dependency || !name) return [];
    const version = dependency.version;
    const manager = stringOf(dependency.module);
    const source = stringOf(dependency.source);
    return [
      {
        name: clip(name, 500),
        version: clip(typeof version === 'string' ? version : version === null || version === undefined ? '' : JSON.stringify(version), 200),
        manager: manager ? clip(manager, 100) : null,
        source: source ? clip(source, 2000) : null,
      },
    ];
  });
}

/**
 * Maps a Sumatra record to the whole Reprise record that replaces the stored one. Sumatra's
 * document is kept as it came (codec text in `sumatra.document`) so that its client gets
 * exactly that back; `stdout_stderr` moves to the record's stdout instead of being stored twice.
 */
export function toReplacement(document: SumatraRecordJson): RecordReplacement {
  const tags = sumatraTags(document);
  const inputs = mapDataKeys(document.input_data);
  const outputs = mapDataKeys(document.output_data);
  const stdout = stringOf(document.stdout_stderr);
  const stored: SumatraRecordJson = stdout === undefined ? document : { ...document, stdout_stderr: null };
  const timestamp = stringOf(document.timestamp);
  const duration = document.duration;
  const sumatra: SumatraState = {
    document: encodeFreeform(stored),
    stdoutInRecord: stdout !== undefined,
    timestamp: timestamp === undefined ? null : parseSumatraTimestamp(timestamp),
    tags,
  };
  return {
    status: statusOfTags(tags),
    program: mapProgram(document),
    parameters: document.parameters ?? null,
    system: mapSystem(document),
    custom: {
      sumatra: present({
        timestamp: document.timestamp,
        user: document.user,
        repeats: document.repeats,
        script_arguments: document.script_arguments,
        launch_mode: document.launch_mode,
        datastore: document.datastore,
        input_datastore: document.input_datastore,
        inputs: inputs.details,
        outputs: outputs.details,
      }),
    },
    inputs: inputs.refs,
    outputs: outputs.refs,
    dependencies: mapDependencies(document),
    tags: repriseTags(tags),
    reason: stringOf(document.reason) ?? '',
    outcome: stringOf(document.outcome) ?? '',
    duration: typeof duration === 'number' && Number.isFinite(duration) && duration >= 0 ? duration : null,
    stdout: stdout ?? '',
    stderr: '',
    sumatra,
  };
}

/** The Sumatra document of a record written through the store, as it was stored (null for other records). */
export function sumatraDocumentOf(record: Pick<RecordDoc, 'sumatra' | 'stdout'>): SumatraRecordJson | null {
  if (!record.sumatra) return null;
  const document = objectOf(decodeFreeform(record.sumatra.document));
  if (!document) return null;
  // Assigning the existing key keeps it where Sumatra put it.
  if (record.sumatra.stdoutInRecord) document.stdout_stderr = record.stdout;
  return document;
}
