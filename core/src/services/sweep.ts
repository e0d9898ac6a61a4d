import { unscoped } from '../access.js';
import type { Types } from 'mongoose';
import type { Deps } from './context.js';

/** What a sweep removed. */
export interface SweepReport {
  /** Blobs with no File (an upload that died midway, even with its process, or a File deleted without its blob). */
  orphanBlobs: number;
  /** Files no record or container refers to any more (their blobs included). */
  unreferencedFiles: number;
  /**
   * Containers that never made it into their project's history: a push stopped between writing
   * the container and appending it (a crash, a lost database). Nothing shows them; this frees
   * their image.
   */
  orphanContainers: number;
}

/** How old an unreferenced blob or file must be before a sweep removes it: uploads in flight are younger. */
const SWEEP_GRACE_MS = 60 * 60 * 1000;

/**
 * Removes storage nothing refers to: containers left out of their project's history, blobs
 * without a File, and Files without a record or container. Only items older than `graceMs` are touched, so an upload that is still streaming,
 * or whose record update is a moment away, is never swept.
 */
export async function sweepUnreferenced(deps: Deps, options: { graceMs?: number; now?: Date } = {}): Promise<SweepReport> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.graceMs ?? SWEEP_GRACE_MS));
  const { File, Record, Container, Project } = unscoped(deps, 'the sweep removes storage nobody refers to, whoever owned it');

  // First, so that the images of these containers are swept below in the same pass.
  let orphanContainers = 0;
  for await (const container of Container.find({ created: { $lt: cutoff } }, { _id: 1, project: 1 }).lean().cursor()) {
    if (await Project.exists({ _id: container.project, history: container._id })) continue;
    const deleted = await Container.deleteOne({ _id: container._id });
    orphanContainers += deleted.deletedCount;
  }

  let unreferencedFiles = 0;
  for await (const file of File.find({ created: { $lt: cutoff } }, { _id: 1, blob: 1 }).lean().cursor()) {
    const used =
      (await Record.exists({ 'inputs.file': file._id })) ??
      (await Record.exists({ 'outputs.file': file._id })) ??
      (await Container.exists({ 'image.file': file._id }));
    if (used) continue;
    // Conditional on the id only: a File is immutable, and a reference added right now would
    // have to come from an upload younger than the grace period, which re-creates the File.
    const deleted = await File.deleteOne({ _id: file._id });
    if (deleted.deletedCount === 1) {
      await deps.blobs.delete(file.blob);
      unreferencedFiles += 1;
    }
  }

  let orphanBlobs = 0;
  const batch: Types.ObjectId[] = [];
  const flush = async () => {
    const known = new Set((await File.find({ blob: { $in: batch } }, { blob: 1 }).lean()).map((file) => file.blob.toHexString()));
    for (const id of batch) {
      if (known.has(id.toHexString())) continue;
      await deps.blobs.delete(id);
      orphanBlobs += 1;
    }
    batch.length = 0;
  };
  for await (const blob of deps.blobs.listOlderThan(cutoff)) {
    batch.push(blob.id);
    if (batch.length >= 500) await flush();
  }
  if (batch.length > 0) await flush();
  for await (const blob of deps.blobs.listUnfinishedOlderThan(cutoff)) {
    await deps.blobs.delete(blob.id);
    orphanBlobs += 1;
  }
  return { orphanBlobs, unreferencedFiles, orphanContainers };
}
