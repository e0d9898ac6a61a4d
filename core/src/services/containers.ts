import type { Schemas } from '@reprise/contract';
import { AppError, errors } from '../errors.js';
import type { ContainerDoc, ContainerImage, ContainerRecipe, FileDoc, ProjectDoc, RecordDoc } from '../models/index.js';
import { looksLikeSif, readSif, type RangeReader, type SifInfo } from '../sif.js';
import { filePathProblem } from '@reprise/rules';
import { access } from '../access.js';
import { Scope } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { discardUploads, registerUpload, releaseIfUnreferenced, type StoredUpload } from './files.js';
import { afterCursor, paginate } from '../paging.js';
import { resolveProject } from './projects.js';

/** A container with its place in the project's history. */
export interface PushedContainer {
  container: ContainerDoc;
  position: number;
}

/**
 * Pushes a container version into one of the actor's projects and appends it to the history.
 * The append is a single atomic $push, so concurrent pushes all land, in the order they commit.
 * `upload` is the image file, already streamed to the blob store.
 */
export async function pushContainer(
  deps: Deps,
  actor: Actor,
  projectRef: string,
  input: Schemas['ContainerPush'],
  upload?: StoredUpload,
): Promise<PushedContainer> {
  let project: ProjectDoc;
  let image: ContainerImage | null;
  let recipe: ContainerRecipe | null;
  try {
    project = await resolveProject(deps, actor, projectRef, { write: true });
    image = imageFrom(input, upload);
    recipe = recipeFrom(input);
    if (upload && image) image.sif = await inspectSif(deps, input.system, image, upload);
  } catch (error) {
    if (upload) await discardUploads(deps, [upload]);
    throw error;
  }
  let newFile = false;
  if (upload && image) {
    const { file, isNew } = await registerUpload(deps, upload);
    image.file = file._id;
    newFile = isNew;
  }
  const { containers, projects } = access(deps);
  const owner = Scope.owner(actor.id);
  const container = await containers.create(owner, {
    project: project._id,
    owner: actor.id,
    private: project.private,
    system: input.system,
    version: { ...input.version },
    image,
    recipe,
  });
  const updated = await projects.findOneAndUpdate(
    owner,
    { _id: project._id },
    { $push: { history: container._id }, $set: { activity: new Date() } },
    { returnDocument: 'after' },
  ).lean<ProjectDoc>();
  if (!updated) {
    // The project was deleted meanwhile: leave nothing behind.
    await containers.deleteOne(owner, { _id: container._id });
    if (newFile && image?.file) await releaseIfUnreferenced(deps, image.file);
    throw errors.notFound('Project', projectRef);
  }
  return { container, position: updated.history.findIndex((id) => id.equals(container._id)) };
}

function imageFrom(input: Schemas['ContainerPush'], upload: StoredUpload | undefined): ContainerImage | null {
  const declared = input.image;
  if (upload) {
    if (declared?.reference) {
      throw errors.badRequest('Send either an image file or an image reference, not both.');
    }
    if (declared?.sha256 && declared.sha256 !== upload.blob.sha256) {
      throw errors.unprocessable('digest_mismatch', 'The uploaded image does not match the declared sha256; nothing was stored.', {
        declared: declared.sha256,
        actual: upload.blob.sha256,
      });
    }
    const name = declared?.name ?? upload.originalName;
    const problem = filePathProblem(name);
    if (problem || name.includes('/')) throw errors.badRequest(`Bad image file name: ${problem ?? 'it cannot contain "/"'}`, { name });
    return {
      sha256: upload.blob.sha256,
      size: upload.blob.size,
      mediaType: declared?.mediaType ?? upload.mediaType,
      name,
      file: null,
      reference: null,
      digest: null,
      sif: null,
    };
  }
  if (declared?.sha256 && !declared.reference) {
    throw errors.badRequest('image.sha256 was given but no image file was uploaded: send the file in the multipart field "image".');
  }
  if (!declared?.reference) return null;
  return {
    sha256: null,
    size: null,
    mediaType: declared.mediaType ?? null,
    name: declared.name ?? null,
    file: null,
    reference: declared.reference,
    digest: declared.digest ?? null,
    sif: null,
  };
}

/** Reads at most `end - start + 1` bytes of a stored upload. */
function rangeReader(deps: Deps, upload: StoredUpload): RangeReader {
  return async (start, end) => {
    const last = Math.min(end, upload.blob.size - 1);
    if (last < start) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    for await (const chunk of deps.blobs.read(upload.blob.id, { start, end: last })) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).subarray(0, last - start + 1);
  };
}

/**
 * The SIF header and labels of an uploaded image that is a SIF (it carries the magic) or is
 * meant to be one (a .sif name, a SIF media type, a Singularity/Apptainer container); null for
 * other images. A malformed SIF is kept as an image with the reason its metadata is missing.
 */
async function inspectSif(deps: Deps, system: string, image: ContainerImage, upload: StoredUpload): Promise<SifInfo | null> {
  const read = rangeReader(deps, upload);
  const meant = /\.sif$/i.test(image.name ?? '') || /sif/i.test(image.mediaType ?? '') || /^(singularity|apptainer)$/i.test(system);
  if (!meant && !looksLikeSif(await read(0, 63))) return null;
  return await readSif(read, upload.blob.size);
}

/** The build recipe (Dockerfile, Singularity definition file) sent with a container, if any. */
function recipeFrom(input: Schemas['ContainerPush']): ContainerRecipe | null {
  const recipe = input.recipe;
  if (!recipe) return null;
  // Text only: a NUL byte means a binary file was sent by mistake.
  if (recipe.text.includes('\u0000')) throw errors.badRequest('recipe.text must be text (it holds a NUL character); send the Dockerfile or definition file itself.');
  return { name: recipe.name ?? null, text: recipe.text };
}

/** A stored image to send: its File, the name to download it as and its media type. */
export interface StoredImage {
  file: FileDoc;
  name: string;
  mediaType: string | null;
}

/**
 * The stored image of the container a record ran in, of a project and record the caller has found
 * through a scope. Each way of having none is a 404 that says which (no container, no image, an
 * image kept in a registry: then where to pull it).
 */
export async function imageOfRecord(deps: Deps, project: ProjectDoc, record: RecordDoc): Promise<StoredImage> {
  if (!record.container) {
    throw new AppError(404, 'no_container', `Record "${record.label}" did not run in a pushed container, so there is no image to pull.`);
  }
  const container = await access(deps).containers.findOne(Scope.within(project), { _id: record.container, project: project._id }).lean<ContainerDoc>();
  const image = container?.image;
  if (!container || !image) {
    throw new AppError(404, 'no_image', `The container of record "${record.label}" has no image.`);
  }
  if (!image.file) {
    throw new AppError(404, 'image_in_registry', `The image of record "${record.label}" is in a registry, not stored here: pull ${image.reference}@${image.digest}.`, {
      reference: image.reference,
      digest: image.digest,
    });
  }
  const file = await deps.models.File.findById(image.file).lean<FileDoc>();
  if (!file) throw errors.notFound('Image file');
  return { file, name: image.name ?? `${project.name}-${container._id.toHexString()}.tar`, mediaType: image.mediaType };
}

/** A page of the containers of a project that `viewer` may see, newest first. */
export async function listContainers(
  deps: Deps,
  viewer: Actor | null,
  project: ProjectDoc,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: ContainerDoc[]; next: string | null }> {
  const filter = { project: project._id, ...afterCursor('created', query.cursor) };
  // The viewer's own scope, not the project's: while a project turns private its containers are hidden first.
  const scope = Scope.visibleTo(viewer?.id ?? null);
  return await paginate<ContainerDoc>(
    (limit) => access(deps).containers.find(scope, filter).sort({ created: -1, _id: -1 }).limit(limit).lean<ContainerDoc[]>().exec(),
    'created',
    query.limit,
  );
}
