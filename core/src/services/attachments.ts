import type { Types } from 'mongoose';
import type { Schemas } from '@reprise/contract';
import { errors } from '../errors.js';
import type { FileRef, RecordDoc } from '../models/index.js';
import { filePathProblem, normalizeName } from '@reprise/rules';
import { Scope } from '../scope.js';
import type { Actor, Deps } from './context.js';
import { discardUploads, registerUpload, releaseIfUnreferenced, type StoredUpload } from './files.js';
import { resolveProject } from './projects.js';
import { writeRecord } from './record-writer.js';
import { mergeFileRefs, resolveRecord, type ProjectRecord } from './records.js';
import { guardSealedFiles } from './seals.js';

/** A file part of a `file/push` request, already streamed to the blob store. */
export interface FilePart {
  field: 'inputs' | 'outputs';
  upload: StoredUpload;
}

interface Planned {
  field: 'inputs' | 'outputs';
  entry: FileRef;
  upload: StoredUpload;
}

/**
 * Attaches uploaded files to a record of the actor's as inputs or outputs. An entry of the same
 * name on the same side is replaced (new digest, size and file) when its bytes were uploaded
 * before; an entry declared without bytes yet must receive the bytes of its declared sha256.
 * Every digest is checked (against the manifest and those declarations) before anything is
 * attached; one mismatch refuses the whole request and nothing of it is kept. Bytes that a
 * replacement leaves unreferenced are deleted.
 */
export async function attachFiles(
  deps: Deps,
  actor: Actor,
  projectRef: string,
  recordRef: string,
  parts: FilePart[],
  manifest: Schemas['FileManifest'] | undefined,
): Promise<ProjectRecord> {
  const uploads = parts.map((part) => part.upload);
  let plan: Planned[];
  try {
    if (parts.length === 0) throw errors.badRequest('No file was sent: put files in the multipart fields "inputs" or "outputs".');
    const project = await resolveProject(deps, actor, projectRef, { write: true });
    const record = await resolveRecord(deps, Scope.owner(actor.id), project, recordRef);
    await guardSealedFiles(deps, record, parts.map(({ field, upload }) => ({ field, name: upload.originalName, sha256: upload.blob.sha256 })));
    plan = planAttachments(record, parts, manifest);
  } catch (error) {
    await discardUploads(deps, uploads);
    throw error;
  }

  const registered = [];
  for (const item of plan) {
    const { file, isNew } = await registerUpload(deps, item.upload);
    item.entry.file = file._id;
    registered.push({ file, isNew });
  }
  let replaced: Types.ObjectId[] = [];
  let result: ProjectRecord;
  try {
    const project = await resolveProject(deps, actor, projectRef, { write: true });
    const build = (current: RecordDoc): Record<string, unknown> => {
      const set: Record<string, unknown> = {};
      replaced = [];
      for (const field of ['inputs', 'outputs'] as const) {
        const entries = plan.filter((item) => item.field === field).map((item) => item.entry);
        if (entries.length === 0) continue;
        set[field] = mergeFileRefs(current[field], entries);
        for (const entry of entries) {
          const previous = current[field].find((existing) => existing.name === entry.name)?.file;
          if (previous && entry.file && !previous.equals(entry.file)) replaced.push(previous);
        }
      }
      return { $set: set, $inc: { rev: 1 } };
    };
    const { record } = await writeRecord(deps, actor, project, { ref: recordRef, update: build });
    result = { project, record };
  } catch (error) {
    for (const { file, isNew } of registered) if (isNew) await releaseIfUnreferenced(deps, file._id);
    throw error;
  }
  for (const file of replaced) await releaseIfUnreferenced(deps, file);
  return result;
}

function planAttachments(record: RecordDoc, parts: FilePart[], manifest: Schemas['FileManifest'] | undefined): Planned[] {
  const described = new Map((manifest?.files ?? []).map((entry) => [`${entry.field}\u0000${entry.filename}`, entry]));
  const used = new Set<string>();
  const names = new Set<string>();
  const mismatches: Array<{ field: string; name: string; declared: string; actual: string }> = [];
  const plan = parts.map(({ field, upload }) => {
    const key = `${field}\u0000${upload.originalName}`;
    const described_ = described.get(key);
    used.add(key);
    // NFC, so that an NFD file name is the same name as the NFC one it looks like.
    const name = normalizeName(described_?.name ?? upload.originalName);
    const nameProblem = filePathProblem(name) ?? (name.includes('/') ? 'a file name cannot contain "/"; give the directory as "path" in the manifest' : undefined);
    if (nameProblem) throw errors.badRequest(`Bad file name "${name}": ${nameProblem}`, { field, name });
    const describedPath = described_?.path === undefined ? undefined : normalizeName(described_.path);
    if (describedPath !== undefined) {
      const pathProblem = filePathProblem(describedPath);
      if (pathProblem) throw errors.badRequest(`Bad path for "${name}": ${pathProblem}`, { field, path: describedPath });
    }
    const nameKey = `${field}\u0000${name}`;
    if (names.has(nameKey)) throw errors.badRequest(`Two files named "${name}" were sent in "${field}".`, { field, name });
    names.add(nameKey);
    const existing = record[field].find((entry) => entry.name === name);
    // An entry whose bytes were uploaded before is replaced; one declared without bytes (a tool
    // that pushed its metadata first) is a promise of exactly those bytes.
    const awaited = existing && existing.file === null ? existing.sha256 : null;
    const declared = described_?.sha256 ?? awaited ?? null;
    if (declared !== null && declared !== upload.blob.sha256) {
      mismatches.push({ field, name, declared, actual: upload.blob.sha256 });
    }
    const entry: FileRef = {
      name,
      path: describedPath ?? existing?.path ?? null,
      sha256: upload.blob.sha256,
      size: upload.blob.size,
      mediaType: described_?.mediaType ?? existing?.mediaType ?? upload.mediaType,
      file: null,
    };
    return { field, entry, upload };
  });
  const unused = [...described.keys()].filter((key) => !used.has(key));
  if (unused.length > 0) {
    const missing = unused.map((key) => key.replace('\u0000', ': '));
    throw errors.badRequest(`The manifest describes files that were not sent (${missing.join(', ')}).`, { missing });
  }
  if (mismatches.length > 0) {
    throw errors.unprocessable(
      'digest_mismatch',
      `${mismatches.map((m) => `"${m.name}"`).join(', ')} ${mismatches.length === 1 ? 'does' : 'do'} not match the declared sha256; nothing was stored.`,
      { mismatches },
    );
  }
  return plan;
}
