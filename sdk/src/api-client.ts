import type { operations, paths } from '@reprise/contract';
import { formData, streamForm, type FormPart } from './multipart.js';
import { Transport, type QueryValues, type TransportOptions } from './transport.js';
import type {
  Container,
  ContainerPush,
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
} from './types.js';

/**
 * The API's routes by operationId. `satisfies` checks every template against the paths generated
 * from openapi.yaml, so a renamed or removed endpoint breaks the build instead of a user.
 */
const ROUTES = {
  pullProject: '/api/v1/{token}/project/pull/{project}',
  pushProject: '/api/v1/{token}/project/push/{project}',
  pushContainer: '/api/v1/{token}/container/push/{project}',
  createRecord: '/api/v1/{token}/record/push/{project}',
  updateRecord: '/api/v1/{token}/record/push/{project}/{record}',
  pushFiles: '/api/v1/{token}/file/push/{project}/{record}',
  pullLatestRecordImage: '/api/v1/{token}/record/pull/{project}',
  pullRecordImage: '/api/v1/{token}/record/pull/{project}/{record}',
  listRecords: '/api/v1/{token}/record/display/{project}',
  displayRecord: '/api/v1/{token}/record/display/{project}/{record}',
  pullFile: '/api/v1/{token}/file/pull/{project}/{record}/{file}',
  searchProjects: '/api/v1/{token}/project/search',
  searchRecords: '/api/v1/{token}/record/search',
} as const satisfies { [Op in keyof operations]?: keyof paths };

type Route = keyof typeof ROUTES;
type PathParams<Op extends Route> = Omit<operations[Op]['parameters']['path'], 'token'>;

/** The request path of an operation, with the token segment dropped (it travels as a Bearer header). */
function pathOf<Op extends Route>(operation: Op, params: PathParams<Op>): string {
  const values = params as Record<string, string>;
  return ROUTES[operation].replace('/{token}', '').replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') throw new TypeError(`${operation}: the path parameter "${name}" is missing.`);
    return encodeURIComponent(value);
  });
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
  }

  /** @internal A JSON request. */
  async call<T>(method: 'GET' | 'POST', path: string, options: { json?: unknown; query?: QueryValues } & WriteOptions = {}): Promise<T> {
    const { data } = await this.transport.json<T>({
      method,
      path,
      json: options.json,
      query: options.query,
      headers: keyHeader(options.idempotencyKey),
      signal: options.signal,
    });
    return data;
  }

  /** @internal A multipart request. */
  async upload<T>(path: string, parts: FormPart[], options: UploadOptions): Promise<T> {
    const headers = keyHeader(options.idempotencyKey);
    let body: RequestInit['body'];
    if (this.uploads === 'stream') {
      const form = streamForm(parts, options.onProgress);
      body = form.body;
      headers['Content-Type'] = form.contentType;
      headers['Content-Length'] = String(form.length);
    } else {
      body = formData(parts);
    }
    const { data } = await this.transport.json<T>({ method: 'POST', path, body, headers, signal: options.signal, timeout: false });
    return data;
  }

  /** @internal A download. */
  async download(path: string, options: { range?: { start: number; end?: number }; signal?: AbortSignal } = {}): Promise<Download> {
    const headers: Record<string, string> = { Accept: '*/*' };
    if (options.range) headers.Range = `bytes=${options.range.start}-${options.range.end ?? ''}`;
    const response = await this.transport.send({ method: 'GET', path, headers, signal: options.signal, timeout: false });
    if (!response.body) throw new TypeError(`GET ${path} answered without a body.`);
    const length = response.headers.get('content-length');
    const etag = response.headers.get('etag');
    return {
      response,
      body: response.body,
      size: length !== null && /^\d+$/.test(length) ? Number(length) : null,
      sha256: etag ? /^(?:W\/)?"?([0-9a-f]{64})"?$/.exec(etag)?.[1] ?? null : null,
      filename: filenameOf(response.headers.get('content-disposition')),
      mediaType: response.headers.get('content-type'),
      partial: response.status === 206,
    };
  }
}

/** project/push, project/pull. */
export class ProjectsApi {
  constructor(private readonly client: ApiClient) {}

  /** Creates the project in the caller's namespace, or updates the fields given. */
  push(project: string, body: ProjectPush = {}, options: WriteOptions = {}): Promise<Project> {
    return this.client.call('POST', pathOf('pushProject', { project }), { ...options, json: body });
  }

  /** The project with its container history and counts. */
  pull(project: string, options: { signal?: AbortSignal } = {}): Promise<ProjectDetail> {
    return this.client.call('GET', pathOf('pullProject', { project }), options);
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
    const path = pathOf('pushContainer', { project });
    const { image } = options;
    if (!image) return this.client.call('POST', path, { ...options, json: metadata });
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
      path,
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
    return this.client.call('POST', pathOf('createRecord', { project }), { ...options, json: body });
  }

  /** Updates a record's fields (status, outputs, logs, …). */
  update(project: string, record: string, body: RecordUpdate, options: WriteOptions = {}): Promise<RecordAtom> {
    return this.client.call('POST', pathOf('updateRecord', { project, record }), { ...options, json: body });
  }

  /** One record with every field. */
  display(project: string, record: string, options: { signal?: AbortSignal } = {}): Promise<RecordAtom> {
    return this.client.call('GET', pathOf('displayRecord', { project, record }), options);
  }

  /** One page of the project's records, newest first. */
  list(project: string, query: RecordListQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<RecordSummary>> {
    return this.client.call('GET', pathOf('listRecords', { project }), { ...options, query: query as QueryValues });
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
  pull(project: string, record?: string, options: { range?: { start: number; end?: number }; signal?: AbortSignal } = {}): Promise<Download> {
    const path = record === undefined ? pathOf('pullLatestRecordImage', { project }) : pathOf('pullRecordImage', { project, record });
    return this.client.download(path, options);
  }
}

/** file/push, file/pull. */
export class FilesApi {
  constructor(private readonly client: ApiClient) {}

  /** Uploads input and output files of a record (streamed), with their names, paths and digests. */
  push(project: string, record: string, files: { inputs?: Upload[]; outputs?: Upload[] }, options: UploadOptions = {}): Promise<RecordAtom> {
    return this.client.upload(pathOf('pushFiles', { project, record }), filePushParts(files), options);
  }

  /** Downloads an input or output of a record, by name, sha256 or file id. */
  pull(project: string, record: string, file: string, options: { range?: { start: number; end?: number }; signal?: AbortSignal } = {}): Promise<Download> {
    return this.client.download(pathOf('pullFile', { project, record, file }), options);
  }
}

/** project/search and record/search: the caller's own and everything public. */
export class SearchApi {
  constructor(private readonly client: ApiClient) {}

  /** Projects matching `q`/`tag`, most recently active first. */
  projects(query: ProjectSearchQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<Project>> {
    return this.client.call('GET', pathOf('searchProjects', {}), { ...options, query: query as QueryValues });
  }

  /** Records matching the filters, newest first. */
  records(query: RecordSearchQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<RecordSummary>> {
    return this.client.call('GET', pathOf('searchRecords', {}), { ...options, query: query as QueryValues });
  }
}

/**
 * The multipart parts of a file upload: the manifest (names, paths, digests, media types) first,
 * then the files in the fields `inputs` and `outputs`.
 */
export function filePushParts(files: { inputs?: Upload[]; outputs?: Upload[] }): FormPart[] {
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
