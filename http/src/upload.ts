import type { Request, RequestHandler } from 'express';
import multer, { type StorageEngine } from 'multer';
import { discardUploads, errors, type attachFiles, type BlobInfo, type BlobStore, type Config, type Deps, type FilePart, type SpecValidator, type StoredUpload } from '@reprise/core';

/** A multer file after our storage engine handled it. */
type StoredFile = Express.Multer.File & { blob?: BlobInfo };

/**
 * A multer storage engine that streams each file straight into the blob store, computing its
 * sha256 and size on the way, so memory stays flat whatever the size of the upload.
 */
class BlobStorageEngine implements StorageEngine {
  constructor(
    private readonly blobs: BlobStore,
    private readonly maxBytes: number,
  ) {}

  _handleFile(_req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<StoredFile>) => void): void {
    this.blobs.write(file.stream, { maxBytes: this.maxBytes, name: file.originalname }).then(
      (blob) => callback(null, { blob, size: blob.size }),
      (error: unknown) => callback(error),
    );
  }

  _removeFile(_req: Request, file: StoredFile, callback: (error: Error | null) => void): void {
    if (!file.blob) {
      callback(null);
      return;
    }
    this.blobs.delete(file.blob.id).then(
      () => callback(null),
      (error: unknown) => callback(error as Error),
    );
  }
}

/** Multipart parsing for the given file fields, streaming files to the blob store. */
export function multipart(blobs: BlobStore, config: Config, fields: Array<{ name: string; maxCount?: number }>): RequestHandler {
  const upload = multer({
    storage: new BlobStorageEngine(blobs, config.maxUploadBytes),
    limits: {
      fileSize: config.maxUploadBytes,
      files: config.maxFilesPerUpload,
      fields: 20,
      fieldSize: 1024 * 1024,
      parts: config.maxFilesPerUpload + 20,
      headerPairs: 200,
    },
    // Parameters such as filename* are UTF-8 in every client we know of; busboy's default is latin1.
    defParamCharset: 'utf8',
  } as multer.Options);
  const handler = upload.fields(fields);
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      next(errors.unsupportedMediaType(`This endpoint takes multipart/form-data (got "${req.headers['content-type'] ?? 'none'}").`));
      return;
    }
    handler(req, res, next);
  };
}

/** The uploads of a multipart request in one field, as the services take them. */
export function uploadsOf(req: Request, field: string): StoredUpload[] {
  const files = (req.files as Record<string, StoredFile[]> | undefined)?.[field] ?? [];
  return files.flatMap((file) =>
    file.blob ? [{ blob: file.blob, mediaType: file.mimetype || 'application/octet-stream', originalName: file.originalname }] : [],
  );
}

/** Every upload of a multipart request (to discard them when the request fails). */
export function allUploads(req: Request): StoredUpload[] {
  const files = req.files as Record<string, StoredFile[]> | undefined;
  return Object.keys(files ?? {}).flatMap((field) => uploadsOf(req, field));
}

/** Parses a JSON text form field, or fails with a 400 naming the field. */
export function jsonField(req: Request, name: string): unknown {
  const raw = (req.body as Record<string, unknown> | undefined)?.[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw errors.badRequest(`The form field "${name}" must be given once.`);
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw errors.badRequest(`The form field "${name}" is not valid JSON: ${(error as Error).message}`);
  }
}

/** A file push as the services take it: the parts of its `inputs` and `outputs` fields and its optional `manifest`. */
export interface FilePush {
  parts: FilePart[];
  manifest: Parameters<typeof attachFiles>[5];
}

/**
 * Reads a file push from a request `multipart()` handled. A manifest that is not JSON or breaks
 * the FileManifest schema is a 400, and every upload of the request is discarded first.
 */
export async function filePushOf(req: Request, deps: Deps & { spec: SpecValidator }): Promise<FilePush> {
  let manifest: FilePush['manifest'];
  try {
    const raw = jsonField(req, 'manifest');
    manifest = raw === undefined ? undefined : deps.spec.validateSchema<NonNullable<FilePush['manifest']>>('FileManifest', raw, 'manifest');
  } catch (error) {
    await discardUploads(deps, allUploads(req));
    throw error;
  }
  const parts: FilePart[] = [
    ...uploadsOf(req, 'inputs').map((upload) => ({ field: 'inputs' as const, upload })),
    ...uploadsOf(req, 'outputs').map((upload) => ({ field: 'outputs' as const, upload })),
  ];
  return { parts, manifest };
}
