import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CELLS, EXECUTORS, JOB_STATES, PROPOSITIONS, type Cell, type Executor, type JobState, type Proposition } from '@reprise/rules';

/** A worker's hold on a running job: its id (shown to that worker only) and when it runs out. */
interface JobLeaseDoc {
  id: string;
  expires: Date;
  seconds: number;
}

/**
 * A reproduction job: its owner (the requester, whose workers run it) asked for `record` (any
 * record they could see) to be run again into `project` (one of theirs). The original's project
 * and label are kept so that the job reads the same after the original becomes private.
 */
export interface JobDoc {
  _id: Types.ObjectId;
  owner: Types.ObjectId;
  project: Types.ObjectId;
  record: Types.ObjectId;
  recordProject: Types.ObjectId;
  recordLabel: string;
  executor: Executor | null;
  /** The Levenshtein tolerance of text outputs the verdict uses. */
  tolerance: number;
  /** Numeric tolerances of the verdict, kept for the numeric comparison. */
  rtol: number;
  atol: number;
  state: JobState;
  lease: JobLeaseDoc | null;
  worker: string | null;
  attempts: number;
  /** The end of the run's output, as the worker last sent it. */
  log: string;
  reason: string | null;
  verdict: string | null;
  result: Types.ObjectId | null;
  resultLabel: string | null;
  diffRequest: Types.ObjectId | null;
  cell: Cell | null;
  proposition: Proposition | null;
  started: Date | null;
  ended: Date | null;
  created: Date;
  updated: Date;
}

const leaseSchema = new Schema<JobLeaseDoc>(
  {
    id: { type: String, required: true },
    expires: { type: Date, required: true },
    seconds: { type: Number, required: true },
  },
  { _id: false, strict: 'throw' },
);

const jobSchema = new Schema<JobDoc>(
  {
    owner: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    project: { type: Schema.Types.ObjectId, required: true, ref: 'Project' },
    record: { type: Schema.Types.ObjectId, required: true, ref: 'Record' },
    recordProject: { type: Schema.Types.ObjectId, required: true, ref: 'Project' },
    recordLabel: { type: String, required: true },
    executor: { type: String, enum: [...EXECUTORS, null], default: null },
    tolerance: { type: Number, default: 0 },
    rtol: { type: Number, default: 0 },
    atol: { type: Number, default: 0 },
    state: { type: String, enum: JOB_STATES, default: 'queued' },
    lease: { type: leaseSchema, default: null },
    worker: { type: String, default: null },
    attempts: { type: Number, default: 0 },
    log: { type: String, default: '' },
    reason: { type: String, default: null },
    verdict: { type: String, default: null },
    result: { type: Schema.Types.ObjectId, default: null, ref: 'Record' },
    resultLabel: { type: String, default: null },
    diffRequest: { type: Schema.Types.ObjectId, default: null, ref: 'DiffRequest' },
    cell: { type: String, enum: [...CELLS, null], default: null },
    proposition: { type: String, enum: [...PROPOSITIONS, null], default: null },
    started: { type: Date, default: null },
    ended: { type: Date, default: null },
  },
  { timestamps: { createdAt: 'created', updatedAt: 'updated' }, versionKey: false, strict: 'throw' },
);
// A user's jobs newest first (the jobs page); by state, and the worker's lease (oldest queued first).
jobSchema.index({ owner: 1, created: -1, _id: -1 });
jobSchema.index({ owner: 1, state: 1, created: 1, _id: 1 });
// The jobs about one record (the record page's button shows the latest).
jobSchema.index({ owner: 1, record: 1, created: -1, _id: -1 });
// The job that made a record (the record page links back to it).
jobSchema.index({ owner: 1, result: 1 });

/** Registers the Job model on a connection. */
export function jobModel(connection: Connection): Model<JobDoc> {
  return connection.models.Job ?? connection.model<JobDoc>('Job', jobSchema, 'reproductions');
}
