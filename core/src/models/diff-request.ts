import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CELLS, DIFF_STATUSES, METHODS, PROPOSITIONS, type Cell, type Method, type Proposition } from '@reprise/rules';

/** How the outputs of the two records are compared (the assessment table's methods). */
export type DiffMethod = Method;

/** One of DIFF_STATUSES. */
export type DiffStatus = (typeof DIFF_STATUSES)[number];

/** The target owner's answer. */
interface DiffAnswer {
  by: Types.ObjectId;
  at: Date;
  comment: string;
}

/**
 * A differentiation request: the sender asks the owner of `toward` to confirm a proposition about
 * the sender's record `from` and `toward`. The projects and owners are denormalized so that
 * inboxes, outboxes, tallies and cascades are single-collection queries.
 */
export interface DiffRequestDoc {
  _id: Types.ObjectId;
  sender: Types.ObjectId;
  from: Types.ObjectId;
  fromProject: Types.ObjectId;
  toward: Types.ObjectId;
  towardProject: Types.ObjectId;
  targetOwner: Types.ObjectId;
  method: DiffMethod;
  description: string;
  /** The Levenshtein tolerance for text outputs (method default). */
  tolerance: number;
  /** The relative and absolute tolerances of numeric outputs (method default; 0 on requests made before them). */
  rtol?: number;
  atol?: number;
  proposition: Proposition;
  /** The assessment table cell the evidence fell in when the request was made. */
  cell: Cell;
  status: DiffStatus;
  /** The comparison computed at creation, as codec text (it holds client-chosen file names and values). */
  evidence: string;
  answer: DiffAnswer | null;
  /**
   * `<from>:<toward>` while the request is proposed or agreed, its own id once denied or withdrawn:
   * a unique index on it allows one live request per ordered pair, even against concurrent
   * creations, on MongoDB and FerretDB alike (neither partial indexes nor transactions needed).
   */
  liveKey: string;
  /** The digests the evidence was computed from, as codec text (see seals.ts: VerdictBasis). */
  basis: string | null;
  created: Date;
  updated: Date;
}

const answerSchema = new Schema<DiffAnswer>(
  {
    by: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    at: { type: Date, required: true },
    comment: { type: String, default: '' },
  },
  { _id: false, strict: 'throw' },
);

const diffRequestSchema = new Schema<DiffRequestDoc>(
  {
    sender: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    from: { type: Schema.Types.ObjectId, required: true, ref: 'Record' },
    fromProject: { type: Schema.Types.ObjectId, required: true, ref: 'Project' },
    toward: { type: Schema.Types.ObjectId, required: true, ref: 'Record' },
    towardProject: { type: Schema.Types.ObjectId, required: true, ref: 'Project' },
    targetOwner: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    method: { type: String, enum: METHODS, required: true },
    description: { type: String, default: '' },
    tolerance: { type: Number, default: 0 },
    rtol: { type: Number, default: 0 },
    atol: { type: Number, default: 0 },
    proposition: { type: String, enum: PROPOSITIONS, required: true },
    cell: { type: String, enum: CELLS, required: true },
    status: { type: String, enum: DIFF_STATUSES, default: 'proposed' },
    evidence: { type: String, required: true },
    answer: { type: answerSchema, default: null },
    // A request inserted without one (as before this key existed) holds no pair: its own id.
    liveKey: {
      type: String,
      default: function (this: DiffRequestDoc) {
        return this._id.toHexString();
      },
    },
    basis: { type: String, default: null },
  },
  { timestamps: { createdAt: 'created', updatedAt: 'updated' }, versionKey: false, strict: 'throw' },
);
diffRequestSchema.index({ targetOwner: 1, created: -1, _id: -1 });
diffRequestSchema.index({ sender: 1, created: -1, _id: -1 });
// Inbox and outbox filtered by status or proposition, newest first; the dashboard's counts by status.
diffRequestSchema.index({ targetOwner: 1, status: 1, created: -1, _id: -1 });
diffRequestSchema.index({ targetOwner: 1, proposition: 1, created: -1, _id: -1 });
diffRequestSchema.index({ sender: 1, status: 1, created: -1, _id: -1 });
diffRequestSchema.index({ sender: 1, proposition: 1, created: -1, _id: -1 });
// A record's and a project's seals: its agreed requests, oldest first (core/src/services/seals.ts);
// their prefixes serve the tally (towardProject, status) and the lists by record.
diffRequestSchema.index({ towardProject: 1, status: 1, created: 1, _id: 1 });
diffRequestSchema.index({ fromProject: 1, status: 1, created: 1, _id: 1 });
diffRequestSchema.index({ from: 1, status: 1, created: 1, _id: 1 });
diffRequestSchema.index({ toward: 1, status: 1, created: 1, _id: 1 });
diffRequestSchema.index({ liveKey: 1 }, { unique: true });
// A record's requests, newest first (GET /cloud/v1/records/{id}/diffs).
diffRequestSchema.index({ from: 1, created: -1, _id: -1 });
diffRequestSchema.index({ toward: 1, created: -1, _id: -1 });

/** The live key of a proposed or agreed request from `from` toward `toward`. */
export function liveKeyOf(from: Types.ObjectId, toward: Types.ObjectId): string {
  return `${from.toHexString()}:${toward.toHexString()}`;
}

/** Registers the DiffRequest model on a connection. */
export function diffRequestModel(connection: Connection): Model<DiffRequestDoc> {
  return connection.models.DiffRequest ?? connection.model<DiffRequestDoc>('DiffRequest', diffRequestSchema, 'diffrequests');
}

/**
 * Gives every request stored without a live key (made before the key existed) its own id as key,
 * so that the unique index can be built over a database that already holds duplicate pairs.
 */
export async function backfillLiveKeys(model: Model<DiffRequestDoc>): Promise<void> {
  const missing = model.collection.find({ liveKey: { $exists: false } }, { projection: { _id: 1 } });
  for await (const document of missing) {
    const id = document._id as unknown as Types.ObjectId;
    await model.collection.updateOne({ _id: id, liveKey: { $exists: false } }, { $set: { liveKey: id.toHexString() } });
  }
}
