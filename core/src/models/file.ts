import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** Content-addressed bytes: one document and one blob per distinct sha256. */
export interface FileDoc {
  _id: Types.ObjectId;
  sha256: string;
  size: number;
  mediaType: string;
  /** The blob store's id for the bytes. */
  blob: Types.ObjectId;
  created: Date;
}

const fileSchema = new Schema<FileDoc>(
  {
    sha256: { type: String, required: true },
    size: { type: Number, required: true },
    mediaType: { type: String, required: true },
    blob: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: 'created', updatedAt: false }, versionKey: false, strict: 'throw' },
);
fileSchema.index({ sha256: 1 }, { unique: true });
fileSchema.index({ blob: 1 });

/** Registers the File model on a connection. */
export function fileModel(connection: Connection): Model<FileDoc> {
  return connection.models.File ?? connection.model<FileDoc>('File', fileSchema, 'files');
}
