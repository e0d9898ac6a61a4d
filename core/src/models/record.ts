import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { RECORD_STATUSES, type RecordStatus } from '@reprise/rules';

export type { RecordStatus };

/** An input or output of a run. `file` is set once the bytes have been uploaded. */
export interface FileRef {
  name: string;
  path: string | null;
  sha256: string | null;
  /** Sumatra's sha1 of the content (records from its record store; absent on older entries): compared when a side has no sha256. */
  sha1?: string | null;
  size: number | null;
  mediaType: string | null;
  file: Types.ObjectId | null;
}

/** A software dependency of a run. */
export interface Dependency {
  name: string;
  version: string;
  manager: string | null;
  source: string | null;
}

/** A status the record went through, and when. */
export interface StatusChange {
  status: RecordStatus;
  at: Date;
}

/**
 * What the Sumatra record-store protocol keeps of a record written through it (api/src/sumatra):
 * Sumatra's own document, so that its client gets back exactly what it stored, and the two
 * things its listings sort and filter on.
 */
export interface SumatraState {
  /** Sumatra's record JSON as codec text; `stdout_stderr` is left out (null) when `stdoutInRecord`. */
  document: string;
  /** True when `stdout_stderr` was a string and lives in the record's `stdout`, so it is not stored twice. */
  stdoutInRecord: boolean;
  /** Sumatra's `timestamp`, parsed (null when unparsable): listings are newest first by it. */
  timestamp: Date | null;
  /** Every Sumatra tag, status tags such as `_finished_` included: what `?tags=` and tag deletion match. */
  tags: string[];
}

/** One execution: the record atom. Free-form fields hold codec text (see codec.ts). */
export interface RecordDoc {
  _id: Types.ObjectId;
  project: Types.ObjectId;
  /** Denormalized from the project so every query can carry its owner/visibility filter. */
  owner: Types.ObjectId;
  private: boolean;
  container: Types.ObjectId | null;
  label: string;
  status: RecordStatus;
  statusHistory: StatusChange[];
  program: string | null;
  parameters: string | null;
  inputs: FileRef[];
  outputs: FileRef[];
  dependencies: Dependency[];
  system: string | null;
  tags: string[];
  reason: string;
  outcome: string;
  duration: number | null;
  stdout: string;
  stderr: string;
  custom: string | null;
  /** The run's final scalar results by name, as codec text (`{name: number}`); null or absent when it reported none. */
  metrics?: string | null;
  /**
   * The scalars of `parameters` and `metrics` by path, each as one string that sorts as its value
   * (services/record-values.ts), so that `where` and `sort` run in the database over one multikey
   * index. Absent on records stored before metrics existed.
   */
  values?: string[];
  /** Set on records written through the Sumatra record store, null on every other record. */
  sumatra: SumatraState | null;
  /**
   * Diff requests being agreed, or agreed, about this record: set on both records before an
   * agreement is written (see services/seals.ts). Absent on records stored before seals existed.
   */
  seals?: Types.ObjectId[];
  /** Incremented by every update: read-modify-write updates use it as their guard. */
  rev: number;
  /**
   * Published by its owner on its own: public (with its container) even while its project is
   * private, and it stays so when the project turns private. Absent on records stored before.
   */
  published?: boolean;
  created: Date;
  updated: Date;
}

const fileRefSchema = new Schema<FileRef>(
  {
    name: { type: String, required: true },
    path: { type: String, default: null },
    sha256: { type: String, default: null },
    sha1: { type: String, default: null },
    size: { type: Number, default: null },
    mediaType: { type: String, default: null },
    file: { type: Schema.Types.ObjectId, default: null, ref: 'File' },
  },
  { _id: false, strict: 'throw' },
);

const dependencySchema = new Schema<Dependency>(
  {
    name: { type: String, required: true },
    version: { type: String, default: '' },
    manager: { type: String, default: null },
    source: { type: String, default: null },
  },
  { _id: false, strict: 'throw' },
);

const statusChangeSchema = new Schema<StatusChange>(
  {
    status: { type: String, enum: RECORD_STATUSES, required: true },
    at: { type: Date, required: true },
  },
  { _id: false, strict: 'throw' },
);

const sumatraSchema = new Schema<SumatraState>(
  {
    document: { type: String, required: true },
    stdoutInRecord: { type: Boolean, default: false },
    timestamp: { type: Date, default: null },
    tags: { type: [String], default: [] },
  },
  { _id: false, strict: 'throw' },
);

const recordSchema = new Schema<RecordDoc>(
  {
    project: { type: Schema.Types.ObjectId, required: true, ref: 'Project' },
    owner: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    private: { type: Boolean, required: true },
    container: { type: Schema.Types.ObjectId, default: null, ref: 'Container' },
    label: { type: String, required: true },
    status: { type: String, enum: RECORD_STATUSES, default: 'unknown' },
    statusHistory: { type: [statusChangeSchema], default: [] },
    program: { type: String, default: null },
    parameters: { type: String, default: null },
    inputs: { type: [fileRefSchema], default: [] },
    outputs: { type: [fileRefSchema], default: [] },
    dependencies: { type: [dependencySchema], default: [] },
    system: { type: String, default: null },
    tags: { type: [String], default: [] },
    reason: { type: String, default: '' },
    outcome: { type: String, default: '' },
    duration: { type: Number, default: null },
    stdout: { type: String, default: '' },
    stderr: { type: String, default: '' },
    custom: { type: String, default: null },
    sumatra: { type: sumatraSchema, default: null },
    metrics: { type: String, default: null },
    values: { type: [String], default: [] },
    seals: { type: [Schema.Types.ObjectId], default: [] },
    rev: { type: Number, default: 0 },
    published: { type: Boolean, default: false },
  },
  { timestamps: { createdAt: 'created', updatedAt: 'updated' }, versionKey: false, strict: 'throw' },
);
recordSchema.index({ project: 1, label: 1 }, { unique: true });
recordSchema.index({ project: 1, created: -1, _id: -1 });
recordSchema.index({ project: 1, updated: -1, _id: -1 });
recordSchema.index({ owner: 1, created: -1, _id: -1 });
recordSchema.index({ private: 1, created: -1, _id: -1 });
recordSchema.index({ private: 1, updated: -1, _id: -1 });
recordSchema.index({ owner: 1, updated: -1, _id: -1 });
// A project's records with a status or a tag, newest first (record lists filtered by status or tag).
recordSchema.index({ project: 1, status: 1, created: -1, _id: -1 });
recordSchema.index({ project: 1, tags: 1, created: -1, _id: -1 });
// Every visible record with a tag, newest first (record search by tag).
recordSchema.index({ tags: 1, created: -1, _id: -1 });
// The Sumatra record store's list and latest record, newest first, and the same by Sumatra tag (list, delete).
recordSchema.index({ project: 1, 'sumatra.timestamp': -1, created: -1, _id: -1 });
recordSchema.index({ project: 1, 'sumatra.tags': 1, 'sumatra.timestamp': -1, created: -1, _id: -1 });
// `where` over parameters and metrics: one multikey index over the path/value strings, each
// comparison a point or a range of one path's values within a project.
recordSchema.index({ project: 1, values: 1 });
recordSchema.index({ 'inputs.file': 1 });
recordSchema.index({ 'outputs.file': 1 });

/** Registers the Record model on a connection. */
export function recordModel(connection: Connection): Model<RecordDoc> {
  return connection.models.Record ?? connection.model<RecordDoc>('Record', recordSchema, 'records');
}
