import type { Schemas } from '@reprise/contract';
import { errors } from '../errors.js';
import type { ContainerDoc, ContainerImage, ProjectDoc } from '../models/index.js';
import { filePathProblem } from '../names.js';
import { Scope, scoped } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { discardUploads, registerUpload, releaseIfUnreferenced, type StoredUpload } from './files.js';
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
  try {
    project = await resolveProject(deps, actor, projectRef, { write: true });
    image = imageFrom(input, upload);
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
  const { Container, Project } = deps.models;
  const container = (
    await Container.create({
      project: project._id,
      owner: actor.id,
      private: project.private,
      system: input.system,
      version: { ...input.version },
      image,
    })
  ).toObject();
  const updated = await Project.findOneAndUpdate(
    scoped<ProjectDoc>(Scope.owner(actor.id), { _id: project._id }),
    { $push: { history: container._id }, $set: { activity: new Date() } },
    { returnDocument: 'after' },
  ).lean<ProjectDoc>();
  if (!updated) {
    // The project was deleted meanwhile: leave nothing behind.
    await Container.deleteOne({ _id: container._id });
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
  };
}
