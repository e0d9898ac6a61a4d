import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** A project: the owner's named collection of containers and records. */
export interface ProjectDoc {
  _id: Types.ObjectId;
  owner: Types.ObjectId;
  name: string;
  description: string;
  goals: string;
  tags: string[];
  private: boolean;
  /** Container ids, oldest first; the last one is the current environment. */
  history: Types.ObjectId[];
  /** Free-form JSON, stored through the codec. */
  custom: string | null;
  created: Date;
  updated: Date;
  /** Last time anything in the project changed (records included): drives "recent activity" order. */
  activity: Date;
}

const projectSchema = new Schema<ProjectDoc>(
  {
    owner: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    name: { type: String, required: true },
    description: { type: String, default: '' },
    goals: { type: String, default: '' },
    tags: { type: [String], default: [] },
    private: { type: Boolean, default: true },
    history: { type: [Schema.Types.ObjectId], default: [] },
    custom: { type: String, default: null },
    activity: { type: Date, default: () => new Date() },
  },
  { timestamps: { createdAt: 'created', updatedAt: 'updated' }, versionKey: false, strict: 'throw' },
);
projectSchema.index({ owner: 1, name: 1 }, { unique: true });
projectSchema.index({ owner: 1, activity: -1, _id: -1 });
projectSchema.index({ private: 1, activity: -1, _id: -1 });
// Visible projects with a tag, most recently active first (project search by tag).
projectSchema.index({ tags: 1, activity: -1, _id: -1 });
// The dashboard's count of a user's public projects.
projectSchema.index({ owner: 1, private: 1 });

/** Registers the Project model on a connection. */
export function projectModel(connection: Connection): Model<ProjectDoc> {
  return connection.models.Project ?? connection.model<ProjectDoc>('Project', projectSchema, 'projects');
}
