import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { SifInfo } from '../sif.js';

/** Where a container version's source came from. */
interface ContainerVersion {
  vcs: string | null;
  repository: string | null;
  commit: string | null;
  branch: string | null;
  tag: string | null;
  dirty: boolean | null;
  /** sha256 of the working-tree diff against `commit`. */
  diff: string | null;
}

/** The container image: an uploaded file, or a registry reference pinned by digest. */
export interface ContainerImage {
  sha256: string | null;
  size: number | null;
  mediaType: string | null;
  name: string | null;
  file: Types.ObjectId | null;
  reference: string | null;
  digest: string | null;
  /** What an uploaded SIF image says about itself (null for other images). */
  sif: SifInfo | null;
}

/** The build recipe of a container version: a Dockerfile or a Singularity definition file. */
export interface ContainerRecipe {
  name: string | null;
  text: string;
}

/** One environment version of a project. */
export interface ContainerDoc {
  _id: Types.ObjectId;
  project: Types.ObjectId;
  owner: Types.ObjectId;
  private: boolean;
  system: string;
  version: ContainerVersion;
  image: ContainerImage | null;
  recipe: ContainerRecipe | null;
  created: Date;
}

const versionSchema = new Schema<ContainerVersion>(
  {
    vcs: { type: String, default: null },
    repository: { type: String, default: null },
    commit: { type: String, default: null },
    branch: { type: String, default: null },
    tag: { type: String, default: null },
    dirty: { type: Boolean, default: null },
    diff: { type: String, default: null },
  },
  { _id: false, strict: 'throw' },
);

const sifSchema = new Schema<SifInfo>(
  {
    readable: { type: Boolean, required: true },
    problem: { type: String, default: null },
    version: { type: String, default: null },
    arch: { type: String, default: null },
    uuid: { type: String, default: null },
    created: { type: Date, default: null },
    modified: { type: Date, default: null },
    descriptors: {
      type: [
        new Schema(
          {
            id: { type: Number, required: true },
            type: { type: String, required: true },
            name: { type: String, default: '' },
            size: { type: Number, required: true },
            fs: { type: String, default: null },
            partition: { type: String, default: null },
            arch: { type: String, default: null },
          },
          { _id: false, strict: 'throw' },
        ),
      ],
      default: [],
    },
    // Label names hold dots (org.label-schema.*), so they are kept as name/value pairs, not keys.
    labels: { type: [new Schema({ name: { type: String, required: true }, value: { type: String, default: '' } }, { _id: false, strict: 'throw' })], default: [] },
  },
  { _id: false, strict: 'throw' },
);

const recipeSchema = new Schema<ContainerRecipe>(
  {
    name: { type: String, default: null },
    text: { type: String, required: true },
  },
  { _id: false, strict: 'throw' },
);

const imageSchema = new Schema<ContainerImage>(
  {
    sha256: { type: String, default: null },
    size: { type: Number, default: null },
    mediaType: { type: String, default: null },
    name: { type: String, default: null },
    file: { type: Schema.Types.ObjectId, default: null, ref: 'File' },
    reference: { type: String, default: null },
    digest: { type: String, default: null },
    sif: { type: sifSchema, default: null },
  },
  { _id: false, strict: 'throw' },
);

const containerSchema = new Schema<ContainerDoc>(
  {
    project: { type: Schema.Types.ObjectId, required: true, ref: 'Project' },
    owner: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    private: { type: Boolean, required: true },
    system: { type: String, required: true },
    version: { type: versionSchema, default: () => ({}) },
    image: { type: imageSchema, default: null },
    recipe: { type: recipeSchema, default: null },
  },
  { timestamps: { createdAt: 'created', updatedAt: false }, versionKey: false, strict: 'throw' },
);
// A project's containers in either order, _id breaking ties (the paged container list).
containerSchema.index({ project: 1, created: 1, _id: 1 });
containerSchema.index({ 'image.file': 1 });

/** Registers the Container model on a connection. */
export function containerModel(connection: Connection): Model<ContainerDoc> {
  return connection.models.Container ?? connection.model<ContainerDoc>('Container', containerSchema, 'containers');
}
