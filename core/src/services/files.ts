import type { Types } from 'mongoose';
import { unscoped } from '../access.js';
import type { BlobInfo } from '../blobstore.js';
import { isDuplicateKeyError } from '../db.js';
import { AppError } from '../errors.js';
import type { FileDoc, FileRef, RecordDoc } from '../models/index.js';
import { nameForms } from '@reprise/rules';
import type { Deps } from './context.js';

/** Bytes that have reached the blob store but are not a File yet. */
export interface StoredUpload {
  blob: BlobInfo;
  mediaType: string;
  originalName: string;
}

/**
 * Turns a stored upload into the content-addressed File for its sha256. When the same bytes are
 * already stored, the new blob is dropped and the existing File returned: same bytes, one blob.
 */
export async function registerUpload(deps: Deps, upload: StoredUpload): Promise<{ file: FileDoc; isNew: boolean }> {
  const { File } = deps.models;
  const { blob } = upload;
  const existing = await File.findOne({ sha256: blob.sha256 }).lean<FileDoc>();
  if (existing) {
    if (!existing.blob.equals(blob.id)) await deps.blobs.delete(blob.id);
    return { file: existing, isNew: false };
  }
  try {
    const created = await File.create({ sha256: blob.sha256, size: blob.size, mediaType: upload.mediaType, blob: blob.id });
    return { file: created.toObject(), isNew: true };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // Someone stored the same bytes a moment ago: keep theirs.
    await deps.blobs.delete(blob.id);
    const winner = await File.findOne({ sha256: blob.sha256 }).lean<FileDoc>();
    if (!winner) throw error;
    return { file: winner, isNew: false };
  }
}

/** Drops uploads that never became Files (a request that failed validation). */
export async function discardUploads(deps: Deps, uploads: StoredUpload[]): Promise<void> {
  await Promise.all(uploads.map((upload) => deps.blobs.delete(upload.blob.id)));
}

/** True when a record or container still points at the file. */
async function isFileReferenced(deps: Deps, fileId: Types.ObjectId): Promise<boolean> {
  const { Record, Container } = unscoped(deps, 'a blob is shared by everyone who sent the same bytes: it stays while anything of anyone points at it');
  const [asInput, asOutput, asImage] = await Promise.all([
    Record.exists({ 'inputs.file': fileId }),
    Record.exists({ 'outputs.file': fileId }),
    Container.exists({ 'image.file': fileId }),
  ]);
  return Boolean(asInput ?? asOutput ?? asImage);
}

/** Deletes a File and its blob when nothing references it any more. */
export async function releaseIfUnreferenced(deps: Deps, fileId: Types.ObjectId): Promise<boolean> {
  if (await isFileReferenced(deps, fileId)) return false;
  const file = await deps.models.File.findOneAndDelete({ _id: fileId }).lean<FileDoc>();
  if (file) await deps.blobs.delete(file.blob);
  return Boolean(file);
}

/** Finds an input or output of a record by name or path (as given, else its NFC form), sha256 or file id. */
export function findRecordFile(record: RecordDoc, ref: string): FileRef | undefined {
  const entries = [...record.outputs, ...record.inputs];
  const forms = nameForms(ref);
  return (
    forms.map((form) => entries.find((entry) => entry.name === form)).find(Boolean) ??
    forms.map((form) => entries.find((entry) => entry.path === form)).find(Boolean) ??
    entries.find((entry) => entry.sha256 === ref.toLowerCase()) ??
    entries.find((entry) => entry.file?.toHexString() === ref.toLowerCase())
  );
}

/** Loads the File behind a record's entry, or says that its bytes were never uploaded. */
export async function fileOfEntry(deps: Deps, entry: FileRef): Promise<FileDoc> {
  const file = entry.file ? await deps.models.File.findById(entry.file).lean<FileDoc>() : null;
  if (!file) {
    throw new AppError(404, 'file_not_uploaded', `"${entry.name}" is declared on the record but its bytes were never uploaded.`, {
      name: entry.name,
      sha256: entry.sha256,
    });
  }
  return file;
}
