import type { Download, DownloadOptions, ExportQuery, Upload } from './api-client.js';
import { downloadOf, filePushParts } from './api-client.js';
import { ApiError, apiErrorFor, NetworkError } from './errors.js';
import { LinksCloud, SharedCloud } from './links-cloud.js';
import { formData, type FormPart } from './multipart.js';
import {
  fillPath,
  Transport,
  type FormFieldOf,
  type JsonBodyOf,
  type Method,
  type OperationAt,
  type PathInit,
  type PathParamsOf,
  type PathWith,
  type QueryOf,
  type QueryValues,
  type ResultOf,
  type TransportOptions,
  type TransportRequest,
} from './transport.js';
import type {
  Account,
  Comparison,
  CompareQuery,
  Container,
  ContainersQuery,
  Credentials,
  Dashboard,
  DeletionReport,
  DiffAnswerInput,
  DiffListQuery,
  DiffRequest,
  DiffRequestCreate,
  DiffRequestSummary,
  Me,
  MyProjectsQuery,
  MyRecordsQuery,
  NewToken,
  NewWebhook,
  Notification,
  NotificationKind,
  NotificationSettings,
  NotificationsQuery,
  Page,
  PasswordChange,
  Project,
  ProjectCreate,
  ProjectDetail,
  ProjectEdit,
  ProjectRecordsCsvQuery,
  ProjectRecordsQuery,
  PublicProjectsQuery,
  PublicRecordsQuery,
  RecordAtom,
  RecordPathPage,
  RecordDiffsQuery,
  RecordEdit,
  RecordPush,
  RecordSummary,
  Registration,
  Reproducibility,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  ReproductionCreate,
  ReproductionJob,
  ReproductionsQuery,
} from './types.js';

/** The cloud service's paths for `M`, as openapi.yaml writes them. */
export type CloudPath<M extends Method> = Extract<PathWith<M>, `/cloud/v1/${string}`>;

/** What a JSON request to the cloud service carries, typed by its operation in openapi.yaml. */
export type CloudInit<Op> = PathInit<PathParamsOf<Op>> & { query?: QueryOf<Op>; body?: JsonBodyOf<Op>; signal?: AbortSignal };

/** The readable CSRF cookie the cloud service sets. */
export const CSRF_COOKIE = 'reprise_csrf';
/** The header that echoes it on mutating requests. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** The value of a cookie in a `document.cookie`-style string. */
export function cookieValue(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/** Reads the CSRF cookie from the page's cookies (browsers); undefined elsewhere. */
function documentCsrfToken(): string | undefined {
  const doc = (globalThis as { document?: { cookie?: string } }).document;
  return typeof doc?.cookie === 'string' ? cookieValue(doc.cookie, CSRF_COOKIE) : undefined;
}

/** Options of the cloud client. */
export interface CloudClientOptions {
  /**
   * The dashboard's origin (the cloud service is reached through it). Empty, the default, means
   * the page's own origin: requests go to relative URLs.
   */
  url?: string;
  fetch?: typeof fetch;
  /** The CSRF token to echo; by default read from the `reprise_csrf` cookie of the page. */
  csrfToken?: () => string | undefined;
  /** `same-origin` by default; `include` when the dashboard is on another origin. */
  credentials?: RequestInit['credentials'];
  /** Time limit of JSON requests in ms (default 60 s). */
  timeoutMs?: number;
  /** Extra headers on every request. */
  headers?: () => Record<string, string>;
}

/** The part of a browser's XMLHttpRequest the upload uses (the SDK compiles without the DOM library). */
interface XhrLike {
  open(method: string, url: string): void;
  withCredentials: boolean;
  setRequestHeader(name: string, value: string): void;
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  status: number;
  statusText: string;
  responseText: string;
  getResponseHeader(name: string): string | null;
  send(body: FormData): void;
  abort(): void;
}

/** The page's XMLHttpRequest, when there is one. */
function xhrConstructor(): (new () => XhrLike) | undefined {
  return (globalThis as { XMLHttpRequest?: new () => XhrLike }).XMLHttpRequest;
}
const SAFE_METHODS = new Set<Method>(['GET', 'HEAD']);

/** Options of the cloud's uploads. */
export interface CloudUploadOptions {
  /** Called as bytes are sent (in a browser, through XMLHttpRequest). */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * The client of the cloud service (`/cloud/v1/…`), the dashboard's backend: cookie session,
 * CSRF double submit (the token is read from the cookie and echoed on every write), typed errors
 * keyed on the service's error codes.
 */
export class CloudClient {
  readonly transport: Transport;
  readonly auth: AuthCloud;
  readonly account: AccountCloud;
  readonly projects: ProjectsCloud;
  readonly records: RecordsCloud;
  readonly browse: BrowseCloud;
  readonly diffs: DiffsCloud;
  readonly exports: ExportsCloud;
  readonly links: LinksCloud;
  readonly shared: SharedCloud;
  readonly notifications: NotificationsCloud;
  readonly webhooks: WebhooksCloud;
  readonly reproductions: ReproductionsCloud;
  private readonly csrfToken: () => string | undefined;
  private readonly options: CloudClientOptions;
  /** The token the service last handed out through /auth/csrf (for clients that cannot read the cookie). */
  private issuedToken: string | undefined;

  constructor(options: CloudClientOptions = {}) {
    const transportOptions: TransportOptions = {
      baseUrl: options.url ?? '',
      credentials: options.credentials ?? 'same-origin',
    };
    if (options.fetch) transportOptions.fetch = options.fetch;
    if (options.timeoutMs !== undefined) transportOptions.timeoutMs = options.timeoutMs;
    if (options.headers) transportOptions.headers = options.headers;
    this.transport = new Transport(transportOptions);
    this.options = options;
    this.csrfToken = options.csrfToken ?? documentCsrfToken;
    this.auth = new AuthCloud(this);
    this.account = new AccountCloud(this);
    this.projects = new ProjectsCloud(this);
    this.records = new RecordsCloud(this);
    this.browse = new BrowseCloud(this);
    this.diffs = new DiffsCloud(this);
    this.exports = new ExportsCloud(this);
    this.links = new LinksCloud(this);
    this.shared = new SharedCloud(this);
    this.notifications = new NotificationsCloud(this);
    this.webhooks = new WebhooksCloud(this);
    this.reproductions = new ReproductionsCloud(this);
  }

  /** The signed-in user's summary: counts, recent records, open requests in and out. */
  dashboard(options: { signal?: AbortSignal } = {}): Promise<Dashboard> {
    return this.call('GET', '/cloud/v1/dashboard', options);
  }

  /** The absolute (or, on the page's origin, relative) URL of a cloud path: for links and images. */
  url(path: string, query?: QueryValues): string {
    return this.transport.url(path, query);
  }

  /**
   * @internal A JSON request. Writes carry the CSRF token; when the service refuses it
   * (`csrf_failed`: no cookie yet, or a new one since), the token is fetched again and the
   * request sent once more.
   */
  call<M extends Method, P extends CloudPath<M>>(method: M, path: P, init: CloudInit<OperationAt<M, P>>): Promise<ResultOf<OperationAt<M, P>>>;
  async call(method: Method, template: string, init: { path?: object; query?: QueryValues; body?: unknown; signal?: AbortSignal }): Promise<unknown> {
    const path = fillPath(template, init.path);
    const send = async (token: string | undefined): Promise<unknown> => {
      const request: TransportRequest = { method, path, json: init.body, query: init.query, signal: init.signal };
      if (token) request.headers = { [CSRF_HEADER]: token };
      const response = await this.transport.send(request);
      if (response.status === 204) return undefined;
      return (await response.json()) as unknown;
    };
    if (SAFE_METHODS.has(method)) return await send(undefined);
    let token = this.csrfToken() ?? this.issuedToken;
    if (!token) token = await this.freshCsrfToken(init.signal);
    try {
      return await send(token);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'csrf_failed') throw error;
      return await send(await this.freshCsrfToken(init.signal));
    }
  }

  /**
   * @internal A multipart upload. With `onProgress` in a browser it goes through XMLHttpRequest,
   * the one browser API that reports upload progress; otherwise through fetch. A refused CSRF
   * token is fetched again and the form sent once more, like any write.
   */
  upload<P extends CloudPath<'POST'>>(
    path: P,
    init: PathInit<PathParamsOf<OperationAt<'POST', P>>>,
    parts: FormPart<FormFieldOf<OperationAt<'POST', P>>>[],
    options?: CloudUploadOptions,
  ): Promise<ResultOf<OperationAt<'POST', P>>>;
  async upload(template: string, init: { path?: object }, parts: FormPart[], options: CloudUploadOptions = {}): Promise<unknown> {
    const path = fillPath(template, init.path);
    const form = formData(parts);
    const send = async (token: string | undefined): Promise<unknown> => {
      const headers: Record<string, string> = { Accept: 'application/json', ...this.options.headers?.() };
      if (token) headers[CSRF_HEADER] = token;
      const Xhr = xhrConstructor();
      if (options.onProgress && Xhr) return await this.xhrUpload(Xhr, path, form, headers, options);
      const { data } = await this.transport.json<unknown>({ method: 'POST', path, body: form, headers: token ? { [CSRF_HEADER]: token } : {}, signal: options.signal, timeout: false });
      return data;
    };
    const token = this.csrfToken() ?? this.issuedToken ?? (await this.freshCsrfToken(options.signal));
    try {
      return await send(token);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'csrf_failed') throw error;
      return await send(await this.freshCsrfToken(options.signal));
    }
  }

  private xhrUpload(Xhr: new () => XhrLike, path: string, form: FormData, headers: Record<string, string>, options: CloudUploadOptions): Promise<unknown> {
    const url = this.url(path);
    return new Promise<unknown>((resolve, reject) => {
      const xhr = new Xhr();
      xhr.open('POST', url);
      xhr.withCredentials = this.options.credentials === 'include';
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
      };
      xhr.onload = () => {
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText) as unknown;
        } catch {
          body = undefined;
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(body);
          return;
        }
        const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
        const retryAfter = xhr.getResponseHeader('retry-after');
        reject(
          apiErrorFor({
            status: xhr.status,
            code: typeof error?.code === 'string' ? error.code : `http_${xhr.status}`,
            message: typeof error?.message === 'string' ? error.message : `POST ${url} answered ${xhr.status} ${xhr.statusText}.`,
            details: error?.details,
            requestId: xhr.getResponseHeader('x-request-id'),
            retryAfterSeconds: retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null,
            method: 'POST',
            url,
          }),
        );
      };
      xhr.onerror = () => reject(new NetworkError(`Cannot reach ${url}: the upload was cut off.`, url));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  }

  /** @internal A download from an operation of openapi.yaml. */
  download<P extends CloudPath<'GET'>>(path: P, init: PathInit<PathParamsOf<OperationAt<'GET', P>>>, options?: DownloadOptions): Promise<Download>;
  async download(template: string, init: { path?: object }, options: DownloadOptions = {}): Promise<Download> {
    const path = fillPath(template, init.path);
    const headers: Record<string, string> = { Accept: '*/*' };
    if (options.range) headers.Range = `bytes=${options.range.start}-${options.range.end ?? ''}`;
    const request: TransportRequest = { method: 'GET', path, headers, timeout: false };
    if (options.signal) request.signal = options.signal;
    return downloadOf(await this.transport.send(request), path);
  }

  /** @internal The URL of an operation of openapi.yaml, for links and images. */
  link<P extends CloudPath<'GET'>>(path: P, init: PathInit<PathParamsOf<OperationAt<'GET', P>>>): string;
  link(template: string, init: { path?: object }): string {
    return this.url(fillPath(template, init.path));
  }

  private async freshCsrfToken(signal?: AbortSignal): Promise<string> {
    const answer = await this.call('GET', '/cloud/v1/auth/csrf', signal ? { signal } : {});
    // A browser now holds the cookie too; prefer it, as the service may replace it (sign-in).
    this.issuedToken = answer.csrfToken;
    return this.csrfToken() ?? answer.csrfToken;
  }
}

/** Sign-up, sign-in, sign-out and the signed-in user. */
export class AuthCloud {
  constructor(private readonly client: CloudClient) {}

  /** Creates an account and signs in. */
  register(body: Registration, options: { signal?: AbortSignal } = {}): Promise<Me> {
    return this.client.call('POST', '/cloud/v1/auth/register', { ...options, body });
  }

  /** Signs in with email and password. */
  login(body: Credentials, options: { signal?: AbortSignal } = {}): Promise<Me> {
    return this.client.call('POST', '/cloud/v1/auth/login', { ...options, body });
  }

  /** Signs out (the session cannot be used again). */
  async logout(): Promise<void> {
    await this.client.call('POST', '/cloud/v1/auth/logout', {});
  }

  /** The signed-in user; an AuthenticationError (401) without a session. */
  me(options: { signal?: AbortSignal } = {}): Promise<Me> {
    return this.client.call('GET', '/cloud/v1/auth/me', options);
  }

  /** The signed-in user, or null without a session. */
  async current(options: { signal?: AbortSignal } = {}): Promise<Me | null> {
    try {
      return await this.me(options);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  }
}

/** The signed-in user's account and API token. */
export class AccountCloud {
  constructor(private readonly client: CloudClient) {}

  /** The account with its token's prefix and dates. */
  get(options: { signal?: AbortSignal } = {}): Promise<Account> {
    return this.client.call('GET', '/cloud/v1/account', options);
  }

  /** Changes the display name. */
  rename(name: string): Promise<Account> {
    return this.client.call('PATCH', '/cloud/v1/account', { body: { name } });
  }

  /** Changes the password (other sessions end). */
  async changePassword(body: PasswordChange): Promise<void> {
    await this.client.call('POST', '/cloud/v1/account/password', { body });
  }

  /** Makes a new API token, returned once; the old one stops working. */
  renewToken(): Promise<NewToken> {
    return this.client.call('POST', '/cloud/v1/account/token', {});
  }

  /** Revokes the API token. */
  async revokeToken(): Promise<void> {
    await this.client.call('DELETE', '/cloud/v1/account/token', {});
  }
}

/** Projects: the signed-in user's (list, create, edit, delete) and any visible one's detail. */
export class ProjectsCloud {
  constructor(private readonly client: CloudClient) {}

  /** The signed-in user's projects, most recently active first. */
  mine(query: MyProjectsQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<Project>> {
    return this.client.call('GET', '/cloud/v1/projects', { ...options, query });
  }

  /** Creates a project by hand. */
  create(body: ProjectCreate): Promise<Project> {
    return this.client.call('POST', '/cloud/v1/projects', { body });
  }

  /** A visible project with its container history and counts. */
  get(id: string, options: { signal?: AbortSignal } = {}): Promise<ProjectDetail> {
    return this.client.call('GET', '/cloud/v1/projects/{id}', { ...options, path: { id } });
  }

  /** Edits one of the signed-in user's projects. */
  edit(id: string, body: ProjectEdit): Promise<Project> {
    return this.client.call('PATCH', '/cloud/v1/projects/{id}', { path: { id }, body });
  }

  /** Deletes one of the signed-in user's projects with everything in it. */
  delete(id: string): Promise<DeletionReport> {
    return this.client.call('DELETE', '/cloud/v1/projects/{id}', { path: { id } });
  }

  /** One page of a visible project's records. */
  records(id: string, query: ProjectRecordsQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<RecordSummary>> {
    return this.client.call('GET', '/cloud/v1/projects/{id}/records', { ...options, path: { id }, query });
  }

  /** The parameter and metric paths of a visible project's records, those that vary first. */
  paths(id: string, options: { signal?: AbortSignal } = {}): Promise<RecordPathPage> {
    return this.client.call('GET', '/cloud/v1/projects/{id}/paths', { ...options, path: { id } });
  }

  /** The URL of a visible project's records as CSV (every page, the same filters, order and columns as a list). */
  csvUrl(id: string, query: ProjectRecordsCsvQuery = {}): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(name, String(value));
    const link = this.client.link('/cloud/v1/projects/{id}/records/csv', { path: { id } });
    return search.size > 0 ? `${link}?${search.toString()}` : link;
  }

  /** Creates a record by hand in one of the signed-in user's projects. */
  createRecord(id: string, body: RecordPush): Promise<RecordAtom> {
    return this.client.call('POST', '/cloud/v1/projects/{id}/records', { path: { id }, body });
  }

  /** One page of a visible project's container history, newest first. */
  containers(id: string, query: ContainersQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<Container>> {
    return this.client.call('GET', '/cloud/v1/projects/{id}/containers', { ...options, path: { id }, query });
  }

  /** The tally of agreed diff requests toward the project's records. */
  reproducibility(id: string, options: { signal?: AbortSignal } = {}): Promise<Reproducibility> {
    return this.client.call('GET', '/cloud/v1/projects/{id}/reproducibility', { ...options, path: { id } });
  }
}

/** Records: the signed-in user's (list, edit, delete), any visible one's detail, files and comparison. */
export class RecordsCloud {
  constructor(private readonly client: CloudClient) {}

  /** The signed-in user's records across projects, most recently active first. */
  mine(query: MyRecordsQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<RecordSummary>> {
    return this.client.call('GET', '/cloud/v1/records', { ...options, query });
  }

  /** One visible record with every field. */
  get(id: string, options: { signal?: AbortSignal } = {}): Promise<RecordAtom> {
    return this.client.call('GET', '/cloud/v1/records/{id}', { ...options, path: { id } });
  }

  /** Edits the reason, outcome or tags of one of the signed-in user's records. */
  edit(id: string, body: RecordEdit): Promise<RecordAtom> {
    return this.client.call('PATCH', '/cloud/v1/records/{id}', { path: { id }, body });
  }

  /** Deletes one of the signed-in user's records. */
  delete(id: string): Promise<DeletionReport> {
    return this.client.call('DELETE', '/cloud/v1/records/{id}', { path: { id } });
  }

  /** Publishes one of the signed-in user's records (and its container) without publishing its project. */
  publish(id: string): Promise<RecordAtom> {
    return this.client.call('POST', '/cloud/v1/records/{id}/publish', { path: { id } });
  }

  /** Takes a published record back to its project's privacy. */
  unpublish(id: string): Promise<RecordAtom> {
    return this.client.call('POST', '/cloud/v1/records/{id}/unpublish', { path: { id } });
  }

  /** The URL of an input or output file (by name, sha256 or file id), for links. */
  fileUrl(id: string, file: string): string {
    return this.client.link('/cloud/v1/records/{id}/files/{file}', { path: { id, file } });
  }

  /**
   * Attaches input and output files to one of the signed-in user's records (streamed into storage
   * on the server; with `onProgress`, a browser reports the bytes sent as they go).
   */
  attach(
    id: string,
    files: { inputs?: Upload[]; outputs?: Upload[] },
    options: CloudUploadOptions = {},
  ): Promise<RecordAtom> {
    return this.client.upload('/cloud/v1/records/{id}/files', { path: { id } }, filePushParts(files), options);
  }

  /** Downloads an input or output file (by name, sha256 or file id), optionally a byte range of it. */
  file(id: string, file: string, options: DownloadOptions = {}): Promise<Download> {
    return this.client.download('/cloud/v1/records/{id}/files/{file}', { path: { id, file } }, options);
  }

  /** One page of the diff requests about a visible record (from it or toward it) that the caller may see, newest first. */
  diffs(id: string, query: RecordDiffsQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<DiffRequestSummary>> {
    return this.client.call('GET', '/cloud/v1/records/{id}/diffs', { ...options, path: { id }, query });
  }

  /** The evidence for two visible records, the table cell and the propositions each method allows. */
  compare(a: string, b: string, query: CompareQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Comparison> {
    return this.client.call('GET', '/cloud/v1/records/{a}/compare/{b}', { ...options, path: { a, b }, query });
  }
}

/** Public projects and records, and badges. */
export class BrowseCloud {
  constructor(private readonly client: CloudClient) {}

  /** Public projects, most recently active first. */
  projects(query: PublicProjectsQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<Project>> {
    return this.client.call('GET', '/cloud/v1/public/projects', { ...options, query });
  }

  /** Public records, most recently active first. */
  records(query: PublicRecordsQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<RecordSummary>> {
    return this.client.call('GET', '/cloud/v1/public/records', { ...options, query });
  }

  /** The URL of a public project's reproducibility badge (an SVG). */
  badgeUrl(id: string): string {
    return this.client.link('/cloud/v1/public/projects/{id}/badge.svg', { path: { id } });
  }
}

/** Differentiation requests: send, list, read, withdraw, answer. */
export class DiffsCloud {
  constructor(private readonly client: CloudClient) {}

  /** The signed-in user's requests received (inbox) or sent (outbox), newest first. */
  list(query: DiffListQuery, options: { signal?: AbortSignal } = {}): Promise<Page<DiffRequestSummary>> {
    return this.client.call('GET', '/cloud/v1/diffs', { ...options, query });
  }

  /** Proposes a request from one of the signed-in user's records toward someone else's. */
  create(body: DiffRequestCreate): Promise<DiffRequest> {
    return this.client.call('POST', '/cloud/v1/diffs', { body });
  }

  /** One request, with its stored evidence when the caller can see both records. */
  get(id: string, options: { signal?: AbortSignal } = {}): Promise<DiffRequest> {
    return this.client.call('GET', '/cloud/v1/diffs/{id}', { ...options, path: { id } });
  }

  /** Withdraws a request the signed-in user sent, while it is proposed. */
  withdraw(id: string): Promise<DiffRequest> {
    return this.client.call('POST', '/cloud/v1/diffs/{id}/withdraw', { path: { id } });
  }

  /** Agrees to or denies a request toward one of the signed-in user's records. */
  answer(id: string, body: DiffAnswerInput): Promise<DiffRequest> {
    return this.client.call('POST', '/cloud/v1/diffs/{id}/answer', { path: { id }, body });
  }
}

/** What is exported: a record, a project (all its records) or a verdict (a diff request and both records). */
export type ExportKind = 'record' | 'project' | 'verdict';

const EXPORT_PATHS = {
  record: '/cloud/v1/records/{id}/export',
  project: '/cloud/v1/projects/{id}/export',
  verdict: '/cloud/v1/diffs/{id}/export',
} as const satisfies Record<ExportKind, CloudPath<'GET'>>;

/** RO-Crate, PROV-JSON and citations of what the viewer may see. */
export class ExportsCloud {
  constructor(private readonly client: CloudClient) {}

  /** The URL of an export, for download links (the session cookie goes along). */
  url(kind: ExportKind, id: string, query: ExportQuery = {}): string {
    return this.client.url(fillPath(EXPORT_PATHS[kind], { id }), { ...query });
  }

  /** The text of a citation of a record or a verdict: BibTeX, CITATION.cff or DataCite JSON. */
  async citation(kind: 'record' | 'verdict', id: string, format: 'bibtex' | 'cff' | 'datacite', options: { signal?: AbortSignal } = {}): Promise<string> {
    const request: TransportRequest = { method: 'GET', path: fillPath(EXPORT_PATHS[kind], { id }), query: { format }, headers: { Accept: '*/*' } };
    if (options.signal) request.signal = options.signal;
    const response = await this.client.transport.send(request);
    return await response.text();
  }
}

/** What the signed-in user is told about, and their email settings. */
export class NotificationsCloud {
  constructor(private readonly client: CloudClient) {}

  /** One page of notifications, newest first. */
  list(query: NotificationsQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<Notification>> {
    return this.client.call('GET', '/cloud/v1/notifications', { query, ...options });
  }

  /** How many are unread (the header's count). */
  async unread(options: { signal?: AbortSignal } = {}): Promise<number> {
    return (await this.client.call('GET', '/cloud/v1/notifications/unread', options)).count;
  }

  /** Marks one read. */
  markRead(id: string): Promise<Notification> {
    return this.client.call('POST', '/cloud/v1/notifications/{id}/read', { path: { id } });
  }

  /** Marks all read; answers how many were unread. */
  async markAllRead(): Promise<number> {
    return (await this.client.call('POST', '/cloud/v1/notifications/read', {})).marked;
  }

  /** Whether the server sends email, and the kinds the user gets none for. */
  settings(options: { signal?: AbortSignal } = {}): Promise<NotificationSettings> {
    return this.client.call('GET', '/cloud/v1/notifications/settings', options);
  }

  /** Chooses the kinds the user gets no email for. */
  setEmailOptOut(emailOptOut: NotificationKind[]): Promise<NotificationSettings> {
    return this.client.call('PATCH', '/cloud/v1/notifications/settings', { body: { emailOptOut } });
  }

  /** Follows an email's unsubscribe link (no session needed). */
  unsubscribe(token: string): Promise<{ kind: NotificationKind; email: string }> {
    return this.client.call('POST', '/cloud/v1/notifications/unsubscribe', { body: { token } });
  }
}

/** The signed-in user's webhooks and their delivery logs. */
export class WebhooksCloud {
  constructor(private readonly client: CloudClient) {}

  /** Every webhook of the user's (without secrets). */
  list(options: { signal?: AbortSignal } = {}): Promise<Page<Webhook>> {
    return this.client.call('GET', '/cloud/v1/webhooks', options);
  }

  /** Adds a webhook; its signing secret is in this answer only. */
  create(body: WebhookCreate): Promise<NewWebhook> {
    return this.client.call('POST', '/cloud/v1/webhooks', { body });
  }

  /** Deletes a webhook and its delivery log. */
  async delete(id: string): Promise<void> {
    await this.client.call('DELETE', '/cloud/v1/webhooks/{id}', { path: { id } });
  }

  /** Turns a webhook that repeated failures disabled back on. */
  enable(id: string): Promise<Webhook> {
    return this.client.call('POST', '/cloud/v1/webhooks/{id}/enable', { path: { id } });
  }

  /** A webhook's deliveries, newest first. */
  deliveries(id: string, query: { cursor?: string; limit?: number } = {}, options: { signal?: AbortSignal } = {}): Promise<Page<WebhookDelivery>> {
    return this.client.call('GET', '/cloud/v1/webhooks/{id}/deliveries', { path: { id }, query, ...options });
  }

  /** Sends a delivery again (a new delivery of the same event). */
  redeliver(id: string, delivery: string): Promise<WebhookDelivery> {
    return this.client.call('POST', '/cloud/v1/webhooks/{id}/deliveries/{delivery}/redeliver', { path: { id, delivery } });
  }
}

/** Reproductions: ask for a visible record to be run again by one's workers, follow and cancel the jobs. */
export class ReproductionsCloud {
  constructor(private readonly client: CloudClient) {}

  /** Queues a reproduction of a visible record into one of the signed-in user's projects (its id). */
  request(record: string, body: ReproductionCreate): Promise<ReproductionJob> {
    return this.client.call('POST', '/cloud/v1/records/{id}/reproductions', { path: { id: record }, body });
  }

  /** The signed-in user's jobs, newest first. */
  list(query: ReproductionsQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<ReproductionJob>> {
    return this.client.call('GET', '/cloud/v1/reproductions', { ...options, query });
  }

  /** One job, with its log tail. */
  get(id: string, options: { signal?: AbortSignal } = {}): Promise<ReproductionJob> {
    return this.client.call('GET', '/cloud/v1/reproductions/{id}', { ...options, path: { id } });
  }

  /** Cancels a queued or running job. */
  cancel(id: string): Promise<ReproductionJob> {
    return this.client.call('POST', '/cloud/v1/reproductions/{id}/cancel', { path: { id } });
  }
}
