import type { paths } from '@reprise/contract';
import { apiErrorFor, NetworkError, RepriseError } from './errors.js';

/** Query values; undefined and null are left out. */
export type QueryValues = Record<string, string | number | boolean | null | undefined>;

/** How a client reaches a service: shared by the API client and (later) the cloud client. */
export interface TransportOptions {
  /** The service's origin, e.g. `http://localhost:5100` (a trailing path is kept as a prefix). */
  baseUrl: string;
  /** The fetch to use (global fetch by default). */
  fetch?: typeof fetch;
  /** Headers added to every request (credentials, CSRF); called per request so they may change. */
  headers?: () => Record<string, string>;
  /** `include` for cookie sessions in a browser. */
  credentials?: RequestInit['credentials'];
  /** Time limit for JSON requests in ms (default 60 s); uploads and downloads have none. */
  timeoutMs?: number;
}

/** An HTTP method. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** One request through the transport. */
export interface TransportRequest {
  method: Method;
  /** The path below the base URL, already encoded, starting with "/". */
  path: string;
  query?: QueryValues;
  /** A JSON body (sets Content-Type). */
  json?: unknown;
  /** Any other body, with its headers in `headers`. */
  body?: RequestInit['body'];
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** False for uploads and downloads, which may take as long as they take. */
  timeout?: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The fetch and error layer: builds URLs, sends credentials, applies a time limit, and turns
 * error answers into typed ApiErrors and unreachable servers into NetworkErrors.
 */
export class Transport {
  readonly baseUrl: string;
  private readonly options: TransportOptions;

  constructor(options: TransportOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** The absolute URL of a path with its query. */
  url(path: string, query?: QueryValues): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) search.set(name, String(value));
    }
    const text = search.toString();
    return `${this.baseUrl}${path}${text ? `?${text}` : ''}`;
  }

  /** Sends a request; resolves with the response when it is 2xx or 304, throws a typed error otherwise. */
  async send(request: TransportRequest): Promise<Response> {
    const url = this.url(request.path, request.query);
    const headers: Record<string, string> = { Accept: 'application/json', ...this.options.headers?.(), ...request.headers };
    let body = request.body;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['Content-Type'] = 'application/json';
    }
    const signals: AbortSignal[] = [];
    if (request.signal) signals.push(request.signal);
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = request.timeout === false ? undefined : AbortSignal.timeout(timeoutMs);
    if (timer) signals.push(timer);
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      body,
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
    };
    if (this.options.credentials) init.credentials = this.options.credentials;
    // A streamed request body needs half duplex (Node's fetch insists on it).
    if (body instanceof ReadableStream) init.duplex = 'half';
    const doFetch = this.options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(url, init);
    } catch (error) {
      if (request.signal?.aborted) throw error;
      if (timer?.aborted) throw new NetworkError(`${request.method} ${redact(url)} took longer than ${timeoutMs / 1000} s.`, redact(url), { cause: error });
      throw new NetworkError(`Cannot reach ${new URL(url).origin}: ${describeCause(error)}.`, redact(url), { cause: error });
    }
    if (response.ok || response.status === 304) return response;
    throw await errorOf(request.method, url, response);
  }

  /** Sends a request and parses its JSON answer. */
  async json<T>(request: TransportRequest): Promise<{ data: T; response: Response }> {
    const response = await this.send(request);
    let data: T;
    try {
      data = (await response.json()) as T;
    } catch (error) {
      throw new RepriseError(`${request.method} ${redact(response.url)} answered ${response.status} with a body that is not JSON.`, { cause: error });
    }
    return { data, response };
  }
}

// The contract, read by types: the clients name an endpoint by its method and its path exactly as
// openapi.yaml writes it ('POST', '/api/v1/{token}/record/push/{project}'), and its parameters,
// body and answer follow from the generated types. There is no route table to keep in step: a
// path openapi.yaml does not have, a missing parameter or a wrong body does not compile.

/** The paths of openapi.yaml that have an operation for `M`. */
export type PathWith<M extends Method> = { [P in keyof paths]: paths[P][Lowercase<M>] extends undefined ? never : P }[keyof paths];

/** The operation openapi.yaml describes for `M` at `P`. */
export type OperationAt<M extends Method, P extends keyof paths> = NonNullable<paths[P][Lowercase<M>]>;

/** An operation's path parameters (an empty object when it has none). */
export type PathParamsOf<Op> = Op extends { parameters: { path: infer Params extends object } } ? Params : Record<never, never>;

/** An operation's query parameters (never when it takes none). */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;

/** The JSON body an operation accepts (never when it takes none). */
export type JsonBodyOf<Op> = Op extends { requestBody?: infer Body } ? JsonContentOf<NonNullable<Body>> : never;

/** The names of the fields of an operation's multipart body (never when it takes none). */
export type FormFieldOf<Op> = Op extends { requestBody?: infer Body } ? FormFieldsOf<NonNullable<Body>> : never;

/** What an operation answers on success, as parsed JSON (undefined for a 204). */
export type ResultOf<Op> = Op extends { responses: infer Responses } ? JsonAnswerOf<Responses[Extract<keyof Responses, 200 | 201 | 202 | 204>]> : never;

/** `string` when the operation declares an `Idempotency-Key` header, never otherwise. */
export type IdempotencyKeyOf<Op> = Op extends { parameters: { header?: infer Headers } } ? KeyHeaderOf<NonNullable<Headers>> : never;

/** `path` is required exactly when the operation has path parameters. */
export type PathInit<Params> = Record<never, never> extends Params ? { path?: Params } : { path: Params };

type JsonContentOf<Body> = Body extends { content: { 'application/json': infer Json } } ? Json : never;
type FormFieldsOf<Body> = Body extends { content: { 'multipart/form-data': infer Form } } ? keyof Form & string : never;
type KeyHeaderOf<Headers> = Headers extends unknown ? ('Idempotency-Key' extends keyof Headers ? string : never) : never;
type JsonAnswerOf<Answer> = Answer extends { content: { 'application/json': infer Json } } ? Json : undefined;

/**
 * A path template of openapi.yaml with its parameters filled in, each encoded as one segment.
 * The types make every parameter present; an empty one is still refused here, as it would
 * silently name another endpoint.
 */
export function fillPath(template: string, params: object = {}): string {
  const values = new Map<string, unknown>(Object.entries(params));
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values.get(name);
    if (typeof value !== 'string' || value === '') throw new TypeError(`${template}: the path parameter "${name}" is missing.`);
    return encodeURIComponent(value);
  });
}

async function errorOf(method: string, url: string, response: Response): Promise<Error> {
  let code = `http_${response.status}`;
  let message = `${method} ${redact(url)} answered ${response.status} ${response.statusText}.`;
  let details: unknown;
  try {
    const parsed = (await response.json()) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (parsed.error && typeof parsed.error.code === 'string') code = parsed.error.code;
    if (parsed.error && typeof parsed.error.message === 'string') message = parsed.error.message;
    details = parsed.error?.details;
  } catch {
    // not our error shape (a proxy's HTML page, say): keep the generic message
  }
  const retryAfter = response.headers.get('retry-after');
  return apiErrorFor({
    status: response.status,
    code,
    message,
    details,
    requestId: response.headers.get('x-request-id'),
    retryAfterSeconds: retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null,
    method,
    url: redact(url),
  });
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}${cause.message && !cause.message.includes(cause.code) ? ` (${cause.message})` : ''}`;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Hides a token given in the path (/api/v1/<token>/…) in messages. */
function redact(url: string): string {
  return url.replace(/rpr_[A-Za-z0-9_-]+/g, 'rpr_[redacted]');
}
