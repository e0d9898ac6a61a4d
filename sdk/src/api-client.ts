import { formData, streamForm, type FormPart } from './multipart.js';
import {
  fillPath,
  Transport,
  type FormFieldOf,
  type IdempotencyKeyOf,
  type JsonBodyOf,
  type OperationAt,
  type PathInit,
  type PathParamsOf,
  type PathWith,
  type QueryOf,
  type QueryValues,
  type ResultOf,
  type TransportOptions,
} from './transport.js';
import type {
  Container,
  ContainerPush,
  ImportResult,
  JobLease,
  JobLeaseRequest,
  Page,
  Project,
  ProjectDetail,
  ProjectPush,
  ProjectSearchQuery,
  RecordAtom,
  RecordListQuery,
  RecordPush,
  RecordSearchQuery,
  RecordSummary,
  RecordUpdate,
  ReproductionJob,
} from './types.js';

/** The API's paths for `M`: openapi.yaml writes them with the token segment, which the client sends as a Bearer header instead. */
export type ApiPath<M extends 'GET' | 'POST'> = Extract<PathWith<M>, `/api/v1/{token}/${string}`>;

/** The path parameters of an API operation, without the token. */
type ApiParams<Op> = Omit<PathParamsOf<Op>, 'token'>;

/** What a JSON request to the API carries, typed by its operation in openapi.yaml. */
export type ApiInit<Op> = PathInit<ApiParams<Op>> & {
  query?: QueryOf<Op>;
  body?: JsonBodyOf<Op>;
  /** Only where openapi.yaml declares the `Idempotency-Key` header. */
  idempotencyKey?: IdempotencyKeyOf<Op>;
  signal?: AbortSignal;
};

/** The request path of an API operation: the token segment dropped (it travels as a Bearer header). */
function apiPath(template: string, params: object | undefined): string {
  return fillPath(template.replace('/{token}', ''), params);
}

/** Options of every write. */
export interface WriteOptions {
  /** Makes the request safe to retry: the server applies it once (see openapi.yaml). */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** Options of uploads. */
export interface UploadOptions extends WriteOptions {
  /** Called as bytes are sent (streamed uploads only). */
  onProgress?: (sent: number, total: number) => void;
}

/** A file to upload: its bytes as a Blob (a File, or `fileUpload()` from `@reprise/sdk/node`). */
export interface Upload {
  /** The name the record shows (no "/"). */
  name: string;
  data: Blob;
  /** Relative path in the run's working directory. */
  path?: string;
  /** sha256 the client computed: the server refuses bytes that do not match it. */
  sha256?: string;
  mediaType?: string;
}

/** Options of downloads. */
export interface DownloadOptions {
  /** Only these bytes (the server answers 206). */
  range?: { start: number; end?: number };
  signal?: AbortSignal;
}

/** A download in progress: the body streams as it is read. */
export interface Download {
  response: Response;
  body: ReadableStream<Uint8Array>;
  /** Bytes in the body (Content-Length), when known. */
  size: number | null;
  /** The file's sha256 (from the ETag), when known. */
  sha256: string | null;
  /** The file name the server suggests. */
  filename: string | null;
  mediaType: string | null;
  /** True for a 206 answer to a `range` request. */
  partial: boolean;
}

/** Options of the API client. */
export interface ApiClientOptions {
  /** The API service's origin, e.g. `http://localhost:5100`. */
  url: string;
  /** The API token (sent as `Authorization: Bearer`). */
  token: string;
  fetch?: typeof fetch;
  /** Time limit of JSON requests in ms (default 60 s). */
  timeoutMs?: number;
  /**
   * How multipart uploads are sent: `stream` (a streamed body with an exact length and progress;
   * Node, or browsers over HTTP/2) or `form-data` (FormData, what browsers can always send). Default `form-data`.
   */
  uploads?: 'stream' | 'form-data';
  /** Extra headers on every request (a User-Agent, say). */
  headers?: Record<string, string>;
}

/** The client of the API service for tools (`/api/v1/…`). */
export class ApiClient {
  readonly transport: Transport;
  readonly projects: ProjectsApi;
  readonly containers: ContainersApi;
  readonly records: RecordsApi;
  readonly files: FilesApi;
  readonly search: SearchApi;
  readonly exports: ExportsApi;
  readonly jobs: JobsApi;
  readonly uploads: 'stream' | 'form-data';

  constructor(options: ApiClientOptions) {
    const transportOptions: TransportOptions = {
      baseUrl: options.url,
      headers: () => ({ ...options.headers, Authorization: `Bearer ${options.token}` }),
    };
    if (options.fetch) transportOptions.fetch = options.fetch;
    if (options.timeoutMs !== undefined) transportOptions.timeoutMs = options.timeoutMs;
    this.transport = new Transport(transportOptions);
    this.uploads = options.uploads ?? 'form-data';
    this.projects = new ProjectsApi(this);
    this.containers = new ContainersApi(this);
    this.records = new RecordsApi(this);
    this.files = new FilesApi(this);
    this.search = new SearchApi(this);
    this.exports = new ExportsApi(this);
    this.jobs = new JobsApi(this);
  }

  /** @internal A JSON request to an operation of openapi.yaml. */
  call<M extends 'GET' | 'POST', P extends ApiPath<M>>(method: M, path: P, init: ApiInit<OperationAt<M, P>>): Promise<ResultOf<OperationAt<M, P>>>;
  async call(method: 'GET' | 'POST', path: string, init: { path?: object; query?: QueryValues; body?: unknown; idempotencyKey?: string; signal?: AbortSignal }): Promise<unknown> {
    const { data } = await this.transport.json<unknown>({
      method,
      path: apiPath(path, init.path),
      json: init.body,
      query: init.query,
      headers: keyHeader(init.idempotencyKey),
      signal: init.signal,
    });
    return data;
  }

  /** @internal A multipart request, its fields named as openapi.yaml names them. */
  upload<P extends ApiPath<'POST'>>(
    path: P,
    init: PathInit<ApiParams<OperationAt<'POST', P>>> & { idempotencyKey?: IdempotencyKeyOf<OperationAt<'POST', P>> },
    parts: FormPart<FormFieldOf<OperationAt<'POST', P>>>[],
    options: UploadOptions,
  ): Promise<ResultOf<OperationAt<'POST', P>>>;
  async upload(path: string, init: { path?: object; idempotencyKey?: string }, parts: FormPart[], options: UploadOptions): Promise<unknown> {
    const headers = keyHeader(init.idempotencyKey);
    let body: RequestInit['body'];
    if (this.uploads === 'stream') {
      const form = streamForm(parts, options.onProgress);
      body = form.body;
      headers['Content-Type'] = form.contentType;
      headers['Content-Length'] = String(form.length);
    } else {
      body = formData(parts);
    }
    const { data } = await this.transport.json<unknown>({ method: 'POST', path: apiPath(path, init.path), body, headers, signal: options.signal, timeout: false });
    return data;
  }

  /** @internal A download from an operation of openapi.yaml. */
  download<P extends ApiPath<'GET'>>(path: P, init: PathInit<ApiParams<OperationAt<'GET', P>>> & { query?: QueryValues }, options?: DownloadOptions): Promise<Download>;
  async download(template: string, init: { path?: object; query?: QueryValues }, options: DownloadOptions = {}): Promise<Download> {
    const path = apiPath(template, init.path);
    const headers: Record<string, string> = { Accept: '*/*' };
    if (options.range) headers.Range = `bytes=${options.range.start}-${options.range.end ?? ''}`;
    const response = await this.transport.send({ method: 'GET', path, query: init.query, headers, signal: options.signal, timeout: false });
    return downloadOf(response, path);
  }
}

/** @internal What a download answer says about its file; its body is left to stream. */
export function downloadOf(response: Response, path: string): Download {
  if (!response.body) throw new TypeError(`GET ${path} answered without a body.`);
  const length = response.headers.get('content-length');
  const etag = response.headers.get('etag');
  return {
    response,
    body: response.body,
    size: length !== null && /^\d+$/.test(length) ? Number(length) : null,
    sha256: etag ? (/^(?:W\/)?"?([0-9a-f]{64})"?$/.exec(etag)?.[1] ?? null) : null,
    filename: filenameOf(response.headers.get('content-disposition')),
    mediaType: response.headers.get('content-type'),
    partial: response.status === 206,
  };
}

/** project/push, project/pull. */
export class ProjectsApi {
  constructor(private readonly client: ApiClient) {}

  /** Creates the project in the caller's namespace, or updates the fields given. */
  push(project: string, body: ProjectPush = {}, options: WriteOptions = {}): Promise<Project> {
    return this.client.call('POST', '/api/v1/{token}/project/push/{project}', { ...options, path: { project }, body });
  }

  /** The project with its container history and counts. */
  pull(project: string, options: { signal?: AbortSignal } = {}): Promise<ProjectDetail> {
    return this.client.call('GET', '/api/v1/{token}/project/pull/{project}', { ...options, path: { project } });
  }
}

/** container/push. */
export class ContainersApi {
  constructor(private readonly client: ApiClient) {}

  /**
   * Pushes a container version: with `image` its file is uploaded (streamed), otherwise
   * `metadata.image` may name a registry reference and digest.
   */
  push(project: string, metadata: ContainerPush, options: UploadOptions & { image?: Upload } = {}): Promise<Container> {
    const { image, ...rest } = options;
    if (!image) return this.client.call('POST', '/api/v1/{token}/container/push/{project}', { ...rest, path: { project }, body: metadata });
    const described: ContainerPush = {
      ...metadata,
      image: {
        ...metadata.image,
        name: metadata.image?.name ?? image.name,
        ...(image.sha256 ? { sha256: image.sha256 } : {}),
        ...(image.mediaType ? { mediaType: image.mediaType } : {}),
      },
    };
    return this.client.upload(
      '/api/v1/{token}/container/push/{project}',
      { ...options, path: { project } },
      [
        { name: 'metadata', value: JSON.stringify(described), contentType: 'application/json' },
        { name: 'image', value: image.data, filename: image.name, contentType: image.mediaType ?? 'application/octet-stream' },
      ],
      options,
    );
  }
}

/** record/push, record/display, record/pull. */
export class RecordsApi {
  constructor(private readonly client: ApiClient) {}

  /** Creates a record (in the project's latest container unless `body.container` names one). */
  push(project: string, body: RecordPush, options: WriteOptions = {}): Promise<RecordAtom> {
    return this.client.call('POST', '/api/v1/{token}/record/push/{project}', { ...options, path: { project }, body });
  }

  /** Updates a record's fields (status, outputs, logs, …). */
  update(project: string, record: string, body: RecordUpdate, options: WriteOptions = {}): Promise<RecordAtom> {
    return this.client.call('POST', '/api/v1/{token}/record/push/{project}/{record}', { ...options, path: { project, record }, body });
  }

  /** One record with every field. */
  display(project: string, record: string, options: { signal?: AbortSignal } = {}): Promise<RecordAtom> {
    return this.client.call('GET', '/api/v1/{token}/record/display/{project}/{record}', { ...options, path: { project, record } });
  }

  /** One page of the project's records, newest first. */
  list(project: string, query: RecordListQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<RecordSummary>> {
    return this.client.call('GET', '/api/v1/{token}/record/display/{project}', { ...options, path: { project }, query });
  }

  /** Every record of the project matching the filters, page after page. */
  async *iterate(project: string, query: RecordListQuery = {}): AsyncGenerator<RecordSummary> {
    let cursor: string | undefined = query.cursor;
    do {
      const page = await this.list(project, { ...query, ...(cursor ? { cursor } : {}) });
      yield* page.data;
      cursor = page.page.next ?? undefined;
    } while (cursor);
  }

  /** Downloads the container image a record ran in (the project's latest record without `record`). */
  pull(project: string, record?: string, options: DownloadOptions = {}): Promise<Download> {
    if (record === undefined) return this.client.download('/api/v1/{token}/record/pull/{project}', { path: { project } }, options);
    return this.client.download('/api/v1/{token}/record/pull/{project}/{record}', { path: { project, record } }, options);
  }
}

/** file/push, file/pull. */
export class FilesApi {
  constructor(private readonly client: ApiClient) {}

  /** Uploads input and output files of a record (streamed), with their names, paths and digests. */
  push(project: string, record: string, files: { inputs?: Upload[]; outputs?: Upload[] }, options: UploadOptions = {}): Promise<RecordAtom> {
    return this.client.upload('/api/v1/{token}/file/push/{project}/{record}', { ...options, path: { project, record } }, filePushParts(files), options);
  }

  /** Downloads an input or output of a record, by name, sha256 or file id. */
  pull(project: string, record: string, file: string, options: DownloadOptions = {}): Promise<Download> {
    return this.client.download('/api/v1/{token}/file/pull/{project}/{record}/{file}', { path: { project, record, file } }, options);
  }
}

/** How an export is asked for: the format, and whether the crate holds the files and the container image. */
export interface ExportQuery {
  format?: 'ro-crate' | 'prov' | 'bibtex' | 'cff' | 'datacite';
  files?: 'all' | 'none';
  image?: 'none' | 'include';
}

/** record/export, project/export and record/import: RO-Crate (Process Run Crate), PROV-JSON and citations. */
export class ExportsApi {
  constructor(private readonly client: ApiClient) {}

  /** Downloads a record as an RO-Crate zip (streamed), PROV-JSON or a citation. */
  record(project: string, record: string, query: ExportQuery = {}, options: DownloadOptions = {}): Promise<Download> {
    return this.client.download('/api/v1/{token}/record/export/{project}/{record}', { path: { project, record }, query: { ...query } }, options);
  }

  /** Downloads every record of a project as one RO-Crate zip or PROV-JSON document. */
  project(project: string, query: ExportQuery = {}, options: DownloadOptions = {}): Promise<Download> {
    return this.client.download('/api/v1/{token}/project/export/{project}', { path: { project }, query: { ...query } }, options);
  }

  /** Creates a record in one of the caller's projects from a zipped Process Run Crate (uploaded streamed). */
  import(project: string, crate: Upload, options: UploadOptions = {}): Promise<ImportResult> {
    return this.client.upload(
      '/api/v1/{token}/record/import/{project}',
      { path: { project } },
      [{ name: 'crate', value: crate.data, filename: crate.name, contentType: crate.mediaType ?? 'application/zip' }],
      options,
    );
  }
}

/** project/search and record/search: the caller's own and everything public. */
export class SearchApi {
  constructor(private readonly client: ApiClient) {}

  /** Projects matching `q`/`tag`, most recently active first. */
  projects(query: ProjectSearchQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<Project>> {
    return this.client.call('GET', '/api/v1/{token}/project/search', { ...options, query });
  }

  /** Records matching the filters, newest first. */
  records(query: RecordSearchQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<RecordSummary>> {
    return this.client.call('GET', '/api/v1/{token}/record/search', { ...options, query });
  }
}

/** What workers call: lease the caller's reproduction jobs, heartbeat them, report how they ended. */
export class JobsApi {
  constructor(private readonly client: ApiClient) {}

  /** Leases the caller's oldest queued job (or one whose lease expired); `{job: null}` when none waits. */
  lease(body: JobLeaseRequest = {}, options: { signal?: AbortSignal } = {}): Promise<JobLease> {
    return this.client.call('POST', '/api/v1/{token}/jobs/lease', { ...options, body });
  }

  /** Renews the lease and sends the end of the log (409 lease_lost or job_closed: stop the run). */
  heartbeat(id: string, body: { lease: string; log?: string }, options: { signal?: AbortSignal } = {}): Promise<ReproductionJob> {
    return this.client.call('POST', '/api/v1/{token}/jobs/{id}/heartbeat', { ...options, path: { id }, body });
  }

  /** Reports the record the run made; the platform assesses it and files the verdict. */
  finish(id: string, body: { lease: string; record: string; log?: string }, options: { signal?: AbortSignal } = {}): Promise<ReproductionJob> {
    return this.client.call('POST', '/api/v1/{token}/jobs/{id}/finish', { ...options, path: { id }, body });
  }

  /** Reports that the job could not run, and why. */
  fail(id: string, body: { lease: string; reason: string; log?: string }, options: { signal?: AbortSignal } = {}): Promise<ReproductionJob> {
    return this.client.call('POST', '/api/v1/{token}/jobs/{id}/fail', { ...options, path: { id }, body });
  }
}

/**
 * The multipart parts of a file upload: the manifest (names, paths, digests, media types) first,
 * then the files in the fields `inputs` and `outputs`.
 */
export function filePushParts(files: { inputs?: Upload[]; outputs?: Upload[] }): FormPart<'manifest' | 'inputs' | 'outputs'>[] {
  const entries = [
    ...(files.inputs ?? []).map((upload) => ({ field: 'inputs' as const, upload })),
    ...(files.outputs ?? []).map((upload) => ({ field: 'outputs' as const, upload })),
  ];
  // Multipart file names must be distinct per field: the manifest maps each part back to its entry.
  const seen = new Set<string>();
  const parts = entries.map(({ field, upload }, index) => {
    let filename = upload.name;
    if (seen.has(`${field}/${filename}`)) filename = `${index}-${filename}`;
    seen.add(`${field}/${filename}`);
    return { field, upload, filename };
  });
  const manifest = {
    files: parts.map(({ field, upload, filename }) => ({
      field,
      filename,
      name: upload.name,
      ...(upload.path ? { path: upload.path } : {}),
      ...(upload.sha256 ? { sha256: upload.sha256 } : {}),
      ...(upload.mediaType ? { mediaType: upload.mediaType } : {}),
    })),
  };
  return [
    { name: 'manifest', value: JSON.stringify(manifest), contentType: 'application/json' },
    ...parts.map(({ field, upload, filename }) => ({ name: field, value: upload.data, filename, contentType: upload.mediaType ?? 'application/octet-stream' })),
  ];
}

function keyHeader(key: string | undefined): Record<string, string> {
  return key === undefined ? {} : { 'Idempotency-Key': key };
}

/** The file name of a Content-Disposition header (RFC 6266: filename* first). */
export function filenameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain form
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

/** A new idempotency key (a random UUID). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
